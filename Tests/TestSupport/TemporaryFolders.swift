import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary folders the tests make, removed when the test process exits (tests hand them to each other and to
/// `versus` processes, so none can be removed at the end of one test). A run that crashes leaves them.
public enum TemporaryFolders {
    private static let made = Mutex<[URL]>([])
    private static let removal: Void = { atexit { TemporaryFolders.removeAll() } }()

    /// A new empty folder under the temporary folder, named `prefix` and a UUID.
    public static func make(_ prefix: String) throws -> URL {
        _ = removal
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        made.withLock { $0.append(url) }
        return url
    }

    public static func removeAll() {
        for url in made.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
    }
}
