import Foundation
import Testing
@testable import VersusCore

/// A value's mark points at the source that gives that very value: where an editor's value and an import's disagree,
/// the table shows the editor's value with the editor's source, and the other value in a note with its own source.
@Suite struct SourceMarkTests {
    static var files: [String: String] {
        var files = IncrementalBuildTests.files
        files["Content/comparisons/alpha-vs-beta.md"] = nil
        files["Content/sources.yaml"] = """
            - id: price-page
              title: Price page
              url: https://inc.example.test/prices
            - id: editor-note
              title: Editor's note
              url: https://inc.example.test/editor
            """
        // Alpha's api route: the editor's $0.8 first (from `editor-note`), the price page's $1 second.
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "1").replacingOccurrences(
            of: "    input: 1\n",
            with: "    input:\n      - value: 0.8\n        source: editor-note\n      - value: 1\n        source: price-page\n")
        return files
    }

    @Test func aDisputedPriceIsMarkedWithTheSourceOfTheValueShown() async throws {
        let root = try IncrementalBuildTests.site(Self.files)
        _ = try await IncrementalBuildTests.build(root)
        let html = String(decoding: try Data(contentsOf: root.appendingPathComponent("public/models/alpha/index.html")), as: UTF8.self)
        // The page numbers its sources in the order it cites them: read each one's number from the list.
        func number(_ url: String) throws -> String {
            let link = try #require(html.range(of: "\"><a href=\"\(url)\">"))
            let item = try #require(html.range(of: "id=\"src-", options: .backwards, range: html.startIndex..<link.lowerBound))
            return String(html[item.upperBound...].prefix { $0.isNumber })
        }
        let editor = try number("https://inc.example.test/editor"), page = try number("https://inc.example.test/prices")
        #expect(editor != page)
        let pricing = try PriceTableTests.pricing(html)
        let row = try #require(pricing.components(separatedBy: "<tr>").first { $0.contains("<code>alpha</code>") })
        // $0.8 carries the editor's mark, not the price page's (the row's Source column cites the price page).
        #expect(row.contains("$0.8<sup class=\"ref\"><a href=\"#src-\(editor)\""), "\(row)")
        #expect(row.contains("also $1 per Price page [\(page)]"), "\(row)")
    }
}
