import Foundation
import Yams

/// Turns the bytes of a catalog file into a `YAMLNode`, or into diagnostics that say why it cannot.
///
/// Guards against hostile files before the YAML library sees them: size, encoding, NUL bytes and nesting
/// depth (the library recurses once per level), and refuses anchors and aliases (which could expand a
/// small file into a huge tree).
public enum YAMLParser {
    public static let maximumFileSize = 4 * 1024 * 1024
    public static let maximumDepth = 64

    public static func parse(_ data: Data, file: String) -> Result<YAMLNode?, DiagnosticsError> {
        let start = SourceLocation(file: file)
        if data.count > maximumFileSize {
            return .failure(DiagnosticsError([.error(
                start,
                "file is \(data.count / 1024 / 1024) MB; catalog files may be at most \(maximumFileSize / 1024 / 1024) MB",
                fix: "split it into smaller files, or check that this is really a catalog file")]))
        }
        if data.contains(0) {
            return .failure(DiagnosticsError([.error(start, "file contains NUL bytes: it is binary, not YAML text",
                                                     fix: "remove it from Content/ or save it as UTF-8 text")]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(DiagnosticsError([.error(start, "file is not valid UTF-8 text",
                                                     fix: "save it as UTF-8")]))
        }
        return parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) -> Result<YAMLNode?, DiagnosticsError> {
        if let (line, depth) = excessiveNesting(in: text) {
            return .failure(DiagnosticsError([.error(
                SourceLocation(file: file, line: line, column: 1),
                "nesting is more than \(maximumDepth) levels deep (at least \(depth) here)",
                fix: "catalog files need only a few levels; flatten this structure")]))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(DiagnosticsError([diagnostic(for: error, file: file)]))
        } catch {
            return .failure(DiagnosticsError([.error(SourceLocation(file: file), "cannot read YAML: \(error)")]))
        }
        guard let root else { return .success(nil) }
        var diagnostics: [Diagnostic] = []
        let node = convert(root, file: file, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        return .success(node)
    }

    private static func convert(_ node: Node, file: String, diagnostics: inout [Diagnostic]) -> YAMLNode {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case let .scalar(scalar):
            if scalar.anchor != nil { refuseAnchor(at: location, diagnostics: &diagnostics) }
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), at: location)
        case let .mapping(mapping):
            if mapping.anchor != nil { refuseAnchor(at: location, diagnostics: &diagnostics) }
            var entries: [YAMLEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyLocation = SourceLocation(file: file, line: key.mark?.line ?? location.line,
                                                 column: key.mark?.column ?? location.column)
                guard case let .scalar(keyScalar) = key else {
                    diagnostics.append(.error(keyLocation, "a key must be a plain word, not a list or mapping",
                                              fix: "write keys as `name: value`"))
                    continue
                }
                entries.append(YAMLEntry(key: keyScalar.string, keyLocation: keyLocation,
                                         value: convert(value, file: file, diagnostics: &diagnostics)))
            }
            return YAMLNode(.mapping(entries), at: location)
        case let .sequence(sequence):
            if sequence.anchor != nil { refuseAnchor(at: location, diagnostics: &diagnostics) }
            return YAMLNode(.sequence(sequence.map { convert($0, file: file, diagnostics: &diagnostics) }), at: location)
        case .alias:
            refuseAnchor(at: location, diagnostics: &diagnostics)
            return YAMLNode(.scalar("", plain: true), at: location)
        }
    }

    private static func refuseAnchor(at location: SourceLocation, diagnostics: inout [Diagnostic]) {
        let message = "YAML anchors and aliases (&name, *name) are not supported in the catalog"
        if !diagnostics.contains(where: { $0.location == location && $0.message == message }) {
            diagnostics.append(.error(location, message, fix: "write the value out where it is used"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "malformed YAML: \(problem)"
            if let context { message += " \(context.text)" }
            return .error(at(mark), message, fix: "check indentation, colons and quotes on this line or the one before")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return .error(at(context.mark), "key \(names) appears more than once in the same mapping",
                          fix: "keep one of them")
        case let .reader(problem, offset, _, _):
            return .error(SourceLocation(file: file), "cannot read file: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                          fix: "save it as UTF-8 text")
        default:
            return .error(SourceLocation(file: file), "cannot read YAML: \(error)")
        }
    }

    /// A cheap upper bound on nesting depth, computed line by line without parsing:
    /// indentation, leading `- ` markers and open flow brackets all add a level.
    static func excessiveNesting(in text: String) -> (line: Int, depth: Int)? {
        var flowDepth = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var indent = 0
            var markers = 0
            var quote: UInt8? = nil
            var atStart = true
            let bytes = Array(line.utf8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if atStart && byte == UInt8(ascii: " ") {
                    indent += 1
                } else if atStart && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?"))
                            && (index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ")) {
                    markers += 1
                } else {
                    atStart = false
                    switch byte {
                    case UInt8(ascii: "#"):
                        index = bytes.count
                        continue
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        quote = byte
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flowDepth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        flowDepth = max(0, flowDepth - 1)
                    default:
                        break
                    }
                }
                let depth = indent / 2 + markers + flowDepth
                if depth > maximumDepth { return (lineNumber, depth) }
                index += 1
            }
            quote = nil
        }
        return nil
    }
}
