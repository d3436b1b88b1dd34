import Foundation

/// What the last build wrote: each output file's path and the fingerprint of what it was made from.
/// Kept outside the output folder, written after the pages it describes, so a build that stops half-way
/// is finished by the next one rather than trusted.
public struct BuildManifest: Sendable, Equatable {
    /// Identifies the generator, output folder and shard the entries belong to; another header means a full build.
    public var header: String
    public var entries: [String: Fingerprint] {
        didSet { ordered = nil }
    }
    /// The entries in file (or plan) order, while known to match `entries` (`ManifestUpdate` compares by position).
    var ordered: Ordered?

    public init(header: String, entries: [String: Fingerprint] = [:]) {
        self.header = header
        self.entries = entries
    }

    public static func == (a: BuildManifest, b: BuildManifest) -> Bool {
        a.header == b.header && a.entries == b.entries
    }

    static let magic = "versus-manifest 1"

    /// The manifest's text: a magic line, the header, then `fingerprint<TAB>path` lines sorted by path.
    /// `sortedPaths`: the keys of `entries` in order, when the caller has them so (a plan's pages are).
    public func serialized(sortedPaths: [String]? = nil) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 110 + header.utf8.count + 32)
        bytes += "\(Self.magic)\n\(header)\n".utf8
        for path in sortedPaths ?? entries.keys.sorted() {
            entries[path]!.withHexDigits { bytes += $0 }
            bytes.append(UInt8(ascii: "\t"))
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return Data(bytes)
    }

    /// Where a build lists the files it is about to replace (`markPending`), beside the manifest at `url`.
    static func pendingFile(_ url: URL) -> String { url.path + ".pending" }

    /// Records that the files at `paths` are about to be replaced: until the next `write(to:)`, reading the manifest
    /// leaves them out, so a build stopped half-way makes them again. A few lines, rather than the whole manifest
    /// written twice.
    public static func markPending(_ paths: [String], manifest url: URL) throws {
        var bytes: [UInt8] = []
        for path in paths {
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        try AtomicFile.write(Data(bytes), to: URL(fileURLWithPath: pendingFile(url)))
    }

    /// Reads a manifest, less the files a stopped build had marked pending; anything unreadable or malformed is
    /// treated as no manifest at all (a full build).
    public static func read(from url: URL) -> BuildManifest? {
        guard var manifest = readEntries(from: url) else { return nil }
        if let pending = FileManager.default.contents(atPath: pendingFile(url)) {
            for path in String(decoding: pending, as: UTF8.self).split(separator: "\n") { manifest.entries[String(path)] = nil }
        }
        return manifest
    }

    private static func readEntries(from url: URL) -> BuildManifest? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        // Parsed on bytes: a large site's manifest has tens of thousands of lines.
        return data.withUnsafeBytes { raw -> BuildManifest? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [UnsafeBufferPointer<UInt8>] = []
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                lines.append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
            }
            if start < bytes.count { lines.append(UnsafeBufferPointer(rebasing: bytes[start...])) }
            guard lines.count >= 2, String(decoding: lines[0], as: UTF8.self) == magic else { return nil }
            let header = String(decoding: lines[1], as: UTF8.self)
            var entries: [String: Fingerprint] = [:]
            entries.reserveCapacity(lines.count)
            var ordered = Ordered(paths: [], fingerprints: [])
            ordered.paths.reserveCapacity(lines.count)
            ordered.fingerprints.reserveCapacity(lines.count)
            for line in lines.dropFirst(2) where !line.isEmpty {
                guard line.count > 65, line[64] == UInt8(ascii: "\t") else { return nil }
                let path = UnsafeBufferPointer(rebasing: line[65...])
                // A path that could reach outside the output means the file is not one of ours: build from scratch.
                guard SitePath.isSafe(path) else { return nil }
                guard let words = Fingerprint.words(hexDigits: UnsafeBufferPointer(rebasing: line[..<64])) else { return nil }
                let text = String(decoding: path, as: UTF8.self)
                entries[text] = Fingerprint(words: words)
                ordered.paths.append(text)
                ordered.fingerprints.append(Fingerprint(words: words))
            }
            var manifest = BuildManifest(header: header, entries: entries)
            // A path listed twice: the order does not stand for the entries.
            if ordered.paths.count == entries.count { manifest.ordered = ordered }
            return manifest
        }
    }

    /// Writes to a temporary name and renames it into place, so a reader never sees half a manifest; then drops
    /// the list of pending files, which this manifest supersedes.
    public func write(to url: URL, sortedPaths: [String]? = nil) throws {
        precondition(sortedPaths == nil || sortedPaths!.count == entries.count)
        try Self.write(serialized(sortedPaths: sortedPaths), to: url)
    }

    /// Writes a manifest's bytes (`serialized`), made beforehand, as `write(to:sortedPaths:)` does.
    static func write(_ bytes: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(bytes, to: url)
        unlink(Self.pendingFile(url))
    }
}

enum AtomicFile {
    /// Writes `data` to `path` with plain POSIX calls. Foundation's `Data.write` syncs every file to disk, which
    /// for tens of thousands of pages costs more than rendering them; a site build can be repeated, so it does not.
    static func writePlain(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create \(path)") }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// Writes all of `data` to an open file, however many calls that takes.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            guard buffer.count > 0 else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot write \(path)")
                }
                offset += written
            }
        }
    }

    /// Makes the folder `path` is in: one `mkdir` when its parent exists (the usual case for a page folder),
    /// FileManager's walk up the tree otherwise.
    static func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    static func failure(_ what: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }

    /// Writes `data` beside `url` under a temporary name, then renames it over `url`.
    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try writePlain(data, to: temporary.path)
            if rename(temporary.path, url.path) != 0 { throw failure("cannot rename into \(url.path)") }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// Paths of files inside the output folder, as the plan makes them.
enum SitePath {
    /// Relative, without empty, `.` or `..` components: it cannot name anything outside the output folder.
    static func isSafe(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { isSafe($0) }
    }

    /// The same test on the path's UTF-8 bytes: no component is empty, `.` or `..`.
    static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
            let length = index - start
            if length == 0 { return false }
            if bytes[start] == UInt8(ascii: "."), length == 1 || (length == 2 && bytes[start + 1] == UInt8(ascii: ".")) { return false }
            start = index + 1
        }
        return true
    }
}
