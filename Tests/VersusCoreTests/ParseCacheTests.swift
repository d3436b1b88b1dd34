import Foundation
import Testing

@testable import VersusCore

/// `ParseCache` on disk: what one run parsed, the next reads back as the same trees, and nothing stale survives.
struct ParseCacheTests {
    static func loaded(_ root: URL, cache: ParseCache) -> LoadedCatalog {
        CatalogLoader(root: root.path, cache: cache).load()
    }

    /// A copy of the bundled catalog in a temporary folder, and where its parsed trees go (`.versus/parses`).
    static func bundledCopy() throws -> (root: URL, folder: URL) {
        let root = try SiteBuildTests.temporaryFolder()
        try FileManager.default.copyItem(
            at: CatalogFixture.repository.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".versus"), withIntermediateDirectories: true)
        return (root, root.appendingPathComponent(".versus/parses"))
    }

    @Test func storedTreesEqualParsedOnesForEveryBundledFile() throws {
        let (root, folder) = try Self.bundledCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = ParseCache(folder: folder, salt: "test")
        let parsed = Self.loaded(root, cache: first)
        first.prune()
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(stored.count > 20)

        // A new process: every tree comes from disk (a corrupt store would fail to decode and be parsed again).
        let second = ParseCache(folder: folder, salt: "test")
        let read = Self.loaded(root, cache: second)
        #expect(read.models.map(\.id) == parsed.models.map(\.id))
        #expect(CanonicalForm.data(read.models) == CanonicalForm.data(parsed.models))
        #expect(read.diagnostics.map(\.description) == parsed.diagnostics.map(\.description))
        second.prune()
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == Set(stored))
    }

    /// In one process (`versus serve`) a model file whose text is unchanged is not decoded again; an edit is.
    @Test func decodedModelsAreKeptUntilTheirFileChanges() throws {
        let (root, _) = try Self.bundledCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ParseCache()
        let first = Self.loaded(root, cache: cache)
        cache.prune()
        let again = Self.loaded(root, cache: cache)
        cache.prune()
        #expect(CanonicalForm.data(again.models) == CanonicalForm.data(first.models))
        #expect(again.diagnostics.map(\.description) == first.diagnostics.map(\.description))

        let model = try #require(first.models.first)
        let file = root.appendingPathComponent("Content/models/\(model.id).yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "name: \(model.name)", with: "name: \(model.name) Edited").write(
            to: file, atomically: true, encoding: .utf8)
        let edited = Self.loaded(root, cache: cache)
        #expect(edited.models.first { $0.id == model.id }?.name == model.name + " Edited")
        #expect(edited.models.filter { $0.id != model.id }.map(\.name) == first.models.filter { $0.id != model.id }.map(\.name))
    }

    @Test func treesRoundTripWithLocations() throws {
        let text = "name: \"Quoted\"\nlist:\n  - 1\n  - two\nnested:\n  deep: ~\nempty:\n"
        let node = try YAMLParser.parse(text, file: "Content/x.yaml").get()
        let decoded = try YAMLNodeCoding.decode(YAMLNodeCoding.encode(node), file: "Content/x.yaml")
        #expect(decoded == node)
        #expect(try YAMLNodeCoding.decode(YAMLNodeCoding.encode(nil), file: "Content/x.yaml") == nil)
        #expect(throws: ByteReader.Malformed.self) { try YAMLNodeCoding.decode(Data([1, 2, 3]), file: "x") }
    }

    @Test func anEditedFileIsParsedAgainAndItsOldTreeRemoved() throws {
        let (root, folder) = try Self.bundledCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ParseCache(folder: folder, salt: "test")
        _ = Self.loaded(root, cache: cache)
        cache.prune()
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))

        let site = root.appendingPathComponent("Content/site.yaml")
        let text = try String(contentsOf: site, encoding: .utf8)
        try (text.replacingOccurrences(of: "title:", with: "title: Edited", options: [], range: text.range(of: "title:"))).write(
            to: site, atomically: true, encoding: .utf8)
        let next = ParseCache(folder: folder, salt: "test")
        let edited = Self.loaded(root, cache: next)
        next.prune()
        #expect(edited.site?.title.hasPrefix("Edited") == true)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(after.count == before.count)
        #expect(after.subtracting(before).count == 1, "the edited file's new tree only")
    }

    @Test func unreadableStoresAndOtherSaltsAreParsedAgain() throws {
        let (root, folder) = try Self.bundledCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ParseCache(folder: folder, salt: "one")
        let parsed = Self.loaded(root, cache: cache)
        cache.prune()
        // Every stored tree spoilt: the next load parses each file again and gets the same catalog.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try Data("spoilt".utf8).write(to: folder.appendingPathComponent(name))
        }
        let again = Self.loaded(root, cache: ParseCache(folder: folder, salt: "one"))
        #expect(CanonicalForm.data(again.models) == CanonicalForm.data(parsed.models))
        // Another generator reads none of them, and its prune removes them.
        let other = ParseCache(folder: folder, salt: "two")
        let third = Self.loaded(root, cache: other)
        other.prune()
        #expect(CanonicalForm.data(third.models) == CanonicalForm.data(parsed.models))
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) != Data("spoilt".utf8))
        }
    }
}
