import Foundation
import VersusCore

/// A model as the import understood it, before it is written as `models/<id>.yaml` of the layer.
struct ImportedModel: Sendable {
    var id: String
    /// The canonical file it comes from.
    var upstream: String
    /// Its lab folder: `models/<lab>/`.
    var lab: String = ""
    /// The name as models.dev writes it, " (latest)" included; `name` is the one written (`ModelAliases.displayName`).
    var upstreamName: String = ""
    var name: String
    var developer: String
    var family: String?
    var releaseDate: ISODate?
    var knowledgeCutoff: ISODate?
    var openWeights: Bool?
    /// Set only for models that do another job than writing text (`ModelMapping.job`).
    var productType: ProductType?
    var contextWindow: Int?
    var maxOutput: Int?
    var inputModalities: [Modality] = []
    var outputModalities: [Modality] = []
    /// Capability id → yes or no, in the order of the site's capability rows.
    var capabilities: [(id: String, state: CapabilityState)] = []
    var routes: [ImportedRoute] = []
    var results: [ImportedResult] = []
    /// Catalog ids of the other models that are this same model (`ModelAliases`), written as `aliases`.
    var aliases: [String] = []
}

/// One provider's route to a model, from the provider's model file.
struct ImportedRoute: Sendable, Hashable {
    var provider: String
    var modelID: String
    var file: String
    var input: Decimal?
    var output: Decimal?
    var cachedInput: Decimal?
    var cacheWrite: Decimal?
    var tiers: [ImportedTier] = []
    /// Set only where the provider's limit differs from the model's.
    var contextWindow: Int?
    var maxOutput: Int?
    var note: String?
    /// Written as the route's `price_kind` (`RouteMapping.priceKind`); nil leaves it to the provider's and the prices.
    var priceKind: PriceKind?
}

/// Prices above a prompt length.
struct ImportedTier: Sendable, Hashable {
    var aboveTokens: Int
    var input: Decimal?
    var output: Decimal?
    var cachedInput: Decimal?
    var cacheWrite: Decimal?
}

/// One benchmark result, matched to a catalog benchmark.
struct ImportedResult: Sendable, Hashable {
    var benchmark: String
    var variant: String?
    var score: Decimal
    var note: String?
    var reporter: BenchmarkReporter? = nil
}
