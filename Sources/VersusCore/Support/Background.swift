import Foundation

/// Work a build starts early and awaits where it needs the result: reading its own state files while the catalog
/// loads, making the manifest's bytes while pages render. Each runs on a dispatch worker thread, not on one of the
/// few threads Swift's tasks share, so blocking work neither waits for them to be free nor holds one up.
public enum Background {
    public static func start<R: Sendable>(_ work: @escaping @Sendable () -> R) -> Task<R, Never> {
        Task.detached {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
            }
        }
    }
}
