import Foundation

/// Questions about the files of an output folder, asked for tens of thousands of paths at once.
enum OutputFiles {
    /// For each of `paths` (relative to `output`), whether the output holds it. Each is one `faccessat` from the
    /// output folder's descriptor (a short walk, not the whole absolute path), spread over all cores. A path that
    /// could leave the output (`SitePath.isSafe`) is never asked about and reads as absent.
    static func present(_ paths: [String], in output: String) -> [Bool] {
        let folder = open(output, O_RDONLY | O_DIRECTORY)
        guard folder >= 0 else { return Array(repeating: false, count: paths.count) }
        defer { close(folder) }
        return Parallel.mapChunked(paths) { path in SitePath.isSafe(path) && faccessat(folder, path, F_OK, 0) == 0 }
    }
}
