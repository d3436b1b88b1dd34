import Foundation

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
        isDirectory: { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        },
        fileSize: { path in
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)?.intValue
        },
        read: { path in
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let attributes = try FileManager.default.attributesOfItem(atPath: target)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { throw NotARegularFile() }
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: target))
            defer { try? handle.close() }
            return try handle.read(upToCount: YAMLParser.maximumFileSize + 1) ?? Data()
        })

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
