import Synchronization

/// The YAML of each catalog file a loader parsed, with the text it was parsed from, kept between loads by a process
/// that builds the same site again and again (`versus serve`). A file whose text is the same is not parsed again.
/// Told which files changed, a load does not even read the others: their text is taken as it was.
public final class ParseCache: Sendable {
    struct Entry: Sendable {
        var text: String
        var result: Result<YAMLNode?, DiagnosticsError>
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Paths (as the loader names them, `Content/models/a.yaml`) that may have changed since the last load; nil when
    /// that is not known, and every file is read.
    private let changed = Mutex<Set<String>?>(nil)

    public init() {}

    /// Files that changed since the last load, relative to the site folder; nil when not known.
    public func expect(changes paths: Set<String>?) {
        changed.withLock { $0 = paths }
    }

    /// The text last read from `path`, when it is known not to have changed since.
    func unchangedText(_ path: String) -> String? {
        guard let changed = changed.withLock({ $0 }), !changed.contains(path) else { return nil }
        return entries.withLock { $0[path]?.text }
    }

    func parse(_ text: String, file path: String) -> Result<YAMLNode?, DiagnosticsError> {
        if let entry = entries.withLock({ $0[path] }), entry.text == text { return entry.result }
        let result = YAMLParser.parse(text, file: path)
        entries.withLock { $0[path] = Entry(text: text, result: result) }
        return result
    }
}
