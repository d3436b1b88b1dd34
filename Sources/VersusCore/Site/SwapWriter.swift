import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files into an output folder that already holds a site, in two steps.
///
/// 1. `write` puts each new file into its **spare**, a file of its own in a folder beside the output
///    (`.public.spares/` next to `public/`): nothing a reader of the output can see changes.
/// 2. `publish` exchanges the spare with the published file in one atomic step, so the old bytes become the spare.
///
/// The next build writes over the spare's blocks again. Rewriting a whole site so allocates and frees no inode and
/// creates no folder: on ext4 without a journal, every inode freed in the last minutes slows each new inode's
/// allocation (it skips them one by one), which made replacing a 22,800-folder site cost seconds of kernel time.
/// The price is disk space: a spare holds the previous version of each file rewritten at least once.
struct SwapWriter: Sendable {
    let output: String
    let spares: String

    init(output: URL) {
        let output = output.standardizedFileURL
        self.output = output.path
        spares = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).spares").path
    }

    /// Makes the folder of spares.
    func prepare() throws {
        if mkdir(spares, 0o755) != 0 && errno != EEXIST {
            throw AtomicFile.failure("cannot create \(spares)")
        }
    }

    /// The spare of `path`: the path with its slashes escaped, or a digest when that name would be too long.
    func spare(_ path: String) -> String {
        var name = ""
        name.reserveCapacity(path.utf8.count + 8)
        for character in path.unicodeScalars {
            switch character {
            case "/": name += "%2F"
            case "%": name += "%25"
            default: name.unicodeScalars.append(character)
            }
        }
        if name.utf8.count > 200 { name = "#" + Fingerprint.of(Data(path.utf8)).hex }
        return spares + "/" + name
    }

    /// Writes `data` into the spare of `path`, over the spare's own blocks: the file is not truncated first, only cut
    /// to the new length after. A spare that has another name too (a hard link a deploy tool made) is replaced rather
    /// than written through.
    func write(_ path: String, _ data: Data) throws {
        guard SitePath.isSafe(path) else { throw SiteWriter.WriteError.outsideOutput(path) }
        let file = spare(path)
        var descriptor = open(file, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.failure("cannot write \(file)") }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_nlink > 1 || (status.st_mode & mode_t(S_IFMT)) != mode_t(S_IFREG) {
            close(descriptor)
            unlink(file)
            descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw AtomicFile.failure("cannot write \(file)") }
        }
        defer { close(descriptor) }
        try AtomicFile.writeAll(data, to: descriptor, path: file)
        if ftruncate(descriptor, off_t(data.count)) != 0 { throw AtomicFile.failure("cannot write \(file)") }
    }

    /// Puts the spare of `path` in its place: exchanged with the published file when there is one (which then
    /// becomes the spare), renamed into place otherwise.
    func publish(_ path: String) throws {
        let target = output + "/" + path, file = spare(path)
        if FileExchange.exchange(file, target) { return }
        // No file there yet, or no exchange on this file system: a rename, atomic for readers all the same.
        try AtomicFile.makeParent(of: target)
        if rename(file, target) != 0 { throw AtomicFile.failure("cannot move \(file) to \(target)") }
    }

    /// Removes a file the site no longer has, and its folder when that is left empty.
    func remove(_ path: String) throws {
        guard SitePath.isSafe(path) else { throw SiteWriter.WriteError.outsideOutput(path) }
        let target = output + "/" + path
        if unlink(target) != 0 && errno != ENOENT { throw AtomicFile.failure("cannot remove \(target)") }
        unlink(spare(path))
        removeEmptyFolders(above: path)
    }

    /// Removes the folders of `path` that are left empty, up to the output (`rmdir` refuses a folder with files).
    private func removeEmptyFolders(above path: String) {
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if rmdir(output + "/" + folder) != 0 { return }
        }
    }

    /// After a full build: every file under the output that is not in `keep` (a file of an earlier site, left over
    /// from a stopped build, or put there by hand) is removed, with the folders left empty; then every spare of a
    /// file the site no longer has. Returns the paths removed from the output.
    func sweep(keeping keep: Set<String>) -> [String] {
        var removed: [String] = []
        func walk(_ relative: String) -> Bool {
            guard let folder = opendir(relative.isEmpty ? output : output + "/" + relative) else { return false }
            var names: [(String, Bool)] = []
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    isFolder =
                        lstat(output + "/" + (relative.isEmpty ? name : relative + "/" + name), &status) == 0
                        && (status.st_mode & mode_t(S_IFMT)) == mode_t(S_IFDIR)
                }
                names.append((name, isFolder))
            }
            closedir(folder)
            var empty = true
            for (name, isFolder) in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                if isFolder {
                    if walk(path) { rmdir(output + "/" + path) } else { empty = false }
                } else if keep.contains(path) {
                    empty = false
                } else if unlink(output + "/" + path) == 0 {
                    removed.append(path)
                } else {
                    empty = false
                }
            }
            return empty
        }
        _ = walk("")
        let wanted = Set(keep.map { String(spare($0).dropFirst(spares.count + 1)) })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: spares)) ?? [] where !wanted.contains(name) {
            unlink(spares + "/" + name)
        }
        return removed.sorted()
    }
}
