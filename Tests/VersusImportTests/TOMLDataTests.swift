import Foundation
import Testing
@testable import VersusImport

struct TOMLDataTests {
    @Test func pricesComeBackAsTheDecimalsWritten() throws {
        let table = try TOMLData.parse(
            """
            [cost]
            input = 0.30
            output = 0.1
            cache_read = 2.5e-5
            cache_write = 1_000
            reasoning = 0.000001
            odd = 0.30000000000000004
            """)
        let cost = try #require(table["cost"])
        #expect(cost["input"]?.decimal.map(YAMLWriter.number) == "0.3")
        #expect(cost["output"]?.decimal.map(YAMLWriter.number) == "0.1")
        #expect(cost["cache_read"]?.decimal.map(YAMLWriter.number) == "0.000025")
        #expect(cost["cache_write"] == .integer(1000))
        #expect(cost["reasoning"]?.decimal.map(YAMLWriter.number) == "0.000001")
        // A literal that really has that many digits keeps them.
        #expect(cost["odd"]?.decimal.map(YAMLWriter.number) == "0.30000000000000004")
        // 0.1 + 0.2 in Decimal is exactly 0.3: no binary noise survives the conversion.
        #expect(cost["output"]!.decimal! + Decimal(string: "0.2")! == Decimal(string: "0.3")!)
    }

    @Test func datesTextAndArrays() throws {
        let table = try TOMLData.parse(
            """
            name = "<b>Odd</b>"
            release_date = 2025-08-07
            knowledge = "2024-09"
            flags = [true, false]
            context = 1e6
            """)
        #expect(table["name"]?.string == "<b>Odd</b>")
        #expect(table["release_date"]?.dateText == "2025-08-07")
        #expect(table["knowledge"]?.dateText == "2024-09")
        #expect(table["flags"]?.array == [.bool(true), .bool(false)])
        #expect(table["context"]?.integer == 1_000_000)
    }

    @Test func syntaxErrorsSayWhere() {
        #expect(throws: TOMLSyntaxError.self) { try TOMLData.parse("name = \"x\"\ncost = = 3\n") }
        do {
            _ = try TOMLData.parse("name = \"x\"\ncost = = 3\n")
        } catch {
            #expect(error.line == 2)
        }
    }
}
