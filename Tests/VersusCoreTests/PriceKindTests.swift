import Foundation
import Testing
@testable import VersusCore

/// Routes are pay-as-you-go, free tiers or plans; only pay-as-you-go prices enter costs, verdicts and rankings, and
/// pages say what a model without one has instead, never "$0".
@Suite struct PriceKindTests {
    static func route(_ provider: String, _ input: String, _ output: String, kind: String? = nil) -> String {
        "  - provider: \(provider)\n    model_id: m-\(provider)\n    input: \(input)\n    output: \(output)\n"
            + (kind.map { "    price_kind: \($0)\n" } ?? "") + "    source: price-page\n    as_of: 2026-06-01\n"
    }

    /// Alpha: paid on `api` ($1 / $2), free on `nim` (zeros), in a plan on `plan-co` (zeros, provider says plan),
    /// and a free variant with a listed price on `router`. Beta: free and plan only. Gamma: paid only.
    static var files: [String: String] {
        var files = IncrementalBuildTests.files
        files["Content/comparisons/alpha-vs-beta.md"] = nil
        files["Content/models/delta.yaml"] = nil
        files["Content/providers/nim.yaml"] = "name: NIM Catalog\nkind: inference-host\nurl: https://nim.example.test\n"
        files["Content/providers/plan-co.yaml"] = "name: PlanCo Coding Plan\nkind: inference-host\nprice_kind: plan\n"
        files["Content/providers/router.yaml"] = "name: Router\nkind: router\n"
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "1").replacingOccurrences(
            of: "routes:\n",
            with: "routes:\n" + route("nim", "0", "0") + route("plan-co", "0", "0")
                + route("router", "0.01", "0.02", kind: "free"))
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2").replacingOccurrences(
            of:
                "routes:\n  - provider: api\n    model_id: beta\n    input: 2\n    output: 2\n    source: price-page\n    as_of: 2026-06-01\n",
            with: "routes:\n" + route("nim", "0", "0") + route("plan-co", "0.0", "0.0"))
        return files
    }

    static func catalog(_ files: [String: String]) throws -> Catalog {
        let fs = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) }))
        let result = CatalogCheck.run(root: "site", fileSystem: fs, today: ISODate("2026-06-30")!)
        return try #require(result.catalog, "\(result.diagnostics.printed)")
    }

    @Test func eachRouteGetsItsKindByTheWrittenRule() throws {
        let catalog = try Self.catalog(Self.files)
        let alpha = try #require(catalog.model("alpha"))
        #expect(alpha.routes.map(\.provider) == ["nim", "plan-co", "router", "api"])
        // Stated on the route; else stated by the provider; else free when every price is zero; else pay-as-you-go.
        #expect(alpha.routes.map(\.kind) == [.free, .plan, .free, .payAsYouGo])
        #expect(alpha.routes.map(\.isPayAsYouGo) == [false, false, false, true])
        let beta = try #require(catalog.model("beta"))
        #expect(beta.routes.map(\.kind) == [.free, .plan])
    }

    @Test func costsUsePayAsYouGoPricesOnly() throws {
        let digest = CatalogDigest(try Self.catalog(Self.files))
        // Alpha at 1,000M in and 225M out: $1 × 1,000 + $2 × 225 = $1,450 on api, not $0 on nim or plan-co.
        #expect(digest["alpha"].headlineCost?.monthly == 1_450)
        #expect(digest["alpha"].headlineCost?.provider == "api")
        #expect(digest["alpha"].levelCosts.allSatisfy { $0?.provider == "api" })
        #expect(digest["alpha"].cheapestOutput?.provider == "api")
        #expect(digest["alpha"].unpriced == nil)

        let beta = digest["beta"]
        #expect(beta.headlineCost == nil && beta.cheapestOutput == nil)
        #expect(
            beta.unpriced?.sentence
                == "No pay-as-you-go price in the catalog; free tier on NIM Catalog; included in plans on PlanCo Coding Plan")
        #expect(beta.unpriced?.short == "Free tier or plans only")

        // Beta is never called cheaper than Alpha, nor is a cost compared.
        let analysis = PairAnalysis(pair: PairID("alpha", "beta"), digest: digest)
        #expect(analysis.cost.cheaper == nil && analysis.cost.difference == nil && analysis.cost.ratio == nil)
        #expect(
            !analysis.tradeOffs.b.contains {
                if case .cheaper = $0 { return true }; return false
            })
    }

    @Test func routeTablesListFreeAndPlanRoutesAfterPaidOnesMarked() throws {
        let catalog = try Self.catalog(Self.files)
        let alpha = try #require(catalog.model("alpha"))
        // Written last, the paid route still comes first.
        let order = CostCalculator.cheapestFirst(alpha.routes, at: catalog.site.traffic).map(\.provider)
        #expect(order == ["api", "nim", "router", "plan-co"])
    }

    @Test func pagesSayWhatAModelWithoutAPriceHasAndNeverZeroDollars() async throws {
        let root = try IncrementalBuildTests.site(Self.files)
        _ = try await IncrementalBuildTests.build(root)
        func page(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: root.appendingPathComponent("public/\(path)")), as: UTF8.self)
        }
        let pair = try page("compare/alpha-vs-beta/index.html")
        #expect(pair.contains("No pay-as-you-go price in the catalog; free tier on NIM Catalog; included in plans on PlanCo Coding Plan"))
        #expect(pair.contains("Free tier or plans only"))
        #expect(!pair.contains("$0 a month") && !pair.contains(">$0<") && !pair.contains("$0 / 1M"))
        #expect(!pair.contains("Beta costs") && !pair.contains("less a month"))

        let model = try PriceTableTests.pricing(try page("models/alpha/index.html"))
        // Rows: api (paid), then nim and router (free), then plan-co; zeros read as what they stand for.
        let rows = model.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { String($0) }
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("API"))
        #expect(rows[1].contains("NIM Catalog") && rows[1].contains("Free tier") && rows[1].contains(">Free<"))
        #expect(rows[2].contains("Router") && rows[2].contains("not sold per token"))
        #expect(rows[3].contains("PlanCo Coding Plan") && rows[3].contains("Subscription plan") && rows[3].contains("In the plan"))
        #expect(!model.contains("$0<"))

        let home = try page("index.html")
        #expect(home.contains("Free tier or plans only"))
    }

    @Test func aPayAsYouGoRouteThatCostsNothingIsAnError() {
        var files = CatalogFixture.valid
        files["models/beta-two.yaml"] = files["models/beta-two.yaml"]!.replacingOccurrences(
            of: "    input: 0.4\n    output: 2.4\n", with: "    input: 0\n    output: 0\n    price_kind: pay-as-you-go\n")
        let result = CatalogFixture.check(files)
        expectCatalogErrors(
            result,
            [
                "Content/models/beta-two.yaml:6:5: error: the route on `router` is `price_kind: pay-as-you-go` but every price it gives is 0, so a month of traffic would cost nothing (give the prices the provider charges per token, or mark the route `price_kind: free` (or `plan`))"
            ])
    }

    @Test func anUnknownPriceKindIsAnError() {
        var files = CatalogFixture.valid
        files["providers/router.yaml"] = "name: Router\nkind: router\nprice_kind: subscription\n"
        let result = CatalogFixture.check(files)
        #expect(result.catalog == nil)
        #expect(result.diagnostics.errors.printed.count == 1)
        #expect(
            result.diagnostics.errors.printed.first?.hasPrefix("Content/providers/router.yaml:3:13: error: `price_kind`") == true,
            "\(result.diagnostics.printed)")
    }

    @Test func aProviderThatTurnsOutToSellPlansRebuildsItsModelsPages() async throws {
        var files = Self.files
        files["Content/providers/router.yaml"] = "name: Router\nkind: router\n"
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        // The router's route of Alpha is stated free; Gamma's api route is paid. Now `api` sells plans only.
        try IncrementalBuildTests.write(["Content/providers/api.yaml": "name: API\nkind: router\nprice_kind: plan\n"], into: root)
        let report = try await IncrementalBuildTests.build(root)
        #expect(report.renderedPaths.contains("models/gamma/index.html"))
        #expect(report.renderedPaths.contains("compare/alpha-vs-gamma/index.html"))
        let gamma = String(decoding: try Data(contentsOf: root.appendingPathComponent("public/models/gamma/index.html")), as: UTF8.self)
        #expect(gamma.contains("Plans only") || gamma.contains("included in plans on API"), "\(gamma.prefix(0))")
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)
    }
}
