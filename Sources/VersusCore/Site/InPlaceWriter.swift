import Foundation

/// Writes single files into an existing output folder for incremental builds: each under a temporary name,
/// renamed into place, so a reader (or a build stopped half-way) never sees half a page.
struct InPlaceWriter: Sendable {
    let output: URL

    init(output: URL) { self.output = output.standardizedFileURL }

    func url(_ path: String) throws -> URL {
        guard SitePath.isSafe(path) else {
            throw SiteWriter.WriteError.outsideOutput(path)
        }
        return output.appendingPathComponent(path)
    }

    /// Whether the output holds `path` (a planned path, made from checked ids): one `access` call, no URL work.
    func exists(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.contains("..") else { return false }
        return access(output.path + "/" + path, F_OK) == 0
    }

    func write(_ path: String, _ data: Data) throws {
        let url = try url(path)
        try AtomicFile.makeParent(of: url.path)
        try AtomicFile.write(data, to: url)
    }

    /// Removes a file the site no longer has, and its folder when that is left empty.
    func remove(_ path: String) throws {
        let url = try url(path)
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        let folder = url.deletingLastPathComponent()
        if folder.path != output.path, (try? manager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? manager.removeItem(at: folder)
        }
    }
}
