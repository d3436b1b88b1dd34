import Foundation
import Testing
import VersusCore
@testable import VersusImport

/// What an editor wrote survives every import untouched, and a figure both hold becomes two sourced values.
struct HandWrittenMergeTests {
    static let hand: [String: String] = [
        "sources.yaml": """
        - id: alpha-launch
          title: Alpha launch post
          url: https://alpha.example/launch
        """,
        "providers/alpha.yaml": """
        name: Alpha Labs API
        kind: first-party
        """,
        "models/alpha-one.yaml": """
        name: Alpha One (reviewed)
        developer: Alpha Labs
        product_type: coding-specialized
        context_window: 350000
        capabilities:
          vision: no
        decision_fit: [coding, agents]
        routes:
          - provider: alpha
            input: 1.75
            output: 15
            source: alpha-launch
            as_of: 2026-02-05
          - provider: router
            model_id: alpha/alpha-one
            input: 0.35
            source: alpha-launch
        benchmarks:
          - benchmark: swe-bench-verified
            score: 77.3
            source: alpha-launch
            reported_by: maker
        sources: [alpha-launch]
        last_reviewed: 2026-06-01
        notes: Checked against the launch post.
        """,
        // Only what the editor adds to an imported model: no name or developer needed.
        "models/beta-free.yaml": """
        decision_fit: [budget, local]
        notes: Free on the router while it lasts.
        last_reviewed: 2026-06-01
        """,
    ]

    @Test func handWrittenFilesSurviveEveryImportUntouched() throws {
        let root = try ImportFixture.site(Self.hand)
        let content = root.appendingPathComponent("Content")
        let before = try ImportFixture.files(under: content).filter { !$0.key.hasPrefix("imports/") }
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        _ = try ImportFixture.run(ImportFixture.newer, into: root, asOf: "2026-06-01")
        let after = try ImportFixture.files(under: content).filter { !$0.key.hasPrefix("imports/") && !$0.key.hasPrefix("changes/") }
        #expect(after == before)
    }

    @Test func handWrittenValuesComeFirstAndDisagreementsAreReported() throws {
        let root = try ImportFixture.site(Self.hand)
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        let checked = ImportFixture.check(root)
        #expect(
            checked.diagnostics.printed == [
                "Content/models/alpha-one.yaml:4:17: warning: sources disagree on the context window: 350000 (alpha-launch) vs 400000 (models-dev) (pages show every value; keep the one the site should compute with first)",
                "Content/models/alpha-one.yaml:11:13: warning: sources disagree on the output price on `alpha`: 15 (alpha-launch) vs 14 (models-dev) (pages show every value; keep the one the site should compute with first)",
                "Content/models/alpha-one.yaml:16:12: warning: sources disagree on the input price on `router`: 0.35 (alpha-launch) vs 0.3 (models-dev) (pages show every value; keep the one the site should compute with first)",
            ])
        let catalog = try #require(checked.catalog)
        let model = try #require(catalog.model("alpha-one"))
        // Text and choices: the editor's; what the editor left out: the import's.
        #expect(model.name == "Alpha One (reviewed)" && model.developer == "Alpha Labs" && model.productType == .codingSpecialized)
        #expect(model.family == "alpha" && model.releaseDate == ISODate("2026-02-05") && model.openness == .proprietary)
        #expect(model.notes == "Checked against the launch post." && model.lastReviewed == ISODate("2026-06-01"))
        #expect(model.decisionFit == [.coding, .agents])
        #expect(model.capability("vision") == .no && model.capability("function-calling") == .yes)
        #expect(model.sources == [.registered("alpha-launch"), .registered("models-dev")])
        // Figures: both values, the editor's first.
        #expect(model.contextWindow?.values.map(\.value) == [350_000, 400_000])
        #expect(model.contextWindow?.values.map(\.source) == [.registered("alpha-launch"), .registered("models-dev")])
        #expect(
            model.contextWindow?.values.map(\.location.file) == [
                "Content/models/alpha-one.yaml",
                "Content/imports/models-dev/models/alpha-one.yaml",
            ])
        #expect(model.maxOutput?.values.map(\.value) == [128_000])
        // Routes: one per provider and model id. The hand-written alpha route names no model id, so it is the
        // layer's only alpha route.
        #expect(model.routes.filter { $0.provider == "alpha" }.count == 1)
        let alpha = try #require(model.routes.first { $0.provider == "alpha" })
        #expect(alpha.modelID == "alpha-one" && alpha.location.file == "Content/models/alpha-one.yaml")
        #expect(alpha.input?.values.map(\.value) == [Decimal(string: "1.75")!, Decimal(string: "1.75")!])
        #expect(alpha.output?.values.map(\.value) == [15, 14])
        #expect(alpha.cachedInput?.values.map(\.source) == [.registered("models-dev")])
        #expect(alpha.asOf == ISODate("2026-02-05") && alpha.tiers.count == 1)
        let router = try #require(model.routes.first { $0.provider == "router" && $0.modelID == "alpha/alpha-one" })
        #expect(router.input?.values.map(\.value) == [Decimal(string: "0.35")!, Decimal(string: "0.3")!])
        // Results by benchmark and variant: the same score from both, no disagreement.
        let result = try #require(model.benchmarkResults.first { $0.benchmark == "swe-bench-verified" })
        #expect(result.score.values.count == 2 && !result.score.isDisputed)
        let free = try #require(catalog.model("beta-free"))
        #expect(free.name == "Beta Free" && free.developer == "beta" && free.decisionFit == [.budget, .local])
        #expect(free.notes == "Free on the router while it lasts." && free.routes.count == 2)
        // Providers by id: the editor's name and kind, the import's address.
        #expect(catalog.providers["alpha"]?.name == "Alpha Labs API" && catalog.providers["alpha"]?.kind == .firstParty)
        #expect(catalog.providers["alpha"]?.url == "https://alpha.example/docs")
    }

    @Test func theChangeReportComparesImportsNotHandWrittenValues() throws {
        let root = try ImportFixture.site(Self.hand)
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        let second = try ImportFixture.run(ImportFixture.newer, into: root, asOf: "2026-06-01")
        let report = try #require(second.changes)
        #expect(ChangeReportFormat.lines(report) == ChangeReportTests.expectedLines)
        #expect(second.catalogErrors.isEmpty, "\(second.catalogErrors.printed)")
    }
}
