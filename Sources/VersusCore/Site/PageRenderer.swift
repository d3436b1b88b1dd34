import Foundation

/// Stages 4–6 for one planned file: analyse the pair, build the view model, render it with the templates.
struct PageRenderer: Sendable {
    let digest: CatalogDigest
    let templates: TemplateSet
    let pairs: PairPageBuilder
    let pages: SitePageBuilder
    let tokens: SourceTokens
    let routes: SiteRoutes
    /// Pre-rendered parts of the models whose pair pages this renderer makes.
    let fragments: [String: ModelFragments]
    /// How many models' fragments were made here rather than taken from a store.
    let fragmentsMade: Int
    /// The price-changes pages' days and months, made once when `list` has any of those pages.
    let changes: ChangesBuilder?

    /// A renderer for `list`: the parts of its pair pages that depend on one model are made here, once per model, or
    /// taken from `store` when they were made before under the same key (`inputs` gives the keys).
    init(
        digest: CatalogDigest, templates: TemplateSet, for list: [PlannedPage], inputs: PageInputs? = nil,
        store: FragmentStore? = nil
    ) async {
        self.digest = digest
        self.templates = templates
        let routes = SiteRoutes(
            site: digest.catalog.site, hasChanges: digest.catalog.hasChangesPage,
            hasMeasurements: !digest.catalog.measurements.isEmpty)
        self.routes = routes
        let tokens = SourceTokens(catalog: digest.catalog)
        self.tokens = tokens
        pairs = PairPageBuilder(
            digest: digest, routes: routes, markdown: MarkdownRenderer(allowRawHTML: digest.catalog.site.allowRawHTML),
            tokens: tokens, templates: templates)
        pages = SitePageBuilder(digest: digest, routes: routes, templates: templates)
        changes =
            list.contains {
                switch $0.kind {
                case .changes, .changesMonth, .changesFeed: true
                default: false
                }
            } ? ChangesBuilder(catalog: digest.catalog, routes: routes) : nil
        var needed = Set<String>(), left = Set<String>()
        for page in list {
            if case let .pair(pair) = page.kind {
                needed.insert(pair.first)
                needed.insert(pair.second)
                left.insert(pair.first)
            }
        }
        guard let inputs, let store else {
            fragments = await ModelFragments.make(for: needed, left: left, digest: digest, tokens: tokens, templates: templates)
            fragmentsMade = fragments.count
            return
        }
        let keys = Dictionary(
            uniqueKeysWithValues: needed.map { ($0, inputs.fragmentKey($0, tokens: tokens.fingerprint, left: left.contains($0))) })
        var found: [String: ModelFragments] = [:]
        for (id, key) in keys {
            // Fragments made with table rows serve a model that needs none as well.
            let kept =
                store.fragments(of: id, key: key)
                ?? (left.contains(id) ? nil : store.fragments(of: id, key: inputs.fragmentKey(id, tokens: tokens.fingerprint, left: true)))
            if let kept { found[id] = kept }
        }
        let made = await ModelFragments.make(
            for: needed.subtracting(found.keys), left: left, digest: digest, tokens: tokens, templates: templates)
        store.keep(
            made.reduce(into: [:]) { entries, item in entries[item.key] = FragmentStore.Entry(key: keys[item.key]!, fragments: item.value) }
        )
        fragments = found.merging(made) { _, new in new }
        fragmentsMade = made.count
    }

    /// The one made in `init`; made here for a page `init` was not told of.
    private var changesBuilder: ChangesBuilder { changes ?? ChangesBuilder(catalog: digest.catalog, routes: routes) }

    private func fragments(of id: String) -> ModelFragments {
        fragments[id] ?? ModelFragments(digest: digest[id], catalog: digest.catalog, tokens: tokens, templates: templates)
    }

    private func pairPage(_ pair: PairID) -> Data {
        // The builder asks for fragments many times; the closure holds just the two (not a copy of the renderer).
        let first = fragments(of: pair.first), second = fragments(of: pair.second), firstID = pair.first
        let view = pairs.build(PairAnalysis(pair: pair, digest: digest), fragments: { $0.id == firstID ? first : second })
        return templates.page(view, .pairPage)
    }

    func bytes(_ page: PlannedPage) -> Data {
        switch page.kind {
        case let .pair(pair): return pairPage(pair)
        case let .model(id): return templates.page(pages.model(id), .modelPage)
        case let .benchmark(id): return templates.page(pages.benchmark(id), .benchmarkPage)
        case .benchmarkIndex: return templates.page(pages.benchmarkIndex(), .benchmarkIndex)
        case .home: return templates.page(pages.home(featured: pages.featuredPairs()), .home)
        case .notFound: return templates.page(pages.notFound(), .notFound)
        case .changes: return templates.page(changesBuilder.page(), .changes)
        case let .changesMonth(month): return templates.page(changesBuilder.page(month: month), .changes)
        case .changesFeed: return templates.page(changesBuilder.feed(), .changesFeed)
        case .measurements: return templates.page(MeasurementsPageBuilder(catalog: digest.catalog, routes: routes).page(), .measurements)
        case let .file(data): return data
        }
    }

    /// Renders `list` on all cores, handing each file to `write` as soon as it is made; nothing is collected.
    /// Pages other than pair pages (model pages list every pair of their model, the home page lists every model)
    /// cost several pair pages each, so they go first, and the work is cut into small pieces: otherwise the last
    /// piece keeps one core busy while the others wait.
    func render(_ list: [PlannedPage], concurrently: Bool, write: @escaping @Sendable (String, Data) throws -> Void) async throws {
        let workers = concurrently ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let list = list.filter { !$0.isPair } + list.filter(\.isPair)
        let chunk = min(64, max(1, (list.count + workers * 8 - 1) / (workers * 8)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for start in stride(from: 0, to: list.count, by: chunk) {
                if running == workers * 2 { try await group.next(); running -= 1 }
                let slice = list[start..<min(start + chunk, list.count)]
                group.addTask {
                    for page in slice { try write(page.path, bytes(page)) }
                }
                running += 1
            }
            try await group.waitForAll()
        }
    }
}
