/// View models of the pages around the pair pages.
public struct ModelPageView: Sendable {
    public struct Comparison: Sendable {
        public var href: String
        public var other: String
        public var otherDeveloper: String
    }

    public struct Result: Sendable {
        public var name: String
        public var href: String
        public var category: String
        public var variant: String?
        public var score: Cell
    }

    public var meta: PageMeta
    public var name: String
    public var developer: String
    public var productType: String
    public var reviewed: String
    public var bestFor: [String]
    public var decisionFit: [String]
    public var specs: [Row1]
    public var capabilities: [Row1]
    public var routes: [PairPageView.RouteRow]
    public var hasRoutes: Bool
    public var headlineCost: String?
    public var headlineCostDetail: String
    public var results: [Result]
    public var hasResults: Bool
    public var selfHosting: [PairPageView.SelfHostingRow]
    public var hasSelfHosting: Bool
    public var comparisons: [Comparison]
    public var sources: [SourceEntry]
}

/// A two-column row: label and one value.
public struct Row1: Sendable {
    public var label: String
    public var value: Cell
}

public struct BenchmarkPageView: Sendable {
    public struct Entry: Sendable {
        public var rank: Int
        public var model: String
        public var href: String
        public var developer: String
        public var variant: String?
        public var score: Cell
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

public struct BenchmarkIndexView: Sendable {
    public struct Group: Sendable {
        public var category: String
        public var benchmarks: [Link]
    }

    public var meta: PageMeta
    public var groups: [Group]
}

public struct HomeView: Sendable {
    public struct ModelCard: Sendable {
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
    public var comparePrefix: String
}

public struct NotFoundView: Sendable {
    public var meta: PageMeta
    public var homeHref: String
}
