import Foundation
import Synchronization

/// Each model's pre-rendered parts (`ModelFragments`) under the key they were made for, kept from one build to the
/// next: `versus serve` holds them in memory, `versus build` in `.versus/<manifest>.fragments`. A one-price rebuild
/// re-renders the pair pages of one model, which need the fragments of every other model; with the store, only the
/// changed model's are made again.
///
/// A key (`PageInputs.fragmentKey`) hashes everything a model's fragments are made from: the generator and site
/// settings, the pair page's templates, the model's record (with the providers, benchmarks and sources it names), its
/// related models and their names, its price history, the list of source keys that source tokens number, and whether the model's table
/// rows are needed. Fragments whose key differs are made again; a store that does not decode is empty.
public final class FragmentStore: Sendable {
    struct Entry: Sendable {
        let key: Fingerprint
        let fragments: ModelFragments
    }

    private let state: Mutex<(entries: [String: Entry], changed: Bool)>

    public init() {
        state = Mutex(([:], false))
    }

    private init(entries: [String: Entry]) {
        state = Mutex((entries, false))
    }

    /// How many models' fragments the store holds.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Whether anything was kept since the store was made or read.
    public var changed: Bool { state.withLock { $0.changed } }

    /// The fragments of `id` if they were made under `key`.
    func fragments(of id: String, key: Fingerprint) -> ModelFragments? {
        state.withLock { state in state.entries[id].flatMap { $0.key == key ? $0.fragments : nil } }
    }

    /// The key `id`'s fragments were made under, if the store has them.
    func key(of id: String) -> Fingerprint? {
        state.withLock { $0.entries[id]?.key }
    }

    /// Keeps `made`, replacing what the store had for those models.
    func keep(_ made: [String: Entry]) {
        guard !made.isEmpty else { return }
        state.withLock { state in
            state.entries.merge(made) { _, new in new }
            state.changed = true
        }
    }

    /// Takes every entry of `other` this store lacks (`versus serve` starting from what the last build kept on
    /// disk: entries are keyed by what they were made from, so any that match are right).
    public func adopt(_ other: FragmentStore) {
        let entries = other.state.withLock { $0.entries }
        state.withLock { state in state.entries.merge(entries) { mine, _ in mine } }
    }

    /// Forgets models that are no longer in the catalog.
    func keepOnly(_ ids: Set<String>) {
        state.withLock { state in
            let before = state.entries.count
            state.entries = state.entries.filter { ids.contains($0.key) }
            if state.entries.count != before { state.changed = true }
        }
    }

    static let magic = "versus-fragments 2\n"

    public func serialized() -> Data {
        let entries = state.withLock { $0.entries }
        var writer = ByteWriter()
        writer.string(Self.magic)
        writer.int(entries.count)
        for id in entries.keys.sorted() {
            writer.string(id)
            writer.string(entries[id]!.key.hex)
            entries[id]!.fragments.write(to: &writer)
        }
        return writer.data
    }

    /// The store kept at `url`; an empty one when there is none or it does not decode.
    public static func read(from url: URL) -> FragmentStore {
        guard let data = try? Data(contentsOf: url) else { return FragmentStore() }
        var reader = ByteReader(data)
        do {
            guard try reader.string() == magic else { return FragmentStore() }
            let entries = try reader.list { reader in
                let id = try reader.string()
                guard let key = Fingerprint(hex: try reader.string()) else { throw ByteReader.Malformed() }
                return (id, Entry(key: key, fragments: try ModelFragments(reading: &reader)))
            }
            guard reader.atEnd else { return FragmentStore() }
            return FragmentStore(entries: Dictionary(entries, uniquingKeysWith: { _, last in last }))
        } catch {
            return FragmentStore()
        }
    }

    /// Writes the store to `url` under a temporary name and renames it into place.
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(serialized(), to: url)
        state.withLock { $0.changed = false }
    }
}
