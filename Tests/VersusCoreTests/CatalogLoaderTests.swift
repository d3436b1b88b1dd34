import Foundation
import Testing
@testable import VersusCore

/// The loader on valid catalogs: every file is read, every value lands where the catalog types say.
@Suite struct CatalogLoaderTests {
    @Test func validCatalogHasNoDiagnostics() throws {
        let result = CatalogFixture.check(CatalogFixture.valid)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.printed)")
        let catalog = try #require(result.catalog)
        #expect(catalog.models.map(\.id) == ["alpha-one", "beta-two"])
        #expect(catalog.providers.keys.sorted() == ["alpha", "router"])
        #expect(catalog.benchmarks.keys.sorted() == ["arena-elo", "swe-bench-verified"])
        #expect(catalog.sources.keys.sorted() == ["alpha-launch", "beta-card"])
        #expect(catalog.editorials.keys.map(\.slug) == ["alpha-one-vs-beta-two"])
    }

    @Test func siteSettings() throws {
        let site = try #require(CatalogFixture.check(CatalogFixture.valid).catalog).site
        #expect(site.title == "Versus test")
        #expect(site.baseURL == "https://versus.example.test", "the trailing slash is dropped")
        #expect(site.language == "en")
        #expect(site.reviewMaxAgeDays == 180)
        #expect(site.traffic == SiteSettings.defaultTraffic)
        #expect(site.trafficLevels == [TrafficLevel(name: "Prototype", inputMillions: 10, outputMillions: 2)])
        #expect(site.capabilities.map(\.id) == ["vision", "function-calling"])
        #expect(site.pairs == .all)
        #expect(site.allowRawHTML == false)
        #expect(site.location == VersusCore.SourceLocation(file: "Content/site.yaml", line: 1, column: 1))
    }

    @Test func siteDefaults() throws {
        let result = CatalogFixture.check(changing: ["site.yaml": "title: Minimal\nbase_url: https://example.test\n"])
        let site = try #require(result.catalog).site
        #expect(site.language == "en")
        #expect(site.reviewMaxAgeDays == 180)
        #expect(site.capabilities == SiteSettings.defaultCapabilities)
        #expect(site.capabilities.count == 10)
        #expect(site.pairs == .all)
        #expect(site.trafficLevels.isEmpty)
        // The fixture's models use capabilities that are among the ten defaults.
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.printed)")
    }

    @Test func pairSelections() throws {
        let shared = CatalogFixture.check(changing: ["site.yaml": "title: T\nbase_url: https://example.test\npairs: shared-tag\n"])
        #expect(try #require(shared.catalog).site.pairs == .sharedTag)
        let listed = CatalogFixture.check(changing: [
            "site.yaml": "title: T\nbase_url: https://example.test\npairs:\n  - beta-two-vs-alpha-one\n"
        ])
        #expect(
            try #require(listed.catalog).site.pairs
                == .list([
                    PairRequest(
                        slug: "beta-two-vs-alpha-one", location: VersusCore.SourceLocation(file: "Content/site.yaml", line: 4, column: 5))
                ]))
    }

    @Test func sourcesProvidersAndBenchmarks() throws {
        let catalog = try #require(CatalogFixture.check(CatalogFixture.valid).catalog)
        let launch = try #require(catalog.sources["alpha-launch"])
        #expect(launch.title == "Alpha launch post")
        #expect(launch.reports == .maker)
        #expect(launch.url == "https://alpha.example.test/launch")
        #expect(launch.date == ISODate(year: 2026, month: 2, day: 5))
        #expect(launch.location == VersusCore.SourceLocation(file: "Content/sources.yaml", line: 1, column: 3))
        #expect(catalog.sources["beta-card"]?.date == ISODate(year: 2026, month: 3))

        let alpha = try #require(catalog.providers["alpha"])
        #expect(alpha.name == "Alpha API")
        #expect(alpha.kind == .firstParty)
        #expect(alpha.url == "https://alpha.example.test")
        #expect(alpha.openAICompatible == true)
        #expect(catalog.providers["router"]?.openAICompatible == nil, "left out means not documented")

        let swe = try #require(catalog.benchmarks["swe-bench-verified"])
        #expect(swe.category == .coding)
        #expect(swe.unit == .percent)
        #expect(swe.higherIsBetter)
        #expect(swe.aliases == ["SWE-bench Verified", "swe_bench_verified"])
        #expect(catalog.benchmarks["arena-elo"]?.unit == .elo)
    }

    @Test func fullModel() throws {
        let model = try #require(CatalogFixture.check(CatalogFixture.valid).catalog?.model("alpha-one"))
        #expect(model.name == "Alpha One")
        #expect(model.developer == "Alpha Labs")
        #expect(model.family == "Alpha")
        #expect(model.productType == .codingSpecialized)
        #expect(model.releaseDate == ISODate(year: 2026, month: 2, day: 5))
        #expect(model.knowledgeCutoff == ISODate(year: 2025, month: 8))
        #expect(model.license == License(name: "Proprietary", osiApproved: false, url: nil))
        #expect(model.openness == .proprietary)
        #expect(model.commercialUse == .conditional)
        #expect(model.parameters?.totalBillions?.value == 397)
        #expect(model.parameters?.activeBillions?.value == 17)
        #expect(model.architecture == .mixtureOfExperts)
        #expect(model.contextWindow?.value == 400_000)
        #expect(model.contextWindow?.primary.source == .registered("alpha-launch"), "model sources back its other facts")
        #expect(model.maxOutput?.value == 128_000)
        #expect(model.maxOutput?.location == VersusCore.SourceLocation(file: "Content/models/alpha-one.yaml", line: 17, column: 13))
        #expect(model.inputModalities == [.text, .image])
        #expect(model.outputModalities == [.text])
        #expect(model.languages == Languages(count: 201, primary: ["English"], source: .registered("alpha-launch")))
        #expect(model.capability("vision") == .yes)
        #expect(model.capability("function-calling") == .no)
        #expect(model.capability("computer-use") == .notDocumented, "a capability left out is not documented")
        #expect(model.bestFor == ["coding agents", "code review"])
        #expect(model.decisionFit == [.coding, .agents])
        #expect(model.sources == [.registered("alpha-launch")])
        #expect(model.lastReviewed == ISODate(year: 2026, month: 6, day: 1))
        #expect(model.notes == "Internal note.")
        #expect(model.location == VersusCore.SourceLocation(file: "Content/models/alpha-one.yaml", line: 1, column: 1))
    }

    @Test func routesKeepExactDecimalsAndTheirSource() throws {
        let model = try #require(CatalogFixture.check(CatalogFixture.valid).catalog?.model("alpha-one"))
        let route = try #require(model.routes.first)
        #expect(model.routes.count == 1)
        #expect(route.provider == "alpha")
        #expect(route.modelID == "alpha-one")
        #expect(route.input?.value == Decimal(string: "1.75"))
        #expect(route.output?.value == 14)
        #expect(route.cachedInput?.value == Decimal(string: "0.175"), "0.175 stays exact, never a binary float")
        #expect(route.cachedInput?.value.description == "0.175")
        #expect(route.cacheWrite == nil, "a missing price is unknown, not zero")
        #expect(route.isComplete)
        #expect(route.input?.primary.source == .registered("alpha-launch"), "prices take the route's source")
        #expect(route.input?.primary.date == ISODate(year: 2026, month: 2, day: 5), "and its as_of date")
        #expect(route.tiers.count == 1)
        #expect(route.tiers.first?.aboveTokens == 200_000)
        #expect(route.tiers.first?.input?.value == Decimal(string: "3.5"))
        #expect(route.location == VersusCore.SourceLocation(file: "Content/models/alpha-one.yaml", line: 31, column: 5))

        let web = try #require(CatalogFixture.check(CatalogFixture.valid).catalog?.model("beta-two")?.routes.first)
        #expect(web.input?.primary.source == .web("https://router.example.test/beta-two"))
    }

    @Test func benchmarkResultsAndSelfHosting() throws {
        let catalog = try #require(CatalogFixture.check(CatalogFixture.valid).catalog)
        let result = try #require(catalog.model("alpha-one")?.benchmarkResults.first)
        #expect(result.benchmark == "swe-bench-verified")
        #expect(result.variant == "Agent harness")
        #expect(result.score.value == Decimal(string: "77.3"))
        #expect(result.score.primary.source == .registered("alpha-launch"))
        #expect(result.score.primary.date == ISODate(year: 2026, month: 2, day: 5))

        let beta = try #require(catalog.model("beta-two"))
        #expect(beta.productType == nil && beta.releaseDate == nil && beta.license == nil, "unknown stays unknown")
        let local = try #require(beta.selfHosting.first)
        #expect(local.label == "GGUF Q4")
        #expect(local.minimumMemoryGB == 24)
        #expect(local.memoryKind == .vram)
        #expect(local.tokensPerSecond == SpeedRange(low: 60, high: 100))
        #expect(local.source == .registered("beta-card"))
        #expect(local.approximate == false)
    }

    @Test func editorial() throws {
        let catalog = try #require(CatalogFixture.check(CatalogFixture.valid).catalog)
        let editorial = try #require(catalog.editorials[PairID("beta-two", "alpha-one")])
        #expect(editorial.pair.slug == "alpha-one-vs-beta-two")
        #expect(editorial.title == "Alpha One or Beta Two")
        #expect(editorial.tldr == ["Alpha One leads on coding."])
        #expect(
            editorial.whenToUse == [
                Editorial.WhenToUse(
                    situation: "You must keep data on your own machines",
                    choose: "beta-two", why: "Open weights.")
            ])
        #expect(editorial.faq == [Editorial.Question(question: "Can both run behind one client?", answer: "Yes, through the router.")])
        #expect(editorial.body == "Hand-written **Markdown**.")
    }

    @Test func editorialFileNameMayNameThePairInEitherOrder() throws {
        let result = CatalogFixture.check(changing: [
            "comparisons/alpha-one-vs-beta-two.md": nil,
            "comparisons/beta-two-vs-alpha-one.md": "Just a body.\n",
        ])
        let editorial = try #require(result.catalog?.editorials[PairID("alpha-one", "beta-two")])
        #expect(editorial.title == nil)
        #expect(editorial.body == "Just a body.\n")
    }

    @Test func figuresWithSeveralSourcedValues() throws {
        var model = CatalogFixture.valid["models/beta-two.yaml"]!
        model = model.replacingOccurrences(
            of: "context_window: 262144\n",
            with: """
                context_window:
                  value: 262144
                  approximate: true
                  source: beta-card
                  date: 2026-03-01
                  note: From the card.

                """)
        let result = CatalogFixture.check(changing: ["models/beta-two.yaml": model])
        let figure = try #require(result.catalog?.model("beta-two")?.contextWindow)
        #expect(
            figure.values == [
                SourcedValue(
                    value: 262_144, approximate: true, source: .registered("beta-card"),
                    date: ISODate(year: 2026, month: 3, day: 1), note: "From the card.",
                    location: VersusCore.SourceLocation(file: "Content/models/beta-two.yaml", line: 5, column: 10))
            ])
        #expect(!figure.isDisputed)
    }

    @Test func hiddenFilesAndUnrelatedFilesAreSkipped() throws {
        let result = CatalogFixture.check(changing: [
            ".DS_Store": "binary junk",
            "models/.alpha-one.yaml.swp": "junk",
            "models/..yaml": "name: Dots\ndeveloper: Nobody\n",
            "models/readme.txt": "notes",
            "models/gamma.yml": "name: Gamma\ndeveloper: G\n",
            "drafts/x.yaml": "name: x",
        ])
        #expect(
            result.diagnostics.printed == [
                "Content/drafts:1:1: warning: not part of the catalog; ignored (Content/ holds site.yaml, sources.yaml, benchmarks.yaml, providers/, models/, comparisons/, changes/ and imports/)",
                "Content/models/gamma.yml:1:1: warning: not a .yaml file; ignored (rename it to end in .yaml)",
                "Content/models/readme.txt:1:1: warning: not a .yaml file; ignored (Content/models/ holds only .yaml files)",
            ])
        #expect(try #require(result.catalog).models.map(\.id) == ["alpha-one", "beta-two"])
    }

    @Test func loadsTheCommittedFixtureSiteFromDisk() throws {
        let result = CatalogCheck.run(root: CatalogFixture.site("valid-site").path, today: CatalogFixture.today)
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.printed)")
        let catalog = try #require(result.catalog)
        #expect(catalog.models.count == 3)
        #expect(catalog.site.title == "Fixture site")
    }
}
