import Foundation

/// Builders of the model, benchmark, home and 404 pages.
struct SitePageBuilder {
    let digest: CatalogDigest
    let routes: SiteRoutes
    /// Renders the rows a model page shares with pair pages.
    let templates: TemplateSet

    var catalog: Catalog { digest.catalog }
    var site: SiteSettings { catalog.site }

    func model(_ id: String) -> ModelPageView {
        let digest = digest[id]
        let model = digest.model
        var ledger = SourceLedger(catalog: catalog)
        let specs = SpecRows.cells(model, ledger: &ledger).map { Row1(label: $0.0, value: $0.1) }
        let capabilities = site.capabilities.map { definition in
            let state = model.capability(definition.id)
            return Row1(label: definition.name, value: Cell(state.label, muted: state == .notDocumented))
        }
        let routeRows = RouteRows.rows(for: model, catalog: catalog, ledger: &ledger)
        let results = model.benchmarkResults.compactMap { result -> ModelPageView.Result? in
            guard let benchmark = catalog.benchmarks[result.benchmark] else { return nil }
            return ModelPageView.Result(
                name: benchmark.name, href: routes.benchmark(benchmark.id), category: benchmark.category.label,
                variant: result.variant,
                score: ledger.cell(result.score) { Format.score($0, unit: benchmark.unit) }
                    .noting(result.reporter?.label))
        }.sorted { ($0.category, $0.name) < ($1.category, $1.name) }
        let selfHosting = SelfHostingRows.rows(for: model, ledger: &ledger)
        let measured = MeasuredRows.rows(for: model, catalog: catalog, routes: routes)
        let comparisons = catalog.models.filter { $0.id != id && digest_hasPair(id, $0.id) }.map { other in
            ModelPageView.Comparison(href: routes.pair(PairID(id, other.id)), other: other.name, otherDeveloper: other.developer)
        }
        var costDetail = (digest.unpriced?.sentence ?? Format.notDocumented) + "."
        if let quote = digest.headlineCost {
            costDetail =
                "Cheapest pay-as-you-go route at \(Format.millions(site.traffic.inputMillions)) input and \(Format.millions(site.traffic.outputMillions)) output tokens a month: \(catalog.providers[quote.provider]?.name ?? quote.provider)."
        }
        let description =
            "\(model.name) by \(model.developer): specifications, prices on \(model.routes.count) route\(model.routes.count == 1 ? "" : "s"), capabilities, benchmarks and comparisons."
        return ModelPageView(
            meta: routes.meta(
                title: PageTitles.model(model), description: description,
                path: routes.model(id), site: site, bodyClass: "model"),
            name: model.name, developer: model.developer, productType: model.productType?.label,
            reviewed: Phrases.reviewed([digest]), bestFor: model.bestFor, decisionFit: model.decisionFit.map(\.label),
            specs: specs, capabilities: capabilities,
            routeRowsHTML: templates.render(RouteRowsView(routes: routeRows), .routeRows), hasRoutes: !routeRows.isEmpty,
            headlineCost: digest.headlineCost.map { Format.money($0.monthly) }, headlineCostDetail: costDetail,
            results: results, hasResults: !results.isEmpty, selfHosting: selfHosting, measured: measured, hasMeasured: !measured.isEmpty,
            hasSelfHosting: !selfHosting.isEmpty || !measured.isEmpty, measurementsHref: measured.isEmpty ? nil : routes.measurements,
            comparisons: comparisons, sources: ledger.entries,
            priceHistory: catalog.histories[id].flatMap { PriceHistorySection.view(model, history: $0, catalog: catalog) })
    }

    private func digest_hasPair(_ a: String, _ b: String) -> Bool { digest.hasPair(PairID(a, b)) }

    func benchmark(_ id: String) -> BenchmarkPageView {
        let benchmark = catalog.benchmarks[id]!
        var ledger = SourceLedger(catalog: catalog)
        var scored: [(Model, BenchmarkResult)] = []
        for model in catalog.models {
            for result in model.benchmarkResults where result.benchmark == id { scored.append((model, result)) }
        }
        scored.sort {
            let l = $0.1.score.value, r = $1.1.score.value
            if l != r { return benchmark.higherIsBetter ? l > r : l < r }
            return ($0.0.id, $0.1.variant ?? "") < ($1.0.id, $1.1.variant ?? "")
        }
        var entries: [BenchmarkPageView.Entry] = []
        for (model, result) in scored {
            entries.append(
                BenchmarkPageView.Entry(
                    model: model.name, href: routes.model(model.id), developer: model.developer, variant: result.variant,
                    score: ledger.cell(result.score) { Format.score($0, unit: benchmark.unit) },
                    runBy: Format.reporter(result.reporter), date: Format.date(result.score.primary.date)))
        }
        let unit: String
        switch benchmark.unit {
        case .percent: unit = "Percent"
        case .score: unit = "Score"
        case .elo: unit = "Elo rating"
        }
        return BenchmarkPageView(
            meta: routes.meta(
                title: PageTitles.benchmark(benchmark),
                description:
                    "\(benchmark.name) results of \(entries.count) model\(entries.count == 1 ? "" : "s") in the catalog, with sources.",
                path: routes.benchmark(id), site: site, bodyClass: "benchmark"),
            name: benchmark.name, category: benchmark.category.label, unit: unit,
            direction: benchmark.higherIsBetter ? "Higher is better" : "Lower is better", url: benchmark.url,
            entries: entries, hasEntries: !entries.isEmpty, sources: ledger.entries)
    }

    func benchmarkIndex() -> BenchmarkIndexView {
        let groups = Benchmark.Category.allCases.compactMap { category -> BenchmarkIndexView.Group? in
            let list = catalog.benchmarks.values.filter { $0.category == category }.sorted { $0.name < $1.name }
            guard !list.isEmpty else { return nil }
            return BenchmarkIndexView.Group(
                category: category.label,
                benchmarks: list.map { benchmark in
                    let count = catalog.models.filter { $0.benchmarkResults.contains { $0.benchmark == benchmark.id } }.count
                    return Link(href: routes.benchmark(benchmark.id), label: benchmark.name, note: "\(count) model\(count == 1 ? "" : "s")")
                })
        }
        return BenchmarkIndexView(
            meta: routes.meta(
                title: PageTitles.benchmarks, description: "Every benchmark in the catalog, grouped by what it measures.",
                path: routes.benchmarks, site: site, bodyClass: "benchmarks"),
            groups: groups)
    }

    func home(featured: [PairID]) -> HomeView {
        let cards = catalog.models.map { model -> HomeView.ModelCard in
            let digest = digest[model.id]
            return HomeView.ModelCard(
                id: model.id, name: model.name, href: routes.model(model.id), developer: model.developer,
                productType: model.productType?.label ?? Format.notDocumented,
                context: model.contextWindow.map { Format.tokens($0.value) } ?? Format.notDocumented,
                monthly: digest.headlineCost.map { Format.money($0.monthly) } ?? digest.unpriced?.short ?? "Unavailable",
                weights: model.openness?.label ?? Format.notDocumented)
        }
        let links = featured.compactMap { pair -> Link? in
            guard let a = catalog.model(pair.first), let b = catalog.model(pair.second) else { return nil }
            return Link(href: routes.pair(pair), label: "\(a.name) vs \(b.name)")
        }
        let traffic = site.traffic
        return HomeView(
            meta: routes.meta(
                title: PageTitles.home(site), description: site.description ?? "Comparisons of \(catalog.models.count) AI models.",
                path: routes.home, site: site, bodyClass: "home"),
            title: site.title, intro: site.description ?? "",
            trafficNote:
                "Monthly cost assumes \(Format.millions(traffic.inputMillions)) input and \(Format.millions(traffic.outputMillions)) output tokens on the cheapest pay-as-you-go route; free tiers and plans are not priced per token.",
            models: cards, featured: links, modelCount: catalog.models.count, pairCount: digest.pairs.count,
            pairCountText: Format.grouped(String(digest.pairs.count)),
            comparePrefix: "\(routes.base)/compare/")
    }

    func notFound() -> NotFoundView {
        NotFoundView(
            meta: routes.meta(
                title: PageTitles.notFound, description: "This page does not exist.", path: "\(routes.base)/404.html",
                site: site, noindex: true, bodyClass: "not-found"),
            homeHref: routes.home)
    }

    /// Pairs to feature on the home page: those with the most shared benchmarks, then with both models priced.
    func featuredPairs(limit: Int = 12) -> [PairID] {
        // The best `limit` by score, then by pair: kept sorted as the pairs go by, instead of sorting every pair.
        var best: [(PairID, Int)] = []
        best.reserveCapacity(limit + 1)
        func before(_ x: (PairID, Int), _ y: (PairID, Int)) -> Bool { x.1 != y.1 ? x.1 > y.1 : x.0 < y.0 }
        // Each model's result keys as sorted numbers and whether it is priced, taken once: a pair then counts its
        // shared results by merging two short lists, with no key hashed.
        let models = catalog.models
        let position = Dictionary(models.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var numbers: [String: Int] = [:]
        let results: [[Int]] = models.map { model in
            digest[model.id].results.keys.map { key in
                if let number = numbers[key] { return number }
                numbers[key] = numbers.count
                return numbers.count - 1
            }.sorted()
        }
        let priced = models.map { digest[$0.id].headlineCost != nil }
        func shared(_ a: [Int], _ b: [Int]) -> Int {
            var (i, j, count) = (0, 0, 0)
            while i < a.count && j < b.count {
                if a[i] == b[j] {
                    count += 1
                    i += 1
                    j += 1
                } else if a[i] < b[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            return count
        }
        for pair in digest.pairs {
            guard let a = position[pair.first], let b = position[pair.second] else { continue }
            var score = shared(results[a], results[b]) * 2
            if priced[a] && priced[b] { score += 3 }
            if !catalog.editorials.isEmpty, catalog.editorials[pair] != nil { score += 10 }
            let entry = (pair, score)
            if best.count == limit, let last = best.last, !before(entry, last) { continue }
            let index = best.firstIndex { before(entry, $0) } ?? best.count
            best.insert(entry, at: index)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.0)
    }
}
