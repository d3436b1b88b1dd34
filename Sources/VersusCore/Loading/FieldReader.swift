import Foundation

/// Reads the keys of one YAML mapping into typed values, collecting a diagnostic for every problem:
/// unknown keys (with "did you mean"), missing required keys and values of the wrong type.
/// Readers never throw; a field that cannot be read comes back as `nil` after its diagnostic is recorded.
struct FieldReader {
    let node: YAMLNode
    let what: String
    private let entries: [String: YAMLEntry]

    /// Returns nil (after a diagnostic) when `node` is not a mapping.
    init?(_ node: YAMLNode, what: String, keys: [String], diagnostics: inout [Diagnostic]) {
        guard let list = node.entries else {
            diagnostics.append(.error(node.location, "\(what) must be a mapping of `key: value` lines, found \(node.kindName)"))
            return nil
        }
        self.node = node
        self.what = what
        var entries: [String: YAMLEntry] = [:]
        let known = Set(keys)
        for entry in list {
            if !known.contains(entry.key) {
                var fix = "the keys of \(what) are: \(keys.joined(separator: ", "))"
                if let near = Suggestion.closest(to: entry.key, in: keys) { fix = "did you mean `\(near)`?" }
                diagnostics.append(.error(entry.keyLocation, "unknown key \(Scalars.code(entry.key)) in \(what)", fix: fix))
                continue
            }
            entries[entry.key] = entry
        }
        self.entries = entries
    }

    var location: SourceLocation { node.location }

    func has(_ key: String) -> Bool { entries[key].map { !$0.value.isNull } ?? false }

    /// The value node of `key`, or nil when absent or null.
    func value(_ key: String) -> YAMLNode? {
        guard let entry = entries[key], !entry.value.isNull else { return nil }
        return entry.value
    }

    func keyLocation(_ key: String) -> SourceLocation { entries[key]?.keyLocation ?? node.location }

    func missing(_ key: String, _ diagnostics: inout [Diagnostic], fix: String? = nil) {
        diagnostics.append(.error(node.location, "\(what) has no `\(key)`", fix: fix ?? "add `\(key): …`"))
    }

    // MARK: Scalars

    func string(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.string(value, field: key, &diagnostics)
    }

    func id(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.id(value, field: key, &diagnostics)
    }

    func bool(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> Bool? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.bool(value, field: key, &diagnostics)
    }

    func integer(_ key: String, required: Bool = false, minimum: Int = 0, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.integer(value, field: key, minimum: minimum, &diagnostics)
    }

    func decimal(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> Decimal? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.decimal(value, field: key, &diagnostics)
    }

    func date(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> ISODate? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.date(value, field: key, &diagnostics)
    }

    func url(_ key: String, required: Bool = false, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.url(value, field: key, &diagnostics)
    }

    func choice<E: RawRepresentable & CaseIterable>(
        _ key: String, as: E.Type, required: Bool = false,
        _ diagnostics: inout [Diagnostic]
    ) -> E? where E.RawValue == String {
        guard let value = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return Scalars.choice(value, field: key, as: E.self, &diagnostics)
    }

    /// A list of strings; a single string is taken as a list of one.
    func strings(_ key: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        list(key, &diagnostics).compactMap { Scalars.string($0, field: key, &diagnostics) }
    }

    /// The items of a list; a single value is taken as a list of one.
    func list(_ key: String, _ diagnostics: inout [Diagnostic]) -> [YAMLNode] {
        guard let value = value(key) else { return [] }
        if let items = value.items { return items }
        if value.entries != nil {
            diagnostics.append(
                .error(
                    value.location, "`\(key)` must be a list, found \(value.kindName)",
                    fix: "write each item on its own line starting with `- `"))
            return []
        }
        return [value]
    }
}

/// Conversions of single YAML scalars, each reporting its own type errors.
public enum Scalars {
    /// `text` without white space at either end. Most values have none: when both ends are printable ASCII, the
    /// text is returned as it is, without Foundation's trimming (which costs a bridge per value, on every load).
    static func trimmed(_ text: String) -> String {
        func printable(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x7f } ?? false }
        if printable(text.utf8.first) && printable(text.utf8.last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func string(_ node: YAMLNode, field: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let text = node.scalarText else {
            diagnostics.append(.error(node.location, "`\(field)` must be text, found \(node.kindName)"))
            return nil
        }
        let trimmed = trimmed(text)
        if trimmed.isEmpty {
            diagnostics.append(.error(node.location, "`\(field)` is empty", fix: "give it a value or remove the key"))
            return nil
        }
        return trimmed
    }

    static func id(_ node: YAMLNode, field: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let text = string(node, field: field, &diagnostics) else { return nil }
        if !Identifier.isValid(text) {
            diagnostics.append(
                .error(
                    node.location, "`\(field)` \(Scalars.quoted(text)) is not a valid id",
                    fix: Identifier.rule))
            return nil
        }
        return text
    }

    static func bool(_ node: YAMLNode, field: String, _ diagnostics: inout [Diagnostic]) -> Bool? {
        if case let .scalar(text, plain) = node.kind, plain {
            switch text.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        diagnostics.append(.error(node.location, "`\(field)` must be true or false, found \(describe(node))"))
        return nil
    }

    static func integer(_ node: YAMLNode, field: String, minimum: Int = 0, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard case let .scalar(text, plain) = node.kind, plain,
            let value = Int(text.replacingOccurrences(of: "_", with: ""))
        else {
            diagnostics.append(
                .error(
                    node.location, "`\(field)` must be a whole number, found \(describe(node))",
                    fix: "write digits only, such as 400000"))
            return nil
        }
        if value < minimum {
            diagnostics.append(.error(node.location, "`\(field)` must be at least \(minimum), found \(value)"))
            return nil
        }
        return value
    }

    static func decimal(_ node: YAMLNode, field: String, _ diagnostics: inout [Diagnostic]) -> Decimal? {
        guard case let .scalar(text, plain) = node.kind, plain, let value = Money.parse(text) else {
            var fix = "write a plain number such as 1.75"
            if let text = node.scalarText, text.hasPrefix("~") || text.hasPrefix("$") {
                fix = "write the number alone; mark an estimate with `approximate: true` as docs/catalog.md shows"
            }
            diagnostics.append(.error(node.location, "`\(field)` must be a number, found \(describe(node))", fix: fix))
            return nil
        }
        return value
    }

    static func date(_ node: YAMLNode, field: String, _ diagnostics: inout [Diagnostic]) -> ISODate? {
        guard let text = node.scalarText, let date = ISODate(text) else {
            diagnostics.append(
                .error(
                    node.location, "`\(field)` must be an ISO date, found \(describe(node))",
                    fix: "write YYYY-MM-DD, or YYYY-MM when only the month is known"))
            return nil
        }
        return date
    }

    static func url(_ node: YAMLNode, field: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let text = string(node, field: field, &diagnostics) else { return nil }
        if !SourceReference.isWebAddress(text) {
            diagnostics.append(.error(node.location, "`\(field)` must be an http:// or https:// address, found \(describe(node))"))
            return nil
        }
        return text
    }

    static func choice<E: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, field: String, as: E.Type,
        _ diagnostics: inout [Diagnostic]
    ) -> E? where E.RawValue == String {
        let options = E.allCases.map(\.rawValue)
        guard let text = node.scalarText, let value = E(rawValue: text) else {
            var fix = "use one of: \(options.joined(separator: ", "))"
            if let text = node.scalarText, let near = Suggestion.closest(to: text, in: options) { fix = "did you mean `\(near)`?" }
            diagnostics.append(.error(node.location, "`\(field)` cannot be \(describe(node))", fix: fix))
            return nil
        }
        return value
    }

    /// Text from a catalog file as it appears in a message or a location: on one line, with control, format and
    /// line-separator characters made visible and long text shortened, so no file can break the one-line
    /// `file:line:column: …` format or forge a diagnostic line.
    public static func visible(_ text: String, limit: Int = 120) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { shown += "…"; break }
            count += 1
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: shown += "?"
                default: shown.unicodeScalars.append(scalar)
                }
            }
        }
        return shown
    }

    /// User text in double quotes for a message, shortened to 60 characters.
    static func quoted(_ text: String) -> String { "\"" + visible(text, limit: 60) + "\"" }

    /// User text in backticks for a message.
    static func code(_ text: String) -> String { "`" + visible(text) + "`" }

    /// How a value appears in a message: quoted and shortened when it is text.
    static func describe(_ node: YAMLNode) -> String {
        if let text = node.scalarText {
            return node.isNull ? "an empty value" : Scalars.quoted(text)
        }
        return node.kindName
    }
}
