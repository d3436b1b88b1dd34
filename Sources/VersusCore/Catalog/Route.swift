import Foundation

/// One way to call a model: a provider, the model's id there and its prices in USD per 1M tokens.
/// A price that is absent is unknown, never zero.
public struct Route: Sendable, Hashable, Encodable {
    public var provider: String
    public var modelID: String?
    public var input: Figure<Decimal>?
    public var output: Figure<Decimal>?
    public var cachedInput: Figure<Decimal>?
    public var cacheWrite: Figure<Decimal>?
    public var batchInput: Figure<Decimal>?
    public var batchOutput: Figure<Decimal>?
    /// Prices that apply above a prompt length.
    public var tiers: [PriceTier]
    /// Limits of this provider when they differ from the model's own (a host that serves a shorter context).
    public var contextWindow: Figure<Int>?
    public var maxOutput: Figure<Int>?
    public var note: String?
    public var source: SourceReference?
    public var asOf: ISODate?
    public var location: SourceLocation
    /// The kind of price the route's file states (`price_kind`), if it states one.
    public var priceKind: PriceKind? = nil
    /// The kind of price the route has, as `PriceKind.resolve` decides it once the providers are known (validation
    /// sets it; before that it is the default).
    public var kind: PriceKind = .payAsYouGo

    /// True when the route gives nothing but its provider: no model id, price, limit or note.
    public var isBare: Bool {
        modelID == nil && input == nil && output == nil && cachedInput == nil && cacheWrite == nil && batchInput == nil
            && batchOutput == nil && tiers.isEmpty && contextWindow == nil && maxOutput == nil && note == nil
    }

    /// True when both input and output prices are known.
    public var isComplete: Bool { input != nil && output != nil }

    /// True when anyone can buy tokens on this route at both its input and its output price: the only routes that
    /// enter a cost, a verdict or a ranking.
    public var isPayAsYouGo: Bool { kind == .payAsYouGo && isComplete }

    /// True when the route states prices and every one of its input and output prices is zero.
    public var pricesAreAllZero: Bool {
        let prices = [input, output].compactMap { $0?.value }
        return !prices.isEmpty && prices.allSatisfy { $0 == 0 }
    }
}

/// How a route's tokens are sold. models.dev writes 0.0 for free tiers, trials and subscription plans alike: nobody
/// can buy a month of traffic at those prices, so only pay-as-you-go prices enter costs and rankings.
public enum PriceKind: String, Sendable, Hashable, CaseIterable, Encodable {
    /// Per token, to anyone, at the listed prices.
    case payAsYouGo = "pay-as-you-go"
    /// Free of charge within the provider's rate limits (a free tier, a trial, a free variant on a router).
    case free
    /// Included in a subscription or a prepaid plan (coding plans, token plans, seats): not sold per token.
    case plan

    public var label: String {
        switch self {
        case .payAsYouGo: return "Pay as you go"
        case .free: return "Free tier"
        case .plan: return "Subscription plan"
        }
    }

    /// The kind of a route: what its file states; else what its provider's file states for all its routes; else a
    /// free tier when every price it gives is zero; else pay-as-you-go.
    public static func resolve(_ route: Route, provider: Provider?) -> PriceKind {
        resolve(stated: route.priceKind, provider: provider, pricesAreAllZero: route.pricesAreAllZero)
    }

    /// The same rule for anything with a stated kind and prices: a route, or a day of a route's history.
    public static func resolve(stated: PriceKind?, provider: Provider?, pricesAreAllZero: Bool) -> PriceKind {
        if let stated { return stated }
        if let stated = provider?.priceKind { return stated }
        return pricesAreAllZero ? .free : .payAsYouGo
    }
}

public struct PriceTier: Sendable, Hashable, Encodable {
    /// The tier applies to prompts longer than this many tokens.
    public var aboveTokens: Int
    public var input: Figure<Decimal>?
    public var output: Figure<Decimal>?
    public var cachedInput: Figure<Decimal>?
    public var cacheWrite: Figure<Decimal>?
    public var location: SourceLocation
}

/// A model's score on one benchmark (and variant), possibly as several sources report it.
public struct BenchmarkResult: Sendable, Hashable, Encodable {
    public var benchmark: String
    public var variant: String?
    public var score: Figure<Decimal>
    public var location: SourceLocation
    /// Who ran the benchmark for the score the catalog uses, as the result states it (`reported_by:`).
    public var reportedBy: BenchmarkReporter? = nil
    /// `reportedBy`, else what the source of the score says it reports (`reports:` in sources.yaml); set in
    /// validation. nil when neither says: such a score is shown but never decides who leads.
    public var reporter: BenchmarkReporter? = nil
}

/// Who ran a benchmark: the model's maker (a model card, a launch post, a technical report), an independent
/// leaderboard, or a rival company (another maker's launch post scoring this model). Two scores lead one over the
/// other only when the same kind of reporter gives both: makers choose their harness, prompts and attempts,
/// leaderboards fix theirs, and a rival runs a competitor under its own conditions.
public enum BenchmarkReporter: String, Sendable, Hashable, CaseIterable, Encodable {
    case maker
    case independent
    case rival

    /// A few words for a table cell.
    public var label: String {
        switch self {
        case .maker: return "maker's figure"
        case .independent: return "independent"
        case .rival: return "another maker's run"
        }
    }
}

/// A way to run an open-weights model on one's own hardware, as a source reports it.
public struct SelfHostingVariant: Sendable, Hashable, Encodable {
    public var label: String?
    public var quantization: String?
    public var minimumMemoryGB: Decimal?
    public var memoryKind: MemoryKind?
    public var hardware: String?
    public var tokensPerSecond: SpeedRange?
    public var contextTokens: Int?
    public var approximate: Bool
    public var note: String?
    public var source: SourceReference?
    public var date: ISODate?
    public var location: SourceLocation

    public enum MemoryKind: String, Sendable, CaseIterable, Encodable {
        case vram
        case ram
        case unified
    }
}

public struct SpeedRange: Sendable, Hashable, Encodable {
    public var low: Decimal
    public var high: Decimal
}
