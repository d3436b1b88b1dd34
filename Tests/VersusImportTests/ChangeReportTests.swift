import Foundation
import Testing
@testable import VersusCore
@testable import VersusImport

/// Importing a newer snapshot over an older import: the report printed, the file written, and the file read back.
struct ChangeReportTests {
    static let expectedLines = [
        "Changes since the models.dev snapshot of 2026-05-01:",
        "  price  alpha-one on alpha (alpha-one): input 1.75 → 2 USD per 1M tokens (+14.3%)",
        "  price  alpha-one on alpha (alpha-one): cached input 0.175 USD per 1M tokens → no longer listed",
        "  price  alpha-one on alpha (alpha-one): input above 200000 tokens 3.5 → 4 USD per 1M tokens (+14.3%)",
        "  price  alpha-one on router (alpha-one-mirror): input 1.75 → 2 USD per 1M tokens (+14.3%)",
        "  price  alpha-one on router (alpha-one-mirror): cached input 0.175 USD per 1M tokens → no longer listed",
        "  price  alpha-one on router (alpha-one-mirror): input above 200000 tokens 3.5 → 4 USD per 1M tokens (+14.3%)",
        "  price  alpha-one on router (alpha/alpha-one): output 2.5 → 2 USD per 1M tokens (-20%)",
        "  price  beta-free on router (beta/beta-free): output 0 → 0.5 USD per 1M tokens (was free tier, now pay as you go)",
        "  model added  delta-2",
        "  model removed  gamma-1-5",
        "  route added  beta-free on alpha (beta-free)",
        "  route removed  alpha-shared on host-example (shared)",
        // 6 models now: 14 of their 15 pairs involve a changed model (only beta-shared/odd does not), plus the 6
        // pages gamma-1-5 had with them.
        "  pair pages touched: 20",
    ]

    @Test func aNewerSnapshotPrintsAndWritesItsChanges() throws {
        let root = try ImportFixture.site()
        let first = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        #expect(first.changes == nil && first.changesFile == nil)
        let second = try ImportFixture.run(ImportFixture.newer, into: root, asOf: "2026-06-01")
        let report = try #require(second.changes)
        #expect(ChangeReportFormat.lines(report) == Self.expectedLines)
        #expect(second.changesFile == "Content/changes/2026-06-01.yaml")
        #expect(second.removed == ["Content/imports/models-dev/models/gamma-1-5.yaml"])
        #expect(second.written.contains("Content/imports/models-dev/models/delta-2.yaml"))

        // The file reads back as the same report, and the whole catalog still checks clean.
        let checked = ImportFixture.check(root)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.printed)")
        let catalog = try #require(checked.catalog)
        #expect(catalog.changes.count == 1)
        let loaded = try #require(catalog.changes.first)
        #expect(ChangeReportFormat.lines(loaded) == Self.expectedLines)
        #expect(loaded.date == ISODate("2026-06-01") && loaded.previous == ISODate("2026-05-01"))
        #expect(loaded.source == .registered("models-dev") && loaded.pairPages == 20)
        #expect(
            loaded.priceChanges.map(\.percent) == [
                Decimal(string: "14.3"), nil, Decimal(string: "14.3"), Decimal(string: "14.3"),
                nil, Decimal(string: "14.3"), -20, nil,
            ])
        #expect(catalog.priceChanges.count == 8)

        let text = try ImportFixture.text(root, "Content/changes/2026-06-01.yaml")
        #expect(
            text.hasPrefix(
                """
                # What the import of the models.dev snapshot of 2026-06-01 changed; written by `versus import models.dev`.
                date: 2026-06-01
                previous: 2026-05-01
                source: models-dev
                pair_pages: 20
                prices:
                  - model: alpha-one
                    provider: alpha
                    model_id: alpha-one
                    price: input
                    old: 1.75
                    new: 2
                    percent: 14.3
                  - model: alpha-one
                    provider: alpha
                    model_id: alpha-one
                    price: cached_input
                    old: 0.175

                """))
        #expect(
            text.hasSuffix(
                """
                models_added:
                  - delta-2
                models_removed:
                  - gamma-1-5
                routes_added:
                  - model: beta-free
                    provider: alpha
                    model_id: beta-free
                routes_removed:
                  - model: alpha-shared
                    provider: host-example
                    model_id: shared

                """))
    }

    /// A route whose prices went to 0 because it became a free tier (or whose provider started selling plans)
    /// reports the change of kind, with no percentage: never "−100%".
    @Test func aChangeOfKindHasNoPercentage() throws {
        let location = SourceLocation(file: "x.yaml")
        func route(_ input: Decimal, _ output: Decimal, kind: PriceKind? = nil) -> Route {
            var route = Route(provider: "api", tiers: [], location: location)
            route.input = Figure(input, location: location)
            route.output = Figure(output, location: location)
            route.priceKind = kind
            return route
        }
        let change = RouteChange(model: "alpha", provider: "api", modelID: nil, location: location)
        let free = ChangeDetector.prices(
            route(1, 4), route(0, 0), kinds: (.payAsYouGo, .free), route: change, location: location)
        #expect(free.count == 2 && free.allSatisfy { $0.percent == nil && $0.newKind == .free })
        #expect(
            ChangeReportFormat.describe(free[0])
                == "alpha on api: input 1 → 0 USD per 1M tokens (was pay as you go, now free tier)")
        // The kind alone changed: one line, on the input price.
        let plan = ChangeDetector.prices(
            route(1, 4), route(1, 4), kinds: (.payAsYouGo, .plan), route: change, location: location)
        #expect(plan.count == 1 && plan[0].old == 1 && plan[0].new == 1 && plan[0].newKind == .plan)
        // Written and read back with its kinds.
        let report = ChangeReport(
            date: ISODate("2026-06-01")!, previous: nil, source: nil, priceChanges: free, location: location)
        let text = ChangeReportFormat.yaml(report)
        #expect(text.contains("    old_kind: pay-as-you-go\n    new_kind: free\n") && !text.contains("percent"), "\(text)")
        // Both pay-as-you-go: no kinds written, a percentage.
        let paid = ChangeDetector.prices(route(1, 4), route(2, 4), route: change, location: location)
        #expect(paid.count == 1 && paid[0].percent == 100 && paid[0].oldKind == nil)
    }

    @Test func reimportingTheNewerSnapshotReportsNothingMore() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        _ = try ImportFixture.run(ImportFixture.newer, into: root, asOf: "2026-06-01")
        let before = try ImportFixture.files(under: root)
        let again = try ImportFixture.run(ImportFixture.newer, into: root, asOf: "2026-06-01")
        #expect(again.changes == nil && again.written.isEmpty)
        #expect(try ImportFixture.files(under: root) == before)
    }

    @Test func aNewDateAloneIsNoChange() throws {
        let root = try ImportFixture.site()
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        let later = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-15")
        #expect(later.changes == nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/changes").path))
        // The dates in the layer did move on.
        #expect(try ImportFixture.text(root, "Content/imports/models-dev/source.yaml").contains("date: 2026-05-15\n"))
    }

    @Test func pagesTouchedFollowTheSitesPairs() throws {
        // With `pairs: shared-tag` and no decision tags, no comparison page exists: only gamma-1-5's lost pages count.
        let root = try ImportFixture.site(["site.yaml": ImportFixture.siteYAML + "pairs: shared-tag\n"])
        _ = try ImportFixture.run(ImportFixture.older, into: root, asOf: "2026-05-01")
        let second = try ImportFixture.run(ImportFixture.newer, into: root, asOf: "2026-06-01")
        #expect(second.changes?.pairPages == 6)
    }
}
