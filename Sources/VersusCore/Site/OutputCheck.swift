import Foundation

/// What a rebuild needs to know from the disk about its output before it can tell which files to write: the last
/// build's manifest, and which of the files it lists the output no longer holds. Neither depends on the catalog, so
/// `versus build` takes both while the catalog loads, instead of after planning.
///
/// Only paths the manifest lists are looked up: a planned path the manifest lacks is written whatever the disk holds.
public struct OutputCheck: Sendable {
    /// The manifest file and output folder this check was taken for; a build elsewhere ignores it.
    let manifestPath: String
    let outputPath: String
    /// The last build's manifest (less its pending files), or nil when there is none or it cannot be read.
    let manifest: BuildManifest?
    /// Paths the manifest lists that the output lacks (every path, when the output folder is missing).
    let missing: Set<String>

    /// Reads the manifest at `manifest` and looks up each of its files in `output`.
    public static func take(manifest: URL, output: URL) -> OutputCheck {
        let outputPath = output.standardizedFileURL.path
        let read = BuildManifest.read(from: manifest)
        var missing = Set<String>()
        if let paths = read.map({ Array($0.entries.keys) }), !paths.isEmpty {
            let present = OutputFiles.present(paths, in: outputPath)
            for index in paths.indices where !present[index] { missing.insert(paths[index]) }
        }
        return OutputCheck(
            manifestPath: manifest.standardizedFileURL.path, outputPath: outputPath, manifest: read, missing: missing)
    }

    /// This check, when it answers for a build of `output` recording its manifest at `manifest`.
    func answering(manifest: URL?, output: String) -> OutputCheck? {
        manifest?.standardizedFileURL.path == manifestPath && output == outputPath ? self : nil
    }
}
