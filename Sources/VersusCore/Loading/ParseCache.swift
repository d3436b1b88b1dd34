import Synchronization

/// The YAML of each catalog file a loader parsed, with the text it was parsed from, kept between loads by a process
/// that builds the same site again and again (`versus serve`). Every file is still read (a few milliseconds for the
/// whole models.dev catalog, and no change can be missed); a file whose text is the same is not parsed again.
public final class ParseCache: Sendable {
    struct Entry: Sendable {
        var text: String
        var result: Result<YAMLNode?, DiagnosticsError>
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    func parse(_ text: String, file path: String) -> Result<YAMLNode?, DiagnosticsError> {
        if let entry = entries.withLock({ $0[path] }), entry.text == text { return entry.result }
        let result = YAMLParser.parse(text, file: path)
        entries.withLock { $0[path] = Entry(text: text, result: result) }
        return result
    }
}
