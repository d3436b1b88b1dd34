import Foundation
import Synchronization

/// Where a build's time goes: with `VERSUS_PHASES=1` in the environment, each stage of a build prints to standard error
/// how long it took since the previous mark (`phase load+validate 412.3 ms`). Off, a mark costs one Boolean test.
public enum PhaseLog {
    public static let enabled = ProcessInfo.processInfo.environment["VERSUS_PHASES"].map { !$0.isEmpty && $0 != "0" } ?? false
    private static let last = Mutex<ContinuousClock.Instant?>(nil)

    /// Starts the clock without printing.
    public static func start() {
        guard enabled else { return }
        last.withLock { $0 = .now }
    }

    /// Prints the time since the previous mark (or `start`) under `name`.
    public static func mark(_ name: @autoclosure () -> String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let previous = last.withLock { value -> ContinuousClock.Instant? in
            defer { value = now }
            return value
        }
        guard let previous else { return }
        let ms = Double((now - previous).components.attoseconds) / 1e15 + Double((now - previous).components.seconds) * 1000
        FileHandle.standardError.write(Data("phase \(name()) \(String(format: "%.1f", ms)) ms\n".utf8))
    }
}
