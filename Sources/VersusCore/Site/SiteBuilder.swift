import Foundation

/// How a build runs: where its state lives, whether to start over, and which share of the site to make.
public struct BuildOptions: Sendable {
    /// Where the manifest of the last build is kept. Without one, every build is a full build.
    public var manifest: URL?
    /// Ignore the manifest and build everything.
    public var clean: Bool
    /// Build only this share of the site.
    public var shard: Shard?
    /// Names the generator; part of every fingerprint, so a new version re-renders everything.
    public var generator: String
    /// Tests only: stop with an error after writing this many files, as a killed build would.
    var interruptAfter: Int?

    public init(manifest: URL? = nil, clean: Bool = false, shard: Shard? = nil, generator: String = Generator.identity) {
        self.manifest = manifest
        self.clean = clean
        self.shard = shard
        self.generator = generator
    }
}

public enum Generator {
    public static let version = "0.4.0"
    public static let identity = "versus \(version)"
}

/// Stages 3–7 of the pipeline: plan pages, analyse pairs, build view models, render and write.
public struct SiteBuilder: Sendable {
    public struct Report: Sendable {
        /// Pair pages and other pages of the site (or of the shard).
        public var pairPages: Int
        public var otherPages: Int
        /// Every file of the site or shard: pages plus sitemap, robots, redirects and assets.
        public var files: Int
        /// Files made and written by this build, files left as they were, files removed.
        public var rendered: Int
        public var unchanged: Int
        public var deleted: Int
        /// True when the whole output was made anew (no usable manifest, `--clean`, or a first build).
        public var full: Bool
        /// The paths this build wrote, sorted: what tests count.
        public var renderedPaths: [String]
        public var deletedPaths: [String]
        public var pages: Int { pairPages + otherPages }
    }

    public let catalog: Catalog
    public let templates: TemplateSet

    public init(catalog: Catalog, templates: TemplateSet) {
        self.catalog = catalog
        self.templates = templates
    }

    /// Builds the site into `output`. A full build is staged beside the output and swapped in, so a failure leaves
    /// the previous output as it was; an incremental build rewrites only the files whose fingerprint changed, each
    /// under a temporary name renamed into place, and keeps the manifest consistent if it is stopped half-way.
    public func build(into output: URL, options: BuildOptions = BuildOptions()) async throws -> Report {
        let digest = CatalogDigest(catalog)
        let plan = await SitePlan.make(digest: digest, templates: templates, generator: options.generator)
        let planned = plan.pages(in: options.shard)
        let header = "\(options.generator)\toutput=\(output.standardizedFileURL.path)\tshard=\(options.shard?.description ?? "all")"
        let target = Dictionary(planned.map { ($0.path, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        let previous = options.clean ? nil : options.manifest.flatMap(BuildManifest.read(from:))

        var report = Report(pairPages: planned.filter(\.isPair).count,
                            otherPages: 0, files: planned.count, rendered: 0, unchanged: 0, deleted: 0, full: true,
                            renderedPaths: [], deletedPaths: [])
        report.otherPages = planned.filter(\.isPage).count - report.pairPages

        if let previous, previous.header == header, FileManager.default.fileExists(atPath: output.path) {
            // Incremental: only what changed, or what is missing from the output.
            let writer = InPlaceWriter(output: output)
            let stale = planned.filter { previous.entries[$0.path] != $0.fingerprint || !writer.exists($0.path) }
            let gone = previous.entries.keys.filter { target[$0] == nil }.sorted()
            report.full = false
            report.renderedPaths = stale.map(\.path)
            report.deletedPaths = gone
            report.rendered = stale.count
            report.deleted = gone.count
            report.unchanged = planned.count - stale.count
            if stale.isEmpty && gone.isEmpty { return report }
            let renderer = await PageRenderer(digest: digest, templates: templates, for: stale)
            if let url = options.manifest {
                // First forget what is about to change: a build stopped from here on redoes those files.
                var pending = previous
                for page in stale { pending.entries[page.path] = nil }
                try pending.write(to: url)
            }
            if let limit = options.interruptAfter {
                try await renderer.render(Array(stale.prefix(limit)), concurrently: false) { try writer.write($0, $1) }
                throw Interrupted()
            }
            try await renderer.render(stale, concurrently: true) { try writer.write($0, $1) }
            for path in gone { try writer.remove(path) }
            if let url = options.manifest { try BuildManifest(header: header, entries: target).write(to: url) }
            return report
        }

        // Full: stage everything, swap it in, then record it.
        let renderer = await PageRenderer(digest: digest, templates: templates, for: planned)
        let writer = SiteWriter(output: output)
        try writer.begin()
        do {
            try await renderer.render(planned, concurrently: true) { try writer.write($0, $1) }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        if let url = options.manifest { try BuildManifest(header: header, entries: target).write(to: url) }
        report.renderedPaths = planned.map(\.path)
        report.rendered = planned.count
        return report
    }
}


/// What a build stopped by `BuildOptions.interruptAfter` throws.
struct Interrupted: Error, CustomStringConvertible {
    var description: String { "build interrupted" }
}
