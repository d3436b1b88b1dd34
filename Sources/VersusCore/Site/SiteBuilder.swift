import Foundation

/// Stages 3–7 of the pipeline: plan pages, analyse pairs, build view models, render and write.
public struct SiteBuilder: Sendable {
    public struct Report: Sendable {
        public var pairPages: Int
        public var otherPages: Int
        public var files: Int
        public var pages: Int { pairPages + otherPages }
    }

    public let catalog: Catalog
    public let templates: TemplateSet

    public init(catalog: Catalog, templates: TemplateSet) {
        self.catalog = catalog
        self.templates = templates
    }

    /// Builds the whole site into `output` (staged, then swapped in). Throws without touching `output` on failure.
    public func build(into output: URL) async throws -> Report {
        let writer = SiteWriter(output: output)
        try writer.begin()
        do {
            let report = try await write(with: writer)
            try writer.commit()
            return report
        } catch {
            writer.abandon()
            throw error
        }
    }

    func write(with writer: SiteWriter) async throws -> Report {
        let digest = CatalogDigest(catalog)
        let routes = SiteRoutes(site: catalog.site)
        let markdown = MarkdownRenderer(allowRawHTML: catalog.site.allowRawHTML)
        let pairBuilder = PairPageBuilder(digest: digest, routes: routes, markdown: markdown)
        let pages = SitePageBuilder(digest: digest, routes: routes)
        let templates = self.templates

        // Pair pages: the bulk of the work, spread over all cores and written as they are made.
        let pairs = digest.pairs
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (pairs.count + workers * 4 - 1) / (workers * 4))
        var noindex = Set<PairID>()
        try await withThrowingTaskGroup(of: [PairID].self) { group in
            for start in stride(from: 0, to: pairs.count, by: chunk) {
                let slice = pairs[start..<min(start + chunk, pairs.count)]
                group.addTask {
                    var hidden: [PairID] = []
                    for pair in slice {
                        let view = pairBuilder.build(PairAnalysis(pair: pair, digest: digest))
                        if view.meta.noindex { hidden.append(pair) }
                        try writer.write("compare/\(pair.slug)/index.html", templates.render(view, "pages/pair"))
                    }
                    return hidden
                }
            }
            for try await hidden in group { noindex.formUnion(hidden) }
        }

        var sitemap: [SiteFiles.Entry] = [SiteFiles.Entry(path: routes.home, lastModified: nil)]
        try writer.write("index.html", templates.render(pages.home(featured: pages.featuredPairs()), "pages/home"))
        for model in catalog.models {
            try writer.write("models/\(model.id)/index.html", templates.render(pages.model(model.id), "pages/model"))
            sitemap.append(SiteFiles.Entry(path: routes.model(model.id), lastModified: model.lastReviewed))
        }
        try writer.write("benchmarks/index.html", templates.render(pages.benchmarkIndex(), "pages/benchmarks"))
        sitemap.append(SiteFiles.Entry(path: routes.benchmarks, lastModified: nil))
        for id in catalog.benchmarks.keys.sorted() {
            try writer.write("benchmarks/\(id)/index.html", templates.render(pages.benchmark(id), "pages/benchmark"))
            sitemap.append(SiteFiles.Entry(path: routes.benchmark(id), lastModified: nil))
        }
        try writer.write("404.html", templates.render(pages.notFound(), "pages/404"))
        for pair in pairs where !noindex.contains(pair) {
            let reviewed = [digest[pair.first].model.lastReviewed, digest[pair.second].model.lastReviewed].compactMap { $0 }.min()
            sitemap.append(SiteFiles.Entry(path: routes.pair(pair), lastModified: reviewed))
        }
        let sitemaps = SiteFiles.sitemaps(sitemap, routes: routes)
        for (name, text) in sitemaps { try writer.write(name, text) }
        try writer.write("robots.txt", SiteFiles.robots(routes: routes))
        try writer.write("_redirects", SiteFiles.redirects(pairs, routes: routes))
        for (path, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try writer.write("assets/\(path)", data)
        }
        let others = 3 + catalog.models.count + catalog.benchmarks.count
        return Report(pairPages: pairs.count, otherPages: others,
                      files: pairs.count + others + sitemaps.count + 2 + templates.assets.count)
    }
}
