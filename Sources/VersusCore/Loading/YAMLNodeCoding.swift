import Foundation

/// A parsed file's `YAMLNode` tree in `ByteWriter`'s layout, for `ParseCache`'s files: each node a kind byte, its
/// line and column, then its text or its children. The file name is not stored: every location of a tree names the
/// file it was read from, which the reader supplies.
enum YAMLNodeCoding {
    private enum Tag: Int {
        case empty = 0, plainScalar, quotedScalar, mapping, sequence
    }

    static func encode(_ root: YAMLNode?) -> Data {
        var writer = ByteWriter()
        if let root { write(root, to: &writer) } else { writer.int(Tag.empty.rawValue) }
        return writer.data
    }

    /// The tree of `data`, with `file` in every location; throws `ByteReader.Malformed` for bytes it did not write.
    static func decode(_ data: Data, file: String) throws -> YAMLNode? {
        var reader = ByteReader(data)
        let root = try read(&reader, file: file, depth: 0)
        guard reader.atEnd else { throw ByteReader.Malformed() }
        return root
    }

    private static func write(_ node: YAMLNode, to writer: inout ByteWriter) {
        switch node.kind {
        case let .scalar(text, plain):
            writer.int((plain ? Tag.plainScalar : Tag.quotedScalar).rawValue)
            location(node.location, to: &writer)
            writer.string(text)
        case let .mapping(entries):
            writer.int(Tag.mapping.rawValue)
            location(node.location, to: &writer)
            writer.int(entries.count)
            for entry in entries {
                writer.string(entry.key)
                location(entry.keyLocation, to: &writer)
                write(entry.value, to: &writer)
            }
        case let .sequence(items):
            writer.int(Tag.sequence.rawValue)
            location(node.location, to: &writer)
            writer.int(items.count)
            for item in items { write(item, to: &writer) }
        }
    }

    private static func location(_ location: SourceLocation, to writer: inout ByteWriter) {
        writer.int(location.line)
        writer.int(location.column)
    }

    private static func read(_ reader: inout ByteReader, file: String, depth: Int) throws -> YAMLNode? {
        // Trees deeper than the parser allows were never written here.
        guard depth <= YAMLParser.maximumDepth + 1, let tag = Tag(rawValue: try reader.int()) else { throw ByteReader.Malformed() }
        if tag == .empty {
            guard depth == 0 else { throw ByteReader.Malformed() }
            return nil
        }
        let at = SourceLocation(file: file, line: try reader.int(), column: try reader.int())
        switch tag {
        case .empty:
            return nil
        case .plainScalar, .quotedScalar:
            return YAMLNode(.scalar(try reader.string(), plain: tag == .plainScalar), at: at)
        case .mapping:
            let entries = try reader.list { reader -> YAMLEntry in
                let key = try reader.string()
                let keyLocation = SourceLocation(file: file, line: try reader.int(), column: try reader.int())
                guard let value = try read(&reader, file: file, depth: depth + 1) else { throw ByteReader.Malformed() }
                return YAMLEntry(key: key, keyLocation: keyLocation, value: value)
            }
            return YAMLNode(.mapping(entries), at: at)
        case .sequence:
            let items = try reader.list { reader -> YAMLNode in
                guard let item = try read(&reader, file: file, depth: depth + 1) else { throw ByteReader.Malformed() }
                return item
            }
            return YAMLNode(.sequence(items), at: at)
        }
    }
}
