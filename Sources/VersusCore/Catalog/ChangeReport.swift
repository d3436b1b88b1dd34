import Foundation

/// `Content/changes/<date>.yaml`: what one import of a newer snapshot changed, written by `versus import` for a
/// "price changes" page and its feed. The file name is the date of the snapshot imported.
public struct ChangeReport: Sendable, Hashable, Encodable {
    /// The snapshot imported.
    public var date: ISODate
    /// The snapshot it replaced; nil when not recorded.
    public var previous: ISODate?
    /// Where the data came from (`models-dev`).
    public var source: SourceReference?
    /// How many comparison pages show changed data (distinct pairs); nil when not recorded.
    public var pairPages: Int?
    public var priceChanges: [PriceChange]
    public var modelsAdded: [String]
    public var modelsRemoved: [String]
    public var routesAdded: [RouteChange]
    public var routesRemoved: [RouteChange]
    public var location: SourceLocation

    public init(
        date: ISODate, previous: ISODate? = nil, source: SourceReference? = nil, pairPages: Int? = nil,
        priceChanges: [PriceChange] = [], modelsAdded: [String] = [], modelsRemoved: [String] = [],
        routesAdded: [RouteChange] = [], routesRemoved: [RouteChange] = [], location: SourceLocation
    ) {
        self.date = date
        self.previous = previous
        self.source = source
        self.pairPages = pairPages
        self.priceChanges = priceChanges
        self.modelsAdded = modelsAdded
        self.modelsRemoved = modelsRemoved
        self.routesAdded = routesAdded
        self.routesRemoved = routesRemoved
        self.location = location
    }

    public var isEmpty: Bool {
        priceChanges.isEmpty && modelsAdded.isEmpty && modelsRemoved.isEmpty && routesAdded.isEmpty && routesRemoved.isEmpty
    }
}

/// One price of one route that differs between two snapshots. A price that appeared or disappeared has no old
/// or no new value: unknown, never zero.
public struct PriceChange: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, CaseIterable, Encodable {
        case input
        case output
        case cachedInput = "cached_input"
        case cacheWrite = "cache_write"
        case batchInput = "batch_input"
        case batchOutput = "batch_output"

        public var label: String {
            switch self {
            case .input: return "input"
            case .output: return "output"
            case .cachedInput: return "cached input"
            case .cacheWrite: return "cache write"
            case .batchInput: return "batch input"
            case .batchOutput: return "batch output"
            }
        }
    }

    /// The route: model, provider and the model's id there.
    public var route: RouteChange
    public var kind: Kind
    /// Set for a long-context price: the tier applies above this many tokens.
    public var aboveTokens: Int?
    /// USD per 1M tokens; nil when not documented in that snapshot.
    public var old: Decimal?
    public var new: Decimal?
    /// How the route was sold in each snapshot (`PriceKind.resolve`), given when either is not pay-as-you-go: a
    /// free tier's or a plan's 0 is no price anyone pays, so a change to or from one has no percentage. nil is
    /// pay-as-you-go (reports written before the field existed say nothing).
    public var oldKind: PriceKind?
    public var newKind: PriceKind?
    public var location: SourceLocation

    public init(
        route: RouteChange, kind: Kind, aboveTokens: Int? = nil, old: Decimal?, new: Decimal?, oldKind: PriceKind? = nil,
        newKind: PriceKind? = nil, location: SourceLocation
    ) {
        self.route = route
        self.kind = kind
        self.aboveTokens = aboveTokens
        self.old = old
        self.new = new
        self.oldKind = oldKind
        self.newKind = newKind
        self.location = location
    }

    /// Whether the route was sold per token in both snapshots.
    public var isPayAsYouGo: Bool { (oldKind ?? .payAsYouGo) == .payAsYouGo && (newKind ?? .payAsYouGo) == .payAsYouGo }

    /// (new − old) / old in percent, rounded to one decimal place; nil when a side is unknown, the old price is 0,
    /// or the route was not sold per token in either snapshot.
    public var percent: Decimal? {
        guard let old, let new, old != 0, isPayAsYouGo else { return nil }
        return Money.rounded((new - old) / old * 100, places: 1)
    }
}

/// A route named in a change report.
public struct RouteChange: Sendable, Hashable, Comparable, Encodable {
    public var model: String
    public var provider: String
    public var modelID: String?
    public var location: SourceLocation

    public init(model: String, provider: String, modelID: String?, location: SourceLocation) {
        self.model = model
        self.provider = provider
        self.modelID = modelID
        self.location = location
    }

    public static func < (lhs: RouteChange, rhs: RouteChange) -> Bool {
        (lhs.model, lhs.provider, lhs.modelID ?? "") < (rhs.model, rhs.provider, rhs.modelID ?? "")
    }
}
