import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps a second build (or a preview server) out of a site folder while one is running.
/// An advisory `flock` on `.versus/lock`: the kernel releases it when the process ends, however it ends,
/// so a killed build never leaves a stale lock behind.
public final class BuildLock: Sendable {
    private let descriptor: Int32
    public let url: URL

    public struct Busy: Error, CustomStringConvertible {
        public let url: URL
        public let holder: String
        public var description: String {
            "another versus build or serve is using this site folder\(holder.isEmpty ? "" : " (process \(holder))"); wait for it to finish, or stop it, then run again (lock: \(url.path))"
        }
    }

    private init(descriptor: Int32, url: URL) {
        self.descriptor = descriptor
        self.url = url
    }

    /// Takes the lock without waiting; throws `Busy` when another process holds it.
    public static func acquire(at url: URL) throws -> BuildLock {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(
                .fileWriteNoPermission,
                userInfo: [
                    NSFilePathErrorKey: url.path,
                    NSLocalizedDescriptionKey: "cannot open the lock file \(url.path): \(String(cString: strerror(errno)))",
                ])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw Busy(url: url, holder: holder)
        }
        let pid = "\(ProcessInfo.processInfo.processIdentifier)\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        return BuildLock(descriptor: descriptor, url: url)
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
