import Foundation

/// Writes a whole site into a staging folder beside the output, then swaps it in, so a failed
/// build leaves the previous output exactly as it was.
public struct SiteWriter: Sendable {
    public let output: URL
    public let staging: URL
    private let stagingPath: String

    public init(output: URL) {
        self.output = output.standardizedFileURL
        let name = self.output.lastPathComponent
        staging = self.output.deletingLastPathComponent().appendingPathComponent(".\(name).staging")
        stagingPath = staging.path
    }

    public func begin() throws {
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes one file under the staging folder. `path` is relative and built from validated ids only;
    /// anything that would leave the folder is refused.
    public func write(_ path: String, _ data: Data) throws {
        guard SitePath.isSafe(path) else {
            throw WriteError.outsideOutput(path)
        }
        // A string, not `URL.appendingPathComponent`, which asks the file system whether each page is a folder.
        let file = stagingPath + "/" + path
        try AtomicFile.makeParent(of: file)
        try AtomicFile.writePlain(data, to: file)
    }

    public func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    /// Replaces the output with the staging folder.
    public func commit() throws {
        let manager = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old")
        try? manager.removeItem(at: old)
        if manager.fileExists(atPath: output.path) { try manager.moveItem(at: output, to: old) }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if manager.fileExists(atPath: old.path) { try? manager.moveItem(at: old, to: output) }
            throw error
        }
        try? manager.removeItem(at: old)
    }

    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    public enum WriteError: Error, CustomStringConvertible {
        case outsideOutput(String)

        public var description: String {
            switch self {
            case let .outsideOutput(path): return "refused to write \(path): it would land outside the output folder"
            }
        }
    }
}
