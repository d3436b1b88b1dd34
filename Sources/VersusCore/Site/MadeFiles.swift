import Foundation

/// The files around the pages that the plan makes whole from the catalog: the sitemaps, robots.txt, the search
/// index, `_redirects`, the alias pages, the assets and the measurement files.
///
/// Making them reads every pair of the site (a sitemap entry and a redirect line each, and whether the pair is thin),
/// yet a price change almost never changes a byte of them. So they are kept with `key`, the fingerprint of exactly
/// what they read (`key(digest:inputs:templates:)`), and made again only when it changes: `versus build` keeps them
/// beside the manifest, `versus serve` in memory.
public struct MadeFiles: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var path: String
        public var data: Data
        public var fingerprint: Fingerprint
    }

    public let key: Fingerprint
    public let files: [File]

    init(key: Fingerprint, files: [(String, Data)]) {
        self.key = key
        self.files = files.map { File(path: $0.0, data: $0.1, fingerprint: Fingerprint.of($0.1)) }
    }

    private init(key: Fingerprint, made files: [File]) {
        self.key = key
        self.files = files
    }

    /// Everything the files are made from, and nothing else:
    /// - the generator, the site settings and which site pages exist (`PageInputs.base`);
    /// - every model's id, name and developer, and which pairs get a page (`PageInputs.roster`);
    /// - per model: its aliases, its review date, and what decides whether a pair of it is thin (a headline cost, a
    ///   context window, the results it reports on benchmarks the catalog defines);
    /// - each editorial's pair and title (alias pages and redirect stubs name the pair's title);
    /// - the benchmark ids, the dates of the newest price change and the months of the history (sitemap entries);
    /// - the measurement files as read, and the assets as the templates ship them.
    static func key(digest: CatalogDigest, inputs: PageInputs, templates: TemplateSet) -> Fingerprint {
        let catalog = digest.catalog
        var hasher = FingerprintHasher()
        hasher.add("made files 1")
        hasher.add(inputs.base)
        hasher.add(inputs.roster)
        for model in catalog.models {
            let digested = digest[model.id]
            hasher.add(model.id)
            hasher.add(model.aliases.map(\.id).joined(separator: "\n"))
            hasher.add(model.lastReviewed?.description ?? "")
            hasher.add(digested.headlineCost == nil ? "unpriced" : "priced")
            hasher.add(model.contextWindow == nil ? "no context window" : "context window")
            let reported = digested.results.filter { catalog.benchmarks[$0.value.benchmark] != nil }.keys.sorted()
            hasher.add(reported.joined(separator: "\n"))
        }
        for pair in catalog.editorials.keys.sorted() {
            hasher.add(pair.slug)
            hasher.add(catalog.editorials[pair]!.title ?? "")
        }
        hasher.add(catalog.benchmarks.keys.sorted().joined(separator: "\n"))
        if catalog.hasChangesPage {
            hasher.add(SitePlan.newestChange(catalog)?.description ?? "")
            hasher.add(HistoryChanges.months(catalog).joined(separator: "\n"))
        }
        for file in catalog.allMeasurements {
            hasher.add(file.measurement.model)
            hasher.add(file.measurement.fileName)
            hasher.add(file.measurement.date.description)
            hasher.add(file.text)
        }
        for (path, data) in templates.assets.sorted(by: { $0.0 < $1.0 }) {
            hasher.add(path)
            hasher.add(data)
        }
        return hasher.finish()
    }

    static let magic = "versus-made-files 1\n"

    /// The files as kept on disk: their key, each file's path, fingerprint and bytes, sealed with a checksum
    /// (`Sealed`), so a damaged file reads as none.
    public func serialized() -> Data {
        var writer = ByteWriter()
        writer.string(Self.magic)
        writer.string(key.hex)
        writer.int(files.count)
        for file in files {
            writer.string(file.path)
            writer.string(file.fingerprint.hex)
            writer.bytes(file.data)
        }
        return Sealed.seal(writer.data)
    }

    /// The files kept at `url`, or nil when there are none, or they do not decode or fail their checksum.
    public static func read(from url: URL) -> MadeFiles? {
        guard let data = try? Data(contentsOf: url), let body = Sealed.open(data) else { return nil }
        var reader = ByteReader(body)
        do {
            guard try reader.string() == magic, let key = Fingerprint(hex: try reader.string()) else { return nil }
            let files = try reader.list { reader -> File in
                let path = try reader.string()
                guard SitePath.isSafe(path), let fingerprint = Fingerprint(hex: try reader.string()) else { throw ByteReader.Malformed() }
                return File(path: path, data: try reader.bytes(), fingerprint: fingerprint)
            }
            guard reader.atEnd else { return nil }
            return MadeFiles(key: key, made: files)
        } catch {
            return nil
        }
    }

    /// Writes the files to `url` under a temporary name and renames them into place.
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(serialized(), to: url)
    }
}
