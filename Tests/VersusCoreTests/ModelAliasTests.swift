import Foundation
import Testing
@testable import VersusCore

/// One model under two ids becomes one model: `aliases:` folds the other id's model into it, and the other id's
/// addresses redirect. The build refuses pages that would share a title or an address.
@Suite struct ModelAliasTests {
    /// Alpha lists `alpha-0501` as an alias; that id's own file (as an import layer would write it) has a route at
    /// `api` (Alpha has one there: dropped) and one at `router` (added), and a benchmark Alpha lacks.
    static var files: [String: String] {
        var files = IncrementalBuildTests.files
        files["Content/providers/router.yaml"] = "name: Router\nkind: router\n"
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "1") + "\naliases: [alpha-0501]\n"
        files["Content/models/alpha-0501.yaml"] = IncrementalBuildTests.model("Alpha (latest)", input: "5", score: "60")
            .replacingOccurrences(of: "model_id: alpha (latest)", with: "model_id: alpha-0501")
            .replacingOccurrences(
                of: "routes:\n",
                with: "routes:\n  - provider: router\n    model_id: alpha-0501\n    input: 0.9\n    output: 2\n    source: price-page\n"
            )
            .replacingOccurrences(of: "benchmarks:\n  - benchmark: bench\n", with: "benchmarks:\n  - benchmark: other-bench\n")
        files["Content/comparisons/alpha-vs-beta.md"] = nil
        files["Content/comparisons/alpha-0501-vs-gamma.md"] = "---\ntitle: Alpha or Gamma\n---\nWritten under the alias.\n"
        return files
    }

    static func check(_ files: [String: String]) -> CatalogValidator.Result {
        let fs = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) }))
        return CatalogCheck.run(root: "site", fileSystem: fs, today: ISODate("2026-06-30")!)
    }

    @Test func anAliasIsFoldedIntoTheModelThatListsIt() throws {
        let result = Self.check(Self.files)
        let catalog = try #require(result.catalog, "\(result.diagnostics.printed)")
        #expect(catalog.models.map(\.id) == ["alpha", "beta", "delta", "gamma"])
        #expect(catalog.aliases == ["alpha-0501": "alpha"])
        #expect(catalog.canonicalID("alpha-0501") == "alpha" && catalog.canonicalID("alpha") == "alpha")
        let alpha = try #require(catalog.model("alpha"))
        #expect(alpha.name == "Alpha")
        // The api route is Alpha's own ($1), not the alias's ($5); the router route comes from the alias.
        #expect(alpha.routes.map(\.provider) == ["api", "router"])
        #expect(alpha.routes[0].input?.values.map(\.value) == [1])
        #expect(Set(alpha.benchmarkResults.map(\.benchmark)) == ["bench", "other-bench"])
        // The editorial written under the alias belongs to Alpha's page.
        #expect(catalog.editorials[PairID("alpha", "gamma")]?.title == "Alpha or Gamma")
    }

    @Test func aliasAddressesRedirectToTheModelsPages() async throws {
        let root = try IncrementalBuildTests.site(Self.files)
        _ = try await IncrementalBuildTests.build(root)
        let output = root.appendingPathComponent("public")
        func text(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("compare/alpha-vs-alpha-0501").path))
        let stub = try text("models/alpha-0501/index.html")
        #expect(stub.contains("<meta http-equiv=\"refresh\" content=\"0; url=/models/alpha/\">"))
        #expect(stub.contains("<link rel=\"canonical\" href=\"https://inc.example.test/models/alpha/\">"))
        #expect(stub.contains("<meta name=\"robots\" content=\"noindex\">"))
        let pairStub = try text("compare/alpha-0501-vs-beta/index.html")
        #expect(pairStub.contains("url=/compare/alpha-vs-beta/"))
        #expect(try text("compare/alpha-0501-vs-gamma/index.html").contains("url=/compare/alpha-vs-gamma/\""))
        let redirects = try text("_redirects")
        for line in [
            "/models/alpha-0501/ /models/alpha/ 301", "/compare/alpha-0501-vs-beta/ /compare/alpha-vs-beta/ 301",
            "/compare/beta-vs-alpha-0501/ /compare/alpha-vs-beta/ 301",
        ] {
            #expect(redirects.contains(line + "\n"), "\(line)")
        }
        // Gamma's page carries the editorial title written under the alias.
        #expect(try text("compare/alpha-vs-gamma/index.html").contains("<title>Alpha or Gamma"))
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)
    }

    @Test func aliasMistakesAreErrorsWithTheirLine() {
        var files = Self.files
        files["Content/comparisons/alpha-0501-vs-gamma.md"] = nil
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2") + "\naliases:\n  - beta\n  - alpha-0501\n"
        files["Content/models/gamma.yaml"] = IncrementalBuildTests.model("Gamma", input: "3") + "\naliases: [delta]\n"
        files["Content/models/delta.yaml"] = IncrementalBuildTests.model("Delta", input: "4", tags: "[rag]") + "\naliases: [epsilon]\n"
        let result = Self.check(files)
        expectCatalogErrors(
            result,
            [
                "Content/models/beta.yaml:21:5: error: `beta` lists itself as an alias (remove `beta` from `aliases`)",
                "Content/models/beta.yaml:22:5: error: `alpha-0501` is already an alias of `alpha` (Content/models/alpha.yaml) (an id can be the alias of one model only; remove it from one of the two)",
                "Content/models/delta.yaml:20:11: error: `delta` is an alias of `gamma` and has aliases of its own (list every alias on `gamma` and remove `aliases` here)",
            ])
    }

    @Test func twoModelsOfOneNameStopTheBuild() {
        var files = IncrementalBuildTests.files
        files["Content/models/gamma.yaml"] = IncrementalBuildTests.model("Beta", input: "3")
        let result = Self.check(files)
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:1:1: error: `gamma` and `beta` (Content/models/beta.yaml) are both named \"Beta\": their pages and their comparisons would share titles (if they are one model, list `gamma` under `aliases:` of `beta`; otherwise give one a distinct `name`)"
            ])
    }

    @Test func anEditorialTitleSharedWithAnotherPageStopsTheBuild() {
        var files = IncrementalBuildTests.files
        files["Content/comparisons/alpha-vs-beta.md"] = "---\ntitle: \"Delta vs Gamma: specs, prices and benchmarks\"\n---\nText.\n"
        let result = Self.check(files)
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:1:1: error: /compare/delta-vs-gamma/ and /compare/alpha-vs-beta/ would have the same title \"Delta vs Gamma: specs, prices and benchmarks\" (give one of them a distinct name or, for a comparison, a distinct `title` in its Markdown file)"
            ])
    }

    /// The site's title is entered before any pair; the clash is found from the pair's side all the same.
    @Test func aSiteTitleSharedWithAPairsDefaultTitleStopsTheBuild() {
        var files = IncrementalBuildTests.files
        files["Content/site.yaml"] = "title: \"Delta vs Gamma: specs, prices and benchmarks\"\nbase_url: https://inc.example.test\n"
        let result = Self.check(files)
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:1:1: error: /compare/delta-vs-gamma/ and / would have the same title \"Delta vs Gamma: specs, prices and benchmarks\" (give one of them a distinct name or, for a comparison, a distinct `title` in its Markdown file)"
            ])
        // In the other order the names are no pair's default title.
        files["Content/site.yaml"] = "title: \"Gamma vs Delta: specs, prices and benchmarks\"\nbase_url: https://inc.example.test\n"
        #expect(Self.check(files).catalog != nil)
    }

    /// Names that hold no " vs " can still make one title of two pairs at the join: "Z vs" + "W" and "Z" + "vs W".
    @Test func twoPairTitlesMadeAlikeAtTheJoinStopTheBuild() {
        var files = IncrementalBuildTests.files
        files["Content/comparisons/alpha-vs-beta.md"] = nil
        for (id, name) in [("za", "Z vs"), ("zb", "W"), ("aa", "Z"), ("ab", "vs W")] {
            files["Content/models/\(id).yaml"] = IncrementalBuildTests.model(name, input: "1")
        }
        let result = Self.check(files)
        #expect(result.catalog == nil)
        #expect(
            result.diagnostics.errors.printed.contains {
                $0.contains("would have the same title \"Z vs vs W: specs, prices and benchmarks\"")
            },
            "\(result.diagnostics.printed)")
        #expect(SiteGuard.canJoin("model-vs", separator: "-vs-") == false && SiteGuard.canJoin("vs-model", separator: "-vs-") == false)
        #expect(SiteGuard.canJoin("canvas-pro", separator: "-vs-") && SiteGuard.canJoin("Canvas Pro", separator: " vs "))
    }

    @Test func twoPairsWithOneAddressStopTheBuild() {
        var files = IncrementalBuildTests.files
        files["Content/comparisons/alpha-vs-beta.md"] = nil
        // `a` + `b-vs-c` and `a-vs-b` + `c` both make compare/a-vs-b-vs-c/.
        for (id, name) in [("a", "A"), ("b-vs-c", "B vs C"), ("a-vs-b", "A vs B"), ("c", "C")] {
            files["Content/models/\(id).yaml"] = IncrementalBuildTests.model(name, input: "1")
        }
        let result = Self.check(files)
        #expect(result.catalog == nil)
        #expect(
            result.diagnostics.errors.printed.contains { $0.contains("two pages would be written to /compare/a-vs-b-vs-c/") },
            "\(result.diagnostics.printed)")
    }

    @Test func aModelAndItsLatestAliasUnderTwoIdsIsAWarning() {
        var files = IncrementalBuildTests.files
        files["Content/models/gamma.yaml"] = IncrementalBuildTests.model("Beta (latest)", input: "3")
            .replacingOccurrences(of: "developer: Beta (latest) Labs", with: "developer: Beta Labs")
        let result = Self.check(files)
        #expect(result.catalog != nil)
        #expect(
            result.diagnostics.warnings.printed.contains(
                "Content/models/gamma.yaml:1:1: warning: `gamma` (\"Beta (latest)\") and `beta` (\"Beta\") look like one model under two ids: their comparison page would compare the model with itself (if they are one model, list `gamma` under `aliases:` of `beta` (in a hand-written models/beta.yaml for an imported model))"
            ),
            "\(result.diagnostics.printed)")
    }

    @Test func addingAndRemovingAnAliasRebuildsIncrementallyAsACleanBuildWould() async throws {
        var files = Self.files
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "1")
        files["Content/models/alpha-0501.yaml"] = nil
        files["Content/comparisons/alpha-0501-vs-gamma.md"] = nil
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        // Add the alias (its model file absent: only its addresses redirect).
        try IncrementalBuildTests.write(
            ["Content/models/alpha.yaml": IncrementalBuildTests.model("Alpha", input: "1") + "\naliases: [alpha-0501]\n"], into: root)
        let added = try await IncrementalBuildTests.build(root)
        #expect(added.renderedPaths.contains("models/alpha-0501/index.html"))
        #expect(added.renderedPaths.contains("compare/alpha-0501-vs-beta/index.html"))
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)
        // Remove it again: its redirect pages go.
        try IncrementalBuildTests.write(["Content/models/alpha.yaml": IncrementalBuildTests.model("Alpha", input: "1")], into: root)
        let removed = try await IncrementalBuildTests.build(root)
        #expect(removed.deletedPaths.contains("models/alpha-0501/index.html"))
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)
    }
}
