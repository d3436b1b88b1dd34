import Foundation

/// The stamps recorded by one build, kept for the next process (`.versus/stamps`): recording a shape renders it by
/// the engine twice, which was most of the render time of a small rebuild, done again by every process.
///
/// The file is bound to the exact templates and the exact `versus` that recorded it (`key`); any other key, and any
/// file that does not read back whole and consistent (indices in range, a stamp's text holes within the lookups on
/// its path) and whose checksum does not match, is ignored and the stamps are recorded again. Written as plain
/// bytes: a header line, the key, each template's tree, and a SHA-256 of all that.
enum StampFile {
    static let magic = Array("versus-stamps 1\n".utf8)

    /// What the stamps depend on: the generator and every template's name and bytes.
    static func key(generator: String, sources: [String: Data]) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add("stamps")
        hasher.add(generator)
        for name in sources.keys.sorted() {
            hasher.add(name)
            hasher.add(sources[name]!)
        }
        return hasher.finish()
    }

    static func encode(_ tries: [(name: String, trie: StampTrie)], key: Fingerprint) -> Data {
        var out = Writer()
        out.bytes += magic
        out.bytes += key.hex.utf8
        out.int(tries.count)
        for (name, trie) in tries {
            out.string(name)
            out.int(trie.engineShapes)
            out.int(trie.nodes.count)
            for node in trie.nodes {
                out.bytes.append(node.kind.rawValue)
                out.int(node.parent)
                out.step(node.step)
                out.int(node.stamp)
                out.int(node.firstEdge)
            }
            out.int(trie.edges.count)
            for edge in trie.edges {
                out.outcome(edge.outcome)
                out.int(edge.node)
                out.int(edge.sibling)
            }
            out.int(trie.stamps.count)
            for stamp in trie.stamps {
                out.int(stamp.literal.count)
                out.bytes += stamp.literal
                out.int(stamp.pieces.count)
                for piece in stamp.pieces {
                    switch piece {
                    case let .bytes(start, end):
                        out.bytes.append(0)
                        out.int(start)
                        out.int(end)
                    case let .text(guardIndex, escaped):
                        out.bytes.append(escaped ? 2 : 1)
                        out.int(guardIndex)
                    case let .section(slot):
                        out.bytes.append(3)
                        out.int(slot)
                    }
                }
            }
        }
        // A checksum of all the above: a damaged literal byte would otherwise still read back, and print on pages.
        return Sealed.seal(Data(out.bytes))
    }

    /// The trees of `data` by template name, when it was written under `key` and reads back whole and consistent
    /// with `sections` section slots; nil otherwise.
    static func decode(_ data: Data, key: Fingerprint, sections: Int) -> [String: StampTrie]? {
        guard let body = Sealed.open(data) else { return nil }
        var reader = Reader(bytes: [UInt8](body))
        guard reader.take(magic.count) == magic, reader.take(64) == Array(key.hex.utf8) else { return nil }
        guard let count = reader.count() else { return nil }
        var tries: [String: StampTrie] = [:]
        for _ in 0..<count {
            guard let name = reader.string(), let engineShapes = reader.int(), let nodeCount = reader.count() else { return nil }
            var nodes: [StampTrie.Node] = []
            for _ in 0..<nodeCount {
                guard let raw = reader.byte(), let kind = StampTrie.Node.Kind(rawValue: raw), let parent = reader.int(),
                    let step = reader.step(), let stamp = reader.int(), let firstEdge = reader.int()
                else { return nil }
                nodes.append(StampTrie.Node(kind: kind, parent: parent, step: step, stamp: stamp, firstEdge: firstEdge))
            }
            guard let edgeCount = reader.count() else { return nil }
            var edges: [StampTrie.Edge] = []
            for _ in 0..<edgeCount {
                guard let outcome = reader.outcome(), let node = reader.int(), let sibling = reader.int() else { return nil }
                edges.append(StampTrie.Edge(outcome: outcome, node: node, sibling: sibling))
            }
            guard let stampCount = reader.count() else { return nil }
            var stamps: [TemplateStamp] = []
            for _ in 0..<stampCount {
                guard let length = reader.int(), let literal = reader.take(length), let pieceCount = reader.count() else { return nil }
                var pieces: [TemplateStamp.Piece] = []
                for _ in 0..<pieceCount {
                    switch reader.byte() {
                    case 0:
                        guard let start = reader.int(), let end = reader.int(), 0 <= start, start <= end, end <= literal.count
                        else { return nil }
                        pieces.append(.bytes(start: start, end: end))
                    case 1, 2:
                        let escaped = reader.bytes[reader.offset - 1] == 2
                        guard let index = reader.int(), index >= 0 else { return nil }
                        pieces.append(.text(guardIndex: index, escaped: escaped))
                    case 3:
                        guard let slot = reader.int(), slot >= 0, slot < sections else { return nil }
                        pieces.append(.section(slot: slot))
                    default:
                        return nil
                    }
                }
                stamps.append(TemplateStamp(pieces: pieces, literal: literal))
            }
            guard let trie = StampTrie(nodes: nodes, edges: edges, stamps: stamps, engineShapes: engineShapes) else { return nil }
            tries[name] = trie
        }
        return reader.offset == reader.bytes.count ? tries : nil
    }

    private struct Writer {
        var bytes: [UInt8] = []

        /// A signed integer as a zigzag varint.
        mutating func int(_ value: Int) {
            var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ text: String) {
            int(text.utf8.count)
            bytes += text.utf8
        }

        mutating func step(_ step: ViewPathStep) {
            switch step {
            case let .key(name):
                bytes.append(0)
                string(name)
            case let .index(index):
                bytes.append(1)
                int(index)
            case .size:
                bytes.append(2)
            }
        }

        mutating func outcome(_ outcome: ViewOutcome) {
            switch outcome {
            case .missing: bytes.append(0)
            case .emptyText: bytes.append(1)
            case .text: bytes.append(2)
            case let .flag(flag): bytes.append(flag ? 4 : 3)
            case let .list(count):
                bytes.append(5)
                int(count)
            case .object: bytes.append(6)
            case let .number(digits):
                bytes.append(7)
                string(digits)
            }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            offset += 1
            return bytes[offset - 1]
        }

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, count <= bytes.count - offset else { return nil }
            offset += count
            return Array(bytes[(offset - count)..<offset])
        }

        mutating func int() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = byte() {
                guard shift < 64 else { return nil }
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 {
                    let signed = Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
                    return Int(signed)
                }
                shift += 7
            }
            return nil
        }

        /// A number of items to read: never negative, nor more than the bytes left (each item takes one at least),
        /// so that no loop runs on a count the file cannot hold.
        mutating func count() -> Int? {
            guard let value = int(), value >= 0, value <= bytes.count - offset else { return nil }
            return value
        }

        mutating func string() -> String? {
            guard let count = int(), let utf8 = take(count) else { return nil }
            return String(decoding: utf8, as: UTF8.self)
        }

        mutating func step() -> ViewPathStep? {
            switch byte() {
            case 0: return string().map(ViewPathStep.key)
            case 1: return int().map(ViewPathStep.index)
            case 2: return .size
            default: return nil
            }
        }

        mutating func outcome() -> ViewOutcome? {
            switch byte() {
            case 0: return .missing
            case 1: return .emptyText
            case 2: return .text
            case 3: return .flag(false)
            case 4: return .flag(true)
            case 5: return int().map(ViewOutcome.list)
            case 6: return .object
            case 7: return string().map(ViewOutcome.number)
            default: return nil
            }
        }
    }
}
