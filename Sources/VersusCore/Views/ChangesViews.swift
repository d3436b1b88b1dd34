import Foundation

/// The price-changes page: every change report of the catalog, newest first.
public struct ChangesPageView: Sendable, TemplateView {
    public struct PriceRow: Sendable, TemplateView {
        public var model: String
        public var modelHref: String?
        public var provider: String
        public var modelID: String?
        public var price: String
        public var old: String
        public var new: String
        public var change: String
        /// Cheaper, dearer, or neither (a price that appeared or went away).
        public var down: Bool
        public var up: Bool
    }

    /// A model by name, linked when it has a page.
    public struct Named: Sendable, TemplateView {
        public var name: String
        public var href: String?
    }

    public struct Report: Sendable, TemplateView {
        public var anchor: String
        public var heading: String
        public var summary: String
        public var prices: [PriceRow]
        public var hasPrices: Bool
        public var modelsAdded: [Named]
        public var modelsRemoved: [String]
        public var routesAdded: [String]
        public var routesRemoved: [String]
    }

    public var meta: PageMeta
    public var intro: String
    public var feedHref: String
    public var reports: [Report]
    /// Every change of the price histories, by day, newest first (`HistoryChanges`).
    public var history: [HistoryDayView]
    public var hasHistory: Bool
    public var historyIntro: String
    /// The page's heading: "Price changes", or "Price changes of 2026-04" for an earlier month.
    public var heading: String
    /// Every month of the history, newest first, each linking its page (the current one not linked).
    public var months: [MonthLink]
    public var hasMonths: Bool
    /// An earlier month's page: no change reports, one month of the history.
    public var isMonth: Bool

    public struct MonthLink: Sendable, TemplateView {
        public var label: String
        public var href: String
        public var current: Bool
        public var changes: String
    }
}

/// The Atom feed of the same reports: one entry per report.
public struct ChangesFeedView: Sendable, TemplateView {
    public struct Entry: Sendable, TemplateView {
        public var id: String
        public var title: String
        public var updated: String
        public var link: String
        public var summary: String
        /// The pages the entry touched.
        public var related: [String]
    }

    public var title: String
    public var id: String
    public var selfLink: String
    public var pageLink: String
    public var updated: String
    public var entries: [Entry]
}

/// Builds both from `Catalog.changes`.
struct ChangesBuilder: Sendable {
    let catalog: Catalog
    let routes: SiteRoutes
    /// Every day of the price histories, newest first, and the months they fall in: made once for all the pages
    /// (the main page, each month's, the feed).
    let days: [HistoryDayView]
    let months: [String]

    init(catalog: Catalog, routes: SiteRoutes) {
        self.catalog = catalog
        self.routes = routes
        days = HistoryChanges.days(catalog, routes: routes)
        months = HistoryChanges.months(catalog)
    }

    /// The feed's length: its newest entries only.
    static let feedEntries = 50

    /// `/changes/` (month nil): every change report and the latest month of the history; or one earlier month.
    func page(month: String? = nil) -> ChangesPageView {
        let shown = month ?? months.first
        let history = days.filter { day in ISODate(day.date).map(HistoryChanges.month(of:)) == shown }
        let counts = Dictionary(grouping: days, by: { ISODate($0.date).map(HistoryChanges.month(of:)) ?? "" })
            .mapValues { $0.reduce(0) { $0 + $1.rows.count } }
        let links = months.enumerated().map { index, label in
            let count = counts[label] ?? 0
            return ChangesPageView.MonthLink(
                label: label, href: index == 0 ? routes.changes : routes.changesMonth(label), current: label == shown,
                changes: "\(Format.grouped(String(count))) change\(count == 1 ? "" : "s")")
        }
        let count = history.reduce(0) { $0 + $1.rows.count }
        let scope = shown.map { " in \($0)" } ?? ""
        let historyIntro =
            "\(Format.grouped(String(count))) change\(count == 1 ? "" : "s")\(scope) of the routes the catalog lists, as models.dev's git history records them, newest day first, each with the commit that made it. Prices in US dollars per 1M tokens."
        if let month {
            return ChangesPageView(
                meta: routes.meta(
                    title: PageTitles.changesMonth(month),
                    description:
                        "Every price change of \(month) in models.dev's git history, day by day, for the models this site compares.",
                    path: routes.changesMonth(month), site: catalog.site, bodyClass: "changes"),
                intro: "One month of the price history; the latest month and each import's report are on the main price-changes page.",
                feedHref: routes.changesFeed, reports: [], history: history, hasHistory: !history.isEmpty, historyIntro: historyIntro,
                heading: PageTitles.changesMonth(month), months: links, hasMonths: links.count > 1, isMonth: true)
        }
        return ChangesPageView(
            meta: routes.meta(
                title: PageTitles.changes, description: "What changed in the catalog's prices and models, import by import, newest first.",
                path: routes.changes, site: catalog.site, bodyClass: "changes"),
            intro:
                "Each import of a newer snapshot of the catalog's sources is listed here with the prices it changed and the models and routes it added or removed.",
            feedHref: routes.changesFeed, reports: catalog.changes.map(report), history: history, hasHistory: !history.isEmpty,
            historyIntro: historyIntro, heading: PageTitles.changes, months: links, hasMonths: links.count > 1, isMonth: false)
    }

    /// Where a day of the history is shown: its section on `/changes/` for the latest month, else on its month's page.
    func dayLink(_ day: HistoryDayView, latest: String?) -> String {
        let month = ISODate(day.date).map(HistoryChanges.month(of:))
        let page = month == nil || month == latest ? routes.changes : routes.changesMonth(month!)
        return routes.absolute(page) + "#" + day.anchor
    }

    func feed() -> ChangesFeedView {
        let pageLink = routes.absolute(routes.changes)
        var dated: [(date: ISODate, entry: ChangesFeedView.Entry)] = catalog.changes.map { change in
            let report = report(change)
            return (
                change.date,
                ChangesFeedView.Entry(
                    id: "\(pageLink)#\(report.anchor)", title: report.heading,
                    updated: Self.timestamp(change.date), link: "\(pageLink)#\(report.anchor)",
                    summary: report.summary, related: [])
            )
        }
        let latest = months.first
        for day in days.prefix(Self.feedEntries) {
            guard let date = ISODate(day.date) else { continue }
            let models = Set(day.rows.map(\.model)).sorted()
            let named = models.count > 5 ? models.prefix(5).joined(separator: ", ") + " and \(models.count - 5) more" : Format.list(models)
            dated.append(
                (
                    date,
                    ChangesFeedView.Entry(
                        id: "\(pageLink)#\(day.anchor)", title: "Price history of \(day.date) (models.dev)", updated: Self.timestamp(date),
                        link: dayLink(day, latest: latest),
                        summary: "\(day.rows.count) change\(day.rows.count == 1 ? "" : "s") in models.dev's git history: \(named).",
                        related: day.pages.map(routes.absolute))
                ))
        }
        let entries = dated.sorted { ($0.date, $0.entry.id) > ($1.date, $1.entry.id) }.prefix(Self.feedEntries)
        return ChangesFeedView(
            title: "\(catalog.site.title): price changes", id: routes.absolute(routes.changesFeed),
            selfLink: routes.absolute(routes.changesFeed), pageLink: pageLink,
            updated: entries.first.map { $0.entry.updated } ?? "", entries: entries.map(\.entry))
    }

    /// Atom wants a full timestamp; a report is dated by its snapshot's day.
    static func timestamp(_ date: ISODate) -> String { "\(ISODate(year: date.year, month: date.month, day: date.day ?? 1))T00:00:00Z" }

    private func modelName(_ id: String) -> String { catalog.model(id)?.name ?? id }
    private func providerName(_ id: String) -> String { catalog.providers[id]?.name ?? id }

    private func routeLabel(_ route: RouteChange) -> String {
        "\(modelName(route.model)) on \(providerName(route.provider))" + (route.modelID.map { " (\($0))" } ?? "")
    }

    /// A price of the report's table: "Not listed" when the snapshot gave none; the route's kind instead of a 0
    /// that was a free tier's or a plan's (no price anyone pays per token).
    static func cell(_ value: Decimal?, kind: PriceKind) -> String {
        guard let value else { return "Not listed" }
        return value == 0 && kind != .payAsYouGo ? kind.label : Format.price(value)
    }

    func report(_ change: ChangeReport) -> ChangesPageView.Report {
        let prices = change.priceChanges.map { price -> ChangesPageView.PriceRow in
            var label = price.kind.label.prefix(1).uppercased() + price.kind.label.dropFirst()
            if let above = price.aboveTokens { label += " above \(Format.tokens(above))" }
            var text: String
            switch (price.old, price.new) {
            case (nil, _): text = "Newly listed"
            case (_, nil): text = "No longer listed"
            default:
                if let percent = price.percent {
                    text = (percent > 0 ? "+" : percent < 0 ? "−" : "") + Format.number(percent < 0 ? -percent : percent, places: 1) + "%"
                } else if price.isPayAsYouGo {
                    text = "From a price of 0"
                } else {
                    text = ""
                }
            }
            // A free tier's or a plan's 0 is no price anyone pays: say what the route became instead of a fall to 0.
            let was = price.oldKind ?? .payAsYouGo, now = price.newKind ?? .payAsYouGo
            if was != now {
                text = "Now \(now.label.lowercased()) (was \(was.label.lowercased()))"
            } else if was != .payAsYouGo {
                text += (text.isEmpty ? was.label : "; \(was.label.lowercased())") + ", not sold per token"
            }
            let exists = catalog.model(price.route.model) != nil
            return ChangesPageView.PriceRow(
                model: modelName(price.route.model), modelHref: exists ? routes.model(price.route.model) : nil,
                provider: providerName(price.route.provider), modelID: price.route.modelID, price: label,
                old: Self.cell(price.old, kind: was), new: Self.cell(price.new, kind: now),
                change: text, down: (price.percent ?? 0) < 0, up: (price.percent ?? 0) > 0)
        }
        var parts: [String] = []
        func count(_ number: Int, _ noun: String) { if number > 0 { parts.append("\(number) \(noun)\(number == 1 ? "" : "s")") } }
        count(change.priceChanges.count, "price change")
        count(change.modelsAdded.count, "model added")
        count(change.modelsRemoved.count, "model removed")
        count(change.routesAdded.count, "route added")
        count(change.routesRemoved.count, "route removed")
        var summary = parts.isEmpty ? "No changes." : Format.list(parts) + "."
        if let previous = change.previous { summary += " Compared with the snapshot of \(previous)." }
        if let pages = change.pairPages {
            summary += " \(Format.grouped(String(pages))) comparison page\(pages == 1 ? "" : "s") show changed data."
        }
        // The source's title names the snapshot it describes now: an older report names only who published it.
        let source = change.source.map { reference -> String in
            if case let .registered(id) = reference, let known = catalog.sources[id], let date = known.date, date != change.date {
                return known.publisher ?? id
            }
            return SourceLedger(catalog: catalog).sourceName(reference)
        }
        return ChangesPageView.Report(
            anchor: "changes-\(change.date)", heading: "Changes of \(change.date)" + (source.map { " (\($0))" } ?? ""),
            summary: summary, prices: prices, hasPrices: !prices.isEmpty,
            modelsAdded: change.modelsAdded.map { id in
                ChangesPageView.Named(name: modelName(id), href: catalog.model(id) != nil ? routes.model(id) : nil)
            },
            modelsRemoved: change.modelsRemoved.map(modelName), routesAdded: change.routesAdded.map(routeLabel),
            routesRemoved: change.routesRemoved.map(routeLabel))
    }
}
