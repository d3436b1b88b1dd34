/// Splits a server-sent event stream into events as bytes arrive, whatever the network reads cut it into.
///
/// Follows the parts of the SSE format chat servers use: lines end in LF, CRLF or CR; `data:` is read with or
/// without the space after the colon; several `data:` lines of one event are joined with a newline; a blank line
/// ends an event; lines starting with `:` are comments (keep-alives) and skipped; other fields (`event:`, `id:`,
/// `retry:`) are ignored. The caller ends the stream on a `[DONE]` payload or when the bytes end, calling `finish()`
/// for an event the stream left without its blank line.
public struct SSEReader: Sendable {
    private var line: [UInt8] = []
    private var data: [String] = []
    private var hasData = false
    /// A CR was the last byte seen: a LF right after it belongs to the same line ending.
    private var afterCR = false

    public init() {}

    /// The payloads of the events completed by `bytes`.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        var events: [String] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                afterCR = byte == UInt8(ascii: "\r")
                if let event = endLine() { events.append(event) }
            } else {
                line.append(byte)
            }
        }
        return events
    }

    /// The event the stream ended in the middle of, if it had data.
    public mutating func finish() -> String? {
        if !line.isEmpty { _ = endLine() }
        return dispatch()
    }

    private mutating func endLine() -> String? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        let field = String(decoding: line[..<colon], as: UTF8.self)
        guard field == "data" else { return nil }
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        data.append(String(decoding: line[valueStart...], as: UTF8.self))
        hasData = true
        return nil
    }

    private mutating func dispatch() -> String? {
        guard hasData else { return nil }
        defer { data.removeAll(); hasData = false }
        return data.joined(separator: "\n")
    }
}

/// Splits newline-delimited JSON (Ollama's `/api/chat` stream) into lines as bytes arrive.
public struct LineReader: Sendable {
    private var line: [UInt8] = []

    public init() {}

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        var lines: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                let text = String(decoding: line, as: UTF8.self).trimmingWhitespace
                if !text.isEmpty { lines.append(text) }
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(byte)
            }
        }
        return lines
    }

    public mutating func finish() -> String? {
        defer { line.removeAll() }
        let text = String(decoding: line, as: UTF8.self).trimmingWhitespace
        return text.isEmpty ? nil : text
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
