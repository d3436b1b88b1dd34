import Foundation
import Testing
@testable import VersusCore

/// Pair analysis on a small in-memory catalog whose figures are chosen to make every rule fire.
@Suite struct PairAnalysisTests {
    static let files: [String: String] = [
        "site/Content/site.yaml": """
        title: Test
        base_url: https://example.test
        traffic_levels:
          - name: Small
            input_millions: 10
            output_millions: 2
        """,
        "site/Content/providers/alpha.yaml": "name: Alpha API\nkind: first-party\n",
        "site/Content/providers/beta.yaml": "name: Beta Router\nkind: router\nopenai_compatible: true\n",
        "site/Content/benchmarks.yaml": """
        - id: code-a
          name: Code A
          category: coding
          unit: percent
        - id: code-b
          name: Code B
          category: coding
          unit: percent
        - id: math-a
          name: Math A
          category: math
          unit: score
        """,
        "site/Content/models/one.yaml": """
        name: Model One
        developer: Lab One
        product_type: coding-specialized
        openness: proprietary
        context_window: 400000
        max_output: 128000
        capabilities:
          vision: yes
          code-execution: yes
          tool-use: no
        decision_fit: [coding, agents]
        routes:
          - provider: alpha
            input: 1.75
            output: 14
            cached_input: 0.175
          - provider: beta
            input: 2
            output: 15
        benchmarks:
          - benchmark: code-a
            score: 77.3
            reported_by: independent
          - benchmark: code-b
            score: 50
            reported_by: independent
          - benchmark: math-a
            score: 80
            reported_by: independent
        last_reviewed: 2026-06-01
        """,
        "site/Content/models/two.yaml": """
        name: Model Two
        developer: Lab Two
        product_type: general
        openness: open-weights
        context_window: 262144
        capabilities:
          vision: yes
          tool-use: yes
        decision_fit: [coding, rag]
        routes:
          - provider: beta
            input: 0.26
            output: 2.08
        benchmarks:
          - benchmark: code-a
            score: 52.5
            reported_by: independent
          - benchmark: code-b
            score: 60
            reported_by: independent
          - benchmark: math-a
            score: 91.3
            reported_by: independent
        last_reviewed: 2026-06-01
        """,
        "site/Content/models/three.yaml": """
        name: Model Three
        developer: Lab One
        routes:
          - provider: alpha
        """,
    ]

    static func digest() throws -> CatalogDigest {
        let result = CatalogCheck.run(root: "site", fileSystem: .memory(files), today: ISODate("2026-06-02")!)
        let catalog = try #require(result.catalog, "\(result.diagnostics)")
        return CatalogDigest(catalog)
    }

    @Test func monthlyCostUsesTheCheapestCompleteRoute() throws {
        let digest = try Self.digest()
        let one = digest["one"], two = digest["two"]
        #expect(one.headlineCost?.provider == "alpha")
        #expect(one.headlineCost?.monthly == Decimal(4900))
        #expect(two.headlineCost?.monthly == Decimal(728))
        #expect(one.headlineCost?.monthlyAllCached == Decimal(string: "3325"))
        #expect(one.levelCosts.first??.monthly == Decimal(string: "45.5"))
        #expect(digest["three"].headlineCost == nil)
    }

    @Test func costComparisonGivesDifferenceAndRatio() throws {
        let analysis = PairAnalysis(pair: PairID("one", "two"), digest: try Self.digest())
        #expect(analysis.cost.cheaper == .b)
        #expect(analysis.cost.difference == Decimal(4172))
        #expect(Format.ratio(analysis.cost.ratio!) == "6.7×")
    }

    @Test func benchmarksFindLeadersAndCategories() throws {
        let analysis = PairAnalysis(pair: PairID("one", "two"), digest: try Self.digest())
        #expect(analysis.benchmarks.shared.map(\.benchmark.id) == ["code-a", "code-b", "math-a"])
        #expect(analysis.benchmarks.shared.map(\.leader) == [.a, .b, .b])
        let coding = analysis.benchmarks.categories.first { $0.category == .coding }
        #expect(coding?.leader == nil)  // one win each
        #expect(analysis.benchmarks.categories.first { $0.category == .math }?.leader == .b)
    }

    @Test func tradeOffsFollowFromTheData() throws {
        let analysis = PairAnalysis(pair: PairID("one", "two"), digest: try Self.digest())
        let a = analysis.tradeOffs.a, b = analysis.tradeOffs.b
        #expect(
            a.contains {
                if case .largerContext(400000, 262144, false) = $0 { return true }; return false
            })
        #expect(
            a.contains {
                if case .moreProviders(2, 1) = $0 { return true }; return false
            })
        // Code execution is documented for one and not documented for two: no reason to choose one (the record of two
        // may simply not say).
        #expect(
            !a.contains {
                if case let .capabilitiesOtherLacks(list) = $0 { return list.contains { $0.id == "code-execution" } }; return false
            })
        #expect(
            a.contains {
                if case let .decisionTags(tags) = $0 { return tags == [.agents] }; return false
            })
        #expect(
            b.contains {
                if case .cheaper = $0 { return true }; return false
            })
        #expect(
            b.contains {
                if case .openWeights = $0 { return true }; return false
            })
        #expect(
            b.contains {
                if case let .capabilitiesOtherLacks(list) = $0 { return list.map(\.id) == ["tool-use"] }; return false
            })
        #expect(
            !a.contains {
                if case .cheaper = $0 { return true }; return false
            })
    }

    @Test func switchFrictionNamesSharedProvidersAndCapabilities() throws {
        let analysis = PairAnalysis(pair: PairID("one", "two"), digest: try Self.digest())
        #expect(analysis.sharedProviders == ["beta"])
        // One documents code execution, two does not mention it: to confirm, not a loss. One is documented without
        // tool use, which two has: a gain. The other way, two's tool use is lost to one's stated "no".
        #expect(analysis.friction.aToB.lost.isEmpty && analysis.friction.aToB.unconfirmed.map(\.id) == ["code-execution"])
        #expect(analysis.friction.aToB.gained.map(\.id) == ["tool-use"])
        #expect(analysis.friction.bToA.lost.map(\.id) == ["tool-use"] && analysis.friction.bToA.gained.isEmpty)
        #expect(analysis.friction.aToB.contextShrinks?.to == 262144)
        #expect(analysis.friction.bToA.contextShrinks == nil)

        let unpriced = PairAnalysis(pair: PairID("three", "two"), digest: try Self.digest())
        #expect(unpriced.sharedProviders.isEmpty)
        #expect(unpriced.cost.cheaper == nil && unpriced.cost.difference == nil)
    }

    @Test func faqAsksOnlyWhatTheDataAnswers() throws {
        let digest = try Self.digest()
        let questions = FAQBuilder.questions(PairAnalysis(pair: PairID("one", "two"), digest: digest), catalog: digest.catalog)
        let asked = questions.map(\.question)
        #expect(asked.contains("Which has the larger context window, Model One or Model Two?"))
        #expect(asked.contains("Which supports code execution, Model One or Model Two?"))
        #expect(asked.contains("Which supports tool use, Model One or Model Two?"))
        #expect(!asked.contains { $0.contains("vision") })  // both have it
        #expect(questions.first { $0.question.hasPrefix("Which is better at coding") }?.answer.contains("split") == true)

        // Model Three has no context window, so no context question for its pairs.
        let sparse = FAQBuilder.questions(PairAnalysis(pair: PairID("one", "three"), digest: digest), catalog: digest.catalog)
        #expect(!sparse.contains { $0.question.hasPrefix("Which has the larger context window") })
    }

    @Test func deepDiveChangesWithTheData() throws {
        let digest = try Self.digest()
        let rich = DeepDive.paragraphs(PairAnalysis(pair: PairID("one", "two"), digest: digest), catalog: digest.catalog)
        let sparse = DeepDive.paragraphs(PairAnalysis(pair: PairID("one", "three"), digest: digest), catalog: digest.catalog)
        #expect(rich[0].contains("6.7×"))
        #expect(sparse[1].contains("Model Three's pay-as-you-go routes lack a complete input and output price"))
        #expect(rich != sparse)
    }
}

@Suite struct FormatTests {
    @Test func groupingPutsACommaEveryThreeDigitsOfTheWholePart() {
        let cases = [
            "": "", "0": "0", "999": "999", "1000": "1,000", "-1000": "-1,000", "-999": "-999", "12345.6789": "12,345.6789",
            "1234567": "1,234,567", "100000.5": "100,000.5", "0.12345": "0.12345", "-1234567.25": "-1,234,567.25",
            "123456789012": "123,456,789,012",
        ]
        for (digits, expected) in cases { #expect(Format.grouped(digits) == expected, "\(digits)") }
    }

    @Test func datesReadAsISO8601() {
        #expect(ISODate(year: 2026, month: 6, day: 10).description == "2026-06-10")
        #expect(ISODate(year: 2026, month: 11, day: nil).description == "2026-11")
        #expect(ISODate(year: 987, month: 1, day: 2).description == "0987-01-02")
        #expect(ISODate(year: 12345, month: 1, day: 2).description == "12345-01-02")
    }

    @Test func money() {
        #expect(Format.money(4900) == "$4,900")
        #expect(Format.money(Decimal(string: "45.5")!) == "$46")
        #expect(Format.money(Decimal(string: "106.2")!) == "$106")
        #expect(Format.money(Decimal(string: "4.5")!) == "$4.50")
        #expect(Format.money(0) == "$0")
        #expect(Format.price(Decimal(string: "0.175")!) == "$0.175")
        #expect(Format.price(14) == "$14")
    }

    @Test func tokens() {
        #expect(Format.tokens(400_000) == "400K")
        #expect(Format.tokens(1_000_000) == "1M")
        #expect(Format.tokens(262_144) == "262K")
        #expect(Format.tokens(131_072) == "131K")
        #expect(Format.tokens(1_048_576) == "1.05M")
    }
}
