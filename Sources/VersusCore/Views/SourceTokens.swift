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
    /// The list of keys, hashed: fragments made with other positions cannot be reused (`FragmentStore`).
    let fingerprint: Fingerprint

    init(catalog: Catalog) {
        var all = Set<String>()
        for model in catalog.models { for reference in model.sourceReferences { all.insert(reference.key) } }
        keys = all.sorted()
        index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var hasher = FingerprintHasher()
        for key in keys { hasher.add(key) }
        fingerprint = hasher.finish()
    }

    func token(_ key: String) -> String {
        guard let position = index[key] else { return "?" }
        return "\(Self.open)\(position)\(Self.close)"
    }

    /// `html` with each token replaced by `number(key)`.
    func replace(in html: String, number: (String) -> String) -> String {
        Placeholders.replace(in: html, open: 0x80, close: 0x81) { position in
            keys.indices.contains(position) ? number(keys[position]) : nil
        }
    }
}

/// Numbered stand-ins in HTML made once and completed per page: a private-use character U+E0xx, digits, another.
/// Scanned on UTF-8 bytes (U+E000 is EE 80 80); `open` and `close` are the last bytes of the two characters.
enum Placeholders {
    /// The stand-in for cell `index` of the other column of a two-model table (U+E002 … U+E003).
    static func cell(_ index: Int) -> String { "\u{E002}\(index)\u{E003}" }

    /// `html` with each stand-in `open digits close` replaced by `value(digits)`; a stand-in `value` returns nil
    /// for is left as it was.
    static func replace(in html: String, open: UInt8, close: UInt8, value: (Int) -> String?) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var index = 0, copied = 0
            let count = bytes.count
            while index + 2 < count {
                // Every stand-in starts with the byte EE, which HTML rarely holds: memchr skips to the next one.
                let base = bytes.baseAddress!
                guard let found = memchr(base + index, 0xEE, count - 2 - index) else { break }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard bytes[index + 1] == 0x80, bytes[index + 2] == open else { index += 1; continue }
                var cursor = index + 3, position = 0, digits = 0
                while cursor < count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 9 {
                    position = position * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                    digits += 1
                }
                guard digits > 0, cursor + 2 < count, bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80, bytes[cursor + 2] == close,
                    let replacement = value(position)
                else { index += 3; continue }
                if out.isEmpty { out.reserveCapacity(count + 64) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.append(contentsOf: replacement.utf8)
                index = cursor + 3
                copied = index
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
