import Foundation

/// The part of the price-changes page that comes from the price histories: every change of every route, by day,
/// newest first, each citing its commit.
public struct HistoryDayView: Sendable, TemplateView {
    public struct Row: Sendable, TemplateView {
        public var model: String
        public var modelHref: String
        public var provider: String
        public var modelID: String?
        public var change: String
        public var commitHref: String
        public var commit: String
    }

    public var anchor: String
    public var date: String
    public var rows: [Row]
    /// The model pages the day touched, for the feed.
    public var pages: [String]
}

enum HistoryChanges {
    /// The months (`YYYY-MM`) with a change of a model the catalog has, newest first: the first is shown on
    /// `/changes/`, each other on a page of its own.
    static func months(_ catalog: Catalog) -> [String] {
        var months = Set<String>()
        for (id, history) in catalog.histories where catalog.model(id) != nil {
            for route in history.routes { for point in route.changes { months.insert(month(of: point.date)) } }
        }
        return months.sorted(by: >)
    }

    /// `2026-04` of `2026-04-29`.
    static func month(of date: ISODate) -> String {
        ISODate(year: date.year, month: date.month).description
    }

    /// Every change of every history, grouped by day, newest day first; in a day by model name, provider, route.
    static func days(_ catalog: Catalog, routes: SiteRoutes) -> [HistoryDayView] {
        var byDay: [ISODate: [(sort: String, row: HistoryDayView.Row, page: String)]] = [:]
        for (id, history) in catalog.histories {
            guard let model = catalog.model(id) else { continue }
            for route in history.routes {
                let provider = catalog.providers[route.provider]?.name ?? route.provider
                var previous: HistoryPoint?
                for point in route.changes {
                    let row = HistoryDayView.Row(
                        model: model.name, modelHref: routes.model(id), provider: provider, modelID: route.modelID,
                        change: describe(point, after: previous, provider: catalog.providers[route.provider]),
                        commitHref: history.commitURL(point.commit), commit: String(point.commit.prefix(7)))
                    byDay[point.date, default: []].append(
                        (model.name + "\u{0}" + provider + "\u{0}" + (route.modelID ?? ""), row, routes.model(id)))
                    previous = point
                }
            }
        }
        return byDay.keys.sorted(by: >).map { date in
            let entries = byDay[date]!.sorted { $0.sort < $1.sort }
            var seen = Set<String>()
            return HistoryDayView(
                anchor: "history-\(date)", date: date.description, rows: entries.map(\.row),
                pages: entries.map(\.page).filter { seen.insert($0).inserted })
        }
    }

    /// "Input $1 → $0.80, output $4 → $3.20", "Listed: input $1, output $4 (free tier)", "Left models.dev (file removed or route deprecated)".
    static func describe(_ point: HistoryPoint, after previous: HistoryPoint?, provider: Provider?) -> String {
        if point.removed { return "Left models.dev (file removed or route deprecated)" }
        func price(_ value: Decimal?) -> String { value.map(Format.price) ?? "unknown" }
        let kind = point.kind(provider: provider)
        let note = kind == .payAsYouGo ? "" : " (\(kind.label.lowercased()))"
        guard let previous, !previous.removed else {
            let lead = previous == nil ? "Listed" : "Back on models.dev"
            return "\(lead): input \(price(point.input)), output \(price(point.output))\(note)"
        }
        var parts: [String] = []
        for (name, old, new) in [
            ("input", previous.input, point.input), ("output", previous.output, point.output),
            ("cached input", previous.cachedInput, point.cachedInput), ("cache write", previous.cacheWrite, point.cacheWrite),
        ] where old != new {
            parts.append("\(name) \(price(old)) → \(price(new))")
        }
        if previous.tiers != point.tiers { parts.append("long-context prices changed") }
        if previous.kind(provider: provider) != kind { parts.append("now \(kind.label.lowercased())") }
        guard !parts.isEmpty else { return "Listed again, same prices" }
        let text = parts.joined(separator: ", ")
        return text.prefix(1).uppercased() + text.dropFirst() + (parts.last?.hasPrefix("now") == true ? "" : note)
    }
}
