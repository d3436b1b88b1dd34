import Foundation
import Synchronization

/// The files that changed under the watched folders in one burst of saves.
public struct ChangeBatch: Sendable, Equatable {
    /// Absolute paths of the files (and folders) created, written, renamed or removed. A path may no longer exist
    /// (a removed file, or the old name of a renamed one); a folder stands for everything under it.
    public var paths: Set<String>
    /// The watcher lost track of some changes (the kernel's event queue overflowed): treat every file as changed.
    public var everything: Bool

    public init(paths: Set<String> = [], everything: Bool = false) {
        self.paths = paths
        self.everything = everything
    }

    public var isEmpty: Bool { paths.isEmpty && !everything }

    mutating func merge(_ other: ChangeBatch) {
        paths.formUnion(other.paths)
        everything = everything || other.everything
    }

    /// "3 files" or "everything", for a log line.
    public var summary: String {
        everything ? "everything" : paths.count == 1 ? "1 file" : "\(paths.count) files"
    }
}

/// Notices edits under the folders a site is built from and reports them in batches: a burst of saves (an editor
/// writing several files, or a temporary file renamed over the real one; a `git checkout`) is one batch, delivered
/// once the folders have been quiet for `settle`. With inotify the watcher also sees when a written file is closed:
/// once every file written since the batch began has been closed (or renamed into place), a shorter quiet time,
/// `settleClosed`, is enough, so a plain save reaches the browser sooner. Saves of one burst follow each other by far
/// less than that; should a burst still be split, the second part waits for the rebuild of the first and is merged
/// with anything else that came meanwhile.
///
/// On Linux it waits for the kernel's inotify events on every folder under `folders` (folders created later are
/// watched as they appear) and costs nothing while nothing changes. Elsewhere, or when inotify cannot be had, it
/// compares each file's size and modification time every `pollInterval`.
public struct SiteWatcher: Sendable {
    public enum Mechanism: Sendable, Equatable {
        /// inotify on Linux, polling elsewhere.
        case automatic
        case polling
    }

    public let folders: [URL]
    public let mechanism: Mechanism
    /// How long the folders must stay quiet before a batch is delivered.
    public let settle: Duration
    /// How long they must stay quiet when every file written has been closed (inotify only).
    public let settleClosed: Duration
    /// A batch is delivered at the latest this long after its first change, even if changes keep coming.
    public let longest: Duration
    public let pollInterval: Duration

    public init(
        folders: [URL], mechanism: Mechanism = .automatic, settle: Duration = .milliseconds(100),
        settleClosed: Duration? = nil, longest: Duration = .seconds(2), pollInterval: Duration = .milliseconds(300)
    ) {
        self.folders = folders.map(\.standardizedFileURL)
        self.mechanism = mechanism
        self.settle = settle
        self.settleClosed = min(settleClosed ?? .milliseconds(20), settle)
        self.longest = longest
        self.pollInterval = pollInterval
    }

    /// Starts watching now (when this returns, a change is seen) and delivers each batch of changes until the
    /// consumer stops iterating. Batches that arrive while the consumer is busy (a rebuild running) are merged into
    /// one, so a slow rebuild is followed by one more rebuild, not by one per save.
    public func changes() -> ChangeStream {
        let pending = PendingChanges()
        let (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let deliver: @Sendable (ChangeBatch) -> Void = { batch in
            guard !batch.isEmpty else { return }
            pending.add(batch)
            signal.yield()
        }
        let stop: @Sendable () -> Void
        #if os(Linux) && canImport(Glibc)
            if mechanism == .automatic,
                let inotify = InotifyWatch.start(
                    folders: folders.map(\.path), settle: settle, settleClosed: settleClosed, longest: longest, deliver: deliver)
            {
                stop = inotify
            } else {
                stop = PollingWatch.start(watcher: self, deliver: deliver)
            }
        #else
            stop = PollingWatch.start(watcher: self, deliver: deliver)
        #endif
        signal.onTermination = { _ in stop() }
        return ChangeStream(signals: signals, pending: pending)
    }

    /// Hidden files (editor swap files, `.DS_Store`, a temporary `.name.tmp` renamed into place) and the backup and
    /// lock files editors write beside the file being edited (`name~`, `#name#`, Vim's `4913` probe): the catalog
    /// loader skips them, so writing them is not saving, and never starts a rebuild.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
    }
}

/// The batches of a `SiteWatcher`, each the union of every change since the previous one was taken.
public struct ChangeStream: AsyncSequence, Sendable {
    public typealias Element = ChangeBatch
    let signals: AsyncStream<Void>
    let pending: PendingChanges

    public func makeAsyncIterator() -> Iterator {
        Iterator(signals: signals.makeAsyncIterator(), pending: pending)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var signals: AsyncStream<Void>.Iterator
        let pending: PendingChanges

        public mutating func next() async -> ChangeBatch? {
            while await signals.next() != nil {
                if let batch = pending.take() { return batch }
            }
            return nil
        }
    }
}

/// Changes delivered and not yet taken by the consumer.
final class PendingChanges: Sendable {
    private let batch = Mutex<ChangeBatch?>(nil)

    func add(_ more: ChangeBatch) {
        batch.withLock { current in
            if current == nil { current = more } else { current!.merge(more) }
        }
    }

    func take() -> ChangeBatch? {
        batch.withLock { current in
            defer { current = nil }
            return current
        }
    }
}
