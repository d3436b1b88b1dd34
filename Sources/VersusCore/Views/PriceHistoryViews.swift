import Foundation

/// A model page's price history: the chart of its cheapest pay-as-you-go prices, the same changes as text, and a
/// table of every change of every route, newest first, each citing its commit.
public struct PriceHistoryView: Sendable, TemplateView {
    /// One change of the cheapest price, as a sentence for the list beside the chart.
    public struct Step: Sendable, TemplateView {
        public var date: String
        public var text: String
    }

    public struct Change: Sendable, TemplateView {
        public var date: String
        public var input: String
        public var output: String
        public var cachedInput: String
        public var cacheWrite: String
        /// Long-context prices from this day ("Above 200K: $6.00 in, $22.50 out"), when the route's table has the column.
        public var longContext: String
        /// "Pay as you go", "Free tier", "Subscription plan", or that the route left models.dev.
        public var kind: String
        public var removed: Bool
        public var commitHref: String
        public var commit: String
    }

    public struct RouteTable: Sendable, TemplateView {
        public var provider: String
        public var modelID: String?
        public var summary: String
        /// Whether any change of the route set long-context prices: only then does its table have the column.
        public var hasLongContext: Bool
        public var changes: [Change]
    }

    public var chartSVG: String?
    public var summary: String
    public var steps: [Step]
    public var hasSteps: Bool
    public var routes: [RouteTable]
    public var repository: String
}

enum PriceHistorySection {
    static func view(_ model: Model, history: PriceHistory, catalog: Catalog) -> PriceHistoryView? {
        let routes = history.routes.filter { !$0.changes.isEmpty }
        guard !routes.isEmpty else { return nil }
        let trend = PriceTrend(history, providers: catalog.providers)
        func name(_ provider: String) -> String { catalog.providers[provider]?.name ?? provider }
        var steps: [PriceHistoryView.Step] = []
        var previous: PriceTrend.Step?
        for step in trend.steps {
            var parts: [String] = []
            for (side, word) in [(\PriceTrend.Step.input, "input"), (\PriceTrend.Step.output, "output")] {
                let before = previous?[keyPath: side], now = step[keyPath: side]
                if previous != nil, before?.value == now?.value, (before == nil) == (now == nil) { continue }
                if let now {
                    parts.append(
                        "cheapest \(word) \(Format.price(now.value)) per 1M tokens (\(name(now.provider)), models.dev commit \(now.commit.prefix(7)) of \(now.date))"
                    )
                } else {
                    parts.append("no pay-as-you-go \(word) price known")
                }
            }
            if !parts.isEmpty { steps.append(PriceHistoryView.Step(date: step.date.description, text: parts.joined(separator: "; "))) }
            previous = step
        }
        let tables = routes.sorted { (name($0.provider), $0.modelID ?? "") < (name($1.provider), $1.modelID ?? "") }.map { route in
            let provider = catalog.providers[route.provider]
            let changes = route.changes.reversed().map { point in
                func cell(_ value: Decimal?) -> String { point.removed ? "" : value.map(Format.price) ?? "Unknown" }
                return PriceHistoryView.Change(
                    date: point.date.description, input: cell(point.input), output: cell(point.output),
                    cachedInput: cell(point.cachedInput), cacheWrite: cell(point.cacheWrite),
                    longContext: point.removed ? "" : Self.longContext(point.tiers),
                    kind: Self.kind(point, provider: provider), removed: point.removed,
                    commitHref: history.commitURL(point.commit), commit: String(point.commit.prefix(7)))
            }
            let count = route.changes.count
            var summary =
                "\(name(route.provider))\(route.modelID.map { " (\($0))" } ?? ""): \(count) \(count == 1 ? "entry" : "entries") since \(route.changes[0].date)"
            if trend.leftOut.contains(PriceTrend.RouteKey(provider: route.provider, modelID: route.modelID)) {
                summary += "; left out of the cheapest price (once under half the median of the day's routes)"
            }
            return PriceHistoryView.RouteTable(
                provider: name(route.provider), modelID: route.modelID, summary: summary,
                hasLongContext: route.changes.contains { !$0.tiers.isEmpty }, changes: Array(changes))
        }
        let summary: String
        if let first = trend.steps.first, let end = trend.end {
            summary =
                "The cheapest pay-as-you-go price of \(model.name) over every route models.dev listed for it, routes since removed included, from \(first.date) to \(end), as models.dev's git history records it. Free tiers and plans are left out, and so is a route whose price was on some day under half the median of that day's routes (three or more), as in the headline costs."
        } else {
            summary =
                "No route of \(model.name) had a pay-as-you-go price in models.dev's git history, so there is no cheapest price to chart; the changes of each route follow."
        }
        return PriceHistoryView(
            chartSVG: PriceHistoryChart.svg(trend, modelName: model.name, id: "price-chart"), summary: summary, steps: steps,
            hasSteps: !steps.isEmpty, routes: tables, repository: history.repository)
    }

    /// A point's long-context prices, as the pair page's price table writes them; "None listed" when the commit
    /// gave the route none (models.dev had no long-context block for it then).
    static func longContext(_ tiers: [HistoryTier]) -> String {
        guard !tiers.isEmpty else { return "None listed" }
        return tiers.map { tier in
            "Above \(Format.tokens(tier.aboveTokens)): \(tier.input.map(Format.price) ?? "?") in, \(tier.output.map(Format.price) ?? "?") out"
        }.joined(separator: "; ")
    }

    /// How the route was sold from that day: its kind, or that it gave no price, or that it left.
    static func kind(_ point: HistoryPoint, provider: Provider?) -> String {
        if point.removed { return "Left models.dev (file removed or route deprecated)" }
        if point.input == nil && point.output == nil && point.priceKind == nil && provider?.priceKind == nil { return "No price given" }
        return point.kind(provider: provider).label
    }
}
