import Foundation
import Synchronization
import Testing
@testable import VersusServe

/// The batches a watcher delivered, gathered by a task that consumes its stream.
final class Recording: Sendable {
    let batches = Mutex<[ChangeBatch]>([])
    private let consumer = Mutex<Task<Void, Never>?>(nil)
    let root: String

    init(_ watcher: SiteWatcher, root: URL) {
        self.root = root.standardizedFileURL.path
        let stream = watcher.changes()
        let task = Task { [self] in
            for await batch in stream { self.batches.withLock { $0.append(batch) } }
        }
        consumer.withLock { $0 = task }
    }

    /// The paths of each batch so far, relative to the site's root.
    var relative: [Set<String>] {
        batches.withLock { $0 }.map { batch in Set(batch.paths.map { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : $0 })
        }
    }

    /// Waits (at most `limit`: the whole test suite may keep the machine's cores busy) until `done` holds for the
    /// batches so far, and returns them.
    @discardableResult
    func wait(limit: Duration = .seconds(60), until done: ([Set<String>]) -> Bool) async -> [Set<String>] {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            if done(relative) { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return relative
    }

    func stop() async {
        let task = consumer.withLock { $0 }
        task?.cancel()
        await task?.value
    }
}

@Suite struct SiteWatcherTests {
    static func root() throws -> URL {
        let root = try PreviewServerTests.folder()
        try PreviewServerTests.write("name: A\n", "Content/models/a.yaml", in: root)
        try PreviewServerTests.write("name: P\n", "Content/providers/p.yaml", in: root)
        try PreviewServerTests.write("<p>{{x}}</p>\n", "Templates/pages/home.mustache", in: root)
        return root
    }

    static func watcher(_ root: URL, _ mechanism: SiteWatcher.Mechanism) -> SiteWatcher {
        SiteWatcher(
            folders: [root.appendingPathComponent("Content"), root.appendingPathComponent("Templates")],
            mechanism: mechanism, settle: .milliseconds(300), settleClosed: .milliseconds(300), pollInterval: .milliseconds(50))
    }

    #if os(Linux)
        /// With inotify, a save whose file is closed is delivered after the short quiet time; a file still open for
        /// writing holds the batch until it is closed. The long quiet time is longer than the test waits for a batch,
        /// so a batch that comes at all came by the short one (no timing of a loaded machine is asserted).
        @Test func aClosedSaveSettlesSoonerThanAWriteUnderWay() async throws {
            let root = try Self.root()
            let watcher = SiteWatcher(
                folders: [root.appendingPathComponent("Content")], settle: .seconds(600), settleClosed: .milliseconds(20),
                longest: .seconds(1200))
            let recording = Recording(watcher, root: root)
            try PreviewServerTests.write("name: A2\n", "Content/models/a.yaml", in: root)
            var batches = await recording.wait { !$0.isEmpty }
            #expect(batches == [["Content/models/a.yaml"]])

            let handle = try FileHandle(forWritingTo: root.appendingPathComponent("Content/providers/p.yaml"))
            try handle.write(contentsOf: Data("name: P2\n".utf8))
            try await Task.sleep(for: .milliseconds(500))
            #expect(recording.relative.count == 1, "a batch came while a file was open for writing")
            try handle.close()
            batches = await recording.wait { $0.count == 2 }
            #expect(batches.last == ["Content/providers/p.yaml"])
            await recording.stop()
        }
    #endif

    /// Long enough for a second batch to have come if there were one: several times the settle time and poll interval.
    static let quiet = Duration.milliseconds(1200)

    @Test(arguments: [SiteWatcher.Mechanism.automatic, .polling])
    func aBurstOfSavesIsOneBatch(mechanism: SiteWatcher.Mechanism) async throws {
        let root = try Self.root()
        let recording = Recording(Self.watcher(root, mechanism), root: root)
        // An editor saving several files, one of them written to a temporary name and renamed over the real one
        // (as many editors and `git checkout` do), and a template.
        for index in 0..<8 {
            try PreviewServerTests.write("name: M\(index)\n", "Content/models/m\(index).yaml", in: root)
        }
        try PreviewServerTests.write("name: A, edited\n", "Content/models/.a.yaml.tmp", in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/models/a.yaml"))
        try FileManager.default.moveItem(
            at: root.appendingPathComponent("Content/models/.a.yaml.tmp"),
            to: root.appendingPathComponent("Content/models/a.yaml"))
        try PreviewServerTests.write("<p>{{y}}</p>\n", "Templates/pages/home.mustache", in: root)
        let expected: Set<String> = Set(
            (0..<8).map { "Content/models/m\($0).yaml" } + ["Content/models/a.yaml", "Templates/pages/home.mustache"])
        await recording.wait { !$0.isEmpty }
        try await Task.sleep(for: Self.quiet)
        let batches = recording.relative
        #expect(batches.count == 1, "\(batches)")
        #expect(batches.first == expected)
        await recording.stop()
    }

    @Test(arguments: [SiteWatcher.Mechanism.automatic, .polling])
    func newFoldersAreWatched(mechanism: SiteWatcher.Mechanism) async throws {
        let root = try Self.root()
        let recording = Recording(Self.watcher(root, mechanism), root: root)
        // A folder made and filled at once: the file may be written before its folder is watched, and is reported all
        // the same.
        try PreviewServerTests.write("date: 2026-06-10\n", "Content/changes/deep/2026-06-10.yaml", in: root)
        var batches = await recording.wait { $0.joined().contains("Content/changes/deep/2026-06-10.yaml") }
        #expect(batches.joined().contains("Content/changes/deep/2026-06-10.yaml"), "\(batches)")
        // An empty folder, and later a file in it: the later save is seen, so the folder is watched.
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content/measurements/m"), withIntermediateDirectories: true)
        try await Task.sleep(for: Self.quiet)
        try PreviewServerTests.write("model: m\n", "Content/measurements/m/2026-06-10-host.yaml", in: root)
        batches = await recording.wait { $0.last?.contains("Content/measurements/m/2026-06-10-host.yaml") == true }
        #expect(batches.last?.contains("Content/measurements/m/2026-06-10-host.yaml") == true, "\(batches)")
        await recording.stop()
    }

    @Test(arguments: [SiteWatcher.Mechanism.automatic, .polling])
    func renamesAndRemovalsAreChanges(mechanism: SiteWatcher.Mechanism) async throws {
        let root = try Self.root()
        let recording = Recording(Self.watcher(root, mechanism), root: root)
        let content = root.appendingPathComponent("Content")
        // A file renamed: both names changed.
        try FileManager.default.moveItem(
            at: content.appendingPathComponent("models/a.yaml"), to: content.appendingPathComponent("models/b.yaml"))
        var batches = await recording.wait { Set($0.joined()).isSuperset(of: ["Content/models/a.yaml", "Content/models/b.yaml"]) }
        #expect(Set(batches.joined()).isSuperset(of: ["Content/models/a.yaml", "Content/models/b.yaml"]), "\(batches)")
        try await Task.sleep(for: Self.quiet)
        // A folder renamed: its files are reported under the new name, and a save there afterwards is seen.
        try FileManager.default.moveItem(at: content.appendingPathComponent("providers"), to: content.appendingPathComponent("routes"))
        batches = await recording.wait { $0.joined().contains("Content/routes/p.yaml") }
        #expect(batches.joined().contains("Content/routes/p.yaml"), "\(batches)")
        try await Task.sleep(for: Self.quiet)
        try PreviewServerTests.write("name: Q\n", "Content/routes/p.yaml", in: root)
        batches = await recording.wait { $0.last == ["Content/routes/p.yaml"] }
        #expect(batches.last == ["Content/routes/p.yaml"], "\(batches)")
        // A file removed.
        try FileManager.default.removeItem(at: content.appendingPathComponent("models/b.yaml"))
        batches = await recording.wait { $0.last == ["Content/models/b.yaml"] }
        #expect(batches.last == ["Content/models/b.yaml"], "\(batches)")
        await recording.stop()
    }

    @Test(arguments: [SiteWatcher.Mechanism.automatic, .polling])
    func editorLeftoversAreNotSaves(mechanism: SiteWatcher.Mechanism) async throws {
        let root = try Self.root()
        let recording = Recording(Self.watcher(root, mechanism), root: root)
        for leftover in [".a.yaml.swp", "a.yaml~", "#a.yaml#", "4913"] {
            try PreviewServerTests.write("x", "Content/models/\(leftover)", in: root)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/.git/objects"), withIntermediateDirectories: true)
        try PreviewServerTests.write("x", "Content/.git/objects/x", in: root)
        try await Task.sleep(for: Self.quiet)
        #expect(recording.relative.isEmpty, "\(recording.relative)")
        // A save after them is still seen, alone.
        try PreviewServerTests.write("name: A2\n", "Content/models/a.yaml", in: root)
        let batches = await recording.wait { !$0.isEmpty }
        #expect(batches == [["Content/models/a.yaml"]])
        await recording.stop()
    }

    @Test func batchesWaitingForTheConsumerAreMerged() async throws {
        let root = try Self.root()
        let changes = Self.watcher(root, .automatic).changes()
        var iterator = changes.makeAsyncIterator()
        // Two bursts with a quiet time between them, while nobody takes them (as during a long rebuild).
        try PreviewServerTests.write("name: A2\n", "Content/models/a.yaml", in: root)
        try await Task.sleep(for: Self.quiet)
        try PreviewServerTests.write("name: P2\n", "Content/providers/p.yaml", in: root)
        try await Task.sleep(for: Self.quiet)
        let batch = try #require(await iterator.next())
        #expect(Set(batch.paths.map { URL(fileURLWithPath: $0).lastPathComponent }) == ["a.yaml", "p.yaml"])
    }

    @Test func stoppingTheConsumerEndsTheStream() async throws {
        let root = try Self.root()
        let recording = Recording(Self.watcher(root, .automatic), root: root)
        await recording.stop()  // returns only once the consuming loop has ended
        try PreviewServerTests.write("name: A2\n", "Content/models/a.yaml", in: root)
        try await Task.sleep(for: Self.quiet)
        #expect(recording.relative.isEmpty)
    }
}
