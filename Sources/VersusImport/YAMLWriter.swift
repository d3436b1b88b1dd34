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

    /// A route's or tier's four per-token prices under the catalog's keys, in the catalog's order; nil leaves one out.
    mutating func addPrices(input: YAMLValue?, output: YAMLValue?, cachedInput: YAMLValue?, cacheWrite: YAMLValue?) {
        add("input", input)
        add("output", output)
        add("cached_input", cachedInput)
        add("cache_write", cacheWrite)
    }
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

    static func number(_ value: Decimal) -> String { YAMLScalars.number(value) }

    static func quoted(_ text: String) -> String { YAMLScalars.quoted(text) }
}
