import Foundation
import Testing
import VersusCore
@testable import VersusImport

struct YAMLWriterTests {
    @Test func plainWhenPlainlyTextQuotedOtherwise() {
        #expect(YAMLWriter.quoted("Claude Opus 4.6") == "Claude Opus 4.6")
        #expect(YAMLWriter.quoted("anthropic/claude-opus-4.6") == "anthropic/claude-opus-4.6")
        #expect(YAMLWriter.quoted("yes") == "\"yes\"")
        #expect(YAMLWriter.quoted("4o") == "\"4o\"")
        #expect(YAMLWriter.quoted("a: b") == "\"a: b\"")
        #expect(YAMLWriter.quoted("<b>x</b> & \"y\"") == "\"<b>x</b> & \\\"y\\\"\"")
        #expect(YAMLWriter.quoted("line\nbreak\u{2028}") == "\"line\\nbreak\\u2028\"")
    }

    /// Whatever text upstream holds comes back from the catalog's own YAML reader exactly.
    @Test func everyTextReadsBackExactly() throws {
        let texts = [
            "Claude Opus 4.6", "<script>alert(1)</script>", "Weights & Biases", "a: b # c", "- item", "? key",
            "'single'", "\"double\"", "back\\slash", "tab\there", "nul?\u{1}", "emoji 🚀", "ünïcödé", "null", "~",
            "1.50", "2026-02-05", "[flow]", "{map}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`",
            "trailing ", " leading", "", "line\u{2028}separator", "bom\u{FEFF}", "next\u{85}line",
        ]
        for text in texts {
            let parsed = YAMLParser.parse("key: \(YAMLWriter.quoted(text))\n", file: "t.yaml")
            guard case let .success(node?) = parsed, let value = node.entries?.first?.value.scalarText else {
                Issue.record("\(text.debugDescription) did not parse: \(parsed)")
                continue
            }
            #expect(value == text, "\(text.debugDescription)")
        }
    }

    @Test func numbersAreExactAndPlain() {
        #expect(YAMLWriter.number(Decimal(string: "1.75")!) == "1.75")
        #expect(YAMLWriter.number(Decimal(string: "0.000025")!) == "0.000025")
        #expect(YAMLWriter.number(Decimal(string: "14.00")!) == "14")
        #expect(YAMLWriter.number(Decimal(1_000_000)) == "1000000")
        #expect(YAMLWriter.number(Decimal(string: "-20")!) == "-20")
    }

    @Test func blocksAndLists() {
        var route = YAMLMapping()
        route.add("provider", .scalar("alpha"))
        route.add("tiers", .sequence([.mapping([("above_tokens", .integer(200_000)), ("input", .number(3.5))])]))
        route.add("empty", .sequence([]))
        route.add("unknown", nil)
        var model = YAMLMapping()
        model.add("name", .text("Alpha"))
        model.add("modalities", .mapping([("input", .inline(["text", "image"]))]))
        model.add("routes", .sequence([route.value]))
        #expect(
            YAMLWriter.render(model.value) == """
                name: Alpha
                modalities:
                  input: [text, image]
                routes:
                  - provider: alpha
                    tiers:
                      - above_tokens: 200000
                        input: 3.5

                """)
    }
}
