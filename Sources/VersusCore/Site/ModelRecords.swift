import Foundation

/// Each model's record fingerprint (`PageInputs.record`: the model as loaded, with the providers, benchmarks and
/// sources it names) as the last build computed it, under a key made of the bytes of every file it can come from.
/// Kept in `.versus/<manifest>.records`, so a rebuild encodes only the models whose files changed; the encoding of
/// every model is the costliest part of planning.
///
/// A model's key is a SHA-256 of the generator and of the digests (`InputSnapshot`) of its own files (`Content/models/
/// <id>.yaml` and each import layer's), those of every model it lists under `aliases`, and every other catalog file
/// a model's value or record can depend on: `site.yaml`, `sources.yaml`, `benchmarks.yaml`, providers, layers'
/// `source.yaml` and anything else not known to be unrelated (comparisons, change reports, measurements, price histories,
/// other models' files and templates are the only files left out). A change of any of those re-encodes every model.
public struct ModelRecords: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: Fingerprint
        public var record: Fingerprint
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The keys of every model of `catalog`, from the digests of the files of `snapshot` (paths relative to the site).
    public static func keys(_ catalog: Catalog, snapshot: InputSnapshot, generator: String) -> [String: Fingerprint] {
        var own: [String: [String]] = [:]
        var shared = FingerprintHasher()
        shared.add(generator)
        let content = CatalogLoader.contentFolder + "/"
        for path in snapshot.files.keys.sorted() {
            guard path.hasPrefix(content) else { continue }
            let parts = path.dropFirst(content.count).split(separator: "/", omittingEmptySubsequences: false)
            if let id = modelID(parts) {
                own[id, default: []].append(path)
            } else if !["comparisons", "changes", CatalogLoader.measurementsFolder].contains(parts.first.map(String.init) ?? ""),
                !isHistory(parts)
            {
                shared.add(path)
                shared.add(snapshot.files[path]!)
            }
        }
        let common = shared.finish()
        var keys: [String: Fingerprint] = [:]
        for model in catalog.models {
            var hasher = FingerprintHasher()
            hasher.add(common)
            for id in [model.id] + model.aliases.map(\.id) {
                hasher.add(id)
                for path in own[id] ?? [] {
                    hasher.add(path)
                    hasher.add(snapshot.files[path]!)
                }
            }
            keys[model.id] = hasher.finish()
        }
        return keys
    }

    /// `imports/<layer>/history/…` (inside `Content/`): price histories, which pages fingerprint on their own
    /// (`PageInputs.histories`) and no model's record reads.
    private static func isHistory(_ parts: [Substring]) -> Bool {
        parts.count >= 3 && parts[0] == Substring(CatalogLoader.importsFolder) && parts[2] == Substring(CatalogLoader.historyFolder)
    }

    /// `models/<id>.yaml` or `imports/<layer>/models/<id>.yaml` (inside `Content/`): the id.
    private static func modelID(_ parts: [Substring]) -> String? {
        let name: Substring
        if parts.count == 2, parts[0] == "models" {
            name = parts[1]
        } else if parts.count == 4, parts[0] == Substring(CatalogLoader.importsFolder), parts[2] == "models" {
            name = parts[3]
        } else {
            return nil
        }
        guard name.hasSuffix(".yaml") else { return nil }
        return String(name.dropLast(".yaml".count))
    }

    /// The records still good under `keys`.
    public func known(under keys: [String: Fingerprint]) -> [String: Fingerprint] {
        var known: [String: Fingerprint] = [:]
        for (id, key) in keys { if let entry = entries[id], entry.key == key { known[id] = entry.record } }
        return known
    }

    static let magic = "versus-records 1"

    public func serialized() -> Data {
        var text = "\(Self.magic)\n"
        for id in entries.keys.sorted() { text += "\(entries[id]!.key.hex)\t\(entries[id]!.record.hex)\t\(id)\n" }
        return Data(text.utf8)
    }

    /// Anything unreadable or malformed reads as no records (every model is encoded).
    public static func read(from url: URL) -> ModelRecords? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(magic) else { return nil }
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let key = Fingerprint(hex: String(fields[0])), let record = Fingerprint(hex: String(fields[1])) else {
                return nil
            }
            entries[String(fields[2])] = Entry(key: key, record: record)
        }
        return ModelRecords(entries: entries)
    }

    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(serialized(), to: url)
    }
}
