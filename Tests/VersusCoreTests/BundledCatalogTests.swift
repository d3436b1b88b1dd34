import Foundation
import Testing
@testable import VersusCore

/// Where the repository's own catalog lives, and whether it is there yet.
enum BundledCatalog {
    static let root = CatalogFixture.repository
    static let present = FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/site.yaml").path)
}

/// The catalog shipped in the repository's Content/ must always check clean. Skipped only while
/// Content/site.yaml does not exist yet.
@Suite(.enabled(if: BundledCatalog.present, "Content/site.yaml is not in the repository yet"))
struct BundledCatalogTests {
    @Test func hasNoErrors() throws {
        let result = CatalogCheck.run(root: BundledCatalog.root.path)
        #expect(result.diagnostics.errors.isEmpty, "\n\(result.diagnostics.errors.printed.joined(separator: "\n"))")
        let catalog = try #require(result.catalog)
        #expect(catalog.models.count >= 2, "a comparison site needs at least two models")
    }

    /// The seed data cites sources that give different figures; the check must say so rather than pick one silently.
    @Test func reportsSourcesThatDisagree() {
        let result = CatalogCheck.run(root: BundledCatalog.root.path)
        let disagreements = result.diagnostics.warnings.filter { $0.message.hasPrefix("sources disagree on ") }
        #expect(
            !disagreements.isEmpty, "no sources-disagree warning among:\n\(result.diagnostics.warnings.printed.joined(separator: "\n"))")
    }
}
