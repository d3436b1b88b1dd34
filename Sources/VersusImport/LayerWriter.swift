import Foundation

/// Writes files under a folder the importer owns, touching only those whose bytes change (so a re-import of the
/// same snapshot changes nothing, not even modification times), each by a write to a temporary file and a rename.
struct LayerWriter {
    /// The folder, absolute.
    var folder: String

    struct Outcome: Sendable, Hashable {
        var written: [String] = []
        var unchanged = 0
        var removed: [String] = []
    }

    /// Writes `files` (paths relative to the folder) and removes the YAML files of `owned` folders (and of the folder
    /// itself) that `files` no longer holds. Anything else in the folder is left alone.
    func write(_ files: [String: String], owned: [String]) throws -> Outcome {
        var outcome = Outcome()
        let manager = FileManager.default
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            if try Self.write(text, to: folder + "/" + path) { outcome.written.append(path) } else { outcome.unchanged += 1 }
        }
        for subfolder in [""] + owned {
            let base = subfolder.isEmpty ? folder : folder + "/" + subfolder
            guard let names = try? manager.contentsOfDirectory(atPath: base) else { continue }
            for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
                let path = subfolder.isEmpty ? name : subfolder + "/" + name
                if files[path] == nil {
                    try manager.removeItem(atPath: base + "/" + name)
                    outcome.removed.append(path)
                }
            }
        }
        return outcome
    }

    /// True when the folder already holds exactly `files` and no other YAML file of the `owned` folders: writing
    /// would change nothing.
    func holds(_ files: [String: String], owned: [String]) -> Bool {
        let manager = FileManager.default
        var present = 0
        for subfolder in [""] + owned {
            let base = subfolder.isEmpty ? folder : folder + "/" + subfolder
            present += ((try? manager.contentsOfDirectory(atPath: base)) ?? []).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.count
        }
        guard present == files.count else { return false }
        return files.allSatisfy { path, text in manager.contents(atPath: folder + "/" + path) == Data(text.utf8) }
    }

    /// Writes `text` to `path` unless the file already holds exactly it; true when it wrote.
    @discardableResult
    static func write(_ text: String, to path: String) throws -> Bool {
        let data = Data(text.utf8)
        let manager = FileManager.default
        if let existing = manager.contents(atPath: path), existing == data { return false }
        let url = URL(fileURLWithPath: path)
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        return true
    }
}
