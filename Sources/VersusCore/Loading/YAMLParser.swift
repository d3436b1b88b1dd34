import Foundation
import Synchronization
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
            return .failure(DiagnosticsError([tooLarge(start, size: data.count)]))
        }
        if data.contains(0) {
            return .failure(
                DiagnosticsError([
                    .error(
                        start, "file contains NUL bytes: it is binary, not YAML text",
                        fix: "remove it from Content/ or save it as UTF-8 text")
                ]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(
                DiagnosticsError([
                    .error(
                        start, "file is not valid UTF-8 text",
                        fix: "save it as UTF-8")
                ]))
        }
        return parse(text, file: file)
    }

    /// The error for a file above `maximumFileSize`; `size` nil when only that is known.
    static func tooLarge(_ location: SourceLocation, size: Int?) -> Diagnostic {
        let megabyte = 1024 * 1024, limit = maximumFileSize / megabyte
        // Whole megabytes, so a size that rounds down to the limit is written as "more than" it.
        let shown = size.map { $0 / megabyte > limit ? "\($0 / megabyte) MB" : "more than \(limit) MB" } ?? "more than \(limit) MB"
        return .error(
            location, "file is \(shown); catalog files may be at most \(limit) MB",
            fix: "split it into smaller files, or check that this is really a catalog file")
    }

    public static func parse(_ text: String, file: String) -> Result<YAMLNode?, DiagnosticsError> {
        if let standIn = StandIns.check(text, file: file) { return .failure(DiagnosticsError([standIn])) }
        if let (line, depth) = excessiveNesting(in: text) {
            return .failure(
                DiagnosticsError([
                    .error(
                        SourceLocation(file: file, line: line, column: 1),
                        "nesting is more than \(maximumDepth) levels deep (at least \(depth) here)",
                        fix: "catalog files need only a few levels; flatten this structure")
                ]))
        }
        return onLargeStack { compose(text, file: file) }
    }

    /// Stack for the thread that runs the YAML library. Yams builds its tree recursively, using a few kilobytes
    /// of stack per level, and libyaml allows 1,000 levels: more than the 512 KB of a secondary thread on macOS
    /// (or of Swift concurrency's threads), and nesting can hide from `excessiveNesting` behind a quoted text that
    /// spans lines. 1,000 levels need about 4 MB in a debug build.
    static let parserStackSize = 32 * 1024 * 1024

    /// Hands the parser thread's result back; the semaphore orders the two threads, the mutex makes that visible
    /// to the compiler as well.
    private final class Outcome: Sendable {
        let value = Mutex<Result<YAMLNode?, DiagnosticsError>?>(nil)
    }

    private static func onLargeStack(_ body: @escaping @Sendable () -> Result<YAMLNode?, DiagnosticsError>)
        -> Result<YAMLNode?, DiagnosticsError>
    {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = body()
            outcome.value.withLock { $0 = result }
            done.signal()
        }
        thread.stackSize = parserStackSize
        thread.start()
        done.wait()
        return outcome.value.withLock { $0 }!
    }

    private static func compose(_ text: String, file: String) -> Result<YAMLNode?, DiagnosticsError> {
        // The parser stays alive while the tree is converted: Yams holds node anchors weakly and the parser
        // owns them, so without it every anchor reads as nil and aliases go unnoticed.
        let parser: Parser
        let root: Node?
        do {
            // No implicit tags: every scalar is read as text by the decoders, and resolving tags runs several regular
            // expressions on every scalar.
            parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(DiagnosticsError([diagnostic(for: error, file: file, text: text)]))
        } catch {
            return .failure(DiagnosticsError([.error(SourceLocation(file: file), "cannot read YAML: \(error)")]))
        }
        guard let root else { return .success(nil) }
        var diagnostics: [Diagnostic] = []
        let node = withExtendedLifetime(parser) { convert(root, file: file, depth: 0, diagnostics: &diagnostics) }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        return .success(node)
    }

    private static func convert(_ node: Node, file: String, depth: Int, diagnostics: inout [Diagnostic]) -> YAMLNode {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        // The exact check behind `excessiveNesting`'s estimate; the tree handed on is never deeper than this.
        if depth > maximumDepth {
            let message = "nesting is more than \(maximumDepth) levels deep"
            if !diagnostics.contains(where: { $0.message == message }) {
                diagnostics.append(.error(location, message, fix: "catalog files need only a few levels; flatten this structure"))
            }
            return YAMLNode(.scalar("", plain: true), at: location)
        }
        // An alias comes back as its anchored node, so refusing every anchored node without descending into it
        // also keeps "billion laughs" files (aliases of aliases) from being walked in their expanded size.
        if node.anchor != nil {
            refuseAnchor(at: location, diagnostics: &diagnostics)
            return YAMLNode(.scalar("", plain: true), at: location)
        }
        switch node {
        case let .scalar(scalar):
            // A quoted text can write a stand-in as an escape ("\uE000"), which the raw-text check cannot see.
            if scalar.style == .doubleQuoted, let standIn = StandIns.check(scalar.string, file: file) {
                diagnostics.append(Diagnostic(.error, location, standIn.message, fix: standIn.fix))
            }
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), at: location)
        case let .mapping(mapping):
            var entries: [YAMLEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyLocation = SourceLocation(
                    file: file, line: key.mark?.line ?? location.line,
                    column: key.mark?.column ?? location.column)
                guard case let .scalar(keyScalar) = key else {
                    diagnostics.append(
                        .error(
                            keyLocation, "a key must be a plain word, not a list or mapping",
                            fix: "write keys as `name: value`"))
                    continue
                }
                entries.append(
                    YAMLEntry(
                        key: keyScalar.string, keyLocation: keyLocation,
                        value: convert(value, file: file, depth: depth + 1, diagnostics: &diagnostics)))
            }
            return YAMLNode(.mapping(entries), at: location)
        case let .sequence(sequence):
            return YAMLNode(
                .sequence(sequence.map { convert($0, file: file, depth: depth + 1, diagnostics: &diagnostics) }),
                at: location)
        case .alias:
            refuseAnchor(at: location, diagnostics: &diagnostics)
            return YAMLNode(.scalar("", plain: true), at: location)
        }
    }

    private static func refuseAnchor(at location: SourceLocation, diagnostics: inout [Diagnostic]) {
        let message = "YAML anchors and aliases (&name, *name) are not supported in the catalog"
        // One report per file is enough: a "billion laughs" file has an anchor on every line.
        if !diagnostics.contains(where: { $0.message == message }) {
            diagnostics.append(.error(location, message, fix: "write the value out where it is used"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return .error(
                    at(mark), "nesting is deeper than the YAML reader allows",
                    fix: "catalog files need only a few levels; flatten this structure")
            }
            var message = "malformed YAML: \(problem)"
            if let context {
                // libyaml's contexts read "while scanning …" and follow the problem; Yams's own precede it.
                message =
                    context.text.hasPrefix("while")
                    ? message + " \(context.text)"
                    : "malformed YAML: \(context.text) \(problem)"
            }
            if case .composer = error, problem.contains("another document") {
                return .error(at(mark), message, fix: "a catalog file holds one YAML document; remove this `---` line or split the file")
            }
            // A quote or bracket left open is only noticed at the end of the file; point at where it opens instead.
            if let context, at(mark) == endLocation(of: text, file: file), context.mark.line >= 1 {
                return .error(
                    at(context.mark), message + " (it is still open where the YAML ends)",
                    fix: "close the quote or bracket that starts here")
            }
            return .error(at(mark), message, fix: "check indentation, colons and quotes on this line or the one before")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map(Scalars.code).joined(separator: ", ")
            let first = at(context.mark)
            // Yams reports the first occurrence; the repeat is the one to remove, so point at it when it can be found.
            if duplicates.count == 1, let again = repeatedKey(duplicates[0], after: first, in: text) {
                return .error(
                    again, "key \(names) appears more than once in the same mapping (first at line \(first.line))",
                    fix: "keep one of them")
            }
            return .error(first, "key \(names) appears more than once in the same mapping", fix: "keep one of them")
        case let .reader(problem, offset, _, _):
            return .error(
                SourceLocation(file: file), "cannot read file: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                fix: "save it as UTF-8 text")
        default:
            return .error(SourceLocation(file: file), "cannot read YAML: \(error)")
        }
    }

    /// Where the YAML reader's position ends up after the last character of `text` (line and column count from 1).
    private static func endLocation(of text: String, file: String) -> SourceLocation {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The next line after `first` that writes `key:` at the same column, as a block mapping repeats a key;
    /// nil when the mapping ends first (a line indented less, or the next item of a list) or the key is not found.
    private static func repeatedKey(_ key: String, after first: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let column = first.column - 1
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            let content = line.drop(while: { $0 == " " })
            if content.isEmpty || content.first == "#" { continue }
            if line.count - content.count < column { return nil }
            var rest = String(String.UnicodeScalarView(line[column...]))
            for quote in ["\"", "'"] where rest.hasPrefix(quote + key + quote) {
                rest = key + rest.dropFirst(key.count + 2)
            }
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return SourceLocation(file: first.file, line: index + 1, column: first.column)
            }
        }
        return nil
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
                    && (index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " "))
                {
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
