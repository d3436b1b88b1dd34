import Foundation
import Testing
import VersusCore
@testable import VersusImport

/// The whole models.dev snapshot shared with the project (`../shared/data/models.dev-2026-06-10`): real data nobody
/// here wrote, imported into a fresh site. Skipped where the snapshot is not there.
@Suite(.enabled(if: ImportFixture.realSnapshotPresent, "../shared/data/models.dev-2026-06-10 is not on this machine"))
struct RealSnapshotTests {
    @Test func theWholeSnapshotImportsAndChecksClean() throws {
        let root = try ImportFixture.site()
        let result = try ImportFixture.run(ImportFixture.realSnapshot, into: root)
        #expect(result.catalogErrors.isEmpty, "\(result.catalogErrors.printed.prefix(20))")
        #expect(result.stats.models == 209)
        // About 2,500 of the 4,900 provider files link to a model; the rest are counted.
        #expect((2_300...2_700).contains(result.stats.linked), "\(result.summary)")
        #expect(result.stats.linked + result.stats.unlinked == result.stats.providerFiles)
        #expect(result.stats.unreadable == 2, "the two broken links: \(result.summary)")
        #expect(result.warnings.filter { $0.message.hasPrefix("broken link") }.map(\.file) == [
            "providers/vercel/models/moonshotai/kimi-k2.toml", "providers/zhipuai/models/glm-4.6v-flash.toml",
        ])

        let checked = ImportFixture.check(root)
        #expect(checked.diagnostics.errors.isEmpty, "\(checked.diagnostics.errors.printed.prefix(20))")
        let catalog = try #require(checked.catalog)
        #expect(catalog.models.count == 209)
        // Every canonical model has a route, but three whose only routes models.dev marks deprecated.
        #expect(catalog.models.filter { $0.routes.isEmpty }.map(\.id) == ["devstral-medium-2507", "devstral-medium-latest", "devstral-small-2507"])

        // A second import of the same snapshot writes nothing.
        let before = try ImportFixture.files(under: root)
        let again = try ImportFixture.run(ImportFixture.realSnapshot, into: root)
        #expect(again.written.isEmpty && again.changes == nil)
        #expect(try ImportFixture.files(under: root) == before)
    }
}
