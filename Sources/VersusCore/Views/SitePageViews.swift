/// View models of the pages around the pair pages.
public struct ModelPageView: Sendable, TemplateView {
    /// Listed by hand: a model page links to every other model, and reflecting each link was most of its view.
    public struct Comparison: Sendable, TemplateView {
        public var href: String
        public var other: String
        public var otherDeveloper: String
    }

    public struct Result: Sendable, TemplateView {
        public var name: String
        public var href: String
        public var category: String
        public var variant: String?
        public var score: Cell
    }

    public var meta: PageMeta
    public var name: String
    public var developer: String
    /// nil when the catalog does not document it: the page's opening line then leaves it out.
    public var productType: String?
    public var reviewed: String
    public var bestFor: [String]
    public var decisionFit: [String]
    public var specs: [Row1]
    public var capabilities: [Row1]
    /// The price table's rows, rendered with `partials/route-rows` as pair pages render them.
    public var routeRowsHTML: String
    public var hasRoutes: Bool
    public var headlineCost: String?
    public var headlineCostDetail: String
    public var results: [Result]
    public var hasResults: Bool
    public var selfHosting: [PairPageView.SelfHostingRow]
    public var measured: [MeasuredRow]
    public var hasMeasured: Bool
    public var hasSelfHosting: Bool
    /// The page that lists every measurement, when this model has one.
    public var measurementsHref: String?
    public var comparisons: [Comparison]
    public var sources: [SourceEntry]
    /// The price history from models.dev's git history, when the catalog has one for this model.
    public var priceHistory: PriceHistoryView?
}

/// A two-column row: label and one value.
public struct Row1: Sendable, TemplateView {
    public var label: String
    public var value: Cell
}

public struct BenchmarkPageView: Sendable, TemplateView {
    public struct Entry: Sendable, TemplateView {
        public var model: String
        public var href: String
        public var developer: String
        public var variant: String?
        public var score: Cell
        /// Who ran the benchmark for this score (`BenchmarkReporter`), or that the catalog does not record it.
        public var runBy: String
        public var date: String
    }

    public var meta: PageMeta
    public var name: String
    public var category: String
    public var unit: String
    public var direction: String
    public var url: String?
    public var entries: [Entry]
    public var hasEntries: Bool
    public var sources: [SourceEntry]
}

public struct BenchmarkIndexView: Sendable, TemplateView {
    public struct Group: Sendable, TemplateView {
        public var category: String
        public var benchmarks: [Link]
    }

    public var meta: PageMeta
    public var groups: [Group]
}

public struct HomeView: Sendable, TemplateView {
    public struct ModelCard: Sendable, TemplateView {
        public var id: String
        public var name: String
        public var href: String
        public var developer: String
        public var productType: String
        public var context: String
        public var monthly: String
        public var weights: String
    }

    public var meta: PageMeta
    public var title: String
    public var intro: String
    public var trafficNote: String
    public var models: [ModelCard]
    public var featured: [Link]
    public var modelCount: Int
    public var pairCount: Int
    /// `pairCount` as a reader reads it ("21,115").
    public var pairCountText: String
    public var comparePrefix: String
}

public struct NotFoundView: Sendable, TemplateView {
    public var meta: PageMeta
    public var homeHref: String
}
