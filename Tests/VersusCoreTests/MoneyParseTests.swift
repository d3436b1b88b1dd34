import Foundation
import Testing
@testable import VersusCore

/// `Money.parse` reads prices on bytes (`quickParse`); it must give exactly what Foundation's `Decimal(string:)`
/// gives (`foundationParse`), value, text and hash, and refuse what it refused.
struct MoneyParseTests {
    @Test func bytesGiveWhatFoundationGives() {
        var samples = [
            "0", "0.0", "1", "1.5", "1.50", "0.075", "12_000", "1_000.5", "200000", "-4", "-0", "0.000001", "3.441",
            "1.1470", "100.00", "0.30", "0000.10", ".5", "-.5", "5.", "-5.", "123456789012345678", "1234567890123456789",
            "0.1234567890123456789", "99999999999999999.9", "", ".", "-", "1.2.3", "1e5", "1-", "+1", " 1", "1 ", "١",
            String(repeating: "1", count: 31), String(repeating: "_", count: 29) + "1",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let whole = Int.random(in: 0...999_999, using: &generator)
            let places = Int.random(in: 0...7, using: &generator)
            let fraction = String(Int.random(in: 0...9_999_999, using: &generator)).prefix(places)
            samples.append(places == 0 ? "\(whole)" : "\(whole).\(fraction)")
        }
        // The catalog's numbers take the quick way.
        for text in ["1.75", "0.175", "12_000", "-0.5", "200000"] { #expect(Money.quickParse(text) != nil, "\(text)") }
        for text in samples {
            let quick = Money.quickParse(text) ?? Money.foundationParse(text), slow = Money.foundationParse(text)
            #expect(quick == slow, "\(text): \(String(describing: quick)) against \(String(describing: slow))")
            #expect(quick?.description == slow?.description, "\(text)")
            #expect(quick.map { $0.hashValue } == slow.map { $0.hashValue }, "\(text)")
        }
    }
}
