import Foundation
import Testing
@testable import VersusCore

/// `Content/changes/<date>.yaml`: the import's change reports, read into `Catalog.changes`, newest first.
@Suite struct ChangeReportLoadingTests {
    static let report = """
        date: 2026-06-10
        previous: 2026-05-01
        source: models-dev
        pair_pages: 412
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
            price: input
            above_tokens: 200000
            old: 3.5
          - model: beta-two
            provider: router
            price: output
            old: 0
            new: 0.5
        models_added: [gamma-three]
        models_removed: [delta-four]
        routes_added:
          - model: beta-two
            provider: alpha
            model_id: beta-two
        routes_removed:
          - model: alpha-one
            provider: router
        """

    @Test func reportsLoadNewestFirst() throws {
        let result = CatalogFixture.check(changing: [
            "changes/2026-06-10.yaml": Self.report,
            "changes/2026-05-01.yaml": "date: 2026-05-01\nmodels_added: [alpha-one]\n",
            "changes/2026-05-20.yaml": "prices:\n  - model: alpha-one\n    provider: alpha\n    price: cache_write\n    new: 2.1\n",
        ])
        expectCatalogWarnings(result, [])
        let catalog = try #require(result.catalog)
        #expect(catalog.changes.map(\.date.description) == ["2026-06-10", "2026-05-20", "2026-05-01"])
        let newest = catalog.changes[0]
        #expect(newest.previous == ISODate("2026-05-01") && newest.source == .registered("models-dev") && newest.pairPages == 412)
        #expect(newest.priceChanges.map(\.kind) == [.input, .input, .output])
        #expect(newest.priceChanges.map(\.percent) == [Decimal(string: "14.3"), nil, nil])
        #expect(newest.priceChanges[1].aboveTokens == 200_000 && newest.priceChanges[1].new == nil)
        #expect(
            newest.priceChanges[0].route
                == RouteChange(
                    model: "alpha-one", provider: "alpha", modelID: "alpha-one",
                    location: SourceLocation(file: "Content/changes/2026-06-10.yaml", line: 6, column: 5)))
        #expect(newest.modelsAdded == ["gamma-three"] && newest.modelsRemoved == ["delta-four"])
        #expect(newest.routesAdded.map(\.model) == ["beta-two"] && newest.routesRemoved.map(\.provider) == ["router"])
        #expect(catalog.changes[1].priceChanges.first?.kind == .cacheWrite)
        #expect(catalog.priceChanges.count == 4)
    }

    @Test func badReportsAreErrorsWithTheirPlace() {
        let result = CatalogFixture.check(changing: [
            "changes/latest.yaml": Self.report,
            "changes/2026-06-11.yaml": """
            date: 2026-06-10
            prices:
              - model: Alpha One
                provider: alpha
                price: batch
                old: -1
              - model: alpha-one
                provider: alpha
                price: input
            models_removed: [ok-id, "not ok"]
            """,
        ])
        expectCatalogErrors(
            result,
            [
                "Content/changes/2026-06-11.yaml:1:1: error: `date: 2026-06-10` does not match the file name `2026-06-11` (rename the file or correct the date)",
                "Content/changes/2026-06-11.yaml:3:12: error: `model` \"Alpha One\" is not a valid id (ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters)",
                "Content/changes/2026-06-11.yaml:5:12: error: `price` cannot be \"batch\" (use one of: input, output, cached_input, cache_write, batch_input, batch_output)",
                "Content/changes/2026-06-11.yaml:6:5: error: `old` cannot be negative, found -1",
                "Content/changes/2026-06-11.yaml:7:5: error: a price change has neither `old` nor `new` (write the old price, the new one, or both)",
                "Content/changes/2026-06-11.yaml:10:25: error: `models_removed` \"not ok\" is not a valid id (ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters)",
                "Content/changes/latest.yaml:1:1: error: a change report is named for its date, not \"latest\" (name it YYYY-MM-DD.yaml, the date of the snapshot it reports)",
            ])
    }

    @Test func aPercentThatDoesNotFollowIsAWarning() {
        let result = CatalogFixture.check(changing: [
            "changes/2026-06-10.yaml": "prices:\n  - model: a\n    provider: b\n    price: input\n    old: 2\n    new: 3\n    percent: 40\n"
        ])
        expectCatalogWarnings(
            result,
            [
                "Content/changes/2026-06-10.yaml:7:5: warning: `percent: 40` does not follow from 2 → 3 (it is 50)"
            ])
    }
}
