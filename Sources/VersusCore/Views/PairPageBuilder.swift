import Foundation

/// Turns a `PairAnalysis` into the `PairPageView` the template renders.
struct PairPageBuilder: Sendable {
    let digest: CatalogDigest
    let routes: SiteRoutes
    let markdown: MarkdownRenderer
    let tokens: SourceTokens
    /// For the benchmark rows, rendered one by one (each row has few shapes; a table of them, very many).
    let templates: TemplateSet

    var catalog: Catalog { digest.catalog }
    var site: SiteSettings { catalog.site }

    /// The page's view model. `fragments` gives a model's pre-rendered parts.
    func build(_ analysis: PairAnalysis, fragments: (Model) -> ModelFragments) -> PairPageView {
        var ledger = SourceLedger(catalog: catalog)
        let a = analysis.a.model, b = analysis.b.model
        let editorial = catalog.editorials[analysis.pair]
        let heading = "\(a.name) vs \(b.name)"

        let tradeOffs = [Side.a, .b].map { side -> PairPageView.TradeOffList in
            let own = side == .a ? a : b, other = side == .a ? b : a
            let reasons = analysis.tradeOffs.reasons(side).map { Phrases.tradeOff($0, own: own, other: other) }
            return PairPageView.TradeOffList(name: own.name, reasons: reasons, isEmpty: reasons.isEmpty)
        }.filter { !$0.isEmpty }  // a card with nothing to say is left out
        let verdict = analysis.verdict.map { Phrases.verdict($0, a: a, b: b) }
        let shared = analysis.benchmarks.shared.count
        let scorecard = HTMLRow.body(
            fragments(a).scorecard, fragments(b).scorecard, ledger: &ledger, tokens: tokens,
            label: "Benchmarks reported" + (shared == 0 ? " (none shared)" : " (\(shared) shared)"))
        let cost = costSection(analysis, &ledger, fragments: fragments)
        let friction = [
            PairPageView.Friction(
                title: "Moving from \(a.name) to \(b.name)",
                items: Phrases.friction(analysis.friction.aToB, from: a, to: b, providers: catalog.providers)),
            PairPageView.Friction(
                title: "Moving from \(b.name) to \(a.name)",
                items: Phrases.friction(analysis.friction.bToA, from: b, to: a, providers: catalog.providers)),
        ]
        let specs = HTMLRow.body(fragments(a).specs, fragments(b).specs, ledger: &ledger, tokens: tokens)
        for model in [a, b] { ledger.cite(fragments(model).routeRows.cited) }
        let routeGroups = [a, b].map { model in
            let hidden = fragments(model).hiddenRoutes
            return PairPageView.RouteGroup(
                model: model.name, rowsHTML: ledger.resolve(fragments(model).routeRows.html, tokens: tokens),
                hasRows: !model.routes.isEmpty,
                more: hidden == 0 ? nil : "\(hidden) more route\(hidden == 1 ? "" : "s") on the \(model.name) page",
                modelHref: routes.model(model.id) + "#pricing")
        }
        let capabilities = HTMLRow.body(fragments(a).capabilities, fragments(b).capabilities, ledger: &ledger, tokens: tokens)
        let (groups, oneSided) = benchmarkRows(analysis, &ledger)
        let selfHosting = selfHostingRows(analysis, &ledger)
        let measured = [analysis.a.model, analysis.b.model].flatMap { MeasuredRows.rows(for: $0, catalog: digest.catalog, routes: routes) }
        let faq =
            FAQBuilder.questions(analysis, catalog: catalog)
            + (editorial?.faq ?? []).map {
                Question(question: $0.question, answer: $0.answer)
            }
        let reviewed = Phrases.reviewed([analysis.a, analysis.b])
        let framing = Phrases.framing(a: a, b: b)
        let description = "\(a.name) or \(b.name)? " + (verdict.first ?? framing)
        let noindex = digest.isThin(analysis.pair)
        let path = routes.pair(analysis.pair)

        return PairPageView(
            meta: routes.meta(
                title: PageTitles.pair(a, b, editorial: editorial), description: description,
                path: path, site: site, noindex: noindex, jsonLD: JSONLD.faqPage(faq), bodyClass: "pair"),
            a: head(a), b: head(b), heading: heading, framing: framing,
            reviewed: reviewed,
            verdict: verdict, tldr: editorial?.tldr ?? [], scorecard: scorecard, tradeOffs: tradeOffs, cost: cost,
            friction: friction, specs: specs, routeGroups: routeGroups, hasRoutes: !a.routes.isEmpty || !b.routes.isEmpty,
            capabilities: capabilities,
            benchmarkGroups: groups, hasSharedBenchmarks: !groups.isEmpty, oneSided: oneSided,
            chartSVG: BenchmarkChart.svg(rows: analysis.benchmarks.shared, a: a, b: b),
            selfHosting: selfHosting, measured: measured, hasMeasured: !measured.isEmpty,
            hasSelfHosting: !selfHosting.isEmpty || !measured.isEmpty,
            deepDive: DeepDive.paragraphs(analysis, catalog: catalog),
            editorialHTML: editorial.flatMap {
                $0.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : markdown.html($0.body)
            },
            whenToUse: (editorial?.whenToUse ?? []).map {
                PairPageView.WhenToUse(situation: $0.situation, choose: catalog.model($0.choose)?.name ?? $0.choose, why: $0.why)
            },
            faq: faq, related: related(analysis, fragments: fragments), sources: ledger.entries,
            disputes: fragments(a).disputes + fragments(b).disputes)
    }

    private func head(_ model: Model) -> PairPageView.ModelHead {
        PairPageView.ModelHead(
            id: model.id, name: model.name, developer: model.developer, href: routes.model(model.id),
            productType: model.productType?.label ?? Format.notDocumented)
    }

    private func costSection(
        _ analysis: PairAnalysis, _ ledger: inout SourceLedger,
        fragments: (Model) -> ModelFragments
    ) -> PairPageView.Cost {
        let traffic = site.traffic
        let fa = fragments(analysis.a.model).cost, fb = fragments(analysis.b.model).cost
        ledger.cite(fa.card.cited)
        ledger.cite(fb.card.cited)
        let cardsHTML = ledger.resolve(fa.card.html + fb.card.html, tokens: tokens)
        var summary: String
        let a = analysis.a.model, b = analysis.b.model
        if let cheaper = analysis.cost.cheaper, let difference = analysis.cost.difference {
            let low = cheaper == .a ? a : b, high = cheaper == .a ? b : a
            summary = "\(low.name) costs \(Format.money(difference)) less a month"
            if let ratio = analysis.cost.ratio { summary += "; \(high.name) costs \(Format.ratio(ratio)) as much" }
            summary += "."
        } else if !analysis.cost.comparable {
            summary = "\(a.name) and \(b.name) do different jobs, so their monthly costs are shown side by side but not ranked."
        } else if let x = analysis.cost.a?.monthly, let y = analysis.cost.b?.monthly {
            summary =
                Format.moneyValue(x) == Format.moneyValue(y)
                ? "Both cost the same at this traffic."
                : "The two cost within \(Format.number((ClaimRules.cheaperRatio - 1) * 100, places: 0))% of each other at this traffic, too close to call either cheaper."
        } else {
            let missing = [analysis.cost.a == nil ? a.name : nil, analysis.cost.b == nil ? b.name : nil].compactMap { $0 }
            summary =
                "No difference can be given until \(Format.list(missing)) \(missing.count == 1 ? "has" : "have") a pay-as-you-go price with both an input and an output price."
        }
        let levels = site.trafficLevels.enumerated().map { index, level in
            PairPageView.CostLevel(
                name: level.name, traffic: "\(Format.millions(level.inputMillions)) in + \(Format.millions(level.outputMillions)) out",
                a: fa.levels[index], b: fb.levels[index])
        }
        let moves = [fragments(a).priceMove, fragments(b).priceMove].compactMap { $0 }
        var variants: [HTMLRow] = []
        if fa.hasCached || fb.hasCached {
            variants.append(HTMLRow(label: "Every input token a cache hit", a: fa.cached, b: fb.cached))
        }
        if fa.hasBatch || fb.hasBatch {
            variants.append(HTMLRow(label: "All traffic through the batch API", a: fa.batch, b: fb.batch))
        }
        return PairPageView.Cost(
            trafficLabel:
                "\(Format.millions(traffic.inputMillions)) input and \(Format.millions(traffic.outputMillions)) output tokens a month",
            inputMillions: Format.number(traffic.inputMillions, places: 4),
            outputMillions: Format.number(traffic.outputMillions, places: 4),
            cardsHTML: cardsHTML, summary: summary, levels: levels, hasLevels: !levels.isEmpty, variants: variants,
            hasVariants: !variants.isEmpty, asOf: Self.pricesAsOf([analysis.a, analysis.b]), moves: moves, hasMoves: !moves.isEmpty)
    }

    /// "Prices as of 2026-06-10.": the newest date of a pay-as-you-go price of either model; empty when none is dated.
    static func pricesAsOf(_ digests: [ModelDigest]) -> String {
        digests.compactMap(\.newestPriceDate).max().map { "Prices as of \($0)." } ?? ""
    }

    private func benchmarkRows(_ analysis: PairAnalysis, _ ledger: inout SourceLedger)
        -> ([PairPageView.BenchmarkGroup], [PairPageView.OneSided])
    {
        let a = analysis.a.model, b = analysis.b.model
        func scoreCell(_ result: BenchmarkResult?, lead: Bool, unit: Benchmark.Unit) -> Cell {
            guard let result else { return Cell("Not reported", muted: true) }
            var cell = ledger.cell(result.score) { Format.score($0, unit: unit) }.noting(result.reporter?.label)
            cell.lead = lead
            return cell
        }
        func row(_ row: BenchmarkComparison.Row) -> PairPageView.BenchmarkRow {
            let unit = row.benchmark.unit
            let leader = row.leader.map { $0 == .a ? a.name : b.name } ?? row.noCall ?? ""
            return PairPageView.BenchmarkRow(
                name: row.benchmark.name, href: routes.benchmark(row.benchmark.id), variant: row.variant,
                a: scoreCell(row.a, lead: row.leader == .a, unit: unit),
                b: scoreCell(row.b, lead: row.leader == .b, unit: unit),
                leader: leader, gap: row.gap.map { Format.gap($0, unit: unit) } ?? "")
        }
        var groups: [PairPageView.BenchmarkGroup] = []
        for category in Benchmark.Category.allCases {
            let rows = analysis.benchmarks.shared.filter { $0.benchmark.category == category }
            if !rows.isEmpty {
                groups.append(
                    PairPageView.BenchmarkGroup(
                        category: category.label, rowsHTML: rows.map { templates.render(row($0), .benchmarkRow) }.joined()))
            }
        }
        var oneSided: [PairPageView.OneSided] = []
        if !analysis.benchmarks.onlyA.isEmpty {
            oneSided.append(
                PairPageView.OneSided(
                    name: a.name, rowsHTML: analysis.benchmarks.onlyA.map { templates.render(row($0), .oneSidedRow) }.joined()))
        }
        if !analysis.benchmarks.onlyB.isEmpty {
            oneSided.append(
                PairPageView.OneSided(
                    name: b.name, rowsHTML: analysis.benchmarks.onlyB.map { templates.render(row($0), .oneSidedRow) }.joined()))
        }
        return (groups, oneSided)
    }

    private func selfHostingRows(_ analysis: PairAnalysis, _ ledger: inout SourceLedger) -> [PairPageView.SelfHostingRow] {
        [analysis.a.model, analysis.b.model].flatMap { model in
            SelfHostingRows.rows(for: model, ledger: &ledger)
        }
    }

    private func related(_ analysis: PairAnalysis, fragments: (Model) -> ModelFragments) -> [PairPageView.RelatedGroup] {
        [analysis.a.model, analysis.b.model].map { model in
            let partner = model.id == analysis.pair.first ? analysis.pair.second : analysis.pair.first
            let links = fragments(model).related.filter { $0.other != partner }.prefix(6).map(\.html)
            return PairPageView.RelatedGroup(name: model.name, linksHTML: links.joined(), isEmpty: links.isEmpty)
        }.filter { !$0.isEmpty }
    }
}
