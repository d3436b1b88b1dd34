import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// The file operations the pipeline needs, as closures, so tests can run it on an in-memory tree.
public struct FileSystem: Sendable {
    /// Names of the entries of a folder, or nil when it does not exist.
    public var list: @Sendable (_ path: String) -> [String]?
    public var isDirectory: @Sendable (_ path: String) -> Bool
    public var fileSize: @Sendable (_ path: String) -> Int?
    public var read: @Sendable (_ path: String) throws -> Data

    public init(
        list: @escaping @Sendable (String) -> [String]?, isDirectory: @escaping @Sendable (String) -> Bool,
        fileSize: @escaping @Sendable (String) -> Int?, read: @escaping @Sendable (String) throws -> Data
    ) {
        self.list = list
        self.isDirectory = isDirectory
        self.fileSize = fileSize
        self.read = read
    }

    /// Thrown by `read` for something that is not a regular file: a device, a pipe or a socket, which could
    /// block or never end.
    public struct NotARegularFile: Error, Sendable {}

    /// The real file system. Sizes and types are those of what a symbolic link points to, and `read` reads at
    /// most one byte more than `YAMLParser.maximumFileSize`, so a link to a huge file or to /dev/zero cannot
    /// make it read without end.
    public static let local = FileSystem(
        list: { path in try? FileManager.default.contentsOfDirectory(atPath: path) },
        isDirectory: { path in status(path).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false },
        fileSize: { path in status(path).map { Int($0.st_size) } },
        read: { path in
            // `stat` and `open` follow symbolic links; a non-blocking open keeps a FIFO from waiting for a writer.
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw ReadError(path: path, code: errno) }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { throw ReadError(path: path, code: errno) }
            guard status.st_mode & S_IFMT == S_IFREG else { throw NotARegularFile() }
            let limit = YAMLParser.maximumFileSize + 1
            var bytes = [UInt8](repeating: 0, count: min(limit, max(Int(status.st_size), 0) + 1))
            var count = 0
            while count < limit {
                if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(limit, bytes.count * 2) - bytes.count) }
                let got = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + count, $0.count - count) }
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else { throw ReadError(path: path, code: errno) }
                if got == 0 { break }
                count += got
            }
            return Data(bytes[..<count])
        })

    /// What `stat` says of `path` (symbolic links followed); nil when it cannot say.
    private static func status(_ path: String) -> stat? {
        var result = stat()
        return stat(path, &result) == 0 ? result : nil
    }

    /// A file that could not be opened or read, with the system's reason.
    public struct ReadError: Error, LocalizedError, Sendable {
        public var path: String
        public var code: Int32
        public var errorDescription: String? { String(cString: strerror(code)).lowercased() }
    }

    /// An in-memory tree: paths to file contents.
    public static func memory(_ files: [String: String]) -> FileSystem {
        let data = files.mapValues { Data($0.utf8) }
        return memory(data: data)
    }

    public static func memory(data files: [String: Data]) -> FileSystem {
        @Sendable func children(of path: String) -> [String] {
            let prefix = path.hasSuffix("/") ? path : path + "/"
            var names = Set<String>()
            for key in files.keys where key.hasPrefix(prefix) {
                let rest = key.dropFirst(prefix.count)
                if let name = rest.split(separator: "/").first { names.insert(String(name)) }
            }
            return names.sorted()
        }
        return FileSystem(
            list: { path in
                let names = children(of: path)
                return names.isEmpty && files[path] == nil ? nil : names
            },
            isDirectory: { path in files[path] == nil && !children(of: path).isEmpty },
            fileSize: { path in files[path]?.count },
            read: { path in
                guard let data = files[path] else { throw CocoaError(.fileNoSuchFile) }
                return data
            })
    }
}
