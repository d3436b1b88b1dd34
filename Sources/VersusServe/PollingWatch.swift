import Foundation
import Synchronization

/// The watcher where inotify is not available (macOS, or Linux out of inotify instances): compares every file's
/// size and modification time every `pollInterval`. It needs no platform API and costs little for a catalog of a
/// few thousand files, but it does cost something while idle.
enum PollingWatch {
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Double
    }

    static func snapshot(_ folders: [URL]) -> [String: Stamp] {
        var files: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in folders {
            guard
                let walker = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: keys,
                    options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in walker {
                guard !SiteWatcher.isIgnored(url.lastPathComponent), let values = try? url.resourceValues(forKeys: Set(keys)),
                    values.isRegularFile == true
                else { continue }
                files[url.standardizedFileURL.path] = Stamp(
                    size: values.fileSize ?? 0,
                    modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            }
        }
        return files
    }

    /// The paths added, removed or changed from `old` to `new`.
    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var paths = Set<String>()
        for (path, stamp) in new where old[path] != stamp { paths.insert(path) }
        for path in old.keys where new[path] == nil { paths.insert(path) }
        return paths
    }

    /// Polls on a thread of its own (a busy cooperative pool, such as a rebuild on every core, does not hold it up)
    /// until the returned function is called.
    static func start(watcher: SiteWatcher, deliver: @escaping @Sendable (ChangeBatch) -> Void) -> @Sendable () -> Void {
        let first = snapshot(watcher.folders)
        let stop = StopFlag()
        @Sendable func pause(_ duration: Duration) -> Bool {
            Thread.sleep(forTimeInterval: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
            return !stop.isSet
        }
        let thread = Thread {
            var last = first
            while pause(watcher.pollInterval) {
                var current = snapshot(watcher.folders)
                guard current != last else { continue }
                // Changed: wait until the folders hold still (or `longest` has passed), then report it all at once.
                let started = ContinuousClock.now
                while ContinuousClock.now - started < watcher.longest {
                    guard pause(watcher.settle) else { return }
                    let again = snapshot(watcher.folders)
                    if again == current { break }
                    current = again
                }
                deliver(ChangeBatch(paths: difference(last, current)))
                last = current
            }
        }
        thread.name = "versus serve: polling watcher"
        thread.start()
        return { stop.set() }
    }
}

/// Set once, by whoever stops a watcher; read by its thread.
final class StopFlag: Sendable {
    private let flag = Mutex(false)

    var isSet: Bool { flag.withLock { $0 } }

    func set() { flag.withLock { $0 = true } }
}
