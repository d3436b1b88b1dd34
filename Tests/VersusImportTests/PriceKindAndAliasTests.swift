import Foundation
import Testing
import VersusCore
@testable import VersusImport

/// How the import says a route is sold (`price_kind` on plan providers and free routes) and which models are one model
/// under two ids (`aliases`), on a small checkout written for these tests.
struct PriceKindAndAliasTests {
    static let model = """
        last_updated = "2026-05-01"
        attachment = false
        reasoning = false
        tool_call = true
        open_weights = false

        [limit]
        context = 200_000
        output = 32_000

        [modalities]
        input = ["text"]
        output = ["text"]
        """

    static func cost(_ input: String, _ output: String) -> String { "[cost]\ninput = \(input)\noutput = \(output)\n" }

    static let files: [String: String] = [
        // An undated alias and its dated snapshot, released on different dates.
        "models/acme/claude-x.toml": "name = \"Claude X (latest)\"\nrelease_date = \"2025-11-24\"\n" + model,
        "models/acme/claude-x-20251101.toml": "name = \"Claude X\"\nrelease_date = \"2025-11-01\"\n" + model,
        // A "(latest)" model without a twin.
        "models/acme/solo-latest.toml": "name = \"Solo (latest)\"\n" + model,
        "models/acme/model-a.toml": "name = \"Model A\"\n" + model,
        "models/acme/model-b.toml": "name = \"Model B\"\n" + model,

        // A plan provider by its id, one by its name, one by its address, one by the importer's table.
        "providers/acme-coding-plan/provider.toml": "name = \"Acme Dev Pack\"\ndoc = \"https://acme.example/docs\"\n",
        "providers/acme-coding-plan/models/claude-x.toml": "name = \"Claude X\"\n" + cost("0", "0"),
        "providers/bytoken/provider.toml": "name = \"ByToken Token Plan (global)\"\n",
        "providers/bytoken/models/model-a.toml": "base_model = \"acme/model-a\"\n" + cost("1", "2"),
        "providers/stepper/provider.toml": "name = \"Stepper\"\napi = \"https://api.stepper.example/step_plan/v1\"\n",
        "providers/stepper/models/model-b.toml": "base_model = \"acme/model-b\"\n" + cost("0", "0"),
        "providers/github-copilot/provider.toml": "name = \"GitHub Copilot\"\ndoc = \"https://docs.github.com/en/copilot\"\n",
        "providers/github-copilot/models/claude-x-20251101.toml": "base_model = \"acme/claude-x-20251101\"\n" + cost("0", "0"),
        // Not a plan provider: "token-plan" only in the host, "coding_plans" is not a plan's segment.
        "providers/hosty/provider.toml": """
        name = "Hosty"
        api = "https://token-plan.hosty.example/v1"
        doc = "https://hosty.example/docs/coding_plans"
        """,
        "providers/hosty/models/model-a.toml": "base_model = \"acme/model-a\"\n" + cost("0", "0"),
        "providers/hosty/models/model-b.toml": "base_model = \"acme/model-b\"\n" + cost("0.2", "0.8"),
        // A router with free variants, one priced, one without prices.
        "providers/router/provider.toml": "name = \"Router\"\napi = \"https://router.example/v1\"\n",
        "providers/router/models/acme/model-a:free.toml": "base_model = \"acme/model-a\"\n" + cost("0.1", "0.4"),
        "providers/router/models/acme/model-a.toml": "base_model = \"acme/model-a\"\n" + cost("0.3", "1.2"),
        "providers/router/models/acme/model-b-free.toml": "base_model = \"acme/model-b\"\n",
        "providers/router/models/acme/solo-latest.toml": "base_model = \"acme/solo-latest\"\n" + cost("1", "2"),
    ]

    static let layer = "Content/imports/models-dev"

    @Test func planProvidersByNameAddressAndTable() throws {
        let root = try ImportFixture.site()
        let result = try ImportFixture.run(ImportFixture.checkout(Self.files).path, into: root, asOf: "2026-05-01")
        #expect(result.catalogErrors.isEmpty, "\(result.catalogErrors.printed)")
        let catalog = try #require(ImportFixture.check(root).catalog)
        #expect(
            catalog.providers.values.filter { $0.priceKind == .plan }.map(\.id).sorted()
                == ["acme-coding-plan", "bytoken", "github-copilot", "stepper"])
        #expect(catalog.providers["hosty"]?.priceKind == nil && catalog.providers["router"]?.priceKind == nil)

        let stepper = try ImportFixture.text(root, "\(Self.layer)/providers/stepper.yaml")
        #expect(stepper.contains("\nkind: inference-host\nprice_kind: plan\n"))
        #expect(
            stepper.contains(
                "# `price_kind: plan`: it sells subscriptions or plans, not tokens (its `api` address has the path segment `step_plan`).\n")
        )
        let copilot = try ImportFixture.text(root, "\(Self.layer)/providers/github-copilot.yaml")
        #expect(copilot.contains("(the importer's table of subscription products: GitHub Copilot seats)"))
        #expect(!(try ImportFixture.text(root, "\(Self.layer)/providers/hosty.yaml")).contains("price_kind"))
    }

    @Test func planReasonRule() {
        func reason(_ id: String, _ fields: [String: String]) -> String? {
            UpstreamNames.planReason(provider: id, data: fields.mapValues { TOMLData.string($0) })
        }
        #expect(reason("alibaba-coding-plan", ["name": "Alibaba Coding Plan"]) == "its id says \"coding-plan\"")
        #expect(reason("minimax-coding-plan", ["name": "MiniMax Token Plan (minimax.io)"]) == "its id says \"coding-plan\"")
        #expect(reason("acme", ["name": "Acme TOKEN PLAN"]) == "its name says \"token plan\"")
        #expect(
            reason("stepfun-ai", ["api": "https://api.stepfun.ai/step_plan/v1"]) == "its `api` address has the path segment `step_plan`")
        #expect(
            reason("x", ["doc": "https://x.example/docs/Token-Plan/intro?a=b"]) == "its `doc` address has the path segment `Token-Plan`")
        #expect(reason("x", ["doc": "https://x.example/kuae/coding_plan/"]) == "its `doc` address has the path segment `coding_plan`")
        #expect(
            reason("opencode-go", ["name": "OpenCode Go"]) == "the importer's table of subscription products: the OpenCode Go subscription")
        // Not a plan: the host, a longer segment, a fragment, no address at all.
        #expect(reason("x", ["api": "https://token-plan.x.example/v1"]) == nil)
        #expect(reason("x", ["doc": "https://x.example/help/token-plan-overview"]) == nil)
        #expect(reason("x", ["doc": "https://x.example/#/coding-plan"]) == nil)
        #expect(reason("x", ["doc": "coding-plan"]) == nil)
        #expect(reason("opencode", ["name": "OpenCode Zen"]) == nil)
        #expect(UpstreamNames.planReason(provider: "gitlab", data: nil) != nil)
    }

    @Test func freeRoutesAreMarkedAndPlanRoutesLeftToTheirProvider() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.checkout(Self.files).path, into: root, asOf: "2026-05-01")
        let catalog = try #require(ImportFixture.check(root).catalog)
        func route(_ model: String, _ provider: String, _ id: String) throws -> Route {
            try #require(catalog.model(model)?.routes.first { $0.provider == provider && $0.modelID == id })
        }
        // A `:free` id with a nonzero price, and a `-free` id without prices: free whatever the prices.
        let variant = try route("model-a", "router", "acme/model-a:free")
        #expect(variant.priceKind == .free && variant.kind == .free && variant.input?.value == Decimal(string: "0.1"))
        #expect(try route("model-b", "router", "acme/model-b-free").priceKind == .free)
        // Zero prices at a normal provider: free, and the zeros are kept.
        let zero = try route("model-a", "hosty", "model-a")
        #expect(zero.priceKind == .free && zero.input?.value == 0 && zero.output?.value == 0)
        // A normal paid route states nothing: pay-as-you-go.
        for paid in [
            try route("model-b", "hosty", "model-b"), try route("model-a", "router", "acme/model-a"),
            try route("solo-latest", "router", "acme/solo-latest"),
        ] {
            #expect(paid.priceKind == nil && paid.kind == .payAsYouGo, "\(paid.provider) \(paid.modelID ?? "")")
        }
        // At a plan provider the route states nothing, zero prices or not: the provider's plan applies.
        for plan in [
            try route("claude-x", "acme-coding-plan", "claude-x"), try route("model-a", "bytoken", "model-a"),
            try route("model-b", "stepper", "model-b"),
        ] {
            #expect(plan.priceKind == nil && plan.kind == .plan, "\(plan.provider)")
        }

        let text = try ImportFixture.text(root, "\(Self.layer)/models/model-a.yaml")
        #expect(
            text.contains(
                """
                  - provider: hosty
                    model_id: model-a
                    price_kind: free
                    input: 0
                    output: 0

                """))
        #expect(text.contains("    model_id: \"acme/model-a:free\"\n    price_kind: free\n    input: 0.1\n"))
        let plan = try ImportFixture.text(root, "\(Self.layer)/models/claude-x.yaml")
        #expect(plan.contains("    model_id: claude-x\n    input: 0\n    output: 0\n") && !plan.contains("price_kind"))
    }

    @Test func freeInAModelsOwnNameIsNotAFreeVariant() throws {
        // The fixture's "Beta Free" (`beta/beta-free`): its routes are free only when their prices are 0.
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root)
        let catalog = try #require(ImportFixture.check(root).catalog)
        let routes = try #require(catalog.model("beta-free")?.routes)
        #expect(routes.first { $0.provider == "host-example" }?.priceKind == nil)
        #expect(routes.first { $0.provider == "router" }?.priceKind == .free)
        #expect(
            RouteMapping.priceKind(
                routeID: "beta/beta-free:free", modelID: "beta/beta-free", input: 1, output: 1,
                atPlanProvider: false) == .free)
        #expect(RouteMapping.priceKind(routeID: "x-free", modelID: "lab/x", input: 1, output: 1, atPlanProvider: true) == nil)
        #expect(RouteMapping.priceKind(routeID: "x", modelID: "lab/x", input: 0, output: nil, atPlanProvider: false) == nil)
    }

    @Test func aliasesAreWrittenOnTheShorterIdAndLatestIsDropped() throws {
        let root = try ImportFixture.site()
        let checkout = try ImportFixture.checkout(Self.files).path
        let result = try ImportFixture.run(checkout, into: root, asOf: "2026-05-01")
        #expect(result.stats.aliases == 1 && result.aliases == ["claude-x-20251101": "claude-x"])
        #expect(
            result.summary.contains(
                "(models.dev snapshot of 2026-05-01). 1 model is an alias of another (claude-x-20251101 of claude-x), listed under `aliases`. Of "
            ))

        let canonical = try ImportFixture.text(root, "\(Self.layer)/models/claude-x.yaml")
        #expect(canonical.contains("\nname: Claude X\naliases:\n  - claude-x-20251101\ndeveloper: acme\n"))
        // The other model's file is written as it is; the catalog folds it.
        let dated = try ImportFixture.text(root, "\(Self.layer)/models/claude-x-20251101.yaml")
        #expect(dated.contains("\nname: Claude X\ndeveloper: acme\n") && !dated.contains("aliases"))
        #expect(dated.contains("release_date: 2025-11-01\n"))
        // A lone "(latest)": the suffix dropped, no aliases.
        let solo = try ImportFixture.text(root, "\(Self.layer)/models/solo-latest.yaml")
        #expect(solo.contains("\nname: Solo\ndeveloper: acme\n") && !solo.contains("aliases"))

        let checked = ImportFixture.check(root)
        #expect(checked.diagnostics.errors.isEmpty, "\(checked.diagnostics.errors.printed)")
        let catalog = try #require(checked.catalog)
        #expect(catalog.model("claude-x-20251101") == nil)
        #expect(catalog.model("claude-x")?.routes.map(\.provider).sorted() == ["acme-coding-plan", "github-copilot"])

        // Importing again changes no byte.
        let before = try ImportFixture.files(under: root)
        let again = try ImportFixture.run(checkout, into: root, asOf: "2026-05-01")
        #expect(again.written.isEmpty && again.changes == nil)
        #expect(try ImportFixture.files(under: root) == before)
    }

    @Test func onlyALatestAndAnUndatedTwinOfOneLabAreAliases() throws {
        func model(_ lab: String, _ id: String, _ name: String) -> ImportedModel {
            ImportedModel(
                id: id, upstream: "models/\(lab)/\(id).toml", lab: lab, upstreamName: name,
                name: ModelAliases.displayName(name), developer: lab)
        }
        let pairs = ModelAliases.pairs([
            // Two "(latest)" of one name.
            model("acme", "twin-a", "Twin (latest)"), model("acme", "twin-b", "Twin (latest)"),
            // The same name in two labs.
            model("acme", "gadget-latest", "Gadget (latest)"), model("other", "gadget", "Gadget"),
            // Three of one name.
            model("acme", "widget", "Widget (latest)"), model("acme", "widget-1", "Widget"), model("acme", "widget-2", "Widget"),
            // Case counts, and "(latest)" must be the end.
            model("acme", "lower", "Lower (Latest)"), model("acme", "lower-1", "Lower"),
            model("acme", "mid", "Mid (latest) v2"), model("acme", "mid-1", "Mid v2"),
            // Ids of one length: the alphabetically first lists the other.
            model("acme", "abd", "Same (latest)"), model("acme", "abc", "Same"),
        ])
        #expect(pairs == [ModelAliases.Pair(canonical: "abc", alias: "abd")])
        #expect(
            ModelAliases.displayName("Codestral (latest)") == "Codestral"
                && ModelAliases.displayName("Mid (latest) v2") == "Mid (latest) v2")

        // Imported: two "(latest)" twins both lose the suffix, neither lists the other.
        let root = try ImportFixture.site()
        let result = try ImportFixture.run(
            ImportFixture.checkout([
                "models/acme/twin-a.toml": "name = \"Twin (latest)\"\n" + Self.model,
                "models/acme/twin-b.toml": "name = \"Twin (latest)\"\n" + Self.model,
            ]).path, into: root, asOf: "2026-05-01")
        #expect(result.stats.aliases == 0 && result.aliases.isEmpty && !result.summary.contains("alias"))
        for id in ["twin-a", "twin-b"] {
            let text = try ImportFixture.text(root, "\(Self.layer)/models/\(id).yaml")
            #expect(text.contains("\nname: Twin\n") && !text.contains("aliases"))
        }
    }
}

/// Models that do another job than writing text get a product type from exact rules on the data.
@Suite struct ModelJobTests {
    @Test func theJobRules() {
        #expect(ModelMapping.job(name: "Gemini Embedding 001", output: [.text]) == .embedding)
        #expect(ModelMapping.job(name: "Llama Nemotron Embed VL 1B v2", output: [.text]) == .embedding)
        #expect(ModelMapping.job(name: "Llama Nemotron Rerank VL 1B v2", output: [.text]) == .reranking)
        #expect(ModelMapping.job(name: "Nemotron 3 Content Safety", output: [.text]) == .safetyClassifier)
        #expect(ModelMapping.job(name: "Llama 3.1 Nemotron Safety Guard 8B v3", output: [.text]) == .safetyClassifier)
        #expect(ModelMapping.job(name: "Gemini 2.5 Flash TTS", output: [.audio]) == .speech)
        // Audio beside text is a model that also speaks, and a word inside another word is not the word.
        #expect(ModelMapping.job(name: "Qwen-Omni Turbo", output: [.text, .audio]) == nil)
        #expect(ModelMapping.job(name: "Guardian 7B Instruct", output: [.text]) == nil)
        #expect(ModelMapping.job(name: "GPT-5.2", output: [.text]) == nil)
    }
}
