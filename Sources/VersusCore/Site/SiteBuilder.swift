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
    /// What the build's inputs were (`InputSnapshot`), when known: with `records`, models whose files are unchanged
    /// take their record fingerprints from the last build instead of being encoded again.
    public var inputs: InputSnapshot?
    /// Where each model's record fingerprint is kept between builds (`ModelRecords`).
    public var records: URL?
    /// The records of this process's last build (`versus serve`): read instead of the file, kept instead of it.
    public var recordsMemory: Remembered<ModelRecords>?
    /// The pair pages of this process's last plan (`versus serve`): those of unchanged models are not fingerprinted again.
    public var planMemory: Remembered<PlannedPairs>?
    /// The site folder `inputs` were taken from: taken again after the build, records are kept only if they match
    /// (a file saved while the build read it could otherwise leave a record under the wrong key).
    public var site: URL?
    /// Model fragments kept in memory from earlier builds (`versus serve`); when nil, `fragmentFile` is read.
    public var fragments: FragmentStore?
    /// Where model fragments are kept between builds (`FragmentStore`): read before rendering, written after.
    public var fragmentFile: URL?
    /// Write `fragments` (kept in memory) to `fragmentFile` too when they changed: `versus serve`'s first build,
    /// so that the next serve starts from them.
    public var writeFragments = false
    /// The manifest this process last recorded (`versus serve`): not read back, its files not checked again.
    public var outputMemory: OutputMemory?
    /// Model digests of this process's last build (`versus serve`): an unchanged model is not digested again.
    public var digests: DigestMemory?
    /// The last build's manifest and the files of it the output lacks, taken while the catalog loaded
    /// (`versus build`); used when it was taken for this manifest and output, and the build is not `--clean`.
    public var outputCheck: Task<OutputCheck, Never>?
    /// `fragmentFile` as read while the catalog loaded (`versus build`); written back when it changed, as a store
    /// read here would be.
    public var fragmentsRead: Task<FragmentStore?, Never>?
    /// The files around the pages as this process last made them (`versus serve`); when nil, `madeFilesFile` is read.
    public var madeFiles: Remembered<MadeFiles>?
    /// Where those files are kept between builds (`MadeFiles`): read before planning, written when made anew.
    public var madeFilesFile: URL?
    /// `madeFilesFile` as read while the catalog loaded (`versus build`): not read again.
    public var madeFilesRead: Task<MadeFiles?, Never>?
    /// Tests only: stop with an error after writing this many files, as a killed build would.
    var interruptAfter: Int?

    public init(manifest: URL? = nil, clean: Bool = false, shard: Shard? = nil, generator: String = Generator.identity) {
        self.manifest = manifest
        self.clean = clean
        self.shard = shard
        self.generator = generator
    }
}

extension BuildOptions {
    /// The first line of the manifest: the generator, output folder and shard its entries belong to.
    public func header(output: URL) -> String {
        "\(generator)\toutput=\(output.standardizedFileURL.path)\tshard=\(shard?.description ?? "all")"
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
        /// Models whose pair-page fragments this build made (the others came from `FragmentStore`).
        public var fragmentsMade = 0
        public var pages: Int { pairPages + otherPages }
    }

    public let catalog: Catalog
    public let templates: TemplateSet

    public init(catalog: Catalog, templates: TemplateSet) {
        self.catalog = catalog
        self.templates = templates
    }

    /// Builds the site into `output`.
    ///
    /// Into a missing or empty folder, the site is written into a staging folder beside it and renamed into place. Over
    /// an existing site, the files to write (those whose fingerprint changed or that are missing; every file for a full
    /// build) are first made into spares beside the output (`SwapWriter`), where no reader sees them; only when all are
    /// made does the build forget them in the manifest, exchange each into place, remove what the site no longer has
    /// and record the new manifest. A build that fails before that leaves the output and the manifest as they were;
    /// one stopped while exchanging leaves files the manifest no longer vouches for, which the next build makes again.
    public func build(into output: URL, options: BuildOptions = BuildOptions()) async throws -> Report {
        let digest = CatalogDigest(catalog, memory: options.digests)
        PhaseLog.mark("digest")
        let keys = options.inputs.map { ModelRecords.keys(catalog, snapshot: $0, generator: options.generator) }
        // `--clean` trusts nothing the last build recorded, these included.
        var lastRecords = options.clean ? nil : options.recordsMemory?.value
        if !options.clean, lastRecords == nil, let read = options.records.flatMap(ModelRecords.read(from:)) {
            lastRecords = read
            options.recordsMemory?.keep(read)
        }
        let known = keys.flatMap { lastRecords?.known(under: $0) } ?? [:]
        PhaseLog.mark("model records (\(known.count) known)")
        // `--clean` makes these anew too.
        let readAhead = options.clean ? nil : await options.madeFilesRead?.value
        let kept =
            options.clean ? nil : options.madeFiles?.value ?? readAhead ?? options.madeFilesFile.flatMap(MadeFiles.read(from:))
        let plan = await SitePlan.make(
            digest: digest, templates: templates, generator: options.generator, known: known, kept: kept,
            memory: options.clean ? nil : options.planMemory)
        PhaseLog.mark("plan")
        if plan.madeFiles.key != kept?.key {
            // Right for these inputs whatever becomes of the pages; a file that cannot be written costs time only.
            if let memory = options.madeFiles {
                memory.keep(plan.madeFiles)
            } else if let url = options.madeFilesFile {
                try? plan.madeFiles.write(to: url)
            }
            PhaseLog.mark("made files kept")
        }
        defer {
            // Whatever became of the pages, these records are right for these inputs.
            if let keys, let url = options.records, known.count < keys.count {
                if let site = options.site, InputSnapshot.take(root: site) != options.inputs {
                    unlink(url.path)
                    options.recordsMemory?.keep(nil)
                } else {
                    let entries = keys.compactMap { id, key in plan.records[id].map { (id, ModelRecords.Entry(key: key, record: $0)) } }
                    let records = ModelRecords(entries: Dictionary(uniqueKeysWithValues: entries))
                    try? records.write(to: url)
                    options.recordsMemory?.keep(records)
                }
            }
        }
        let planned = plan.pages(in: options.shard)
        let header = options.header(output: output)
        let remembered = options.clean ? nil : options.manifest.flatMap { options.outputMemory?.manifest(at: $0) }
        let outputPath = output.standardizedFileURL.path
        let checked =
            options.clean ? nil : await options.outputCheck?.value.answering(manifest: options.manifest, output: outputPath)
        // Otherwise, which planned files the output holds, looked up while the manifest is read (both cores; the
        // reading is one).
        let lookUp = !options.clean && remembered == nil && checked == nil && options.manifest != nil && access(outputPath, F_OK) == 0
        async let presence = lookUp ? OutputFiles.present(planned.map(\.path), in: outputPath) : nil
        let stored: BuildManifest? =
            if let remembered { remembered } else if let checked { checked.manifest } else {
                options.manifest.flatMap(BuildManifest.read(from:))
            }
        // Until this build records its manifest, the disk is the only truth.
        options.outputMemory?.forget()
        let previous = options.clean ? nil : stored.flatMap { $0.header == header ? $0 : nil }
        // The plan's pages come sorted by path: the manifest is written in that order without sorting it again.
        let update = ManifestUpdate(planned: planned, header: header, previous: previous)
        PhaseLog.mark("manifest read")

        let pairPages = planned.reduce(0) { $0 + ($1.isPair ? 1 : 0) }
        var report = Report(
            pairPages: pairPages, otherPages: planned.reduce(0) { $0 + ($1.isPage ? 1 : 0) } - pairPages,
            files: planned.count, rendered: 0, unchanged: 0, deleted: 0, full: previous == nil,
            renderedPaths: [], deletedPaths: [])

        let manager = FileManager.default
        let existing = (try? manager.contentsOfDirectory(atPath: output.path)).map { !$0.isEmpty }
        if existing != true {
            // Nothing there yet: stage everything, rename it into place, then record it.
            let store = options.fragments ?? options.fragmentFile.map { _ in FragmentStore() }
            let renderer = await PageRenderer(digest: digest, templates: templates, for: planned, inputs: plan.inputs, store: store)
            let writer = SiteWriter(output: output)
            try writer.begin()
            do {
                try await renderer.render(planned, concurrently: true) { try writer.write($0, $1) }
                try writer.commit()
            } catch {
                writer.abandon()
                throw error
            }
            if let url = options.manifest { try record(update.manifest, at: url, order: update.order, options) }
            keep(store, options: options)
            report.fragmentsMade = renderer.fragmentsMade
            report.renderedPaths = planned.map(\.path)
            report.rendered = planned.count
            report.full = true
            return report
        }

        // Over an existing site: what changed, or is missing from the output; everything for a full build.
        let writer = SwapWriter(output: output)
        let looked = await presence
        let unchanged = update.unchanged
        let stale: [PlannedPage]
        if previous == nil {
            stale = planned
        } else if remembered != nil {
            // A manifest this process recorded vouches for its files: they are not looked up one by one.
            stale = planned.indices.filter { !unchanged[$0] }.map { planned[$0] }
        } else if let missing = checked?.missing {
            stale = planned.indices.filter { !unchanged[$0] || (!missing.isEmpty && missing.contains(planned[$0].path)) }.map {
                planned[$0]
            }
        } else {
            let present = looked ?? OutputFiles.present(planned.map(\.path), in: writer.output)
            stale = planned.indices.filter { !unchanged[$0] || !present[$0] }.map { planned[$0] }
        }
        let gone = update.gone
        report.renderedPaths = stale.map(\.path)
        report.rendered = stale.count
        report.unchanged = planned.count - stale.count
        PhaseLog.mark("stale files (\(stale.count))")
        if previous != nil && stale.isEmpty && gone.isEmpty {
            // Nothing was written: what the process remembered still holds.
            if let remembered, let url = options.manifest { options.outputMemory?.remember(remembered, at: url) }
            return report
        }

        try writer.prepare()
        // The new manifest's bytes are made while the pages are; written once they are in place.
        let manifestBytes =
            options.manifest == nil ? nil : Background.start { [update] in update.manifest.serialized(sortedPaths: update.order) }
        let fragmentsAhead = options.clean ? nil : await options.fragmentsRead?.value
        let store =
            options.fragments
            ?? options.fragmentFile.map { options.clean ? FragmentStore() : fragmentsAhead ?? FragmentStore.read(from: $0) }
        PhaseLog.mark("fragment store (\(store?.count ?? 0) models)")
        let renderer = await PageRenderer(digest: digest, templates: templates, for: stale, inputs: plan.inputs, store: store)
        PhaseLog.mark("fragments (\(renderer.fragmentsMade) made)")
        report.fragmentsMade = renderer.fragmentsMade
        try await renderer.render(stale, concurrently: true) { try writer.write($0, $1) }
        PhaseLog.mark("render")
        // The fragment store goes to its own file while the pages go into place.
        async let storeKept: Void = keep(store, options: options)

        // Everything is made. First forget what is about to change: a build stopped from here on redoes those files.
        if let url = options.manifest, stored != nil {
            if previous != nil {
                try BuildManifest.markPending(stale.map(\.path) + gone, manifest: url)
            } else {
                try BuildManifest(header: header).write(to: url)
            }
        }
        for (index, page) in stale.enumerated() {
            if let limit = options.interruptAfter, index == limit { throw Interrupted() }
            try writer.publish(page.path)
        }
        for path in gone { try writer.remove(path) }
        // A full build also removes whatever else the output holds: files of an earlier site, leftovers.
        let swept = previous == nil ? writer.sweep(keeping: Set(update.manifest.entries.keys)) : []
        report.deletedPaths = (gone + swept).sorted()
        report.deleted = report.deletedPaths.count
        PhaseLog.mark("publish")
        if let url = options.manifest, let bytes = await manifestBytes?.value {
            try BuildManifest.write(bytes, to: url)
            options.outputMemory?.remember(update.manifest, at: url)
        }
        PhaseLog.mark("manifest write")
        await storeKept
        PhaseLog.mark("fragment store write")
        return report
    }

    /// Writes the manifest of a finished build, and remembers it when the process keeps an `OutputMemory`.
    private func record(_ manifest: BuildManifest, at url: URL, order: [String]?, _ options: BuildOptions) throws {
        try manifest.write(to: url, sortedPaths: order)
        options.outputMemory?.remember(manifest, at: url)
    }

    /// Drops fragments of models no longer in the catalog and writes the store to its file, when it has one and
    /// anything changed. A store that cannot be written costs the next build time, not correctness.
    private func keep(_ store: FragmentStore?, options: BuildOptions) {
        guard let store else { return }
        store.keepOnly(Set(catalog.models.map(\.id)))
        if options.fragments == nil || options.writeFragments, let url = options.fragmentFile, store.changed { try? store.write(to: url) }
    }
}

/// What a build stopped by `BuildOptions.interruptAfter` throws.
struct Interrupted: Error, CustomStringConvertible {
    var description: String { "build interrupted" }
}
