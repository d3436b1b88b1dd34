import Foundation

/// Writes a whole site into a staging folder beside an output that does not exist yet, then renames it into place,
/// so a failed build leaves nothing behind.
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

    /// Renames the staging folder into place. The output must not exist (or be an empty folder): a site over an
    /// existing one is written by `SwapWriter`, which deletes no tree.
    public func commit() throws {
        if rmdir(output.path) != 0 && errno != ENOENT {
            throw AtomicFile.failure("cannot replace \(output.path), which is not an empty folder")
        }
        if rename(stagingPath, output.path) != 0 { throw AtomicFile.failure("cannot move \(stagingPath) to \(output.path)") }
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
