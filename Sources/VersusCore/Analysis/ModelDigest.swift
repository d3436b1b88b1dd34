import Foundation
import Synchronization

/// What every page about a model needs, computed once per model rather than once per pair. A class: each of the tens
/// of thousands of pair analyses holds two, and copying the struct retained every field of the model.
public final class ModelDigest: Sendable {
    public let model: Model
    /// The cheapest pay-as-you-go route at the site's headline traffic, if any.
    public let headlineCost: CostQuote?
    /// When there is no headline cost: why, and what the catalog has instead (free tiers, plans).
    public let unpriced: Unpriced?
    /// The cheapest pay-as-you-go route at each of the site's further traffic levels.
    public let levelCosts: [CostQuote?]
    /// The lowest pay-as-you-go output price and where.
    public let cheapestOutput: (price: Decimal, provider: String, source: SourceReference?)?
    public let providerIDs: Set<String>
    /// The providers of the model's routes, by display name, in route order, each once.
    public let providerNames: [String]
    /// How many of its figures (`Model.figures`) have sources that disagree.
    public let disputedFigures: Int
    /// Benchmark results keyed by `benchmark` or `benchmark|variant`.
    public let results: [String: BenchmarkResult]
    /// Other models, most related first (empty until `CatalogDigest` ranks them).
    public let related: [String]
    /// The newest date of a pay-as-you-go price (a route's as-of date, else its input price's date).
    public let newestPriceDate: ISODate?
    /// The newest as-of date of any of its routes.
    public let newestRouteDate: ISODate?

    public init(model: Model, site: SiteSettings, providers: [String: Provider] = [:]) {
        self.model = model
        headlineCost = CostCalculator.cheapest(model.routes, at: site.traffic)
        levelCosts = site.trafficLevels.map { CostCalculator.cheapest(model.routes, at: $0) }
        cheapestOutput = Self.cheapestOutput(of: model)
        unpriced = headlineCost == nil ? Unpriced(model.routes, providers: providers) : nil
        providerIDs = Set(model.routes.map(\.provider))
        var seen = Set<String>()
        providerNames = model.routes.map { providers[$0.provider]?.name ?? $0.provider }.filter { seen.insert($0).inserted }
        disputedFigures = model.figures.filter(\.isDisputed).count
        results = Dictionary(model.benchmarkResults.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        related = []
        newestPriceDate = model.routes.filter(\.isPayAsYouGo).compactMap { $0.asOf ?? $0.input?.primary.date }.max()
        newestRouteDate = model.routes.compactMap(\.asOf).max()
    }

    /// `other` with its related models ranked.
    init(_ other: ModelDigest, related: [String]) {
        model = other.model
        headlineCost = other.headlineCost
        levelCosts = other.levelCosts
        cheapestOutput = other.cheapestOutput
        unpriced = other.unpriced
        providerIDs = other.providerIDs
        providerNames = other.providerNames
        disputedFigures = other.disputedFigures
        results = other.results
        self.related = related
        newestPriceDate = other.newestPriceDate
        newestRouteDate = other.newestRouteDate
    }

    public var canSelfHost: Bool { model.openness == .openWeights }

    /// The lowest output price on a pay-as-you-go route, and the provider (the first by id on a tie).
    /// Representative as headline costs are (`CostCalculator.representativeFloor`). A price of 0 is left out: on a
    /// route that charges for input it means output is not billed (an embedding model returns no text), not that
    /// output is cheap.
    static func cheapestOutput(of model: Model) -> (price: Decimal, provider: String, source: SourceReference?)? {
        let outputs = model.routes.filter { $0.kind == .payAsYouGo }
            .compactMap { route in route.output.map { ($0.value, route.provider, $0.primary.source ?? route.source) } }
            .filter { $0.0 > 0 }
        let floor = CostCalculator.representativeFloor(outputs.map(\.0))
        return outputs.filter { floor == nil || $0.0 >= floor! }.min { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}

extension BenchmarkResult {
    /// Results compare only when benchmark and variant both match.
    public var key: String { variant.map { "\(benchmark)|\($0)" } ?? benchmark }
}

/// The unranked digests of the last catalog a process digested, with the site settings and providers they were made
/// under: what `versus serve` keeps between rebuilds, so that a one-price edit digests one model again.
public final class DigestMemory: Sendable {
    private let state = Mutex<(site: SiteSettings, providers: [String: Provider], digests: [String: ModelDigest])?>(nil)

    public init() {}

    /// The digests kept, when they were made under these settings and providers; none otherwise.
    func kept(site: SiteSettings, providers: [String: Provider]) -> [String: ModelDigest] {
        state.withLock { state in
            guard let state, state.site == site, state.providers == providers else { return [:] }
            return state.digests
        }
    }

    func keep(_ digests: [String: ModelDigest], site: SiteSettings, providers: [String: Provider]) {
        state.withLock { $0 = (site, providers, digests) }
    }

    private let lastRanking = Mutex<(features: [Relatedness.Features], ranked: [[String]])?>(nil)

    /// The related models ranked for the last catalog, when its models had exactly these features.
    func ranking(of features: [Relatedness.Features]) -> [[String]]? {
        lastRanking.withLock { $0?.features == features ? $0?.ranked : nil }
    }

    func keepRanking(_ ranked: [[String]], of features: [Relatedness.Features]) {
        lastRanking.withLock { $0 = (features, ranked) }
    }
}

/// Digests for a whole catalog, with each model's related models ranked once.
public struct CatalogDigest: Sendable {
    public var catalog: Catalog
    public var digests: [String: ModelDigest]
    /// The pairs that get a page, in canonical order.
    public var pairs: [PairID]
    /// The same as a set, when the site lists pairs or pairs by tags; nil when every two models make a pair.
    private var listed: Set<PairID>?

    /// `memory`: digests of an earlier catalog of the same site (`versus serve`); a model equal to the one a digest
    /// was made of, under the same site settings and providers, takes it instead of being digested again.
    public init(_ catalog: Catalog, memory: DigestMemory? = nil) {
        self.catalog = catalog
        let models = catalog.models
        let kept = memory?.kept(site: catalog.site, providers: catalog.providers) ?? [:]
        let unranked = Parallel.mapSync(models) { model in
            if let digest = kept[model.id], digest.model == model { return digest }
            return ModelDigest(model: model, site: catalog.site, providers: catalog.providers)
        }
        memory?.keep(
            Dictionary(zip(models.map(\.id), unranked), uniquingKeysWith: { first, _ in first }), site: catalog.site,
            providers: catalog.providers)
        let pairs = PairPlanner.pairs(in: catalog)
        // With every pair built (the usual case), membership needs no set of tens of thousands of pairs.
        let listed: Set<PairID>? = catalog.site.pairs == .all ? nil : Set(pairs)
        let ranked = Relatedness.ranked(models, memory: memory)
        let digests = Parallel.mapSync(Array(models.indices)) { index in
            ModelDigest(
                unranked[index],
                related: listed.map { listed in ranked[index].filter { listed.contains(PairID(models[index].id, $0)) } } ?? ranked[index])
        }
        self.digests = Dictionary(uniqueKeysWithValues: zip(models.map(\.id), digests))
        self.pairs = pairs
        self.listed = listed
    }

    /// Whether the two models' pair gets a page.
    public func hasPair(_ pair: PairID) -> Bool {
        if let listed { return listed.contains(pair) }
        return pair.first != pair.second && digests[pair.first] != nil && digests[pair.second] != nil
    }

    public subscript(id: String) -> ModelDigest { digests[id]! }

    /// A pair whose models share no benchmark result and lack a price or a context window on one side says too
    /// little to be worth a search engine's index: its page carries `noindex` and stays out of the sitemap.
    public func isThin(_ pair: PairID) -> Bool {
        let a = self[pair.first], b = self[pair.second]
        // The cheap tests first: most pairs have both prices or both context windows.
        guard (a.headlineCost == nil || b.headlineCost == nil) && (a.model.contextWindow == nil || b.model.contextWindow == nil) else {
            return false
        }
        return !a.results.keys.contains { key in
            b.results[key] != nil && catalog.benchmarks[a.results[key]!.benchmark] != nil
        }
    }
}

/// Which pairs get a page, following site.yaml's `pairs`.
public enum PairPlanner {
    public static func pairs(in catalog: Catalog) -> [PairID] {
        let models = catalog.models
        switch catalog.site.pairs {
        case .all:
            var result: [PairID] = []
            result.reserveCapacity(models.count * (models.count - 1) / 2)
            for i in models.indices { for j in models.indices where j > i { result.append(PairID(models[i].id, models[j].id)) } }
            return result
        case .sharedTag:
            var result: [PairID] = []
            for i in models.indices {
                let tags = Set(models[i].decisionFit)
                for j in models.indices where j > i && !tags.isDisjoint(with: models[j].decisionFit) {
                    result.append(PairID(models[i].id, models[j].id))
                }
            }
            return result
        case let .list(requests):
            let ids = Set(models.map(\.id)).union(catalog.aliases.keys)
            return Array(
                Set(
                    requests.compactMap { request -> PairID? in
                        guard let pair = PairID.parse(request.slug, knownIDs: ids).0,
                            let a = catalog.canonicalID(pair.first), let b = catalog.canonicalID(pair.second), a != b
                        else { return nil }
                        return PairID(a, b)
                    })
            ).sorted()
        }
    }
}

/// Ranks other models by how useful a comparison with them is: shared decision tags, another developer, the same
/// family or product type, shared benchmarks. Prices are left out on purpose: they change every week, and related
/// links that moved with them would re-render pages all over the site after each price update.
enum Relatedness {
    /// What the score reads of a model, taken once: the ranking compares every model with every other.
    struct Features: Sendable, Equatable {
        var id: String
        var developer: String
        var family: String?
        var productType: ProductType?
        var tags: Set<DecisionTag>
        var benchmarks: Set<String>

        init(_ model: Model) {
            id = model.id
            developer = model.developer
            family = model.family
            productType = model.productType
            tags = Set(model.decisionFit)
            benchmarks = Set(model.benchmarkResults.map(\.benchmark))
        }

        /// How useful a comparison of this model with `other` is.
        func score(_ other: Features) -> Int {
            var score = tags.intersection(other.tags).count * 3
            if other.developer != developer { score += 2 }
            if let family, family == other.family { score += 1 }
            score += min(4, benchmarks.intersection(other.benchmarks).count)
            if let productType, productType == other.productType { score += 2 }
            return score
        }
    }

    /// For each model of `models`, the ids of the others, most related first (ties by id). `memory`: the ranking
    /// of the last catalog (`versus serve`), taken as it is when every model's features are the same.
    static func ranked(_ models: [Model], memory: DigestMemory? = nil) -> [[String]] {
        let features = Parallel.mapSync(models) { Features($0) }
        if let kept = memory?.ranking(of: features) { return kept }
        let ranked = Parallel.mapSync(Array(features.indices)) { index in
            let model = features[index]
            return features.indices.filter { $0 != index }
                .map { (id: features[$0].id, score: model.score(features[$0])) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
                .map(\.id)
        }
        memory?.keepRanking(ranked, of: features)
        return ranked
    }
}
