import Foundation
import Testing
import VersusCore
@testable import VersusImport

/// The importer on the small fixture checkout: what it links, what it writes, and every oddity as one warning.
struct ImporterTests {
    @Test func importsTheFixtureAndSaysWhatWasOdd() throws {
        let root = try ImportFixture.site()
        let result = try ImportFixture.run(ImportFixture.older, into: root)
        #expect(
            result.warnings.map(\.description) == [
                "models/alpha/alpha-one.toml: warning: `modalities.input` names \"hologram\", not a modality the catalog knows; ignored",
                "models/alpha/alpha-one.toml: warning: benchmark \"Mystery Bench\" matches no benchmark of the hand-written benchmarks.yaml; 1 result not imported (add the name to a benchmark's `aliases`)",
                "models/alpha/shared.toml: warning: `limit.output` (64000) exceeds `limit.context` (32000); output limit left unknown",
                "models/alpha/shared.toml: warning: its name takes the same id as models/beta/shared.toml; imported as `alpha-shared`",
                "models/beta/odd.toml: warning: `limit.context` is 0, which stands for unknown; left unknown",
                "models/beta/odd.toml: warning: `release_date` is not a date (YYYY-MM-DD or YYYY-MM): \"2026-13-45\"; ignored",
                "models/beta/shared.toml: warning: its name takes the same id as models/alpha/shared.toml; imported as `beta-shared`",
                "providers/host.example/models/shared.toml: warning: `limit.output` (64000) exceeds `limit.context` (32000); the provider's limits are left out",
                "providers/host.example/provider.toml: warning: `doc` \"not a web address\" is not a web address; left out",
                "providers/router/models/alpha/alpha-one.toml: warning: `cost.cached_input` is not a models.dev price; ignored",
                "providers/router/models/broken.toml:1:17: warning: not valid TOML: Error while parsing key-value pair: expected a comment or whitespace, saw '='; skipped",
                "providers/router/models/dangling.toml: warning: broken link: \"../../zeta/models/missing.toml\" does not exist; skipped",
                "providers/router/models/retired.toml: warning: deprecated on models.dev; route not imported",
            ])
        var expected = ImportStats()
        expected.models = 6
        expected.routes = 7
        expected.providers = 3
        expected.providerFiles = 10
        expected.linkedByBaseModel = 4
        expected.linkedByID = 2
        expected.linkedByName = 2
        expected.deprecated = 1
        expected.unlinked = 2
        expected.ambiguous = 1
        expected.unreadable = 2
        expected.results = 2
        expected.benchmarksMatched = 2
        expected.benchmarkNamesUnmatched = 1
        expected.resultsUnmatched = 1
        #expect(result.stats == expected)
        #expect(
            result.summary == "Imported 6 models with 7 routes from 3 providers (models.dev snapshot of 2026-04-30). "
                + "Of 12 provider model files, 8 linked to a model (4 by base_model, 2 by id, 2 by name; 1 of them deprecated and left out), "
                + "2 linked to none and were counted, not imported (1 fit several models), and 2 could not be read. "
                + "Benchmarks: 2 results matched to 2 benchmarks, 1 name unmatched (1 result not imported). 13 warnings. "
                + "Content/imports/models-dev/: 11 files written, 0 unchanged, 0 removed.")
        #expect(result.catalogErrors.isEmpty, "\(result.catalogErrors.printed)")

        let checked = ImportFixture.check(root)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.printed)")
        let catalog = try #require(checked.catalog)
        #expect(catalog.models.map(\.id) == ["alpha-one", "alpha-shared", "beta-free", "beta-shared", "gamma-1-5", "odd"])
        #expect(catalog.sources["models-dev"]?.date == ISODate(year: 2026, month: 4, day: 30))
    }

    @Test func theSnapshotDateIsTheNewestLastUpdatedOrTheOneGiven() throws {
        #expect(try ImportFixture.run(ImportFixture.older, into: ImportFixture.site()).date == ISODate("2026-04-30"))
        let root = try ImportFixture.site()
        #expect(try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01").date == ISODate("2026-05-01"))
        let text = try ImportFixture.text(root, "Content/imports/models-dev/models/alpha-one.yaml")
        #expect(text.contains("    as_of: 2026-05-01\n") && !text.contains("2026-04-30"))
    }

    @Test func everyImportedValueCitesModelsDevAndTheSnapshotDate() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        let catalog = try #require(ImportFixture.check(root).catalog)
        let date = ISODate("2026-05-01")
        for model in catalog.models {
            #expect(model.sources == [.registered("models-dev")])
            var cited: [(SourceReference?, ISODate?)] = []
            func cite<T>(_ figure: Figure<T>?) { if let value = figure?.primary { cited.append((value.source, value.date)) } }
            cite(model.contextWindow)
            cite(model.maxOutput)
            for route in model.routes {
                for figure in [route.input, route.output, route.cachedInput, route.cacheWrite] { cite(figure) }
                for tier in route.tiers { for figure in [tier.input, tier.output, tier.cachedInput, tier.cacheWrite] { cite(figure) } }
                cite(route.contextWindow)
                cite(route.maxOutput)
            }
            for result in model.benchmarkResults { cite(result.score) }
            for (source, cited) in cited {
                #expect(source == .registered("models-dev") && cited == date, "\(model.id)")
            }
        }
    }

    @Test func pricesUnknownZeroAndExact() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root)
        let catalog = try #require(ImportFixture.check(root).catalog)
        func route(_ model: String, _ provider: String, _ id: String) throws -> Route {
            try #require(catalog.model(model)?.routes.first { $0.provider == provider && $0.modelID == id })
        }
        // No [cost] at all: the prices stay unknown, never $0.
        let gamma = try route("gamma-1-5", "router", "gamma-one-point-five")
        #expect(gamma.input == nil && gamma.output == nil && !gamma.isComplete)
        // A real $0 where the source says 0.
        let free = try route("beta-free", "router", "beta/beta-free")
        #expect(free.input?.value == 0 && free.output?.value == 0 && free.isComplete)
        // Only an input price: the output stays unknown.
        let partial = try route("alpha-shared", "host-example", "shared")
        #expect(partial.input?.value == Decimal(string: "0.05") && partial.output == nil)
        // Decimals as written: 0.30 is 0.3, 0.175 is 0.175.
        let routed = try route("alpha-one", "router", "alpha/alpha-one")
        #expect(routed.input?.value == Decimal(string: "0.3") && routed.cachedInput?.value == Decimal(string: "0.1"))
        #expect(routed.contextWindow?.value == 200_000 && routed.maxOutput?.value == 64_000)
        let direct = try route("alpha-one", "alpha", "alpha-one")
        #expect(direct.cachedInput?.value == Decimal(string: "0.175") && direct.cacheWrite?.value == Decimal(string: "2.1"))
        #expect(direct.tiers.map(\.aboveTokens) == [200_000] && direct.tiers[0].input?.value == Decimal(string: "3.5"))
        // The provider serves the model's own limits: nothing repeated on the route.
        #expect(direct.contextWindow == nil && direct.maxOutput == nil)
        let text = try ImportFixture.text(root, "Content/imports/models-dev/models/alpha-one.yaml")
        #expect(text.contains("    input: 0.3\n") && text.contains("    cached_input: 0.175\n"))
    }

    @Test func deprecatedRoutesAreLeftOutAndBetaOnesSaySo() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root)
        let catalog = try #require(ImportFixture.check(root).catalog)
        #expect(catalog.models.flatMap(\.routes).allSatisfy { $0.modelID != "retired" })
        let beta = catalog.model("beta-free")?.routes.first { $0.provider == "host-example" }
        #expect(beta?.note == "In beta at this provider (models.dev).")
    }

    @Test func oddNamesAreKeptAsText() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root)
        let catalog = try #require(ImportFixture.check(root).catalog)
        #expect(catalog.model("odd")?.name == "<b>Odd</b> & \"Quoted\": Model #1")
        #expect(catalog.model("odd")?.releaseDate == nil && catalog.model("odd")?.contextWindow == nil)
        #expect(catalog.providers["router"]?.name == "Router & Co")
        #expect(catalog.providers["router"]?.openAICompatible == true && catalog.providers["router"]?.kind == .inferenceHost)
        #expect(catalog.providers["host-example"]?.url == nil)
    }

    @Test func duplicateBasenamesGetTheirLab() throws {
        let root = try ImportFixture.site()
        let result = try ImportFixture.run(ImportFixture.older, into: root)
        let catalog = try #require(ImportFixture.check(root).catalog)
        #expect(catalog.model("alpha-shared")?.name == "Shared" && catalog.model("beta-shared")?.name == "Shared.")
        #expect(catalog.model("shared") == nil)
        let manifest = try ImportFixture.text(root, "Content/imports/models-dev/source.yaml")
        #expect(manifest.contains("\n  alpha/shared: alpha-shared\n") && manifest.contains("\n  beta/shared: beta-shared\n"))
        #expect(result.warnings.filter { $0.message.hasPrefix("its name takes the same id") }.count == 2)
    }

    @Test func capabilitiesFollowTheSiteRows() throws {
        let root = try ImportFixture.site(["site.yaml": ImportFixture.siteYAML + "capabilities:\n  - id: vision\n    name: Vision\n"])
        _ = try ImportFixture.run(ImportFixture.older, into: root)
        let catalog = try #require(ImportFixture.check(root).catalog)
        #expect(catalog.model("alpha-one")?.capabilities == ["vision": .yes])
        let other = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: other)
        let all = try #require(ImportFixture.check(other).catalog)
        #expect(
            all.model("alpha-one")?.capabilities == [
                "vision": .yes, "multimodal-input": .yes, "reasoning-mode": .yes,
                "function-calling": .yes, "structured-outputs": .no,
                "tool-use": .yes,
            ])  // follows from function calling
        // "No image input" is not "no vision": it stays not documented.
        #expect(all.model("beta-free")?.capability("vision") == .notDocumented)
    }

    @Test func benchmarksMatchTheCatalogsAliasesFirst() throws {
        let benchmarks = """
            - id: mystery
              name: The Mystery
              category: reasoning-and-knowledge
              aliases: [Mystery Bench]
            - id: swe-verified
              name: SWE Verified
              category: coding
              unit: percent
              aliases: [swe_bench_verified]
            """
        let root = try ImportFixture.site(["benchmarks.yaml": benchmarks])
        let result = try ImportFixture.run(ImportFixture.older, into: root)
        #expect(result.stats.benchmarkNamesUnmatched == 0 && result.stats.results == 3)
        let catalog = try #require(ImportFixture.check(root).catalog)
        let results = try #require(catalog.model("alpha-one")?.benchmarkResults)
        #expect(results.map(\.benchmark) == ["swe-verified", "terminal-bench", "mystery"])
        #expect(results[1].variant == "Alpha CLI harness, version 2.1")
        #expect(results[0].score.primary.note == "resolve rate, reported at https://alpha.example/launch, on 2026-02-05")
        // The layer adds only what the hand-written file lacks.
        let layer = try ImportFixture.text(root, "Content/imports/models-dev/benchmarks.yaml")
        #expect(layer.contains("- id: terminal-bench\n") && !layer.contains("swe-bench-verified") && !layer.contains("mystery"))
        // The launch post is on the lab's own site: the maker's figure.
        #expect(results[0].reporter == .maker)
    }

    @Test func aResultOfAnotherVersionIsAnotherBenchmark() {
        let handWritten = Benchmark(
            id: "terminal-bench-2", name: "Terminal-Bench 2.0", category: .agentic, unit: .percent,
            higherIsBetter: true, url: "https://www.tbench.ai", aliases: ["Terminal-Bench"],
            location: SourceLocation(file: "Content/benchmarks.yaml"))
        let matcher = BenchmarkMatcher(catalog: [handWritten])
        // The same version (written 2 or 2.0) is the hand-written benchmark; 2.1 is one of its own, described alike.
        #expect(matcher.match("Terminal-Bench", version: "2") == .catalog("terminal-bench-2"))
        #expect(matcher.match("Terminal-Bench", version: "2.0") == .catalog("terminal-bench-2"))
        guard case let .known(definition) = matcher.match("Terminal-Bench", version: "2.1") else {
            Issue.record("version 2.1 matched Terminal-Bench 2.0")
            return
        }
        #expect(definition.id == "terminal-bench-2-1" && definition.name == "Terminal-Bench 2.1")
        #expect(definition.category == .agentic && definition.unit == .percent && definition.url == "https://www.tbench.ai")
        // A name that states no version keeps the version in the variant (no new benchmark).
        #expect(BenchmarkMatcher.statedVersion("LiveCodeBench v6")?.version == "6")
        #expect(BenchmarkMatcher.statedVersion("SWE-bench Verified") == nil)
        #expect(!BenchmarkMatcher.sameVersion("2.0", "2.1") && BenchmarkMatcher.sameVersion("v2", "2.0.0"))
    }

    @Test func whoRanABenchmarkFollowsTheAddressCited() {
        func reporter(_ address: String?, lab: String = "anthropic") -> BenchmarkReporter? {
            BenchmarkReporters.reporter(source: address, lab: lab)
        }
        #expect(reporter("https://www.swebench.com/") == .independent)
        #expect(reporter("https://artificialanalysis.ai/agents/coding-agents") == .independent)
        #expect(reporter("https://openrouter.ai/openai/gpt-5.2/benchmarks") == .independent)
        #expect(reporter("https://labs.scale.com/leaderboard/swe_bench_pro_public") == .independent)
        #expect(reporter("https://www.anthropic.com/news/claude-opus-4-8") == .maker)
        #expect(reporter("https://www.anthropic.com/news/claude-opus-4-8", lab: "openai") == .rival)
        #expect(reporter("https://huggingface.co/Qwen/Qwen3.6-27B", lab: "alibaba") == .maker)
        #expect(reporter("https://arxiv.org/abs/2602.10604", lab: "stepfun") == .maker)
        #expect(reporter("https://mistral.ai/news/devstral-2507", lab: "mistral") == .maker)
        #expect(reporter("https://blog.example.com/our-evals", lab: "mistral") == .rival)
        #expect(reporter(nil) == nil && reporter("not an address") == nil)
    }

    @Test func reimportingTheSameSnapshotChangesNoByte() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root)
        let before = try ImportFixture.files(under: root)
        let layer = root.appendingPathComponent("Content/imports/models-dev/models/alpha-one.yaml").path
        let modified = try FileManager.default.attributesOfItem(atPath: layer)[.modificationDate] as? Date
        let again = try ImportFixture.run(ImportFixture.older, into: root)
        #expect(again.written.isEmpty && again.removed.isEmpty && again.unchanged == 11)
        #expect(again.changes == nil)
        #expect(try ImportFixture.files(under: root) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: layer)[.modificationDate] as? Date == modified)
    }

    @Test func aGitCheckoutRecordsItsCommit() throws {
        let checkout = try ImportFixture.copy(ImportFixture.older)
        let git = checkout.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git.appendingPathComponent("refs/heads"), withIntermediateDirectories: true)
        let commit = "0123456789abcdef0123456789abcdef01234567"
        try Data("ref: refs/heads/dev\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        try Data("# pack-refs with: peeled\n\(commit) refs/heads/dev\n".utf8).write(to: git.appendingPathComponent("packed-refs"))
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(checkout.path, into: root)
        let manifest = try ImportFixture.text(root, "Content/imports/models-dev/source.yaml")
        #expect(manifest.contains("title: \"models.dev catalog, snapshot of 2026-04-30 (commit 0123456789ab)\"\n"))
        #expect(manifest.contains("commit: \"\(commit)\"\n"))
        // A loose ref wins over packed-refs; a detached HEAD names the commit itself.
        let loose = "fedcba9876543210fedcba9876543210fedcba98"
        try Data("\(loose)\n".utf8).write(to: git.appendingPathComponent("refs/heads/dev"))
        #expect(GitHead.commit(of: checkout.path) == loose)
        try Data("\(commit)\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        #expect(GitHead.commit(of: checkout.path) == commit)
        #expect(GitHead.commit(of: ImportFixture.older) == nil)
    }

    @Test func notACheckoutIsAnError() throws {
        let root = try ImportFixture.site()
        #expect(throws: ModelsDevImporter.Failure.self) { try ImportFixture.run(root.path, into: root) }
    }
}
