import Foundation

/// HTML that depends on one model alone, rendered once per model and set into each of its pair pages, so that the
/// template engine's per-page work stays with what the pair itself decides. Source numbers differ from page to
/// page, so a fragment carries `SourceTokens` and the order it cites its sources; the page numbers them.
/// A class: a pair page reads its two models' fragments many times, and copying the struct retained every field.
final class ModelFragments: Sendable {
    struct Fragment: Sendable {
        let html: String
        let cited: [SourceReference]
    }

    /// One model's column of a two-model table: its rendered cells, the sources they cite in order, and the whole
    /// table body rendered with this model on the left and stand-ins for the other model's cells on the right.
    struct Column: Sendable {
        let labels: [String]
        let cells: [String]
        let cited: [SourceReference]
        /// With the model on the left: each row rendered with stand-ins for the other model's cell.
        let leftRows: [String]
        /// Per row: the cell says only that the catalog has nothing (muted, no note). A row empty on both sides of
        /// a page is left out of it.
        let empty: [Bool]

        /// `labelStandIn`: a row whose label each page supplies (a stand-in numbered past the last cell in place of the
        /// label). `left`: whether the
        /// model is on the left of a page being made (the smaller id); only then are its rows needed.
        init(
            labels: [String], cells: [Cell], cited: [SourceReference], templates: TemplateSet, left: Bool,
            labelStandIn: Int? = nil
        ) {
            self.labels = labels
            let rendered = cells.map { templates.render($0, .cell) }
            self.cells = rendered
            self.cited = cited
            empty = cells.map { $0.muted && $0.note == nil && $0.refs.isEmpty }
            leftRows =
                !left
                ? []
                : labels.indices.map { index in
                    templates.render(
                        HTMLRow(
                            label: index == labelStandIn ? Placeholders.cell(labels.count) : labels[index], a: rendered[index],
                            b: Placeholders.cell(index)), .htmlRow)
                }
        }
    }

    /// The model's side of the monthly-cost section.
    struct Cost: Sendable {
        let card: Fragment
        /// A cell per traffic level of `site.yaml`.
        let levels: [String]
        let cached: String
        let hasCached: Bool
        let batch: String
        let hasBatch: Bool
    }

    /// The model's rows of the pair page's price table: its `pair_route_rows` cheapest routes.
    let routeRows: Fragment
    /// Routes left out of those rows, which the model page lists.
    let hiddenRoutes: Int
    /// The model's column of the decision scorecard.
    let scorecard: Column
    /// The model's column of the specifications table.
    let specs: Column
    /// The model's column of the capabilities table, in the site's capability order.
    let capabilities: Column
    let cost: Cost
    /// Links to the model's most related comparisons, with the other model's id: a page leaves out its own pair.
    let related: [(other: String, html: String)]
    /// A line for each figure of the model whose sources disagree, with every value and its source.
    let disputes: [String]
    /// How its cheapest pay-as-you-go price moved lately, from its price history (`PriceMoves`).
    let priceMove: PriceMoveLine?

    /// Fragments made before, as `FragmentStore` kept them.
    init(
        routeRows: Fragment, hiddenRoutes: Int, scorecard: Column, specs: Column, capabilities: Column, cost: Cost,
        related: [(other: String, html: String)], disputes: [String], priceMove: PriceMoveLine?
    ) {
        self.routeRows = routeRows
        self.hiddenRoutes = hiddenRoutes
        self.scorecard = scorecard
        self.specs = specs
        self.capabilities = capabilities
        self.cost = cost
        self.related = related
        self.disputes = disputes
        self.priceMove = priceMove
    }

    init(digest: ModelDigest, catalog: Catalog, tokens: SourceTokens, templates: TemplateSet, left: Bool = true) {
        let model = digest.model
        let routes = SiteRoutes(site: catalog.site)
        related = digest.related.prefix(PageInputs.relatedShown).compactMap { id in
            catalog.model(id).map { other in
                (
                    id,
                    templates.render(
                        Link(href: routes.pair(PairID(model.id, id)), label: "\(model.name) vs \(other.name)"),
                        .relatedLink)
                )
            }
        }
        var ledger = SourceLedger(catalog: catalog, tokens: tokens)
        let rows = RouteRows.rows(for: model, catalog: catalog, limit: catalog.site.pairRouteRows, ledger: &ledger)
        routeRows = Fragment(html: templates.render(RouteRowsView(routes: rows), .routeRows), cited: ledger.cited)
        hiddenRoutes = model.routes.count - rows.count

        cost = Self.cost(digest, catalog: catalog, tokens: tokens, templates: templates)

        var scoreLedger = SourceLedger(catalog: catalog, tokens: tokens)
        let scoreCells = ScorecardCells.cells(
            model, cheapestOutput: digest.cheapestOutput, unpriced: digest.unpriced,
            catalog: catalog, ledger: &scoreLedger)
        scorecard = Column(
            labels: scoreCells.map(\.0), cells: scoreCells.map(\.1),
            cited: scoreLedger.cited, templates: templates, left: left,
            labelStandIn: scoreCells.count - 1)

        var specLedger = SourceLedger(catalog: catalog, tokens: tokens)
        let specCells = SpecRows.cells(model, ledger: &specLedger)
        specs = Column(
            labels: specCells.map(\.0), cells: specCells.map(\.1),
            cited: specLedger.cited, templates: templates, left: left)
        disputes = Self.disputes(model, catalog: catalog)
        priceMove = PriceMoves.line(model, history: catalog.histories[model.id], catalog: catalog)
        let definitions = catalog.site.capabilities
        capabilities = Column(
            labels: definitions.map(\.name),
            cells: definitions.map { definition in
                let state = model.capability(definition.id)
                return Cell(state.label, muted: state == .notDocumented)
            }, cited: [], templates: templates, left: left)
    }

    /// A line for each figure whose sources disagree, with every value and who gives it.
    private static func disputes(_ model: Model, catalog: Catalog) -> [String] {
        let names = SourceLedger(catalog: catalog)
        func listed<T>(_ figure: Figure<T>, _ format: (T) -> String) -> String {
            Format.list(
                figure.values.map { value in
                    "\(Format.approx(value, format(value.value))) (\(value.source.map { names.sourceName($0) } ?? "no source"))"
                }, conjunction: "versus")
        }
        return model.figures.filter(\.isDisputed).map { figure in
            let label: String
            var format: (Decimal) -> String = Format.price
            switch figure.name {
            case .contextWindow: label = "context window"
            case .maxOutput: label = "max output"
            case .totalParameters: label = "total parameters"; format = Format.billions
            case .activeParameters: label = "active parameters"; format = Format.billions
            case let .route(provider, kind):
                label = "\(kind.rawValue) on \(catalog.providers[provider]?.name ?? provider)"
            case let .tier(provider, above, kind):
                label = "\(kind.rawValue) above \(Format.tokens(above)) tokens on \(catalog.providers[provider]?.name ?? provider)"
            case let .score(benchmark, _):
                label = catalog.benchmarks[benchmark]?.name ?? benchmark
                let unit = catalog.benchmarks[benchmark]?.unit ?? .score
                format = { Format.score($0, unit: unit) }
            }
            switch figure.values {
            case let .tokens(values): return "\(model.name), \(label): \(listed(values, Format.tokens))"
            case let .decimal(values): return "\(model.name), \(label): \(listed(values, format))"
            }
        }
    }

    private static func cost(_ digest: ModelDigest, catalog: Catalog, tokens: SourceTokens, templates: TemplateSet) -> Cost {
        let model = digest.model
        var ledger = SourceLedger(catalog: catalog, tokens: tokens)
        let card: PairPageView.CostCard
        if let quote = digest.headlineCost {
            let provider = catalog.providers[quote.provider]?.name ?? quote.provider
            // The amount is made of the route's input and output prices: cite the source of each value used.
            var refs = ledger.ref(quote.route.input?.primary.source ?? quote.route.source)
            refs += ledger.ref(quote.route.output?.primary.source ?? quote.route.source).filter { !refs.contains($0) }
            card = PairPageView.CostCard(
                name: model.name, amount: Format.money(quote.monthly),
                detail: quote.outputPrice == 0
                    ? "Cheapest pay-as-you-go route: \(provider), \(Format.price(quote.inputPrice)) per 1M input tokens; output not billed"
                    : "Cheapest pay-as-you-go route: \(provider), \(Format.price(quote.inputPrice)) in and \(Format.price(quote.outputPrice)) out per 1M tokens",
                refs: refs, unavailable: false,
                inputPrice: Format.number(quote.inputPrice, places: 6), outputPrice: Format.number(quote.outputPrice, places: 6))
        } else {
            card = PairPageView.CostCard(
                name: model.name, amount: digest.unpriced?.short, detail: digest.unpriced?.sentence ?? Format.notDocumented,
                refs: [], unavailable: true,
                inputPrice: nil, outputPrice: nil)
        }
        func cell(_ cell: Cell) -> String { templates.render(cell, .cell) }
        let quote = digest.headlineCost
        return Cost(
            card: Fragment(html: templates.render(card, .costCard), cited: ledger.cited),
            levels: digest.levelCosts.map {
                cell($0.map { Cell(Format.money($0.monthly)) } ?? Cell(digest.unpriced?.short ?? "Unavailable", muted: true))
            },
            cached: cell(quote?.monthlyAllCached.map { Cell(Format.money($0)) } ?? Cell("No cached-input price", muted: true)),
            hasCached: quote?.monthlyAllCached != nil,
            batch: cell(quote?.monthlyBatch.map { Cell(Format.money($0)) } ?? Cell("No batch price", muted: true)),
            hasBatch: quote?.monthlyBatch != nil)
    }

    /// Fragments of `ids`, made on all cores; table rows only for the models in `left`.
    static func make(
        for ids: Set<String>, left: Set<String>, digest: CatalogDigest, tokens: SourceTokens,
        templates: TemplateSet
    ) async -> [String: ModelFragments] {
        let catalog = digest.catalog
        let list = ids.sorted().compactMap { digest.digests[$0] }
        let made = await Parallel.map(list) { model in
            ModelFragments(digest: model, catalog: catalog, tokens: tokens, templates: templates, left: left.contains(model.model.id))
        }
        return Dictionary(uniqueKeysWithValues: zip(list.map(\.model.id), made))
    }
}

/// One model's side of the decision scorecard. The last row's label gets the pair's shared-benchmark count.
enum ScorecardCells {
    static func cells(
        _ model: Model, cheapestOutput: (price: Decimal, provider: String, source: SourceReference?)?, unpriced: Unpriced?,
        catalog: Catalog, ledger: inout SourceLedger
    ) -> [(String, Cell)] {
        func list(_ items: [String]) -> Cell { items.isEmpty ? .unknown : Cell(Format.list(items)) }
        var cheapest = Cell(
            model.productType.map { !$0.writesText } ?? false
                ? "Output not billed: it returns no text"
                : "No pay-as-you-go output price", muted: true)
        if let unpriced, !unpriced.freeOn.isEmpty || !unpriced.planOn.isEmpty { cheapest.note = unpriced.short.lowercased() }
        if let (price, provider, source) = cheapestOutput {
            cheapest = Cell(
                "\(Format.price(price)) / 1M tokens", refs: ledger.ref(source),
                note: "on \(catalog.providers[provider]?.name ?? provider)")
        }
        let routes = model.routes.count, results = model.benchmarkResults.count
        return [
            ("Product type", Cell(model.productType?.label ?? Format.notDocumented, muted: model.productType == nil)),
            ("Best for", list(model.bestFor)),
            ("Decision fit", list(model.decisionFit.map(\.label))),
            ("Context window", ledger.cell(model.contextWindow, Format.tokens)),
            ("Cheapest output price", cheapest),
            ("Provider routes", Cell(routes == 0 ? "None in the catalog" : "\(routes) route\(routes == 1 ? "" : "s")", muted: routes == 0)),
            ("Benchmarks reported", Cell(results == 0 ? "None in the catalog" : "\(results)", muted: results == 0)),
        ]
    }
}

/// A row of a two-model table whose cells are already HTML.
public struct HTMLRow: Sendable, TemplateView {
    public var label: String
    public var a: String
    public var b: String

    /// The body of a two-model table from two columns: the left model's pre-rendered rows with the right model's
    /// cells set in, sources cited in `ledger` (left column first) and numbered. `label` fills a row whose label the
    /// page supplies.
    static func body(
        _ a: ModelFragments.Column, _ b: ModelFragments.Column, ledger: inout SourceLedger,
        tokens: SourceTokens, label: String? = nil
    ) -> String {
        ledger.cite(a.cited)
        ledger.cite(b.cited)
        let escapedLabel = label.map(FastHTMLEscaping.escape)
        // A row that neither record fills says nothing: left out.
        var rows = ""
        for index in a.leftRows.indices where !(a.empty[index] && b.empty.indices.contains(index) && b.empty[index]) {
            rows += a.leftRows[index]
        }
        let html = Placeholders.replace(in: rows, open: 0x82, close: 0x83) { index in
            b.cells.indices.contains(index) ? b.cells[index] : index == b.cells.count ? escapedLabel : nil
        }
        return ledger.resolve(html, tokens: tokens)
    }
}

struct RouteRowsView: Sendable, TemplateView {
    var routes: [PairPageView.RouteRow]
}
