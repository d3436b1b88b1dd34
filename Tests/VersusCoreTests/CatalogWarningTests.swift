import Foundation
import Testing
@testable import VersusCore

/// Warnings: reported with their place, but the catalog still validates and `versus check` exits 0.
@Suite struct CatalogWarningTests {
    static let alpha = "Content/models/alpha-one.yaml"
    static let beta = "Content/models/beta-two.yaml"

    static func alphaOne(replacing old: String, with new: String) -> String {
        let text = CatalogFixture.valid["models/alpha-one.yaml"]!
        precondition(text.contains(old), "the fixture has no \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static func betaTwo(replacing old: String, with new: String) -> String {
        let text = CatalogFixture.valid["models/beta-two.yaml"]!
        precondition(text.contains(old), "the fixture has no \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    // MARK: Review dates

    @Test func staleReviewDate() {
        let result = CatalogFixture.check(changing: [
            "models/alpha-one.yaml": Self.alphaOne(replacing: "last_reviewed: 2026-06-01", with: "last_reviewed: 2025-12-01")
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.alpha):1:1: warning: model `alpha-one` was last reviewed on 2025-12-01, 211 days ago (the limit is 180) (check its facts again and update `last_reviewed`)"
            ])
    }

    @Test func reviewAgeLimitIsInclusiveAndMeasuredFromToday() {
        let model = CatalogFixture.valid["models/beta-two.yaml"]!
        // beta-two was reviewed on 2026-05-20: 180 days later is the last day without a warning.
        let onTheLimit = CatalogFixture.check(CatalogFixture.valid, today: ISODate(year: 2026, month: 11, day: 16))
        #expect(onTheLimit.diagnostics.warnings.printed.filter { $0.contains("beta-two") } == [])
        let dayAfter = CatalogFixture.check(CatalogFixture.valid, today: ISODate(year: 2026, month: 11, day: 17))
        #expect(
            dayAfter.diagnostics.warnings.printed.filter { $0.contains("beta-two") } == [
                "\(Self.beta):1:1: warning: model `beta-two` was last reviewed on 2026-05-20, 181 days ago (the limit is 180) (check its facts again and update `last_reviewed`)"
            ])
        #expect(model.contains("last_reviewed: 2026-05-20"))
    }

    @Test func reviewAgeLimitComesFromSiteYAML() {
        let site = CatalogFixture.valid["site.yaml"]!.replacingOccurrences(of: "review_max_age_days: 180", with: "review_max_age_days: 30")
        let result = CatalogFixture.check(changing: ["site.yaml": site])
        expectCatalogWarnings(
            result,
            [
                "\(Self.beta):1:1: warning: model `beta-two` was last reviewed on 2026-05-20, 41 days ago (the limit is 30) (check its facts again and update `last_reviewed`)"
            ])
    }

    @Test func monthOnlyReviewDateCountsFromTheFirst() {
        let result = CatalogFixture.check(changing: [
            "models/alpha-one.yaml": Self.alphaOne(replacing: "last_reviewed: 2026-06-01", with: "last_reviewed: 2025-12")
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.alpha):1:1: warning: model `alpha-one` was last reviewed on 2025-12, 211 days ago (the limit is 180) (check its facts again and update `last_reviewed`)"
            ])
    }

    @Test func missingLastReviewed() {
        let result = CatalogFixture.check(changing: [
            "models/beta-two.yaml": Self.betaTwo(replacing: "last_reviewed: 2026-05-20", with: "")
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.beta):1:1: warning: model `beta-two` has no `last_reviewed` date (add `last_reviewed: YYYY-MM-DD` after checking its facts)"
            ])
    }

    // MARK: Missing sources

    @Test func routePricesWithoutASource() {
        let result = CatalogFixture.check(changing: [
            "models/beta-two.yaml": Self.betaTwo(replacing: "    source: https://router.example.test/beta-two\n", with: "")
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.beta):6:5: warning: route `router` has prices without a source (add `source:` with an id from sources.yaml or an https:// address)"
            ])
    }

    @Test func onePriceWithItsOwnSourceIsNotEnough() {
        let result = CatalogFixture.check(changing: [
            "models/beta-two.yaml": Self.betaTwo(
                replacing: """
                        input: 0.4
                        output: 2.4
                        source: https://router.example.test/beta-two
                    """,
                with: """
                        input:
                          value: 0.4
                          source: beta-card
                        output: 2.4
                    """)
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.beta):6:5: warning: route `router` has prices without a source (add `source:` with an id from sources.yaml or an https:// address)"
            ])
    }

    @Test func routeWithoutPricesNeedsNoSource() {
        let result = CatalogFixture.check(changing: [
            "models/beta-two.yaml": Self.betaTwo(
                replacing: """
                        input: 0.4
                        output: 2.4
                        source: https://router.example.test/beta-two
                    """, with: "    model_id: beta/two")
        ])
        expectCatalogWarnings(result, [])
    }

    @Test func benchmarkResultWithoutASource() {
        let result = CatalogFixture.check(changing: [
            "models/alpha-one.yaml": Self.alphaOne(
                replacing: """
                        variant: Agent harness
                        source: alpha-launch
                    """, with: "    variant: Agent harness")
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.alpha):43:5: warning: result for `swe-bench-verified` has no source (add `source:` with an id from sources.yaml or an https:// address)",
                "\(Self.alpha):43:5: warning: the score of `swe-bench-verified` does not say who ran the benchmark, so it is shown but never leads a comparison (add `reported_by: maker` (the model's maker published it) or `reported_by: independent` (a leaderboard), or `reports:` on its source in sources.yaml)",
            ])
    }

    // MARK: Sources that disagree

    @Test func figureWithDisagreeingValues() throws {
        let result = CatalogFixture.check(changing: [
            "models/beta-two.yaml": Self.betaTwo(
                replacing: "context_window: 262144",
                with: """
                    context_window:
                      - value: 262144
                        source: beta-card
                      - value: 131072
                        approximate: true
                        source: https://router.example.test/beta-two
                    """)
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.beta):5:12: warning: sources disagree on the context window: 262144 (beta-card) vs ~131072 (https://router.example.test/beta-two) (pages show every value; keep the one the site should compute with first)"
            ])
        let figure = try #require(result.catalog?.model("beta-two")?.contextWindow)
        #expect(figure.value == 262_144, "the first value is the one the site computes with")
        #expect(figure.values.count == 2)
    }

    @Test func disagreeingPrices() {
        let result = CatalogFixture.check(changing: [
            "models/beta-two.yaml": Self.betaTwo(
                replacing: "    input: 0.4\n", with: "    input: [0.4, {value: 0.45, source: beta-card}]\n")
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.beta):7:13: warning: sources disagree on the input price on `router`: 0.4 (https://router.example.test/beta-two) vs 0.45 (beta-card) (pages show every value; keep the one the site should compute with first)"
            ])
    }

    @Test func valuesThatAgreeAreNotADisagreement() {
        let result = CatalogFixture.check(changing: [
            "models/beta-two.yaml": Self.betaTwo(
                replacing: "context_window: 262144",
                with: """
                    context_window:
                      - value: 262144
                        source: beta-card
                      - value: 262_144
                        source: https://router.example.test/beta-two
                    """)
        ])
        expectCatalogWarnings(result, [])
    }

    @Test func twoBenchmarkEntriesWithTheSameIDAndVariantAreMerged() throws {
        let result = CatalogFixture.check(changing: [
            "models/alpha-one.yaml": Self.alphaOne(
                replacing: "sources: [alpha-launch]",
                with: """
                      - benchmark: swe-bench-verified
                        variant: Agent harness
                        score: 78
                        source: beta-card
                      - benchmark: swe-bench-verified
                        score: 70
                        source: beta-card
                        reported_by: maker
                    sources: [alpha-launch]
                    """)
        ])
        expectCatalogWarnings(
            result,
            [
                "\(Self.alpha):44:12: warning: sources disagree on the `swe-bench-verified` (Agent harness) score: 77.3 (alpha-launch) vs 78 (beta-card) (pages show every value; keep the one the site should compute with first)"
            ])
        let results = try #require(result.catalog?.model("alpha-one")?.benchmarkResults)
        #expect(results.map(\.variant) == ["Agent harness", nil], "a different variant is a different result")
        #expect(results.first?.score.values.map(\.source) == [.registered("alpha-launch"), .registered("beta-card")])
    }

    // MARK: Files that are not part of the catalog

    @Test func noModels() {
        var files = CatalogFixture.valid
        files = files.filter { !$0.key.hasPrefix("models/") && !$0.key.hasPrefix("comparisons/") }
        files["models/README.txt"] = "Model files go here."
        let result = CatalogFixture.check(files)
        expectCatalogWarnings(
            result,
            [
                "Content/models:1:1: warning: the catalog has no models, so no comparison pages (add files under Content/models/)",
                "Content/models/README.txt:1:1: warning: not a .yaml file; ignored (Content/models/ holds only .yaml files)",
            ])
    }

    @Test func misspeltFolderGetsASuggestion() {
        let result = CatalogFixture.check(changing: ["model/gamma.yaml": "name: Gamma\ndeveloper: Gamma Labs\n"])
        expectCatalogWarnings(
            result,
            [
                "Content/model:1:1: warning: not part of the catalog; ignored (did you mean `models`?)"
            ])
    }
}
