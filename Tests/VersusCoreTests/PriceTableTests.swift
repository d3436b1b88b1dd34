import Foundation
import Testing
@testable import VersusCore

/// Price tables list routes cheapest first; a pair page shows `pair_route_rows` of each model's routes and links to
/// the model page, which lists them all.
@Suite struct PriceTableTests {
    static func route(_ provider: String, input: String?, output: String?) -> String {
        var text = "  - provider: \(provider)\n    model_id: alpha-\(provider)\n"
        if let input { text += "    input: \(input)\n" }
        if let output { text += "    output: \(output)\n" }
        return text + "    source: price-page\n    as_of: 2026-06-01\n"
    }

    static func files(rows: Int?) -> [String: String] {
        var files = IncrementalBuildTests.files
        files["Content/comparisons/alpha-vs-beta.md"] = nil
        files["Content/site.yaml"] =
            "title: Prices\nbase_url: https://prices.example.test\n" + (rows.map { "pair_route_rows: \($0)\n" } ?? "")
        for provider in ["north", "south", "east", "west"] {
            files["Content/providers/\(provider).yaml"] = "name: \(provider.capitalized) Cloud\nkind: cloud\n"
        }
        // At 1,000M input and 225M output tokens: east $1,450, north $5,450, west $1,450 (tie: east first by id);
        // south has no output price, so no monthly cost, and comes last.
        let routes =
            route("north", input: "5", output: "2") + route("south", input: "1", output: nil)
            + route("west", input: "1", output: "2") + route("east", input: "1", output: "2")
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "9")
            .replacingOccurrences(of: "routes:\n", with: "routes:\n" + routes)
        return files
    }

    /// Provider names in the rows of the price table in `html`, in order.
    static func providers(_ html: String) -> [String] {
        html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().compactMap { row in
            row.range(of: " Cloud").map { String(row[..<$0.lowerBound].split(separator: ">").last ?? "") }
                ?? (row.hasPrefix("API") ? "API" : nil)
        }
    }

    static func pricing(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"pricing\""))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func pairPagesListTheCheapestRoutesAndLinkToTheRest() async throws {
        let root = try IncrementalBuildTests.site(Self.files(rows: 2))
        _ = try await IncrementalBuildTests.build(root)
        let pair = try Self.pricing(
            String(decoding: try Data(contentsOf: root.appendingPathComponent("public/compare/alpha-vs-beta/index.html")), as: UTF8.self))
        #expect(Self.providers(pair) == ["East", "West", "API"])
        #expect(pair.contains("<a href=\"/models/alpha/#pricing\">3 more routes on the Alpha page</a>"))
        #expect(!pair.contains("more routes on the Beta page") && !pair.contains("more route on the Beta page"))
        #expect(
            pair.contains("<th scope=\"rowgroup\" colspan=\"9\">Alpha</th>")
                && pair.contains("<th scope=\"rowgroup\" colspan=\"9\">Beta</th>"))

        let model = try Self.pricing(
            String(decoding: try Data(contentsOf: root.appendingPathComponent("public/models/alpha/index.html")), as: UTF8.self))
        #expect(Self.providers(model) == ["East", "West", "North", "API", "South"])
        #expect(!model.contains("more route"))
    }

    @Test func eightRoutesByDefault() async throws {
        let root = try IncrementalBuildTests.site(Self.files(rows: nil))
        _ = try await IncrementalBuildTests.build(root)
        let pair = try Self.pricing(
            String(decoding: try Data(contentsOf: root.appendingPathComponent("public/compare/alpha-vs-beta/index.html")), as: UTF8.self))
        #expect(Self.providers(pair) == ["East", "West", "North", "API", "South", "API"])
        #expect(!pair.contains("more route"))
    }

    @Test func aPriceFarAboveTheModelsOtherRoutesIsNoted() async throws {
        var files = Self.files(rows: nil)
        // North charges $50 in against a median of $1 over five routes with an input price (east, west, south, api
        // at $9, north): 50×; its output ($2) is ordinary.
        files["Content/models/alpha.yaml"] = files["Content/models/alpha.yaml"]!.replacingOccurrences(
            of: "model_id: alpha-north\n    input: 5\n", with: "model_id: alpha-north\n    input: 50\n")
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        let model = try Self.pricing(
            String(decoding: try Data(contentsOf: root.appendingPathComponent("public/models/alpha/index.html")), as: UTF8.self))
        let north = try #require(model.components(separatedBy: "<tr>").first { $0.contains("North Cloud") })
        #expect(
            north.contains("$50 <small class=\"note\">50× the median of this model&#39;s routes; check with the provider</small>")
                || north.contains("50× the median of this model"), "\(north)")
        #expect(model.components(separatedBy: "× the median").count == 2, "only North's input is noted")
        let priced = PriceOutliers([])
        #expect(priced.input == nil && priced.note(100, median: nil) == nil)
        #expect(PriceOutliers.median([3, 1, 2, 10]) == 2.5)
    }
}
