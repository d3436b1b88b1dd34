/// Everything the pair template shows, formatted. Templates only place these strings.
public struct PairPageView: Sendable, TemplateView {
    public struct ModelHead: Sendable, TemplateView {
        public var id: String
        public var name: String
        public var developer: String
        public var href: String
        public var productType: String
    }

    public struct TradeOffList: Sendable, TemplateView {
        public var name: String
        public var reasons: [String]
        public var isEmpty: Bool
    }

    public struct CostCard: Sendable, TemplateView {
        public var name: String
        public var amount: String?
        public var detail: String
        public var refs: [Ref]
        public var unavailable: Bool
        /// Prices for the traffic script, as plain numbers.
        public var inputPrice: String?
        public var outputPrice: String?
    }

    public struct CostLevel: Sendable, TemplateView {
        public var name: String
        public var traffic: String
        /// Cells already rendered, once per model.
        public var a: String
        public var b: String
    }

    public struct Cost: Sendable, TemplateView {
        public var trafficLabel: String
        public var inputMillions: String
        public var outputMillions: String
        /// Both models' cards, rendered once per model with `partials/cost-card`.
        public var cardsHTML: String
        public var summary: String
        public var levels: [CostLevel]
        public var hasLevels: Bool
        public var variants: [HTMLRow]
        public var hasVariants: Bool
        /// "Prices as of …": the newest date of the prices the cards read.
        public var asOf: String
        /// A line per model whose cheapest price moved lately (`PriceMoves`).
        public var moves: [PriceMoveLine]
        public var hasMoves: Bool
    }

    public struct Friction: Sendable, TemplateView {
        public var title: String
        public var items: [String]
    }

    public struct RouteGroup: Sendable, TemplateView {
        public var model: String
        public var rowsHTML: String
        public var hasRows: Bool
        /// Routes left out of the pair page, which the model page lists: "12 more routes on the X page".
        public var more: String?
        public var modelHref: String
    }

    public struct RouteRow: Sendable, TemplateView {
        public var provider: String
        public var providerHref: String?
        public var providerKind: String
        /// The provider's name for the model; nil when the catalog does not record it.
        public var modelID: String?
        public var input: Cell
        public var output: Cell
        public var cached: Cell
        public var batch: Cell
        public var tiers: String?
        public var asOf: String
        public var refs: [Ref]
    }

    public struct BenchmarkRow: Sendable, TemplateView {
        public var name: String
        public var href: String
        public var variant: String?
        public var a: Cell
        public var b: Cell
        public var leader: String
        public var gap: String
    }

    public struct BenchmarkGroup: Sendable, TemplateView {
        public var category: String
        /// The group's rows, each rendered with `partials/benchmark-row`.
        public var rowsHTML: String
    }

    public struct OneSided: Sendable, TemplateView {
        public var name: String
        /// The rows, each rendered with `partials/one-sided-row`.
        public var rowsHTML: String
    }

    public struct SelfHostingRow: Sendable, TemplateView {
        public var model: String
        public var setup: String
        public var memory: String
        public var hardware: String
        public var speed: String
        public var refs: [Ref]
    }

    public struct WhenToUse: Sendable, TemplateView {
        public var situation: String
        public var choose: String
        public var why: String?
    }

    public struct RelatedGroup: Sendable, TemplateView {
        public var name: String
        /// `<li>` links, rendered once per model with `partials/related-link`.
        public var linksHTML: String
        public var isEmpty: Bool
    }

    public var meta: PageMeta
    public var a: ModelHead
    public var b: ModelHead
    public var heading: String
    public var framing: String
    public var reviewed: String
    public var verdict: [String]
    public var tldr: [String]
    /// Table bodies, assembled from per-model columns (see `ModelFragments.Column`).
    public var scorecard: String
    public var tradeOffs: [TradeOffList]
    public var cost: Cost
    public var friction: [Friction]
    public var specs: String
    /// The price table's row groups: one per model, its rows rendered once per model (see `ModelFragments`).
    public var routeGroups: [RouteGroup]
    public var hasRoutes: Bool
    public var capabilities: String
    public var benchmarkGroups: [BenchmarkGroup]
    public var hasSharedBenchmarks: Bool
    public var oneSided: [OneSided]
    public var chartSVG: String?
    public var selfHosting: [SelfHostingRow]
    /// "Measured locally" rows: measurement files of either model (`versus generate`).
    public var measured: [MeasuredRow]
    public var hasMeasured: Bool
    public var hasSelfHosting: Bool
    public var deepDive: [String]
    public var editorialHTML: String?
    public var whenToUse: [WhenToUse]
    public var faq: [Question]
    public var related: [RelatedGroup]
    public var sources: [SourceEntry]
    public var disputes: [String]
}
