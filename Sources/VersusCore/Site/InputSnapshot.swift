import Foundation

/// Every file a build reads (`Content/` and `Templates/`, hidden files too), each with a SHA-256 of its bytes (its
/// length first, as `FingerprintHasher` adds it), and
/// what the build that read them made of them. A build that finds the same files with the same bytes, under the same
/// key (generator, output folder and shard, the day warnings are counted against), and its manifest's files all in
/// the output, has nothing to do and does not load the catalog at all.
///
/// The bytes are compared, not sizes and dates: reading and hashing a few thousand catalog files costs milliseconds,
/// and no edit goes unseen however quickly it follows the last build.
public struct InputSnapshot: Sendable, Equatable {
    /// Relative path (`Content/models/a.yaml`) → SHA-256 of its bytes, in hex.
    public var files: [String: String]

    public init(files: [String: String]) { self.files = files }

    /// The folders of a site a build reads.
    public static let folders = [CatalogLoader.contentFolder, TemplateSet.folder]

    /// Reads and hashes every file under `folders` of `root` (symbolic links followed, as the loaders do).
    public static func take(root: URL, folders: [String] = folders) -> InputSnapshot {
        var paths: [String] = []
        let base = root.standardizedFileURL.path
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: base + "/" + folder) else { continue }
            while let relative = walker.nextObject() as? String {
                var status = stat()
                if stat(base + "/" + folder + "/" + relative, &status) == 0, (status.st_mode & mode_t(S_IFMT)) == mode_t(S_IFDIR) {
                    continue
                }
                paths.append(folder + "/" + relative)
            }
        }
        paths.sort()
        let digests = Parallel.mapSync(paths) { path -> String in
            guard let data = FileManager.default.contents(atPath: base + "/" + path) else { return "unreadable" }
            var hasher = FingerprintHasher()
            hasher.add(data)
            return hasher.finish().hex
        }
        return InputSnapshot(files: Dictionary(uniqueKeysWithValues: zip(paths, digests)))
    }
}

/// What `.versus/<manifest>.inputs` holds: the snapshot a successful build started from, under the key it was made
/// with, and the counts its report printed.
public struct InputRecord: Sendable, Equatable {
    /// The build's manifest header plus the day it counted warnings against: another key, another build.
    public var key: String
    public var snapshot: InputSnapshot
    public var pairPages: Int
    public var otherPages: Int
    public var files: Int
    public var warnings: Int

    public init(key: String, snapshot: InputSnapshot, pairPages: Int, otherPages: Int, files: Int, warnings: Int) {
        self.key = key
        self.snapshot = snapshot
        self.pairPages = pairPages
        self.otherPages = otherPages
        self.files = files
        self.warnings = warnings
    }

    static let magic = "versus-inputs 1"

    public func serialized() -> Data {
        var text = "\(Self.magic)\n\(key)\n\(pairPages) \(otherPages) \(files) \(warnings)\n"
        for path in snapshot.files.keys.sorted() { text += "\(snapshot.files[path]!)\t\(path)\n" }
        return Data(text.utf8)
    }

    /// Anything unreadable or malformed reads as no record (a build that loads everything).
    public static func read(from url: URL) -> InputRecord? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == Substring(magic) else { return nil }
        let counts = lines[2].split(separator: " ").compactMap { Int($0) }
        guard counts.count == 4 else { return nil }
        var files: [String: String] = [:]
        for line in lines.dropFirst(3) where !line.isEmpty {
            guard let tab = line.firstIndex(of: "\t") else { return nil }
            files[String(line[line.index(after: tab)...])] = String(line[..<tab])
        }
        return InputRecord(
            key: String(lines[1]), snapshot: InputSnapshot(files: files),
            pairPages: counts[0], otherPages: counts[1], files: counts[2], warnings: counts[3])
    }

    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(serialized(), to: url)
    }

    /// Removes the record, before a build that may change the output: a record must never outlive its output.
    public static func forget(at url: URL) {
        unlink(url.path)
    }
}

extension InputRecord {
    /// Whether the last build's output still stands: the same key (generator, output folder, shard, day), the same
    /// bytes in every input file, the manifest it was recorded with (same header and number of files), and every file
    /// that manifest lists present in the output. Then a build has nothing to load, render or write.
    public func stillHolds(key: String, snapshot: InputSnapshot, manifest url: URL, header: String, output: URL) -> Bool {
        guard self.key == key, self.snapshot == snapshot, let manifest = BuildManifest.read(from: url),
            manifest.header == header, manifest.entries.count == files
        else { return false }
        return !OutputFiles.present(Array(manifest.entries.keys), in: output.standardizedFileURL.path).contains(false)
    }
}
