import Foundation

/// A pair page's line about one model whose cheapest pay-as-you-go price moved in the last months of its price
/// history: which way, by how much, since when, and the commit of the last change.
public struct PriceMoveLine: Sendable, TemplateView {
    public var text: String
    public var commitHref: String
    public var commit: String
    public var date: String
}

enum PriceMoves {
    /// How far back a pair page looks for a move.
    static let windowDays = 180

    static func line(_ model: Model, history: PriceHistory?, catalog: Catalog) -> PriceMoveLine? {
        guard let history else { return nil }
        let trend = PriceTrend(history, providers: catalog.providers)
        var clauses: [String] = []
        var latest: PriceTrend.Movement?
        for (side, word) in [(\PriceTrend.Step.input, "input"), (\PriceTrend.Step.output, "output")] {
            guard let move = trend.movement(side, windowDays: windowDays), move.from > 0 else { continue }
            let change = (move.to - move.from) / move.from * 100
            let percent = Format.number(change < 0 ? -change : change, places: 0)
            // A move that rounds to 0% says nothing a reader can use.
            guard percent != "0" else { continue }
            let verb = change < 0 ? "fell" : "rose"
            clauses.append(
                "\(clauses.isEmpty ? "\(model.name)'s" : "its") cheapest pay-as-you-go \(word) price \(verb) \(percent)% since \(move.since) (\(Format.price(move.from)) to \(Format.price(move.to)) per 1M tokens)"
            )
            if latest.map({ move.lastChanged > $0.lastChanged }) ?? true { latest = move }
        }
        guard let latest, !clauses.isEmpty else { return nil }
        let cause = Self.cause(latest, history: history, catalog: catalog)
        return PriceMoveLine(
            text: clauses.joined(separator: ", and ") + "; last changed on \(latest.lastChanged)" + (cause.clause ?? ""),
            commitHref: history.commitURL(cause.commit), commit: String(cause.commit.prefix(7)),
            date: latest.lastChanged.description)
    }

    /// Why the cheapest price last changed, when it was not a price: the route that held the cheapest price left
    /// models.dev that day (", when AIHubMix's route left models.dev"), or stopped being sold per token. And the
    /// commit of that day's change: the one that removed or changed the route that held the price, else the one
    /// that set the new price.
    static func cause(_ move: PriceTrend.Movement, history: PriceHistory, catalog: Catalog) -> (clause: String?, commit: String) {
        if let replaced = move.replaced,
            let route = history.routes.first(where: { $0.provider == replaced.provider && $0.modelID == replaced.modelID }),
            let point = route.changes.last(where: { $0.date <= move.lastChanged }), point.date == move.lastChanged
        {
            let name = catalog.providers[route.provider]?.name ?? route.provider
            if point.removed { return (", when \(name)'s route left models.dev", point.commit) }
            if !point.isPayAsYouGo(provider: catalog.providers[route.provider]) {
                return (", when \(name) stopped selling it per token", point.commit)
            }
            if let holder = move.holder, holder.date == move.lastChanged { return (nil, holder.commit) }
            return (nil, point.commit)
        }
        return (nil, move.lastCommit)
    }
}
