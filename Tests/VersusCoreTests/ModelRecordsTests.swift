import Foundation
import Testing
@testable import VersusCore

/// `.versus/<manifest>.records`: each model's record fingerprint kept under a key of the bytes it comes from. A key
/// changes with the model's own files, its aliases' files, every shared catalog file and the generator; a build that
/// takes records from the last one renders exactly what one that encodes every model renders.
@Suite(.serialized) struct ModelRecordsTests {
    typealias Site = IncrementalBuildTests

    static func keys(_ root: URL, generator: String = "versus tests") throws -> [String: Fingerprint] {
        let catalog = try #require(CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!).catalog)
        return ModelRecords.keys(catalog, snapshot: InputSnapshot.take(root: root), generator: generator)
    }

    @Test func aKeyChangesWithWhatTheModelCanComeFrom() throws {
        let root = try Site.site(RebuildEachInputTests.files)
        let before = try Self.keys(root)
        #expect(before.keys.sorted() == ["alpha", "beta", "delta", "gamma"])
        // Its own file: that model's key only.
        try Site.write(["Content/models/alpha.yaml": Site.model("Alpha", input: "1.5")], into: root)
        let alpha = try Self.keys(root)
        #expect(alpha["alpha"] != before["alpha"] && alpha.filter { $0.key != "alpha" } == before.filter { $0.key != "alpha" })
        // An editorial note, a measurement or a template: no key.
        try Site.write(
            [
                "Content/comparisons/beta-vs-gamma.md": "---\ntitle: B or G\n---\nNotes.\n",
                "Templates/pages/benchmark.mustache": "<!-- changed -->",
            ], into: root)
        #expect(try Self.keys(root) == alpha)
        // A provider (even one only Delta uses), the sources, the benchmarks, site.yaml, a layer, the generator: every key.
        for (path, text) in [
            ("Content/providers/solo.yaml", "name: Solo 2\nkind: first-party\n"),
            ("Content/sources.yaml", "- id: price-page\n  title: Prices\n  url: https://inc.example.test/prices\n"),
            ("Content/site.yaml", "title: Incremental 2\nbase_url: https://inc.example.test\n"),
            ("Content/imports/models-dev/source.yaml", RebuildEachInputTests.layerSource),
        ] {
            let last = try Self.keys(root)
            try Site.write([path: text], into: root)
            let now = try Self.keys(root)
            for id in now.keys { #expect(now[id] != last[id], "\(path) changed and \(id)'s key did not") }
        }
        let now = try Self.keys(root)
        #expect(try Self.keys(root, generator: "versus 9.9").allSatisfy { now[$0.key] != $0.value })
    }

    @Test func anAliasFileChangesTheKeyOfTheModelThatListsIt() throws {
        var files = Site.files
        files["Content/models/alpha.yaml"] = Site.model("Alpha", input: "1") + "\naliases: [alpha-latest]\n"
        files["Content/models/alpha-latest.yaml"] = "name: Alpha (latest)\ndeveloper: Alpha Labs\n"
        let root = try Site.site(files)
        let before = try Self.keys(root)
        try Site.write(
            ["Content/models/alpha-latest.yaml": "name: Alpha (latest)\ndeveloper: Alpha Labs\ncontext_window: 64000\n"], into: root)
        let after = try Self.keys(root)
        #expect(after["alpha"] != before["alpha"] && after["beta"] == before["beta"])
    }

    /// Builds as `versus build` does: with the input snapshot and the records file.
    static func build(_ root: URL, clean: Bool = false) async throws -> SiteBuilder.Report {
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog, "catalog errors: \(result.diagnostics.errors)")
        let templates = try TemplateSet.load(root: root.path).get()
        var options = BuildOptions(
            manifest: root.appendingPathComponent(".versus/manifest-public"), clean: clean, generator: "versus tests")
        options.inputs = InputSnapshot.take(root: root)
        options.records = root.appendingPathComponent(".versus/manifest-public.records")
        options.site = root
        options.fragmentFile = root.appendingPathComponent(".versus/manifest-public.fragments")
        return try await SiteBuilder(catalog: catalog, templates: templates).build(
            into: root.appendingPathComponent("public"), options: options)
    }

    @Test func recordsFromTheLastBuildRenderWhatEncodingEveryModelRenders() async throws {
        let root = try Site.site(RebuildEachInputTests.files)
        _ = try await Self.build(root)
        let url = root.appendingPathComponent(".versus/manifest-public.records")
        let recorded = try #require(ModelRecords.read(from: url))
        #expect(recorded.entries.keys.sorted() == ["alpha", "beta", "delta", "gamma"])
        #expect(try await Self.build(root).rendered == 0)

        try Site.write(["Content/models/alpha.yaml": Site.model("Alpha", input: "1.5")], into: root)
        #expect(try await Self.build(root).renderedPaths == Site.pairsOfAlpha + ["index.html", "models/alpha/index.html"])
        try await Site.expectSameAsCleanBuild(root)
        let after = try #require(ModelRecords.read(from: url))
        #expect(after.entries["alpha"] != recorded.entries["alpha"] && after.entries["beta"] == recorded.entries["beta"])

        try Site.write(["Content/providers/solo.yaml": "name: Solo, renamed\nkind: first-party\n"], into: root)
        #expect(try await Self.build(root).renderedPaths == RebuildEachInputTests.pairsOfDelta + ["index.html", "models/delta/index.html"])
        try await Site.expectSameAsCleanBuild(root)

        // A malformed record file is ignored: every model is encoded again.
        try Data("garbage".utf8).write(to: url)
        #expect(ModelRecords.read(from: url) == nil)
        #expect(try await Self.build(root).rendered == 0)
    }
}
