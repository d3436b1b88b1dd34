import VersusCore

/// One oddity of the imported data that did not stop the import: one line naming the file it came from.
public struct ImportWarning: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, relative to the checkout (`providers/vercel/models/kimi-k2.toml`).
    public var file: String
    /// Set when the place in the file is known (TOML syntax errors).
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ file: String, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.message = message
        self.line = line
        self.column = column
    }

    /// `file: warning: message`, or `file:line:column: warning: message`, always on one line.
    public var description: String {
        let place = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
        return "\(OneLine.text(place)): warning: \(OneLine.text(message))"
    }

    public static func < (lhs: ImportWarning, rhs: ImportWarning) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.message) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

/// Upstream text shown in a message: on one line, control characters made visible, long text shortened
/// (the catalog check's own rule, `Scalars.visible`, with a longer limit).
enum OneLine {
    static func text(_ text: String, limit: Int = 300) -> String { Scalars.visible(text, limit: limit) }

    /// Upstream text in double quotes for a message.
    static func quoted(_ text: String) -> String { "\"" + self.text(text, limit: 80) + "\"" }
}
