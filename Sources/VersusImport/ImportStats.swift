/// The counts behind the import's summary.
public struct ImportStats: Sendable, Hashable {
    public var models = 0
    /// Models that repeat another under a second id, listed under its `aliases` (`ModelAliases`).
    public var aliases = 0
    public var routes = 0
    /// Providers with at least one imported route.
    public var providers = 0
    /// Provider model files read (links followed).
    public var providerFiles = 0
    /// Files linked to a model, by rule.
    public var linkedByBaseModel = 0
    public var linkedByID = 0
    public var linkedByName = 0
    /// Linked files left out because models.dev marks them deprecated.
    public var deprecated = 0
    /// Files that match no canonical model, or several (counted in `unlinked` too), or name a missing base model.
    public var unlinked = 0
    public var ambiguous = 0
    public var missingBase = 0
    /// Provider model files that could not be read at all (broken links, invalid TOML).
    public var unreadable = 0
    public var results = 0
    /// Distinct catalog benchmarks the results were matched to.
    public var benchmarksMatched = 0
    /// Distinct benchmark names that matched nothing, and their results.
    public var benchmarkNamesUnmatched = 0
    public var resultsUnmatched = 0

    public var linked: Int { linkedByBaseModel + linkedByID + linkedByName }

    public init() {}
}
