import Foundation

/// One reason to choose a model over the other.
public enum TradeOff: Sendable {
    /// `tokens` is the smallest value any source gives for this model, `otherTokens` the largest for the other, and
    /// `disputed` says whether sources disagree on either (the claim holds whichever is right: `ClaimRules.larger`).
    case largerContext(tokens: Int, otherTokens: Int, disputed: Bool)
    case largerOutput(tokens: Int, otherTokens: Int, disputed: Bool)
    case moreProviders(count: Int, otherCount: Int)
    /// Capabilities documented as present on this model and absent (`no`) on the other.
    case capabilitiesOtherLacks([CapabilityDefinition])
    /// Capabilities documented on this model and not documented on the other.
    case decisionTags([DecisionTag])
    case cheaper(monthly: Decimal, otherMonthly: Decimal)
    /// Priced while the other has no complete price.
    case onlyOnePriced(monthly: Decimal)
    case openWeights
    case benchmarkLeads([BenchmarkComparison.Row])
}

/// "Choose A when…" and "Choose B when…", derived from the data.
public struct TradeOffs: Sendable {
    public var a: [TradeOff]
    public var b: [TradeOff]

    init(
        a: ModelDigest, b: ModelDigest, benchmarks: BenchmarkComparison, capabilities: [CapabilityComparison],
        cost: CostComparison, largerContext: Side?, largerOutput: Side?
    ) {
        func reasons(_ side: Side) -> [TradeOff] {
            let own = side == .a ? a : b, other = side == .a ? b : a
            var list: [TradeOff] = []
            if largerContext == side, let mine = own.model.contextWindow, let theirs = other.model.contextWindow {
                list.append(
                    .largerContext(
                        tokens: mine.least, otherTokens: theirs.most,
                        disputed: mine.isDisputed || theirs.isDisputed))
            }
            if cost.comparable, let quote = cost.quote(side) {
                if let theirs = cost.quote(side.other) {
                    if cost.cheaper == side { list.append(.cheaper(monthly: quote.monthly, otherMonthly: theirs.monthly)) }
                } else {
                    list.append(.onlyOnePriced(monthly: quote.monthly))
                }
            }
            if own.canSelfHost && other.model.openness == .proprietary { list.append(.openWeights) }
            let leads = benchmarks.leads(side)
            if !leads.isEmpty {
                let sorted = leads.sorted { ($0.gap ?? 0) > ($1.gap ?? 0) }
                list.append(.benchmarkLeads(Array(sorted.prefix(3))))
            }
            // Distinct providers (Amazon Bedrock lists several regional ids of one model), and only a clear lead,
            // between models that can stand in for each other.
            let mine = own.providerNames.count, theirs = other.providerNames.count
            if cost.comparable && mine >= ClaimRules.fallbackProviders && mine >= theirs * ClaimRules.providerRatio
                && mine >= theirs + ClaimRules.providerMargin
            {
                list.append(.moreProviders(count: mine, otherCount: theirs))
            }
            let lacks = capabilities.filter { $0.state(side) == .yes && $0.state(side.other) == .no }.map(\.definition)
            if !lacks.isEmpty { list.append(.capabilitiesOtherLacks(lacks)) }
            // A capability the other model's record leaves undocumented is no reason to choose: the catalog may simply
            // not know (an import fills only some rows). Only a stated "no" on the other side counts.
            if largerOutput == side, let mine = own.model.maxOutput, let theirs = other.model.maxOutput {
                list.append(
                    .largerOutput(
                        tokens: mine.least, otherTokens: theirs.most,
                        disputed: mine.isDisputed || theirs.isDisputed))
            }
            let tags = own.model.decisionFit.filter { !other.model.decisionFit.contains($0) }
            if !tags.isEmpty { list.append(.decisionTags(tags)) }
            return list
        }
        self.a = reasons(.a)
        self.b = reasons(.b)
    }

    public func reasons(_ side: Side) -> [TradeOff] { side == .a ? a : b }
}

/// What moving production traffic from one model to the other involves.
public struct SwitchFriction: Sendable, Hashable {
    public var from: String
    public var to: String
    /// Providers serving both: only the model id changes.
    public var sharedProviders: [String]
    /// Capabilities the source has and the target is documented without (stated "no").
    public var lost: [CapabilityDefinition]
    /// Capabilities the source has and the target's record does not mention: to confirm, not a loss.
    public var unconfirmed: [CapabilityDefinition]
    /// Capabilities the target has and the source is documented without; "not documented" on the source is no gain.
    public var gained: [CapabilityDefinition]
    /// Set when the target's context window is smaller: (target, source).
    public var contextShrinks: (to: Int, from: Int)?
    /// True when the target has no route at all in the catalog.
    public var targetHasNoRoute: Bool

    /// `largerContext`: the side whose window is larger by the claim margin (`ClaimRules.larger`), whatever the jobs.
    init(
        from: ModelDigest, to: ModelDigest, shared: [String], capabilities: [CapabilityComparison], direction: Side,
        largerContext: Side?
    ) {
        self.from = from.model.id
        self.to = to.model.id
        sharedProviders = shared
        lost = capabilities.filter { $0.state(direction) == .yes && $0.state(direction.other) == .no }.map(\.definition)
        unconfirmed = capabilities.filter { $0.state(direction) == .yes && $0.state(direction.other) == .notDocumented }.map(\.definition)
        gained = capabilities.filter { $0.state(direction.other) == .yes && $0.state(direction) == .no }.map(\.definition)
        // Only a window smaller by the margin that names a larger one (`ClaimRules.limitRatio`, whichever source is right).
        if largerContext == direction, let source = from.model.contextWindow?.value, let target = to.model.contextWindow?.value {
            contextShrinks = (target, source)
        }
        targetHasNoRoute = to.model.routes.isEmpty
    }

    public static func == (lhs: SwitchFriction, rhs: SwitchFriction) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.sharedProviders == rhs.sharedProviders && lhs.lost == rhs.lost
            && lhs.unconfirmed == rhs.unconfirmed && lhs.gained == rhs.gained && lhs.contextShrinks?.to == rhs.contextShrinks?.to
            && lhs.contextShrinks?.from == rhs.contextShrinks?.from && lhs.targetHasNoRoute == rhs.targetHasNoRoute
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(from)
        hasher.combine(to)
        hasher.combine(sharedProviders)
    }
}

/// The verdict at the top of a pair page: short "best for" lines that follow from the data.
public enum VerdictLine: Sendable, Hashable {
    case categoryLeader(Benchmark.Category, Side, wins: Int, of: Int)
    case cheaper(Side, ratio: Decimal?, difference: Decimal)
    case largerContext(Side)
    case selfHostable(Side)
    /// Both have open weights and the side named runs in much less memory (`ClaimRules.statedRatio` or more): the
    /// smallest memory each one's self-hosting setups document.
    case smallerSelfHost(Side, gigabytes: Decimal, otherGigabytes: Decimal)
    /// The two do different jobs (`PairAnalysis.differentJobs`): said first, and no line ranks them on cost or limits.
    case differentJobs

    static func lines(
        a: ModelDigest, b: ModelDigest, benchmarks: BenchmarkComparison, cost: CostComparison,
        largerContext: Side?
    ) -> [VerdictLine] {
        var lines: [VerdictLine] = []
        if !cost.comparable { lines.append(.differentJobs) }
        for lead in benchmarks.categories {
            if let leader = lead.leader {
                lines.append(
                    .categoryLeader(
                        lead.category, leader, wins: leader == .a ? lead.winsA : lead.winsB,
                        of: benchmarks.shared.filter { $0.benchmark.category == lead.category }.count))
            }
        }
        if let cheaper = cost.cheaper, let difference = cost.difference {
            lines.append(.cheaper(cheaper, ratio: cost.ratio, difference: difference))
        }
        if let largerContext { lines.append(.largerContext(largerContext)) }
        switch (a.canSelfHost, b.canSelfHost) {
        case (true, true):
            // "Both have open weights" decides nothing; the memory each needs at the least can.
            let least = [a, b].map { $0.model.selfHosting.compactMap(\.minimumMemoryGB).min() }
            if let x = least[0], let y = least[1], x > 0, y > 0, max(x, y) >= min(x, y) * ClaimRules.statedRatio {
                lines.append(
                    x < y ? .smallerSelfHost(.a, gigabytes: x, otherGigabytes: y) : .smallerSelfHost(.b, gigabytes: y, otherGigabytes: x))
            }
        case (true, false): lines.append(.selfHostable(.a))
        case (false, true): lines.append(.selfHostable(.b))
        default: break
        }
        return lines
    }
}
