/// `Content/site.yaml`: settings of the whole site.
public struct SiteSettings: Sendable, Hashable, Encodable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var description: String?
    /// Monthly traffic that the headline monthly cost is computed at.
    public var traffic: TrafficLevel
    /// Further traffic levels for cost tables.
    public var trafficLevels: [TrafficLevel]
    /// A model whose last review is older than this many days gets a warning.
    public var reviewMaxAgeDays: Int
    /// How many of each model's routes a pair page lists, cheapest first; the model page lists every route.
    public var pairRouteRows: Int
    /// The capability rows of every page, in order.
    public var capabilities: [CapabilityDefinition]
    public var pairs: PairSelection
    /// Editorial Markdown may contain raw HTML only when this is true.
    public var allowRawHTML: Bool
    public var location: SourceLocation

    public static let defaultCapabilities: [CapabilityDefinition] = [
        ("vision", "Vision"), ("multimodal-input", "Multimodal input"), ("reasoning-mode", "Reasoning mode"),
        ("function-calling", "Function calling"), ("tool-use", "Tool use"), ("structured-outputs", "Structured outputs"),
        ("code-execution", "Code execution"), ("ide-integration", "IDE integration"), ("computer-use", "Computer use"),
        ("parallel-agents", "Parallel agents"),
    ].map { CapabilityDefinition(id: $0.0, name: $0.1) }

    public static let defaultPairRouteRows = 8

    public static let defaultTraffic = TrafficLevel(name: "Reference workload", inputMillions: 1000, outputMillions: 225)
}

/// Monthly token volume, in millions of tokens.
public struct TrafficLevel: Sendable, Hashable, Encodable {
    public var name: String
    public var inputMillions: Decimal
    public var outputMillions: Decimal

    public init(name: String, inputMillions: Decimal, outputMillions: Decimal) {
        self.name = name
        self.inputMillions = inputMillions
        self.outputMillions = outputMillions
    }
}

public struct CapabilityDefinition: Sendable, Hashable, Encodable {
    public var id: String
    public var name: String
}

/// Which pairs of models get a page.
public enum PairSelection: Sendable, Hashable, Encodable {
    case all
    /// Only pairs whose models share at least one decision-fit tag.
    case sharedTag
    /// Exactly these pairs, as written in site.yaml (resolved against model ids by validation).
    case list([PairRequest])
}

/// A pair named in site.yaml, with where it was written.
public struct PairRequest: Sendable, Hashable, Encodable {
    public var slug: String
    public var location: SourceLocation
}

import Foundation
