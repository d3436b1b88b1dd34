import Foundation
import Testing
@testable import VersusCore

/// `search.json`, what the search box searches: every model with its name, maker and aliases, and which pairs
/// have a page, so the box never offers a comparison the build did not write.
struct SearchIndexTests {
    private func decode(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func listsEveryModelOfTheBundledCatalogAndEveryPair() throws {
        let catalog = try #require(CatalogCheck.run(root: BundledCatalog.root.path).catalog)
        let digest = CatalogDigest(catalog)
        let data = SearchIndex.data(digest, routes: SiteRoutes(site: catalog.site))
        let index = try decode(data)
        let models = try #require(index["models"] as? [[Any]])
        #expect(models.map { $0[0] as? String } == catalog.models.map(\.id))
        let sonnet = try #require(models.first { $0[0] as? String == "claude-sonnet-4-6" })
        #expect(sonnet[1] as? String == "Claude Sonnet 4.6")
        #expect(sonnet[2] as? String == "Anthropic")
        #expect(index["pairs"] as? String == "all")
        #expect(index["base"] as? String == "")
        // The same catalog, the same bytes.
        #expect(SearchIndex.data(CatalogDigest(catalog), routes: SiteRoutes(site: catalog.site)) == data)
    }

    @Test func namesOnlyThePairsTheSiteBuilds() throws {
        let gamma = CatalogFixture.valid["models/beta-two.yaml"]!.replacingOccurrences(of: "Beta Two", with: "Gamma")
            .replacingOccurrences(of: "beta-two", with: "gamma")
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": gamma,
            "comparisons/alpha-one-vs-beta-two.md": nil,
            "site.yaml": CatalogFixture.valid["site.yaml"]!.replacingOccurrences(of: "pairs: all", with: "pairs: [gamma-vs-alpha-one]")
                .replacingOccurrences(of: "https://versus.example.test/", with: "https://example.test/versus/"),
        ])
        let catalog = try #require(result.catalog, "\(result.diagnostics.errors.printed)")
        let index = try decode(SearchIndex.data(CatalogDigest(catalog), routes: SiteRoutes(site: catalog.site)))
        let models = try #require(index["models"] as? [[Any]])
        #expect(models.map { $0[0] as? String } == ["alpha-one", "beta-two", "gamma"])
        // alpha-one (0) has a page with gamma (2), and no other pair has one.
        #expect(index["pairs"] as? [[Int]] == [[2], [], []])
        #expect(index["base"] as? String == "/versus")
    }

    @Test func isPublishedWithTheSite() async throws {
        let root = BundledCatalog.root.path
        let catalog = try #require(CatalogCheck.run(root: root).catalog)
        let plan = await SitePlan.make(digest: CatalogDigest(catalog), templates: try TemplateSet.load(root: root).get(), generator: "test")
        let file = try #require(plan.pages.first { $0.path == SearchIndex.path })
        guard case .file(let data) = file.kind else {
            Issue.record("search.json is not planned as a file")
            return
        }
        #expect(file.fingerprint == Fingerprint.of(data))
    }
}
