import Foundation

/// Which of the two models a fact favours.
public enum Side: Sendable, Hashable {
    case a, b

    public var other: Side { self == .a ? .b : .a }
}

/// Everything a pair page says, as facts rather than sentences: computed once per pair, tested directly.
public struct PairAnalysis: Sendable {
    public var pair: PairID
    public var a: ModelDigest
    public var b: ModelDigest
    public var benchmarks: BenchmarkComparison
    public var capabilities: [CapabilityComparison]
    public var cost: CostComparison
    /// Which model has the larger context window, when both are known and differ by `ClaimRules.limitRatio`.
    public var largerContext: Side?
    public var largerOutput: Side?
    public var sharedProviders: [String]
    public var tradeOffs: TradeOffs
    public var friction: (aToB: SwitchFriction, bToA: SwitchFriction)
    public var verdict: [VerdictLine]

    public init(pair: PairID, digest: CatalogDigest) {
        self.pair = pair
        let a = digest[pair.first], b = digest[pair.second]
        self.a = a
        self.b = b
        let catalog = digest.catalog
        benchmarks = BenchmarkComparison(a: a, b: b, benchmarks: catalog.benchmarks)
        capabilities = catalog.site.capabilities.map {
            CapabilityComparison(definition: $0, a: a.model.capability($0.id), b: b.model.capability($0.id))
        }
        let sameJob = !Self.differentJobs(a.model, b.model)
        cost = CostComparison(a: a.headlineCost, b: b.headlineCost, comparable: sameJob)
        // Computed once: the switching lines use it even between models that do different jobs.
        let widerWindow = ClaimRules.larger(a.model.contextWindow, b.model.contextWindow, ratio: ClaimRules.limitRatio)
        largerContext = sameJob ? widerWindow : nil
        largerOutput = sameJob ? ClaimRules.larger(a.model.maxOutput, b.model.maxOutput, ratio: ClaimRules.limitRatio) : nil
        sharedProviders = a.providerIDs.intersection(b.providerIDs).sorted()
        tradeOffs = TradeOffs(
            a: a, b: b, benchmarks: benchmarks, capabilities: capabilities, cost: cost,
            largerContext: largerContext, largerOutput: largerOutput)
        friction = (
            SwitchFriction(
                from: a, to: b, shared: sharedProviders, capabilities: capabilities, direction: .a,
                largerContext: widerWindow),
            SwitchFriction(
                from: b, to: a, shared: sharedProviders, capabilities: capabilities, direction: .b,
                largerContext: widerWindow)
        )
        verdict = VerdictLine.lines(a: a, b: b, benchmarks: benchmarks, cost: cost, largerContext: largerContext)
    }

    public func digest(_ side: Side) -> ModelDigest { side == .a ? a : b }

    /// True when one of the two does a job other than writing text (an embedding, reranking, safety or speech model)
    /// and the other does not do that same job: neither replaces the other, so costs and limits are not ranked.
    public static func differentJobs(_ a: Model, _ b: Model) -> Bool {
        let x = a.productType, y = b.productType
        let special = (x.map { !$0.writesText } ?? false) || (y.map { !$0.writesText } ?? false)
        return special && x != y
    }
}

public struct CapabilityComparison: Sendable, Hashable {
    public var definition: CapabilityDefinition
    public var a: CapabilityState
    public var b: CapabilityState

    /// The side that documents the capability as present while the other does not.
    public var onlyOn: Side? {
        if a == .yes && b != .yes { return .a }
        if b == .yes && a != .yes { return .b }
        return nil
    }

    public func state(_ side: Side) -> CapabilityState { side == .a ? a : b }
}

/// Headline monthly cost of both models at the site's traffic.
public struct CostComparison: Sendable, Hashable {
    public let a: CostQuote?
    public let b: CostQuote?
    /// False when the two models do different jobs: each cost stands, but neither is called cheaper.
    public let comparable: Bool
    /// The cheaper side, when the dearer costs at least `ClaimRules.cheaperRatio` times as much.
    public let cheaper: Side?
    /// Dearer minus cheaper, when both are known, computed from the amounts as pages show them (`Format.money`
    /// rounds), so that a reader who subtracts the two figures shown gets this one.
    public let difference: Decimal?
    /// Dearer divided by cheaper, when a side is cheaper and the ratio reaches `ClaimRules.statedRatio`.
    public let ratio: Decimal?

    /// The three figures above are worked out here, once: a page reads them many times, and Decimal arithmetic is
    /// slow.
    public init(a: CostQuote?, b: CostQuote?, comparable: Bool = true) {
        self.a = a
        self.b = b
        self.comparable = comparable
        guard comparable, let a, let b else {
            cheaper = nil
            difference = nil
            ratio = nil
            return
        }
        let x = Format.moneyValue(a.monthly), y = Format.moneyValue(b.monthly)
        difference = x > y ? x - y : y - x
        let low = min(a.monthly, b.monthly), high = max(a.monthly, b.monthly)
        if a.monthly != b.monthly, high >= low * ClaimRules.cheaperRatio {
            cheaper = a.monthly < b.monthly ? .a : .b
            ratio = low > 0 && high >= low * ClaimRules.statedRatio ? high / low : nil
        } else {
            cheaper = nil
            ratio = nil
        }
    }

    public func quote(_ side: Side) -> CostQuote? { side == .a ? a : b }
}

/// Benchmark rows of a pair: the ones both report (with the leader), and the ones only one reports.
public struct BenchmarkComparison: Sendable {
    public struct Row: Sendable {
        public let benchmark: Benchmark
        public let variant: String?
        public let a: BenchmarkResult?
        public let b: BenchmarkResult?
        /// The distance between the two scores, when both are reported.
        public let gap: Decimal?
        /// Why two scores both reported name no leader, in a few words for the table; nil when one leads.
        public let noCall: String?
        /// The side that leads: the scores differ by at least the benchmark's margin (`ClaimRules.benchmarkMargin`),
        /// neither is an estimate, and the same kind of reporter gave both (`BenchmarkReporter`).
        public let leader: Side?

        /// The three figures above are worked out here, once: a page reads them many times.
        public init(benchmark: Benchmark, variant: String?, a: BenchmarkResult?, b: BenchmarkResult?) {
            self.benchmark = benchmark
            self.variant = variant
            self.a = a
            self.b = b
            guard let a, let b else {
                gap = nil
                noCall = nil
                leader = nil
                return
            }
            let difference = a.score.value - b.score.value
            let gap = difference < 0 ? -difference : difference
            self.gap = gap
            let noCall: String?
            if gap == 0 {
                noCall = "Tie"
            } else if a.score.primary.approximate || b.score.primary.approximate {
                noCall = "No call: an estimated score"
            } else if let unlike = ClaimRules.unlikeReporters(a.reporter, b.reporter) {
                noCall = unlike
            } else {
                let margin = ClaimRules.benchmarkMargin(benchmark.unit, scale: max(a.score.value, b.score.value))
                noCall = gap < margin ? "Too close to call" : nil
            }
            self.noCall = noCall
            if a.score.value != b.score.value, noCall == nil {
                leader = (a.score.value > b.score.value) == benchmark.higherIsBetter ? .a : .b
            } else {
                leader = nil
            }
        }

        public var isShared: Bool { a != nil && b != nil }
    }

    public struct CategoryLead: Sendable, Hashable {
        public var category: Benchmark.Category
        public var leader: Side?
        public var winsA: Int
        public var winsB: Int
    }

    /// Ordered by category, then benchmark name.
    public var shared: [Row]
    public var onlyA: [Row]
    public var onlyB: [Row]
    public var categories: [CategoryLead]

    init(a: ModelDigest, b: ModelDigest, benchmarks: [String: Benchmark]) {
        var rows: [Row] = []
        for key in Set(a.results.keys).union(b.results.keys) {
            let result = a.results[key] ?? b.results[key]!
            guard let benchmark = benchmarks[result.benchmark] else { continue }
            rows.append(Row(benchmark: benchmark, variant: result.variant, a: a.results[key], b: b.results[key]))
        }
        let order = Benchmark.Category.allCases
        rows.sort {
            let l = (order.firstIndex(of: $0.benchmark.category)!, $0.benchmark.name, $0.variant ?? "")
            let r = (order.firstIndex(of: $1.benchmark.category)!, $1.benchmark.name, $1.variant ?? "")
            return l < r
        }
        shared = rows.filter(\.isShared)
        onlyA = rows.filter { $0.a != nil && $0.b == nil }
        onlyB = rows.filter { $0.b != nil && $0.a == nil }
        categories = order.compactMap { category in
            let inCategory = rows.filter { $0.isShared && $0.benchmark.category == category }
            guard !inCategory.isEmpty else { return nil }
            let winsA = inCategory.filter { $0.leader == .a }.count, winsB = inCategory.filter { $0.leader == .b }.count
            return CategoryLead(
                category: category, leader: winsA == winsB ? nil : (winsA > winsB ? .a : .b),
                winsA: winsA, winsB: winsB)
        }
    }

    public func leads(_ side: Side) -> [Row] { shared.filter { $0.leader == side } }
}
