import Foundation

/// `Content/imports/<layer>/history/<model-id>.yaml`, written by `versus import models.dev --history`: every route of
/// one model with the days its prices changed, each change citing the commit of models.dev that made it.
public struct PriceHistory: Sendable, Hashable, Encodable {
    /// The model, as the file names it (an alias id is folded into its model in validation).
    public var model: String
    /// The repository the commits belong to (`https://github.com/anomalyco/models.dev`).
    public var repository: String
    public var routes: [RouteHistory]
    public var location: SourceLocation

    public init(model: String, repository: String, routes: [RouteHistory], location: SourceLocation) {
        self.model = model
        self.repository = repository
        self.routes = routes
        self.location = location
    }

    /// The address of a commit of the repository.
    public func commitURL(_ commit: String) -> String { "\(repository)/commit/\(commit)" }
}

/// One route's changes, oldest first.
public struct RouteHistory: Sendable, Hashable, Encodable {
    public var provider: String
    /// The model's id at the provider.
    public var modelID: String?
    /// The route's file in the repository, under its latest name.
    public var file: String?
    public var changes: [HistoryPoint]
    public var location: SourceLocation

    public init(provider: String, modelID: String?, file: String?, changes: [HistoryPoint], location: SourceLocation) {
        self.provider = provider
        self.modelID = modelID
        self.file = file
        self.changes = changes
        self.location = location
    }
}

/// A route's prices from one day on, as a commit set them; or the day the route left (`removed`).
public struct HistoryPoint: Sendable, Hashable, Encodable {
    public var date: ISODate
    public var commit: String
    public var removed: Bool
    /// USD per 1M tokens; nil is unknown.
    public var input: Decimal?
    public var output: Decimal?
    public var cachedInput: Decimal?
    public var cacheWrite: Decimal?
    public var tiers: [HistoryTier]
    /// The kind the file states for the route from then on (`free`); nil leaves it to the provider and the prices.
    public var priceKind: PriceKind?
    public var location: SourceLocation

    public init(
        date: ISODate, commit: String, removed: Bool = false, input: Decimal? = nil, output: Decimal? = nil,
        cachedInput: Decimal? = nil, cacheWrite: Decimal? = nil, tiers: [HistoryTier] = [], priceKind: PriceKind? = nil,
        location: SourceLocation
    ) {
        self.date = date
        self.commit = commit
        self.removed = removed
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.tiers = tiers
        self.priceKind = priceKind
        self.location = location
    }

    /// The kind of price from this day on, decided as `PriceKind.resolve` decides a route's: what the point states,
    /// else its provider's kind, else free when every price it gives is zero, else pay-as-you-go.
    public func kind(provider: Provider?) -> PriceKind {
        let prices = [input, output].compactMap { $0 }
        return PriceKind.resolve(stated: priceKind, provider: provider, pricesAreAllZero: !prices.isEmpty && prices.allSatisfy { $0 == 0 })
    }

    /// True when anyone could buy tokens at both its input and output price that day: the only points that enter
    /// the cheapest price, a trend or a "price fell" line.
    public func isPayAsYouGo(provider: Provider?) -> Bool {
        !removed && input != nil && output != nil && kind(provider: provider) == .payAsYouGo
    }
}

/// Prices above a prompt length, on one day of a route's history.
public struct HistoryTier: Sendable, Hashable, Encodable {
    public var aboveTokens: Int
    public var input: Decimal?
    public var output: Decimal?
    public var cachedInput: Decimal?
    public var cacheWrite: Decimal?

    public init(aboveTokens: Int, input: Decimal?, output: Decimal?, cachedInput: Decimal?, cacheWrite: Decimal?) {
        self.aboveTokens = aboveTokens
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
    }
}
