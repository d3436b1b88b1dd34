import Foundation
import Synchronization

/// The YAML tree of each catalog file a loader parsed, kept so that a file whose bytes did not change is not parsed
/// again: in memory by a process that builds the same site again and again (`versus serve`), and, when given a
/// folder, on disk between runs (`versus build` keeps it in `.versus/parses/`). Every file is still read, and its
/// key made from its path and its whole text, so no change can be missed.
///
/// On disk, each tree is a file named by its key (`YAMLNodeCoding`): a hit reads one small file, a new parse writes
/// one, and `prune` removes the files no load since the last prune asked for. Only trees that parsed without an
/// error are kept; a file with a problem is parsed (and reported) every time. A stored file that does not decode is
/// parsed again and rewritten.
public final class ParseCache: Sendable {
    struct Entry: Sendable {
        var key: Fingerprint
        var result: Result<YAMLNode?, DiagnosticsError>
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Model files as decoded, in memory only: a model's decoding depends on its file's text and on whether an import
    /// layer holds a model of that id, nothing else.
    private let models = Mutex<[String: DecodedModel]>([:])

    struct DecodedModel: Sendable {
        var key: Fingerprint
        var imported: Bool
        var model: Model?
        var diagnostics: [Diagnostic]
    }
    /// The keys the loads since the last `prune` asked for.
    private let used = Mutex<Set<Fingerprint>>([])
    private let folder: String?
    private let salt: String

    /// `folder`: where trees are kept between runs (nil: in memory only). `salt`: part of every key; the generator's
    /// identity, so that another build of `versus` never reads trees an older one wrote.
    public init(folder: URL? = nil, salt: String = "") {
        self.folder = folder?.standardizedFileURL.path
        self.salt = salt
    }

    func key(_ text: String, file path: String) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(salt)
        hasher.add(path)
        hasher.add(text)
        return hasher.finish()
    }

    func parse(_ text: String, file path: String) -> Result<YAMLNode?, DiagnosticsError> {
        let key = key(text, file: path)
        used.withLock { _ = $0.insert(key) }
        if let entry = entries.withLock({ $0[path] }), entry.key == key { return entry.result }
        if let stored = stored(key, file: path) {
            entries.withLock { $0[path] = Entry(key: key, result: .success(stored)) }
            return .success(stored)
        }
        let result = YAMLParser.parse(text, file: path)
        entries.withLock { $0[path] = Entry(key: key, result: result) }
        if let folder, case let .success(node) = result {
            if mkdir(folder, 0o755) == 0 || errno == EEXIST {
                // A tree that cannot be kept costs the next run a parse, not correctness.
                try? AtomicFile.write(YAMLNodeCoding.encode(node), to: URL(fileURLWithPath: folder + "/" + key.hex))
            }
        }
        return result
    }

    /// The model file at `path` (with `text`) parsed and decoded by `decode`, or as last decoded when neither the text
    /// nor `imported` changed since: the parse problems or the decoder's diagnostics, and the model if any.
    func model(
        _ text: String, file path: String, imported: Bool, decode: (YAMLNode?, inout [Diagnostic]) -> Model?
    ) -> (Model?, [Diagnostic]) {
        let key = key(text, file: path)
        if let kept = models.withLock({ $0[path] }), kept.key == key, kept.imported == imported {
            used.withLock { _ = $0.insert(key) }
            return (kept.model, kept.diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        var model: Model?
        switch parse(text, file: path) {
        case let .success(node): model = decode(node, &diagnostics)
        case let .failure(error): diagnostics = error.diagnostics
        }
        models.withLock { $0[path] = DecodedModel(key: key, imported: imported, model: model, diagnostics: diagnostics) }
        return (model, diagnostics)
    }

    /// The tree stored under `key`, if there is one and it decodes. An empty file is stored as a tree of nothing,
    /// so the double optional: nil when not stored.
    private func stored(_ key: Fingerprint, file path: String) -> YAMLNode?? {
        guard let folder, let data = FileManager.default.contents(atPath: folder + "/" + key.hex) else { return nil }
        do {
            return .some(try YAMLNodeCoding.decode(data, file: path))
        } catch {
            return nil
        }
    }

    /// Removes the stored trees that no load since the last prune asked for (files since edited or removed), and
    /// forgets in memory the files those loads did not read. Call it after a whole load, never during one.
    public func prune() {
        let keep = used.withLock { used in
            defer { used = [] }
            return Set(used.map(\.hex))
        }
        entries.withLock { entries in entries = entries.filter { keep.contains($0.value.key.hex) } }
        models.withLock { models in models = models.filter { keep.contains($0.value.key.hex) } }
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !keep.contains(name) { unlink(folder + "/" + name) }
    }
}
