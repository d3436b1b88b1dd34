import Foundation
import Testing
@testable import VersusCore

/// Rebuilds after each kind of change, counting what is re-rendered (as Hugo's tests do) and checking that the
/// incremental result is byte for byte what a clean full build of the same catalog gives.
@Suite(.serialized) struct IncrementalBuildTests {
    static func model(
        _ name: String, input: String, tags: String = "[coding]", score: String = "70",
        reportedBy: String = "maker"
    ) -> String {
        """
        name: \(name)
        developer: \(name) Labs
        context_window: 128000
        decision_fit: \(tags)
        routes:
          - provider: api
            model_id: \(name.lowercased())
            input: \(input)
            output: 2
            source: price-page
            as_of: 2026-06-01
        benchmarks:
          - benchmark: bench
            score: \(score)
            reported_by: \(reportedBy)
            source: price-page
            date: 2026-06-01
        sources: [price-page]
        last_reviewed: 2026-06-01
        """
    }

    static let files: [String: String] = [
        "Content/site.yaml": "title: Incremental\nbase_url: https://inc.example.test\n",
        "Content/sources.yaml": "- id: price-page\n  title: Price page\n  url: https://inc.example.test/prices\n",
        "Content/benchmarks.yaml": """
        - id: bench
          name: Bench
          category: coding
          unit: percent
          higher_is_better: true
        - id: other-bench
          name: Other bench
          category: math
          unit: score
          higher_is_better: true
        """,
        "Content/providers/api.yaml": "name: API\nkind: router\n",
        "Content/models/alpha.yaml": model("Alpha", input: "1"),
        "Content/models/beta.yaml": model("Beta", input: "2"),
        "Content/models/gamma.yaml": model("Gamma", input: "3"),
        "Content/models/delta.yaml": model("Delta", input: "4", tags: "[rag]"),
        "Content/comparisons/alpha-vs-beta.md": "---\ntitle: Alpha or Beta\n---\nHand-written notes.\n",
    ]

    /// A site folder on disk with the repository's templates and `files`.
    static func site(_ files: [String: String] = files) throws -> URL {
        let root = try SiteBuildTests.temporaryFolder()
        try write(files, into: root)
        try FileManager.default.copyItem(
            at: SiteBuildTests.repository.appendingPathComponent("Templates"),
            to: root.appendingPathComponent("Templates"))
        return root
    }

    static func write(_ files: [String: String?], into root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            guard let text else { try FileManager.default.removeItem(at: url); continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static func build(
        _ root: URL, into output: URL? = nil, clean: Bool = false, shard: Shard? = nil,
        interruptAfter: Int? = nil, memory: OutputMemory? = nil
    ) async throws -> SiteBuilder.Report {
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog, "catalog errors: \(result.diagnostics.errors)")
        let templates = try TemplateSet.load(root: root.path).get()
        let output = output ?? root.appendingPathComponent("public")
        var options = BuildOptions(
            manifest: root.appendingPathComponent(".versus/manifest-\(output.lastPathComponent)"),
            clean: clean, shard: shard, generator: "versus tests")
        options.interruptAfter = interruptAfter
        options.outputMemory = memory
        // As `versus build` does: fragments kept between builds (a clean build starts without them).
        options.fragmentFile = URL(fileURLWithPath: options.manifest!.path + ".fragments")
        options.madeFilesFile = URL(fileURLWithPath: options.manifest!.path + ".files")
        return try await SiteBuilder(catalog: catalog, templates: templates).build(into: output, options: options)
    }

    /// Builds `root` incrementally, then from clean into another folder, and expects the same files and bytes.
    static func expectSameAsCleanBuild(_ root: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let fresh = root.appendingPathComponent("fresh-\(UUID().uuidString)")
        _ = try await build(root, into: fresh, clean: true)
        let incremental = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        let clean = try SiteBuildTests.files(in: fresh)
        #expect(incremental.keys.sorted() == clean.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in clean where incremental[path] != data {
            Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
        }
    }

    static let pairsOfAlpha = [
        "compare/alpha-vs-beta/index.html", "compare/alpha-vs-delta/index.html",
        "compare/alpha-vs-gamma/index.html",
    ]

    @Test func firstBuildIsFullAndASecondChangesNothing() async throws {
        let root = try Self.site()
        let first = try await Self.build(root)
        #expect(first.full)
        #expect(first.pairPages == 6)
        #expect(first.rendered == first.files)
        let before = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        let second = try await Self.build(root)
        #expect(!second.full)
        #expect(second.rendered == 0 && second.deleted == 0 && second.unchanged == first.files)
        #expect(try SiteBuildTests.files(in: root.appendingPathComponent("public")) == before)
    }

    @Test func onePriceChangeRerendersThatModelsPagesAndNothingElse() async throws {
        let root = try Self.site()
        _ = try await Self.build(root)
        try Self.write(["Content/models/alpha.yaml": Self.model("Alpha", input: "1.5")], into: root)
        let report = try await Self.build(root)
        // Its three pair pages, its model page, and the home page that lists its monthly cost.
        #expect(report.renderedPaths == Self.pairsOfAlpha + ["index.html", "models/alpha/index.html"])
        #expect(report.deleted == 0)
        try await Self.expectSameAsCleanBuild(root)
    }

    @Test func aBenchmarkScoreChangeAlsoRerendersItsLeaderboard() async throws {
        let root = try Self.site()
        _ = try await Self.build(root)
        try Self.write(["Content/models/gamma.yaml": Self.model("Gamma", input: "3", score: "71")], into: root)
        let report = try await Self.build(root)
        #expect(
            report.renderedPaths == [
                "benchmarks/bench/index.html",
                "compare/alpha-vs-gamma/index.html", "compare/beta-vs-gamma/index.html",
                "compare/delta-vs-gamma/index.html", "index.html", "models/gamma/index.html",
            ])
        try await Self.expectSameAsCleanBuild(root)
    }

    @Test func aNewModelAddsItsPagesAndRelinksTheRest() async throws {
        let root = try Self.site()
        let first = try await Self.build(root)
        try Self.write(["Content/models/epsilon.yaml": Self.model("Epsilon", input: "5")], into: root)
        let report = try await Self.build(root)
        #expect(report.pairPages == 10)
        #expect(report.files == first.files + 5)
        for path in ["compare/alpha-vs-epsilon/index.html", "models/epsilon/index.html", "sitemap.xml", "_redirects"] {
            #expect(report.renderedPaths.contains(path), "\(path) not rendered")
        }
        #expect(!report.renderedPaths.contains("404.html"))
        #expect(!report.renderedPaths.contains("assets/versus.css"))
        try await Self.expectSameAsCleanBuild(root)
    }

    @Test func aRemovedModelDeletesItsPages() async throws {
        let root = try Self.site()
        _ = try await Self.build(root)
        try Self.write(["Content/models/delta.yaml": nil], into: root)
        let report = try await Self.build(root)
        #expect(
            report.deletedPaths == [
                "compare/alpha-vs-delta/index.html", "compare/beta-vs-delta/index.html",
                "compare/delta-vs-gamma/index.html", "models/delta/index.html",
            ])
        let output = root.appendingPathComponent("public")
        #expect(
            !FileManager.default.fileExists(atPath: output.appendingPathComponent("compare/alpha-vs-delta").path),
            "an emptied page folder stays behind")
        try await Self.expectSameAsCleanBuild(root)
    }

    @Test func aTemplateChangeRerendersThePagesThatUseIt() async throws {
        let root = try Self.site()
        _ = try await Self.build(root)
        let partial = root.appendingPathComponent("Templates/partials/routes.mustache")
        try Data((try String(contentsOf: partial, encoding: .utf8) + "<!-- routes -->\n").utf8).write(to: partial)
        let routesReport = try await Self.build(root)
        // That partial is the route table of pair pages; model pages lay out the table around the rows themselves.
        #expect(routesReport.renderedPaths.allSatisfy { $0.hasPrefix("compare/") })
        #expect(routesReport.rendered == 6)
        try await Self.expectSameAsCleanBuild(root)

        // The rows of that table are rendered once per model from their own template, which model pages use too.
        let rows = root.appendingPathComponent("Templates/partials/route-rows.mustache")
        try Data(
            (try String(contentsOf: rows, encoding: .utf8)).replacingOccurrences(
                of: "<td>{{#.modelID}}", with: "<td class=\"m\">{{#.modelID}}"
            ).utf8
        ).write(to: rows)
        let rowsReport = try await Self.build(root)
        #expect(rowsReport.renderedPaths.filter { $0.hasPrefix("compare/") }.count == 6)
        #expect(
            rowsReport.renderedPaths.filter { !$0.hasPrefix("compare/") } == [
                "models/alpha/index.html", "models/beta/index.html", "models/delta/index.html", "models/gamma/index.html",
            ])
        for page in ["compare/alpha-vs-beta/index.html", "models/alpha/index.html"] {
            #expect(
                String(decoding: try Data(contentsOf: root.appendingPathComponent("public/\(page)")), as: UTF8.self).contains(
                    "<td class=\"m\"><code>"))
        }
        try await Self.expectSameAsCleanBuild(root)

        let layout = root.appendingPathComponent("Templates/layout.mustache")
        try Data((try String(contentsOf: layout, encoding: .utf8) + "<!-- layout -->\n").utf8).write(to: layout)
        let layoutReport = try await Self.build(root)
        #expect(layoutReport.renderedPaths.filter { $0.hasSuffix(".html") }.count == layoutReport.pairPages + layoutReport.otherPages)
        try await Self.expectSameAsCleanBuild(root)

        let css = root.appendingPathComponent("Templates/assets/versus.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "/* more */\n").utf8).write(to: css)
        #expect(try await Self.build(root).renderedPaths == ["assets/versus.css"])
    }

    @Test func anEditorialChangeRerendersItsPairOnly() async throws {
        let root = try Self.site()
        _ = try await Self.build(root)
        try Self.write(["Content/comparisons/alpha-vs-beta.md": "---\ntitle: Alpha or Beta\n---\nRewritten notes.\n"], into: root)
        #expect(try await Self.build(root).renderedPaths == ["compare/alpha-vs-beta/index.html"])
        try Self.write(["Content/comparisons/gamma-vs-delta.md": "---\ntitle: Gamma or Delta\n---\nNew notes.\n"], into: root)
        // A new editorial also features its pair on the home page.
        #expect(try await Self.build(root).renderedPaths == ["compare/delta-vs-gamma/index.html", "index.html"])
        try await Self.expectSameAsCleanBuild(root)
    }

    @Test func aSiteSettingOrASourceChangeRerendersWhatShowsIt() async throws {
        let root = try Self.site()
        let first = try await Self.build(root)
        try Self.write(
            ["Content/sources.yaml": "- id: price-page\n  title: Renamed price page\n  url: https://inc.example.test/prices\n"], into: root)
        let sourceReport = try await Self.build(root)
        #expect(sourceReport.rendered == 6 + 4 + 1 + 1, "\(sourceReport.renderedPaths)")  // pairs, models, leaderboard, home
        try await Self.expectSameAsCleanBuild(root)

        try Self.write(["Content/site.yaml": "title: Incremental, renamed\nbase_url: https://inc.example.test\n"], into: root)
        let siteReport = try await Self.build(root)
        #expect(siteReport.renderedPaths.filter { $0.hasSuffix(".html") }.count == first.pairPages + first.otherPages)
        try await Self.expectSameAsCleanBuild(root)
    }

    @Test func aBuildStoppedHalfWayIsFinishedByTheNextOne() async throws {
        let root = try Self.site()
        _ = try await Self.build(root)
        let original = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        try Self.write(["Content/models/alpha.yaml": Self.model("Alpha", input: "9")], into: root)
        await #expect(throws: Interrupted.self) { _ = try await Self.build(root, interruptAfter: 2) }
        // The catalog goes back to what the manifest's surviving entries describe: the two pages written with the
        // new price must not be trusted as fresh.
        try Self.write(["Content/models/alpha.yaml": Self.model("Alpha", input: "1")], into: root)
        let report = try await Self.build(root)
        #expect(report.rendered == 5)
        #expect(try SiteBuildTests.files(in: root.appendingPathComponent("public")) == original)
    }

    /// `versus serve` remembers the manifest it recorded: its rebuilds equal clean builds, a stopped build leaves
    /// nothing remembered, and only a build without the memory looks for files deleted from the output by hand.
    @Test func aRememberedManifestStandsForTheDiskOne() async throws {
        let root = try Self.site()
        let memory = OutputMemory()
        _ = try await Self.build(root, memory: memory)
        let manifest = root.appendingPathComponent(".versus/manifest-public")
        #expect(memory.manifest(at: manifest) == BuildManifest.read(from: manifest))

        try Self.write(["Content/models/alpha.yaml": Self.model("Alpha", input: "9")], into: root)
        #expect(try await Self.build(root, memory: memory).rendered == 5)
        try await Self.expectSameAsCleanBuild(root)
        #expect(memory.manifest(at: manifest) == BuildManifest.read(from: manifest))

        // Stopped half-way: nothing is remembered, and the next build finishes from the disk's manifest.
        try Self.write(["Content/models/alpha.yaml": Self.model("Alpha", input: "8")], into: root)
        await #expect(throws: Interrupted.self) { _ = try await Self.build(root, interruptAfter: 2, memory: memory) }
        #expect(memory.manifest(at: manifest) == nil)
        #expect(try await Self.build(root, memory: memory).rendered == 5)
        try await Self.expectSameAsCleanBuild(root)

        // A page deleted by hand: a build with the memory trusts it is there; one without puts it back.
        let page = root.appendingPathComponent("public/models/beta/index.html")
        try FileManager.default.removeItem(at: page)
        try Self.write(["Content/models/alpha.yaml": Self.model("Alpha", input: "7")], into: root)
        #expect(try await Self.build(root, memory: memory).renderedPaths.contains("models/beta/index.html") == false)
        #expect(!FileManager.default.fileExists(atPath: page.path))
        #expect(try await Self.build(root).renderedPaths == ["models/beta/index.html"])
        try await Self.expectSameAsCleanBuild(root)
    }

    @Test func aMissingOrUnreadableManifestMeansAFullBuild() async throws {
        let root = try Self.site()
        _ = try await Self.build(root)
        let manifest = root.appendingPathComponent(".versus/manifest-public")
        try Data("versus-manifest 1\nother generator\n".utf8).write(to: manifest)
        #expect(try await Self.build(root).full)
        try Data("garbage".utf8).write(to: manifest)
        #expect(try await Self.build(root).full)
        #expect(try await Self.build(root, clean: true).full)
        // A manifest naming a file outside the output is not ours: nothing outside is touched, the build starts over.
        let outside = root.appendingPathComponent("keep.txt")
        try Data("precious".utf8).write(to: outside)
        _ = try await Self.build(root)
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text += String(repeating: "0", count: 64) + "\t../keep.txt\n"
        try Data(text.utf8).write(to: manifest)
        #expect(BuildManifest.read(from: manifest) == nil)
        #expect(try await Self.build(root).full)
        #expect(try String(contentsOf: outside, encoding: .utf8) == "precious")
        // A page deleted by hand from the output is made again.
        try FileManager.default.removeItem(at: root.appendingPathComponent("public/models/beta/index.html"))
        #expect(try await Self.build(root).renderedPaths == ["models/beta/index.html"])
    }

    @Test func shardsTogetherMakeTheWholeSite() async throws {
        let root = try Self.site()
        _ = try await Self.build(root, into: root.appendingPathComponent("whole"))
        let whole = try SiteBuildTests.files(in: root.appendingPathComponent("whole"))
        var merged: [String: Data] = [:]
        for index in 1...3 {
            let folder = root.appendingPathComponent("shard-\(index)")
            let report = try await Self.build(root, into: folder, shard: Shard(index: index, count: 3)!)
            #expect(report.files >= whole.count / 3 && report.files <= whole.count / 3 + 1)
            for (path, data) in try SiteBuildTests.files(in: folder) {
                #expect(merged[path] == nil, "\(path) is in two shards")
                merged[path] = data
            }
        }
        #expect(merged == whole)
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("2") == nil && Shard("2/3") != nil)
    }

    @Test func aSecondBuildOfTheSameFolderIsKeptOut() throws {
        let root = try Self.site()
        let url = root.appendingPathComponent(".versus/lock")
        do {
            let lock = try BuildLock.acquire(at: url)
            #expect(throws: BuildLock.Busy.self) { _ = try BuildLock.acquire(at: url) }
            do {
                _ = try BuildLock.acquire(at: url)
            } catch {
                #expect("\(error)".contains("another versus build or serve is using this site folder"))
                #expect("\(error)".contains("process \(ProcessInfo.processInfo.processIdentifier)"))
            }
            withExtendedLifetime(lock) {}
        }
        // Released when its holder goes away.
        #expect(throws: Never.self) { _ = try BuildLock.acquire(at: url) }
    }
}
