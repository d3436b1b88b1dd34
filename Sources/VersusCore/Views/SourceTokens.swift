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

    /// `html` with each token replaced by `number(key)`.
    func replace(in html: String, number: (String) -> String) -> String {
        guard html.contains(Self.open) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = rest.firstIndex(of: Self.open) {
            out += rest[..<start]
            let digits = rest[rest.index(after: start)...].prefix { $0.isASCIIDigit }
            let end = digits.endIndex
            if end < rest.endIndex, rest[end] == Self.close, let position = Int(digits), keys.indices.contains(position) {
                out += number(keys[position])
                rest = rest[rest.index(after: end)...]
            } else {
                out.append(Self.open)
                rest = rest[rest.index(after: start)...]
            }
        }
        out += rest
        return out
    }
}
