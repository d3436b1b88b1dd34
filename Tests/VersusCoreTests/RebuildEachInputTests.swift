import Foundation
import Testing
@testable import VersusCore

/// A change in each kind of input re-renders exactly the pages that show it, and the result is byte for byte a clean
/// build's. (Model files, editorial notes, templates, site.yaml and sources.yaml: `IncrementalBuildTests`.)
@Suite(.serialized) struct RebuildEachInputTests {
    typealias Site = IncrementalBuildTests

    /// Delta served by a second provider too, which no other model uses.
    static let files = Site.files.merging([
        "Content/providers/solo.yaml": "name: Solo\nkind: first-party\n",
        "Content/models/delta.yaml": Site.model("Delta", input: "4", tags: "[rag]").replacingOccurrences(
            of: "benchmarks:",
            with: """
                  - provider: solo
                    model_id: delta-solo
                    input: 5
                    output: 6
                    source: price-page
                    as_of: 2026-06-01
                benchmarks:
                """),
    ]) { $1 }

    static let pairsOfDelta = [
        "compare/alpha-vs-delta/index.html", "compare/beta-vs-delta/index.html", "compare/delta-vs-gamma/index.html",
    ]

    @Test func aProviderChangeRerendersThePagesOfTheModelsItServes() async throws {
        let root = try Site.site(Self.files)
        _ = try await Site.build(root)
        try Site.write(["Content/providers/solo.yaml": "name: Solo, renamed\nkind: first-party\n"], into: root)
        let report = try await Site.build(root)
        #expect(report.renderedPaths == Self.pairsOfDelta + ["index.html", "models/delta/index.html"])
        try await Site.expectSameAsCleanBuild(root)
    }

    @Test func aMeasurementRerendersItsModelsPagesAndTheMeasurementsPage() async throws {
        let measured = MeasurementCatalogTests.measured
        let root = try Site.site(Site.files.merging([measured: MeasurementCatalogTests.file(model: "alpha")]) { $1 })
        _ = try await Site.build(root)
        try Site.write([measured: MeasurementCatalogTests.file(model: "alpha", decode: "80.25")], into: root)
        let report = try await Site.build(root)
        #expect(
            report.renderedPaths == Site.pairsOfAlpha + [
                "measurements/alpha/2026-11-25-box.yaml", "measurements/index.html",
                "models/alpha/index.html",
            ])
        try await Site.expectSameAsCleanBuild(root)
    }

    static let layerSource = """
        id: models-dev
        title: models.dev catalog, snapshot of 2026-06-09
        publisher: models.dev
        url: https://models.dev
        date: 2026-06-09
        """

    static func layerModel(input: String) -> String {
        """
        name: Epsilon
        developer: Epsilon Labs
        context_window: 64000
        routes:
          - provider: api
            model_id: epsilon
            input: \(input)
            output: 1
            source: models-dev
            as_of: 2026-06-09
        sources: [models-dev]
        """
    }

    @Test func anImportLayerChangeRerendersItsModelsPages() async throws {
        let root = try Site.site(
            Site.files.merging([
                "Content/imports/models-dev/source.yaml": Self.layerSource,
                "Content/imports/models-dev/models/epsilon.yaml": Self.layerModel(input: "0.5"),
            ]) { $1 })
        _ = try await Site.build(root)
        try Site.write(["Content/imports/models-dev/models/epsilon.yaml": Self.layerModel(input: "0.75")], into: root)
        let report = try await Site.build(root)
        #expect(
            report.renderedPaths == [
                "compare/alpha-vs-epsilon/index.html", "compare/beta-vs-epsilon/index.html",
                "compare/delta-vs-epsilon/index.html", "compare/epsilon-vs-gamma/index.html",
                "index.html", "models/epsilon/index.html",
            ])
        try await Site.expectSameAsCleanBuild(root)
    }

    static func history(_ changes: [(String, String)]) -> String {
        var text =
            "model: epsilon\nrepository: https://github.com/sst/models.dev\nroutes:\n  - provider: api\n    model_id: epsilon\n    changes:\n"
        for (index, (date, input)) in changes.enumerated() {
            text += "      - date: \(date)\n        commit: \(String(repeating: String(index + 1), count: 40))\n"
            text += "        input: \(input)\n        output: 1\n"
        }
        return text
    }

    @Test func aPriceHistoryChangeRerendersItsModelsPagesAndTheChangesPage() async throws {
        let history = "Content/imports/models-dev/history/epsilon.yaml"
        let root = try Site.site(
            Site.files.merging([
                "Content/imports/models-dev/source.yaml": Self.layerSource,
                "Content/imports/models-dev/models/epsilon.yaml": Self.layerModel(input: "0.5"),
                history: Self.history([("2026-01-10", "0.9")]),
            ]) { $1 })
        _ = try await Site.build(root)
        // The newer change also sets a long-context price: the route's table gains the column.
        let tiered =
            Self.history([("2026-01-10", "0.9"), ("2026-05-02", "0.5")])
            + "        tiers:\n          - above_tokens: 200000\n            input: 1\n            output: 2\n"
        try Site.write([history: tiered], into: root)
        let report = try await Site.build(root)
        #expect(
            report.renderedPaths == [
                // January moved off /changes/ (May is now the latest month) to a page of its own.
                "changes/2026-01/index.html", "changes/feed.xml", "changes/index.html",
                "compare/alpha-vs-epsilon/index.html", "compare/beta-vs-epsilon/index.html",
                "compare/delta-vs-epsilon/index.html", "compare/epsilon-vs-gamma/index.html",
                "models/epsilon/index.html", "sitemap.xml",
            ])
        // Epsilon's fragments (its price-move line) are made again; its partners' come from the store.
        #expect(report.fragmentsMade == 1)
        try await Site.expectSameAsCleanBuild(root)
        let page = try String(contentsOf: root.appendingPathComponent("public/models/epsilon/index.html"), encoding: .utf8)
        #expect(page.contains("id=\"price-history\"") && page.contains("<svg class=\"chart price-chart\""))
        #expect(page.contains("https://github.com/sst/models.dev/commit/\(String(repeating: "2", count: 40))"))
        #expect(page.contains("<th scope=\"col\">Long context</th>"))
        #expect(page.contains("<td>Above 200K: $1 in, $2 out</td>") && page.contains("<td>None listed</td>"), "\(page)")
        // /changes/ shows May and links January's page, which shows January alone; the feed links each day where it is.
        let changes = try String(contentsOf: root.appendingPathComponent("public/changes/index.html"), encoding: .utf8)
        #expect(changes.contains("id=\"history-2026-05-02\"") && !changes.contains("id=\"history-2026-01-10\""))
        #expect(changes.contains("<span aria-current=\"page\">2026-05</span> (1 change)"))
        #expect(changes.contains("<a href=\"/changes/2026-01/\">2026-01</a> (1 change)"))
        let january = try String(contentsOf: root.appendingPathComponent("public/changes/2026-01/index.html"), encoding: .utf8)
        #expect(january.contains("<h1>Price changes of 2026-01</h1>") && january.contains("<title>Price changes of 2026-01"))
        #expect(january.contains("id=\"history-2026-01-10\"") && !january.contains("id=\"history-2026-05-02\""))
        #expect(!january.contains("records no price changes"))
        let feed = try String(contentsOf: root.appendingPathComponent("public/changes/feed.xml"), encoding: .utf8)
        #expect(feed.contains("/changes/2026-01/#history-2026-01-10\""), "\(feed)")
        let sitemap = try String(contentsOf: root.appendingPathComponent("public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("/changes/2026-01/</loc>"))
        let pair = try String(contentsOf: root.appendingPathComponent("public/compare/alpha-vs-epsilon/index.html"), encoding: .utf8)
        #expect(
            pair.contains("Epsilon&#39;s cheapest pay-as-you-go input price fell 44% since 2026-01-10 ($0.9 to $0.5 per 1M tokens)"),
            "\(pair)")
    }
}
