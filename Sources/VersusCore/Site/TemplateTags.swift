import Foundation

/// The tags of a Mustache template, each with its line and column: what the template check and the list of a
/// template's includes read. The engine stays the judge of what a template renders; this only finds names.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`, `{{{name}}}` or `{{&name}}`
        case variable
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{>name}}`
        case partial
        /// `{{<name}}`
        case parent
        /// `{{$name}}`
        case block
        /// `{{!…}}`, `{{%…}}`
        case ignored
        /// `{{=<% %>=}}`: the rest of the template is read with other delimiters, which the check does not follow.
        case delimiters
    }

    var kind: Kind
    var name: String
    var line: Int
    var column: Int
    /// Nothing but the tag on its line: no text before it (not even spaces) and none after it.
    var aloneOnLine: Bool
}

enum TemplateTags {
    static func tags(in text: String) -> [TemplateTag] {
        let bytes = Array(text.utf8)
        var tags: [TemplateTag] = []
        var line = 1, lineStart = 0, index = 0
        func at(_ offset: Int, _ ascii: Unicode.Scalar) -> Bool { offset < bytes.count && bytes[offset] == UInt8(ascii: ascii) }
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1; index += 1; continue }
            guard at(index, "{"), at(index + 1, "{") else { index += 1; continue }
            let triple = at(index + 2, "{")
            let start = index + (triple ? 3 : 2)
            let closer = triple ? "}}}" : "}}"
            guard let end = find(Array(closer.utf8), in: bytes, from: start) else { break }
            var content = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            var kind = TemplateTag.Kind.variable
            if !triple, let sigil = content.first {
                let kinds: [Character: TemplateTag.Kind] = [
                    "#": .section, "^": .inverted, "/": .close, ">": .partial, "<": .parent,
                    "$": .block, "!": .ignored, "%": .ignored, "=": .delimiters, "&": .variable,
                ]
                if let found = kinds[sigil] {
                    kind = found
                    content = String(content.dropFirst()).trimmingCharacters(in: .whitespaces)
                }
            }
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            let after = end + closer.utf8.count
            let alone = index == lineStart && (after == bytes.count || at(after, "\n"))
            tags.append(TemplateTag(kind: kind, name: content, line: line, column: column, aloneOnLine: alone))
            if kind == .delimiters { break }
            // A comment may run over several lines.
            for byte in bytes[index..<after] where byte == UInt8(ascii: "\n") { line += 1 }
            if let lastNewline = bytes[index..<after].lastIndex(of: UInt8(ascii: "\n")) { lineStart = lastNewline + 1 }
            index = after
        }
        return tags
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
