import Foundation
import Testing
@testable import VersusCore

/// A plan is compared with the last manifest by position when both list the same paths in the same order, and by
/// looking each path up otherwise: both ways must give the same answer.
@Suite struct ManifestUpdateTests {
    static func page(_ path: String, _ text: String) -> PlannedPage {
        PlannedPage(path: path, kind: .file(Data(text.utf8)), fingerprint: Fingerprint.of(Data(text.utf8)))
    }

    static let planned = [page("a/index.html", "a"), page("b/index.html", "b2"), page("c/index.html", "c")]

    /// The last manifest, as read back from its file (so with its order), of a plan where b said "b".
    static func previous() throws -> BuildManifest {
        let old = [page("a/index.html", "a"), page("b/index.html", "b"), page("c/index.html", "c")]
        let written = ManifestUpdate(planned: old, header: "h", previous: nil).manifest
        let folder = try SiteBuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest")
        try written.write(to: url, sortedPaths: old.map(\.path))
        return try #require(BuildManifest.read(from: url))
    }

    @Test func byPositionAndByLookupAgree() throws {
        let previous = try Self.previous()
        #expect(previous.ordered != nil)
        let byPosition = ManifestUpdate(planned: Self.planned, header: "h", previous: previous)
        var unordered = previous
        unordered.entries = previous.entries  // any change of the entries forgets the order
        #expect(unordered.ordered == nil)
        let byLookup = ManifestUpdate(planned: Self.planned, header: "h", previous: unordered)
        for update in [byPosition, byLookup] {
            #expect(update.unchanged == [true, false, true])
            #expect(update.gone.isEmpty)
            #expect(update.order == Self.planned.map(\.path))
            #expect(update.manifest.entries == Dictionary(uniqueKeysWithValues: Self.planned.map { ($0.path, $0.fingerprint) }))
        }
        // The new manifest keeps the plan's order for the next build.
        #expect(byPosition.manifest.ordered?.fingerprints == Self.planned.map(\.fingerprint))
    }

    @Test func otherPathsAreLookedUp() throws {
        let previous = try Self.previous()
        let planned = [Self.page("a/index.html", "a"), Self.page("d/index.html", "d")]
        let update = ManifestUpdate(planned: planned, header: "h", previous: previous)
        #expect(update.unchanged == [true, false])
        #expect(update.gone == ["b/index.html", "c/index.html"])
        #expect(update.manifest.entries.keys.sorted() == ["a/index.html", "d/index.html"])
    }

    @Test func aManifestListingAPathTwiceHasNoOrder() throws {
        let folder = try SiteBuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest")
        let fingerprint = Fingerprint.of(Data("x".utf8)).hex
        try Data("\(BuildManifest.magic)\nh\n\(fingerprint)\ta/index.html\n\(fingerprint)\ta/index.html\n".utf8).write(to: url)
        let manifest = try #require(BuildManifest.read(from: url))
        #expect(manifest.entries.count == 1)
        #expect(manifest.ordered == nil)
    }

    @Test func filesMarkedPendingLeaveTheOrderToo() throws {
        let folder = try SiteBuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest")
        try ManifestUpdate(planned: Self.planned, header: "h", previous: nil).manifest.write(to: url, sortedPaths: Self.planned.map(\.path))
        try BuildManifest.markPending(["b/index.html"], manifest: url)
        let manifest = try #require(BuildManifest.read(from: url))
        #expect(manifest.entries["b/index.html"] == nil)
        #expect(manifest.ordered == nil)
        // So the pending file is written again, as a stopped build requires.
        let update = ManifestUpdate(planned: Self.planned, header: "h", previous: manifest)
        #expect(update.unchanged == [true, false, true])
    }
}
