import Foundation
import Testing
@testable import VersusCore

/// A model's sourced figures are listed once (`Model.figures`); citations, fingerprints, source checks, dispute
/// warnings, dispute lines and the count of disputed figures all read that list, so a figure on a route's context
/// window or in a price tier counts like any other.
@Suite struct ModelFiguresTests {
    /// Beta Two with a route whose context window and tier cache-write price cite sources nothing else cites, and
    /// whose tier price is disputed.
    static let files = CatalogFixture.catalog([
        "models/beta-two.yaml": """
        name: Beta Two
        developer: Beta AI
        openness: open-weights
        context_window: 262144
        routes:
          - provider: router
            input: 0.4
            output: 2.4
            context_window:
              value: 131072
              source: https://router.example.test/limits
            tiers:
              - above_tokens: 128000
                input:
                  - value: 0.8
                    source: beta-card
                  - value: 0.9
                    source: https://router.example.test/tiers
                cache_write:
                  value: 1.1
                  source: https://router.example.test/cache
            source: https://router.example.test/beta-two
        sources: [beta-card]
        last_reviewed: 2026-05-20
        """
    ])

    @Test func everyFigureIsListedWithItsName() throws {
        let catalog = try #require(CatalogFixture.check(Self.files).catalog)
        let beta = try #require(catalog.model("beta-two"))
        let names = beta.figures.map(\.name)
        #expect(
            names == [
                .contextWindow, .route(provider: "router", .input), .route(provider: "router", .output),
                .tier(provider: "router", aboveTokens: 128000, .input), .tier(provider: "router", aboveTokens: 128000, .cacheWrite),
                .route(provider: "router", .contextWindow),
            ])
        // Cited: the sources of the route's limit and of the tier's cache-write price, which the old lists missed.
        #expect(beta.sourceReferences.contains(.web("https://router.example.test/limits")))
        #expect(beta.sourceReferences.contains(.web("https://router.example.test/cache")))
        #expect(beta.sourceReferences.contains(.web("https://router.example.test/tiers")))
        #expect(CatalogDigest(catalog)["beta-two"].disputedFigures == 1)
    }

    @Test func aDisputedTierPriceIsWarnedAboutAndShown() throws {
        let result = CatalogFixture.check(Self.files)
        let warnings = result.diagnostics.warnings.map(\.description)
        #expect(
            warnings.contains {
                $0.contains(
                    "sources disagree on the input price above 128000 tokens on `router`: 0.8 (beta-card) vs 0.9 (https://router.example.test/tiers)"
                )
            },
            "\(warnings)")
        let catalog = try #require(result.catalog)
        let digest = CatalogDigest(catalog)
        let templates = try TemplateSet.load(root: SiteBuildTests.repository.path).get()
        let fragments = ModelFragments(
            digest: digest["beta-two"], catalog: catalog, tokens: SourceTokens(catalog: catalog), templates: templates)
        #expect(
            fragments.disputes == [
                "Beta Two, input price above 128K tokens on Router: $0.8 (Beta model card) versus $0.9 (https://router.example.test/tiers)"
            ])
    }

    @Test func anUnknownSourceOnARouteLimitIsAnError() {
        let files = CatalogFixture.catalog([
            "models/beta-two.yaml": Self.files["models/beta-two.yaml"]!
                .replacingOccurrences(of: "source: https://router.example.test/limits", with: "source: no-such-source")
        ])
        let errors = CatalogFixture.check(files).diagnostics.errors.map(\.description)
        #expect(errors.count == 1 && errors[0].contains("unknown source `no-such-source`"), "\(errors)")
    }
}
