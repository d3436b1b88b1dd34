import Foundation

/// One file of the site: where it goes, how to make it, and the fingerprint of what it is made from.
public struct PlannedPage: Sendable {
    public enum Kind: Sendable, Hashable {
        case pair(PairID)
        case model(String)
        case benchmark(String)
        case benchmarkIndex
        case home
        case notFound
        case changes
        /// `/changes/YYYY-MM/`: one earlier month of the price history (the latest month is on `/changes/`).
        case changesMonth(String)
        case changesFeed
        /// `/measurements/`: every file of `Content/measurements/`.
        case measurements
        /// A file whose bytes are cheaper to make than to track (sitemap, redirects, assets): made while planning.
        case file(Data)
    }

    public var path: String
    public var kind: Kind
    public var fingerprint: Fingerprint

    public var isPage: Bool {
        if case .file = kind { return false }
        return true
    }

    public var isPair: Bool {
        if case .pair = kind { return true }
        return false
    }
}

extension PlannedPage.Kind {
    /// The template that renders a page of this kind; nil for a file made while planning. Page fingerprints hash
    /// it; `PageRenderer` renders with the same `Rendered` constant (a test compares the two).
    var template: String? {
        switch self {
        case .pair: return Rendered.pairPage.name
        case .model: return Rendered.modelPage.name
        case .benchmark: return Rendered.benchmarkPage.name
        case .benchmarkIndex: return Rendered.benchmarkIndex.name
        case .home: return Rendered.home.name
        case .notFound: return Rendered.notFound.name
        case .changes, .changesMonth: return Rendered.changes.name
        case .changesFeed: return Rendered.changesFeed.name
        case .measurements: return Rendered.measurements.name
        case .file: return nil
        }
    }
}

/// A deterministic share of the site, for splitting one build over several machines: `index` of `count`, from 1.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}

/// Stage 3 of the pipeline: every file of the site, in path order, each with its fingerprint.
public struct SitePlan: Sendable {
    public let pages: [PlannedPage]
    /// The sitemaps and other files made whole from the catalog: the ones `kept` held when their key still matched.
    public let madeFiles: MadeFiles

    /// Each model's record fingerprint (`PageInputs.record`), by id.
    public let records: [String: Fingerprint]
    /// The fingerprints the pages were planned from (for the keys of `FragmentStore`).
    let inputs: PageInputs

    /// Plans the site, fingerprinting the models and then the pair pages on all cores. `known`: record fingerprints
    /// already known (`ModelRecords`); the other models are encoded. `kept`: the files around the pages as an earlier
    /// plan made them (`MadeFiles`), taken as they are when made from the same inputs.
    public static func make(
        digest: CatalogDigest, templates: TemplateSet, generator: String,
        known: [String: Fingerprint] = [:], kept: MadeFiles? = nil, memory: Remembered<PlannedPairs>? = nil
    ) async -> SitePlan {
        let records = await PageInputs.records(of: digest.catalog, known: known)
        PhaseLog.mark("plan: records")
        let inputs = PageInputs(digest: digest, templates: templates, generator: generator, records: records)
        PhaseLog.mark("plan: inputs")
        let key = MadeFiles.key(digest: digest, inputs: inputs, templates: templates)
        let reused = kept.flatMap { $0.key == key ? $0 : nil }
        PhaseLog.mark("plan: files key (\(reused == nil ? "made anew" : "kept"))")
        // Otherwise the sitemap and the small files are made while the pair pages are fingerprinted.
        async let made = reused ?? Self.files(digest, templates: templates, key: key)
        let pairPages = await Self.pairPages(digest, inputs: inputs, memory: memory)
        PhaseLog.mark("plan: pair pages")
        let files = await made
        PhaseLog.mark("plan: files")
        return SitePlan(digest: digest, templates: templates, inputs: inputs, pairPages: pairPages, files: files)
    }

    /// The files made whole from the catalog: sitemaps, robots, search index, redirects, assets.
    private static func files(_ digest: CatalogDigest, templates: TemplateSet, key: Fingerprint) -> MadeFiles {
        let catalog = digest.catalog
        let routes = SiteRoutes(site: catalog.site, hasChanges: catalog.hasChangesPage, hasMeasurements: !catalog.measurements.isEmpty)
        let thin = Set(digest.pairs.filter { digest.isThin($0) })
        return MadeFiles(
            key: key,
            files: Self.sitemap(digest, thin: thin, routes: routes) + Self.smallFiles(digest, templates: templates, routes: routes))
    }

    /// The date of the newest price change the catalog reports, or of the newest change in its price history.
    static func newestChange(_ catalog: Catalog) -> ISODate? {
        ([catalog.changes.first?.date] + catalog.histories.values.flatMap { $0.routes.map { $0.changes.last?.date } }).compactMap { $0 }
            .max()
    }

    /// Every pair page, fingerprinted on all cores; with `memory`, only those of models whose side changed since the
    /// last plan (`PlannedPairs`).
    private static func pairPages(_ digest: CatalogDigest, inputs: PageInputs, memory: Remembered<PlannedPairs>?) async -> [PlannedPage] {
        let catalog = digest.catalog
        let last = memory?.value.flatMap { last in
            last.pairBase == inputs.pairBase && last.editorials == catalog.editorials && last.pairs == digest.pairs ? last : nil
        }
        let pages: [PlannedPage]
        if let last {
            let changed = Set(inputs.sides.keys.filter { last.sides[$0] != inputs.sides[$0] })
            pages = await Parallel.map(Array(digest.pairs.indices)) { index in
                let pair = digest.pairs[index]
                guard changed.contains(pair.first) || changed.contains(pair.second) else { return last.pages[index] }
                return pairPage(pair, inputs: inputs, catalog: catalog)
            }
        } else {
            pages = await Parallel.map(digest.pairs) { pairPage($0, inputs: inputs, catalog: catalog) }
        }
        memory?.keep(
            PlannedPairs(
                pairs: digest.pairs, pairBase: inputs.pairBase, sides: inputs.sides, editorials: catalog.editorials, pages: pages))
        return pages
    }

    /// A pair page depends on each model's side (`PageInputs.pairSide`: its record, the links to its related
    /// models, its measurements and price history), and its editorial file.
    private static func pairPage(_ pair: PairID, inputs: PageInputs, catalog: Catalog) -> PlannedPage {
        let editorial = catalog.editorials.isEmpty ? nil : catalog.editorials[pair].map { CanonicalForm.fingerprint($0) }
        let fingerprint = inputs.pair(inputs.sides[pair.first]!, inputs.sides[pair.second]!, editorial: editorial)
        return PlannedPage(path: "compare/\(pair.slug)/index.html", kind: .pair(pair), fingerprint: fingerprint)
    }

    private init(digest: CatalogDigest, templates: TemplateSet, inputs: PageInputs, pairPages: [PlannedPage], files: MadeFiles) {
        let catalog = digest.catalog
        var pages = pairPages
        pages.reserveCapacity(digest.pairs.count + catalog.models.count + catalog.benchmarks.count + 16)
        pages += Self.modelPages(catalog, inputs: inputs)
        PhaseLog.mark("plan: model pages")
        pages += Self.benchmarkPages(catalog, inputs: inputs)
        PhaseLog.mark("plan: benchmark pages")
        pages += Self.sitePages(catalog, inputs: inputs)
        PhaseLog.mark("plan: site pages")
        for file in files.files { pages.append(PlannedPage(path: file.path, kind: .file(file.data), fingerprint: file.fingerprint)) }
        pages.sort { $0.path < $1.path }
        PhaseLog.mark("plan: sorted")
        self.pages = pages
        self.madeFiles = files
        self.records = inputs.records
        self.inputs = inputs
    }

    /// A model page shows the model's record, every other model (the roster) and its measurements.
    private static func modelPages(_ catalog: Catalog, inputs: PageInputs) -> [PlannedPage] {
        catalog.models.map { model in
            PlannedPage(
                path: "models/\(model.id)/index.html", kind: .model(model.id),
                fingerprint: inputs.page(
                    .model(model.id),
                    [
                        inputs.records[model.id]!, inputs.roster, inputs.measured(model.id), inputs.history(model.id),
                    ]))
        }
    }

    /// A leaderboard per benchmark, and the index of them all.
    private static func benchmarkPages(_ catalog: Catalog, inputs: PageInputs) -> [PlannedPage] {
        // A leaderboard shows, for each model that reports the benchmark, its name, developer and results there. A
        // model's results and their sources are encoded once, all together (one encoding per result cost more than
        // the rest of planning these pages): a change of one of its scores re-renders each leaderboard it is on.
        var reporters: [String: FingerprintHasher] = [:]
        var reporterCounts: [String: Int] = [:]
        for model in catalog.models where !model.benchmarkResults.isEmpty {
            var results = FingerprintHasher()
            results.add(CanonicalForm.data(model.benchmarkResults))
            let sources = Set(model.benchmarkResults.flatMap { $0.score.values.compactMap { $0.source?.key } }).sorted()
            results.add(CanonicalForm.data(sources.map { catalog.sources[$0] }))
            let fingerprint = results.finish()
            for id in Set(model.benchmarkResults.map(\.benchmark)).sorted() {
                reporterCounts[id, default: 0] += 1
                reporters[id, default: FingerprintHasher()].add(model.id)
                reporters[id]!.add(model.name)
                reporters[id]!.add(model.developer)
                reporters[id]!.add(fingerprint)
            }
        }
        var pages: [PlannedPage] = []
        var index = FingerprintHasher()
        for id in catalog.benchmarks.keys.sorted() {
            let definition = CanonicalForm.fingerprint(catalog.benchmarks[id]!)
            let board = reporters[id]?.finish() ?? Fingerprint.of(Data())
            // The index lists each benchmark with how many models report it.
            index.add(definition)
            index.add(String(reporterCounts[id] ?? 0))
            pages.append(
                PlannedPage(
                    path: "benchmarks/\(id)/index.html", kind: .benchmark(id),
                    fingerprint: inputs.page(.benchmark(id), [definition, board])))
        }
        pages.append(
            PlannedPage(
                path: "benchmarks/index.html", kind: .benchmarkIndex,
                fingerprint: inputs.page(.benchmarkIndex, [index.finish()])))
        return pages
    }

    /// The home page, the 404 page, and the changes and measurements pages when the catalog has what they list.
    private static func sitePages(_ catalog: Catalog, inputs: PageInputs) -> [PlannedPage] {
        var pages: [PlannedPage] = []
        var everything = FingerprintHasher()
        for model in catalog.models { everything.add(inputs.records[model.id]!) }
        for pair in catalog.editorials.keys.sorted() { everything.add(pair.slug) }
        pages.append(PlannedPage(path: "index.html", kind: .home, fingerprint: inputs.page(.home, [everything.finish(), inputs.roster])))
        pages.append(PlannedPage(path: "404.html", kind: .notFound, fingerprint: inputs.page(.notFound, [])))
        if catalog.hasChangesPage {
            // Change reports name models and providers: their names are part of what the page shows.
            var changes = FingerprintHasher()
            for report in catalog.changes { changes.add(CanonicalForm.data(report)) }
            for id in inputs.histories.keys.sorted() { changes.add(id); changes.add(inputs.histories[id]!) }
            for provider in catalog.providers.keys.sorted() { changes.add(provider); changes.add(catalog.providers[provider]!.name) }
            let reports = changes.finish()
            pages.append(
                PlannedPage(
                    path: "changes/index.html", kind: .changes,
                    fingerprint: inputs.page(.changes, [reports, inputs.roster])))
            pages.append(
                PlannedPage(
                    path: "changes/feed.xml", kind: .changesFeed,
                    fingerprint: inputs.page(.changesFeed, [reports, inputs.roster])))
            // Earlier months of the history, a page each: every page lists every month, so they share one fingerprint.
            for month in HistoryChanges.months(catalog).dropFirst() {
                pages.append(
                    PlannedPage(
                        path: "changes/\(month)/index.html", kind: .changesMonth(month),
                        fingerprint: inputs.page(.changesMonth(month), [reports, inputs.roster])))
            }
        }
        if !catalog.measurements.isEmpty {
            // The page shows each measurement with its model's name; the files are published as they were read.
            var all = FingerprintHasher()
            for id in catalog.measurements.keys.sorted() {
                all.add(inputs.measured(id))
                all.add(catalog.model(id)?.name ?? id)
            }
            pages.append(
                PlannedPage(
                    path: "measurements/index.html", kind: .measurements,
                    fingerprint: inputs.page(.measurements, [all.finish()])))
        }
        return pages
    }

    /// The sitemap files: every page a search engine should index (thin pairs left out), with its review date.
    private static func sitemap(_ digest: CatalogDigest, thin: Set<PairID>, routes: SiteRoutes) -> [(String, Data)] {
        let catalog = digest.catalog
        var sitemap: [SiteFiles.Entry] = [SiteFiles.Entry(path: routes.home, lastModified: nil)]
        for model in catalog.models { sitemap.append(SiteFiles.Entry(path: routes.model(model.id), lastModified: model.lastReviewed)) }
        sitemap.append(SiteFiles.Entry(path: routes.benchmarks, lastModified: nil))
        if catalog.hasChangesPage {
            sitemap.append(SiteFiles.Entry(path: routes.changes, lastModified: newestChange(catalog)))
            for month in HistoryChanges.months(catalog).dropFirst() {
                sitemap.append(SiteFiles.Entry(path: routes.changesMonth(month), lastModified: nil))
            }
        }
        if !catalog.measurements.isEmpty {
            sitemap.append(SiteFiles.Entry(path: routes.measurements, lastModified: catalog.allMeasurements.map(\.measurement.date).max()))
        }
        for id in catalog.benchmarks.keys.sorted() { sitemap.append(SiteFiles.Entry(path: routes.benchmark(id), lastModified: nil)) }
        sitemap.reserveCapacity(sitemap.count + digest.pairs.count)
        for pair in digest.pairs where thin.isEmpty || !thin.contains(pair) {
            // The older of the two review dates, or the one there is.
            let a = digest[pair.first].model.lastReviewed, b = digest[pair.second].model.lastReviewed
            let reviewed = a.map { a in b.map { Swift.min(a, $0) } ?? a } ?? b
            sitemap.append(SiteFiles.Entry(path: routes.pair(pair), lastModified: reviewed))
        }
        return SiteFiles.sitemaps(sitemap, routes: routes)
    }

    /// The files around the pages: robots.txt, the search index, redirects (for hosts that read `_redirects` and as pages for those that
    /// do not), the assets, and the measurement files as they were read.
    private static func smallFiles(_ digest: CatalogDigest, templates: TemplateSet, routes: SiteRoutes) -> [(String, Data)] {
        let catalog = digest.catalog
        var files: [(String, Data)] = [("robots.txt", Data(SiteFiles.robots(routes: routes).utf8))]
        files.append((SearchIndex.path, SearchIndex.data(digest, routes: routes)))
        let aliases = AliasRedirects.redirects(digest, routes: routes)
        files.append(("_redirects", Data(SiteFiles.redirects(digest.pairs, routes: routes) + Array(AliasRedirects.lines(aliases).utf8))))
        for redirect in aliases {
            files.append(
                (
                    String(redirect.from.dropFirst(routes.base.count + 1)) + "index.html",
                    AliasRedirects.page(redirect, routes: routes, language: catalog.site.language)
                ))
        }
        for (path, data) in templates.assets.sorted(by: { $0.key < $1.key }) { files.append(("assets/\(path)", data)) }
        for file in catalog.allMeasurements {
            files.append(("measurements/\(file.measurement.model)/\(file.measurement.fileName)", Data(file.text.utf8)))
        }
        return files
    }

    /// The pages of one shard: every `count`-th page in path order, starting at `index`.
    public func pages(in shard: Shard?) -> [PlannedPage] {
        guard let shard, shard.count > 1 else { return pages }
        return pages.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
    }
}
