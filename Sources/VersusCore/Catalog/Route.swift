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

    /// True when both input and output prices are known, so a monthly cost can be computed.
    public var isComplete: Bool { input != nil && output != nil }
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
