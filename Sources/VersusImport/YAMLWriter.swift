import Foundation
import VersusCore

/// A YAML document to write: block style, keys in the order given, every scalar already formatted.
/// The catalog's reader reads back exactly what this writes (the tests check that on every file the import writes).
indirect enum YAMLValue: Sendable {
    case scalar(String)
    case mapping([(String, YAMLValue)])
    case sequence([YAMLValue])
    /// A short list of plain words on one line: `[text, image]`.
    case inline([String])

    static func text(_ value: String) -> YAMLValue { .scalar(YAMLWriter.quoted(value)) }
    static func number(_ value: Decimal) -> YAMLValue { .scalar(YAMLWriter.number(value)) }
    static func integer(_ value: Int) -> YAMLValue { .scalar(String(value)) }
    static func date(_ value: ISODate) -> YAMLValue { .scalar(value.description) }
    static func bool(_ value: Bool) -> YAMLValue { .scalar(value ? "true" : "false") }
}

/// Builds a mapping key by key, leaving out what is unknown.
struct YAMLMapping {
    private(set) var entries: [(String, YAMLValue)] = []

    mutating func add(_ key: String, _ value: YAMLValue?) {
        guard let value else { return }
        switch value {
        case let .mapping(entries) where entries.isEmpty: return
        case let .sequence(items) where items.isEmpty: return
        case let .inline(items) where items.isEmpty: return
        default: entries.append((key, value))
        }
    }

    var value: YAMLValue { .mapping(entries) }
}

enum YAMLWriter {
    /// The document as text: a comment header, then the value, ending in one newline.
    static func document(_ value: YAMLValue, comment: [String] = []) -> String {
        var text = comment.map { "# " + $0 + "\n" }.joined()
        text += render(value)
        return text
    }

    static func render(_ value: YAMLValue) -> String {
        var lines: [String] = []
        emit(value, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func emit(_ value: YAMLValue, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case let .scalar(text): lines.append(pad + text)
        case let .inline(items): lines.append(pad + "[" + items.joined(separator: ", ") + "]")
        case let .mapping(entries):
            for (key, item) in entries {
                switch item {
                case let .scalar(text): lines.append("\(pad)\(key): \(text)")
                case let .inline(items): lines.append("\(pad)\(key): [" + items.joined(separator: ", ") + "]")
                case .mapping:
                    lines.append("\(pad)\(key):")
                    emit(item, indent: indent + 2, into: &lines)
                case .sequence:
                    lines.append("\(pad)\(key):")
                    emit(item, indent: indent + 2, into: &lines)
                }
            }
        case let .sequence(items):
            for item in items {
                var nested: [String] = []
                emit(item, indent: indent + 2, into: &nested)
                guard let first = nested.first else { continue }
                // `- ` takes the place of the first line's indentation.
                lines.append(pad + "- " + first.dropFirst(indent + 2))
                lines += nested.dropFirst()
            }
        }
    }

    /// A plain number as the catalog writes money: `1.75`, `0.000025`, `14`; never an exponent or float noise.
    static func number(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }

    /// Text as a YAML scalar: plain when it is plainly text (starts with a letter, holds only letters, digits, spaces
    /// and `. _ / + ( ) -`, and is no YAML keyword), otherwise double-quoted with escapes. Upstream text is kept as
    /// text, HTML included: the site escapes it.
    static func quoted(_ text: String) -> String {
        let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let plainSafe = text.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || " ._/+()-".unicodeScalars.contains(scalar)
        }
        if let first = text.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z"),
           plainSafe, !text.hasSuffix(" "), !text.contains("  "), !keywords.contains(text.lowercased()) {
            return text
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let category = scalar.properties.generalCategory
                if category == .control || category == .format || category == .lineSeparator || category == .paragraphSeparator
                    || category == .surrogate || category == .unassigned || scalar.value == 0x85 {
                    result += scalar.value <= 0xFFFF ? String(format: "\\u%04X", scalar.value) : String(format: "\\U%08X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
