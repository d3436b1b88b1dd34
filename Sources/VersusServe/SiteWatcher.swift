import Foundation

/// Notices edits under the folders a site is built from by comparing each file's size and modification time from one
/// look to the next. Polling needs no platform API and costs little for a catalog of a few thousand files.
public struct SiteWatcher: Sendable {
    public struct Snapshot: Equatable, Sendable {
        var files: [String: FileStamp]
    }

    struct FileStamp: Equatable, Sendable {
        var size: Int
        var modified: Double
    }

    public let folders: [URL]

    public init(folders: [URL]) {
        self.folders = folders
    }

    public func snapshot() -> Snapshot {
        var files: [String: FileStamp] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in folders {
            // Hidden files (editor swap files, .DS_Store) are skipped, as the catalog loader skips them.
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                guard !Self.isEditorLeftover(url.lastPathComponent), let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                files[url.path] = FileStamp(size: values.fileSize ?? 0,
                                            modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            }
        }
        return Snapshot(files: files)
    }

    /// Backup and lock files editors write beside the file being edited (`name~`, `#name#`, Vim's `4913` probe):
    /// writing them is not saving, so they never start a rebuild.
    static func isEditorLeftover(_ name: String) -> Bool {
        name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
    }

    /// Waits until the folders differ from `last`, then until they hold still for `settle` (an editor saving several
    /// files, or a file written in pieces, gives one rebuild), and returns what they hold then. Nil when cancelled.
    public func nextChange(after last: Snapshot, every interval: Duration = .milliseconds(300),
                           settle: Duration = .milliseconds(150)) async -> Snapshot? {
        var current = last
        while current == last {
            do { try await Task.sleep(for: interval) } catch { return nil }
            current = snapshot()
        }
        while true {
            do { try await Task.sleep(for: settle) } catch { return nil }
            let again = snapshot()
            if again == current { return again }
            current = again
        }
    }
}
