/// Everything the pair template shows, formatted. Templates only place these strings.
public struct PairPageView: Sendable, TemplateFields {
    public struct ModelHead: Sendable, TemplateFields {
        public var id: String
        public var name: String
        public var developer: String
        public var href: String
        public var productType: String

        var templateFields: [String: Any] {
            ["id": id, "name": name, "developer": developer, "href": href, "productType": productType]
        }
    }

    public struct TradeOffList: Sendable, TemplateFields {
        public var name: String
        public var reasons: [String]
        public var isEmpty: Bool

        var templateFields: [String: Any] { ["name": name, "reasons": reasons, "isEmpty": isEmpty] }
    }

    public struct CostCard: Sendable, TemplateFields {
        public var name: String
        public var amount: String?
        public var detail: String
        public var refs: [Ref]
        public var unavailable: Bool
        /// Prices for the traffic script, as plain numbers.
        public var inputPrice: String?
        public var outputPrice: String?

        var templateFields: [String: Any] {
            var fields: [String: Any] = ["name": name, "detail": detail, "refs": refs.map(\.templateFields), "unavailable": unavailable]
            if let amount { fields["amount"] = amount }
            if let inputPrice { fields["inputPrice"] = inputPrice }
            if let outputPrice { fields["outputPrice"] = outputPrice }
            return fields
        }
    }

    public struct CostLevel: Sendable, TemplateFields {
        public var name: String
        public var traffic: String
        /// Cells already rendered, once per model.
        public var a: String
        public var b: String

        var templateFields: [String: Any] { ["name": name, "traffic": traffic, "a": a, "b": b] }
    }

    public struct Cost: Sendable, TemplateFields {
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

        var templateFields: [String: Any] {
            ["trafficLabel": trafficLabel, "inputMillions": inputMillions, "outputMillions": outputMillions,
             "cardsHTML": cardsHTML, "summary": summary, "levels": levels.map(\.templateFields),
             "hasLevels": hasLevels, "variants": variants.map(\.templateFields), "hasVariants": hasVariants]
        }
    }

    public struct Friction: Sendable, TemplateFields {
        public var title: String
        public var items: [String]

        var templateFields: [String: Any] { ["title": title, "items": items] }
    }

    public struct RouteGroup: Sendable, TemplateFields {
        public var model: String
        public var rowsHTML: String
        public var hasRows: Bool
        /// Routes left out of the pair page, which the model page lists: "12 more routes on the X page".
        public var more: String?
        public var modelHref: String

        var templateFields: [String: Any] {
            var fields: [String: Any] = ["model": model, "rowsHTML": rowsHTML, "hasRows": hasRows, "modelHref": modelHref]
            if let more { fields["more"] = more }
            return fields
        }
    }

    public struct RouteRow: Sendable, TemplateFields {
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

        var templateFields: [String: Any] {
            var fields: [String: Any] = ["provider": provider, "providerKind": providerKind,
                                         "input": input.templateFields, "output": output.templateFields,
                                         "cached": cached.templateFields, "batch": batch.templateFields, "asOf": asOf,
                                         "refs": refs.map(\.templateFields)]
            if let providerHref { fields["providerHref"] = providerHref }
            if let modelID { fields["modelID"] = modelID }
            if let tiers { fields["tiers"] = tiers }
            return fields
        }
    }

    public struct BenchmarkRow: Sendable, TemplateFields {
        public var name: String
        public var href: String
        public var variant: String?
        public var a: Cell
        public var b: Cell
        public var leader: String
        public var gap: String

        var templateFields: [String: Any] {
            var fields: [String: Any] = ["name": name, "href": href, "a": a.templateFields, "b": b.templateFields,
                                         "leader": leader, "gap": gap]
            if let variant { fields["variant"] = variant }
            return fields
        }
    }

    public struct BenchmarkGroup: Sendable, TemplateFields {
        public var category: String
        public var rows: [BenchmarkRow]

        var templateFields: [String: Any] { ["category": category, "rows": rows.map(\.templateFields)] }
    }

    public struct OneSided: Sendable, TemplateFields {
        public var name: String
        public var rows: [BenchmarkRow]

        var templateFields: [String: Any] { ["name": name, "rows": rows.map(\.templateFields)] }
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

    public struct RelatedGroup: Sendable, TemplateFields {
        public var name: String
        /// `<li>` links, rendered once per model with `partials/related-link`.
        public var linksHTML: String
        public var isEmpty: Bool

        var templateFields: [String: Any] { ["name": name, "linksHTML": linksHTML, "isEmpty": isEmpty] }
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

    /// Listed by hand: reflecting thirty fields on every page cost more than the rest of the view. A test checks
    /// that these keys are exactly the stored properties.
    var templateFields: [String: Any] {
        func values(_ list: [Any]) -> [Any] { list.compactMap(TemplateValues.convert) }
        // Views listed by hand are converted directly; the rest (rare sections) through reflection.
        var fields: [String: Any] = [
            "meta": meta.templateFields, "a": a.templateFields, "b": b.templateFields, "heading": heading, "framing": framing,
            "reviewed": reviewed, "verdict": verdict, "tldr": tldr, "scorecard": scorecard,
            "tradeOffs": tradeOffs.map(\.templateFields), "cost": cost.templateFields, "friction": friction.map(\.templateFields),
            "specs": specs, "routeGroups": routeGroups.map(\.templateFields), "hasRoutes": hasRoutes,
            "capabilities": capabilities, "benchmarkGroups": benchmarkGroups.map(\.templateFields),
            "hasSharedBenchmarks": hasSharedBenchmarks, "oneSided": oneSided.map(\.templateFields), "selfHosting": values(selfHosting),
            "measured": measured.map(\.templateFields), "hasMeasured": hasMeasured,
            "hasSelfHosting": hasSelfHosting, "deepDive": deepDive, "whenToUse": values(whenToUse),
            "faq": faq.map(\.templateFields), "related": related.map(\.templateFields), "sources": sources.map(\.templateFields), "disputes": disputes,
        ]
        if let chartSVG { fields["chartSVG"] = chartSVG }
        if let editorialHTML { fields["editorialHTML"] = editorialHTML }
        return fields
    }
}
