import Foundation

/// Stand-ins for source numbers in HTML rendered once and reused on many pages: a private-use character, the
/// source's index in the catalog, another private-use character. HTML escaping leaves them alone; they are replaced
/// only inside fragments, and only when they name an index this table knows.
struct SourceTokens: Sendable {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// Every source key any model cites, sorted; a token names a position in this list.
    let keys: [String]
    private let index: [String: Int]

    init(catalog: Catalog) {
        var all = Set<String>()
        for model in catalog.models { for reference in model.sourceReferences { all.insert(reference.key) } }
        keys = all.sorted()
        index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }

    func token(_ key: String) -> String {
        guard let position = index[key] else { return "?" }
        return "\(Self.open)\(position)\(Self.close)"
    }

    /// `html` with each token replaced by `number(key)`. Works on UTF-8 bytes: U+E000 is EE 80 80, U+E001 EE 80 81.
    func replace(in html: String, number: (String) -> String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0, copied = 0
            let count = bytes.count
            while index + 2 < count {
                guard bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 else { index += 1; continue }
                var cursor = index + 3, position = 0, digits = 0
                while cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 9 {
                    position = position * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                    digits += 1
                }
                guard digits > 0, cursor + 2 < count + 0, cursor + 2 <= count - 1,
                      bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80, bytes[cursor + 2] == 0x81, keys.indices.contains(position)
                else { index += 3; continue }
                out.append(contentsOf: bytes[copied..<index])
                out.append(contentsOf: number(keys[position]).utf8)
                index = cursor + 3
                copied = index
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            out.append(contentsOf: bytes[copied..<count])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
