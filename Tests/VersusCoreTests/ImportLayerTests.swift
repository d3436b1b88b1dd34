import Foundation
import Testing
@testable import VersusCore

/// `Content/imports/<layer>/`: read with the same schema and checks as the hand-written files, merged under them.
@Suite struct ImportLayerTests {
    static let layer = "imports/models-dev"
    static let source = """
        id: models-dev
        title: models.dev catalog, snapshot of 2026-06-09
        publisher: models.dev
        url: https://models.dev
        date: 2026-06-09
        ids:
          gamma/gamma-three: gamma-three
        """

    /// The valid fixture plus a layer holding `files` (relative to the layer folder) and its source.yaml.
    static func check(_ files: [String: String?], changing hand: [String: String?] = [:]) -> CatalogValidator.Result {
        var changes = hand
        changes["\(layer)/source.yaml"] = source
        for (path, text) in files { changes["\(layer)/\(path)"] = text }
        return CatalogFixture.check(changing: changes)
    }

    @Test func aModelOnlyTheLayerHasIsAModel() throws {
        let result = Self.check([
            "models/gamma-three.yaml": """
            name: Gamma Three
            developer: Gamma
            routes:
              - provider: router
                model_id: gamma/gamma-three
                input: 0.1
                output: 0.4
                source: models-dev
                as_of: 2026-06-09
            sources: [models-dev]
            """
        ])
        // No "no last_reviewed" warning: nobody has reviewed it yet, the snapshot date stands in.
        expectCatalogWarnings(result, [])
        let catalog = try #require(result.catalog)
        #expect(catalog.models.map(\.id) == ["alpha-one", "beta-two", "gamma-three"])
        #expect(catalog.sources["models-dev"]?.title == "models.dev catalog, snapshot of 2026-06-09")
        #expect(catalog.model("gamma-three")?.routes.first?.input?.primary.source == .registered("models-dev"))
    }

    @Test func aHandWrittenFileMayOnlyAddToAnImportedModel() throws {
        let layerModel = "name: Gamma Three\ndeveloper: Gamma\ncontext_window: 128000\nsources: [models-dev]\n"
        let result = Self.check(
            ["models/gamma-three.yaml": layerModel],
            changing: [
                "models/gamma-three.yaml": "decision_fit: [coding, budget]\nbest_for: [cheap code review]\nlast_reviewed: 2026-06-01\n"
            ])
        expectCatalogWarnings(result, [])
        let model = try #require(result.catalog?.model("gamma-three"))
        #expect(model.name == "Gamma Three" && model.developer == "Gamma" && model.contextWindow?.value == 128_000)
        #expect(model.decisionFit == [.coding, .budget] && model.bestFor == ["cheap code review"])
        #expect(model.location.file == "Content/models/gamma-three.yaml")
        // Without a model in a layer, the name and developer are required as ever.
        expectCatalogErrors(
            Self.check([:], changing: ["models/gamma-three.yaml": "decision_fit: [coding]\n"]),
            [
                "Content/models/gamma-three.yaml:1:1: error: model `gamma-three` has no `developer` (add `developer: …`)",
                "Content/models/gamma-three.yaml:1:1: error: model `gamma-three` has no `name` (add `name: …`)",
            ])
    }

    @Test func layerFilesGetTheSameChecksWithTheirOwnFileAndLine() {
        let result = Self.check([
            "models/gamma-three.yaml": """
            name: Gamma Three
            developer: Gamma
            contex_window: 1000
            routes:
              - provider: nowhere
                input: -1
            """,
            "models/Bad_Name.yaml": "name: X\ndeveloper: Y\n",
            "providers/odd.yaml": "name: Odd\nkind: teleporter\n",
            "notes.txt": "stray",
        ])
        let file = "Content/imports/models-dev/models/gamma-three.yaml"
        expectCatalogErrors(
            result,
            [
                "Content/imports/models-dev/models/Bad_Name.yaml:1:1: error: file name \"Bad_Name\" is not a valid id (ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters)",
                "\(file):3:1: error: unknown key `contex_window` in model `gamma-three` (did you mean `context_window`?)",
                "\(file):5:5: error: route names unknown provider `nowhere` (providers are the files under Content/providers/)",
                "\(file):6:12: error: `input` cannot be negative, found -1 (prices are USD per 1M tokens; leave the key out when unknown)",
                "Content/imports/models-dev/providers/odd.yaml:2:7: error: `kind` cannot be \"teleporter\" (use one of: first-party, router, gateway, cloud, inference-host)",
            ])
        #expect(
            result.diagnostics.warnings.printed == [
                "Content/imports/models-dev/notes.txt:1:1: warning: not part of an import layer; ignored (an import layer holds source.yaml, benchmarks.yaml, providers/, models/ and history/)"
            ])
    }

    @Test func duplicatesWithinALayerAreStillDuplicates() {
        let twice = "- id: bench-x\n  name: X\n  category: coding\n- id: bench-x\n  name: X again\n  category: coding\n"
        let result = Self.check(["benchmarks.yaml": twice], changing: ["imports/Not A Layer/x.yaml": "a: b\n"])
        expectCatalogErrors(
            result,
            [
                "Content/imports/models-dev/benchmarks.yaml:4:3: error: duplicate benchmark id `bench-x` (first defined at Content/imports/models-dev/benchmarks.yaml:1) (ids must be unique; rename or remove one)"
            ])
        #expect(
            result.diagnostics.warnings.printed == [
                "Content/imports/Not A Layer:1:1: warning: not an import layer; ignored (Content/imports/ holds one folder per import, named like an id (models-dev))"
            ])
    }

    @Test func aLayerNeedsItsSource() {
        var changes: [String: String?] = ["\(Self.layer)/providers/extra.yaml": "name: Extra\nkind: router\n"]
        changes["\(Self.layer)/source.yaml"] = nil
        let missing = CatalogFixture.check(changing: changes)
        expectCatalogErrors(
            missing,
            [
                "Content/imports/models-dev/source.yaml:1:1: error: the import layer `models-dev` has no source.yaml (run the import again, or remove Content/imports/models-dev/)"
            ])
        let twice = Self.check([
            "source.yaml": Self.source.replacingOccurrences(
                of: "ids:\n  gamma/gamma-three: gamma-three",
                with: "ids:\n  a/x: same\n  b/x: same\n  c/x: Not An Id")
        ])
        expectCatalogErrors(
            twice,
            [
                "Content/imports/models-dev/source.yaml:8:8: error: `ids` gives `same` to both \"a/x\" and \"b/x\" (each imported model needs its own id; run the import again)",
                "Content/imports/models-dev/source.yaml:9:8: error: `ids` \"Not An Id\" is not a valid id (ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters)",
            ])
    }

    @Test func mergesUnderTheHandWrittenEntries() throws {
        let result = Self.check([
            "models/alpha-one.yaml": """
            name: Alpha One from upstream
            developer: Upstream
            family: Upstream family
            context_window:
              value: 400000
              source: models-dev
            max_output: 100000
            capabilities:
              vision: no
              function-calling: yes
            routes:
              - provider: alpha
                model_id: alpha-one
                input: 1.75
                output: 12
                tiers:
                  - above_tokens: 200000
                    input: 3.5
                  - above_tokens: 500000
                    input: 5
                source: models-dev
              - provider: alpha
                model_id: alpha-one-batch
                input: 1
                source: models-dev
            benchmarks:
              - benchmark: swe-bench-verified
                variant: Agent harness
                score: 75
                source: models-dev
              - benchmark: swe-bench-verified
                score: 70
                source: models-dev
                reported_by: independent
            sources: [models-dev]
            """,
            "providers/alpha.yaml": "name: Alpha upstream\nkind: router\nurl: https://upstream.example\n",
            "providers/router.yaml": "name: Router upstream\nkind: router\nurl: https://router.example\nopenai_compatible: false\n",
            "benchmarks.yaml": """
            - id: swe-bench-verified
              name: SWE-Bench Verified (upstream)
              category: agentic
              url: https://upstream.example/swe
              aliases: [SWE-Bench Verified, SWEBV]
            """,
        ])
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.printed)")
        #expect(
            result.diagnostics.warnings.printed == [
                "Content/models/alpha-one.yaml:17:13: warning: sources disagree on the max output: 128000 (alpha-launch) vs 100000 (models-dev) (pages show every value; keep the one the site should compute with first)",
                "Content/models/alpha-one.yaml:34:13: warning: sources disagree on the output price on `alpha`: 14 (alpha-launch) vs 12 (models-dev) (pages show every value; keep the one the site should compute with first)",
                "Content/models/alpha-one.yaml:44:12: warning: sources disagree on the `swe-bench-verified` (Agent harness) score: 77.3 (alpha-launch) vs 75 (models-dev) (pages show every value; keep the one the site should compute with first)",
            ])
        let catalog = try #require(result.catalog)
        let model = try #require(catalog.model("alpha-one"))
        #expect(model.name == "Alpha One" && model.developer == "Alpha Labs" && model.family == "Alpha")
        // Same value from both sides: two sourced values, no disagreement.
        #expect(model.contextWindow?.values.map(\.source) == [.registered("alpha-launch"), .registered("models-dev")])
        #expect(model.maxOutput?.values.map(\.value) == [128_000, 100_000])
        #expect(model.capabilities == ["vision": .yes, "function-calling": .no])
        // The hand-written route names the same model id: one route; the layer's other route is added.
        #expect(model.routes.map { $0.modelID ?? "-" } == ["alpha-one", "alpha-one-batch"])
        let alpha = model.routes[0]
        #expect(alpha.tiers.map(\.aboveTokens) == [200_000, 500_000])
        #expect(alpha.tiers[0].input?.values.count == 2 && alpha.tiers[0].output?.values.count == 1)
        #expect(alpha.cachedInput?.values.count == 1)
        #expect(
            model.benchmarkResults.map { "\($0.benchmark)/\($0.variant ?? "-")/\($0.score.values.count)" }
                == ["swe-bench-verified/Agent harness/2", "swe-bench-verified/-/1"])
        #expect(model.sources == [.registered("alpha-launch"), .registered("models-dev")])
        // Providers and benchmarks by id: the editor's fields, the layer's where the editor wrote none.
        #expect(catalog.providers["alpha"]?.name == "Alpha API" && catalog.providers["alpha"]?.kind == .firstParty)
        #expect(catalog.providers["alpha"]?.url == "https://alpha.example.test")
        #expect(catalog.providers["router"]?.url == "https://router.example" && catalog.providers["router"]?.openAICompatible == false)
        let benchmark = try #require(catalog.benchmarks["swe-bench-verified"])
        #expect(benchmark.name == "SWE-bench Verified" && benchmark.category == .coding && benchmark.url == "https://upstream.example/swe")
        #expect(benchmark.aliases == ["SWE-bench Verified", "swe_bench_verified", "SWE-Bench Verified", "SWEBV"])
    }

    @Test func aBareHandWrittenRouteGivesWayToTheLayersRoutesAtThatProvider() throws {
        let layerModel = """
            name: Gamma Three
            developer: Gamma
            routes:
              - provider: router
                model_id: gamma/gamma-three-eu
                input: 0.1
                output: 0.4
                source: models-dev
              - provider: router
                model_id: gamma/gamma-three-us
                input: 0.1
                output: 0.4
                source: models-dev
            sources: [models-dev]
            """
        // The editor wrote that Gamma Three is on the router and on Alpha's API, without ids or prices.
        let hand = "routes:\n  - provider: router\n    source: alpha-launch\n  - provider: alpha\n    source: alpha-launch\n"
        let result = Self.check(["models/gamma-three.yaml": layerModel], changing: ["models/gamma-three.yaml": hand])
        let model = try #require(result.catalog?.model("gamma-three"), "\(result.diagnostics.printed)")
        // The bare router route is said again by the layer's two router routes, with ids and prices: it goes. The
        // alpha route has nothing in the layer to stand for it: it stays.
        #expect(model.routes.map(\.provider) == ["alpha", "router", "router"])
        #expect(model.routes.map(\.modelID) == [nil, "gamma/gamma-three-eu", "gamma/gamma-three-us"])
    }
}
