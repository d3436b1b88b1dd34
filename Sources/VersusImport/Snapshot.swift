import VersusCore

/// What a models.dev checkout holds, read but not yet interpreted.
public struct Snapshot: Sendable {
    /// `models/<lab>/<name>.toml`, sorted by id.
    public var models: [UpstreamModel] = []
    /// `providers/<id>/provider.toml`, sorted by id.
    public var providers: [UpstreamProvider] = []
    /// `providers/<provider>/models/**.toml` that could be read, sorted by provider and model id.
    public var routes: [UpstreamRoute] = []
    /// How many provider model files could not be read (broken links, invalid TOML); each has a warning.
    public var unreadableRoutes = 0
    /// The newest `last_updated` of any file: the default date of the snapshot.
    public var newestUpdate: ISODate?
    /// The commit of the checkout, when it is a git repository.
    public var commit: String?
    public var warnings: [ImportWarning] = []
}

/// A canonical model: `models/<lab>/<name>.toml`.
public struct UpstreamModel: Sendable, Hashable {
    /// `anthropic/claude-opus-4-6`: the path under `models/` without `.toml`, what `base_model` names.
    public var id: String
    /// The first folder: `anthropic`.
    public var lab: String
    /// The rest of the id: `claude-opus-4-6`.
    public var name: String
    /// The file, relative to the checkout.
    public var file: String
    public var data: [String: TOMLData]
}

/// A provider: `providers/<id>/provider.toml`.
public struct UpstreamProvider: Sendable, Hashable {
    public var id: String
    public var file: String
    /// Nil when provider.toml is missing or unreadable.
    public var data: [String: TOMLData]?
}

/// A provider's model file: one way to call a model, with its own id and prices.
public struct UpstreamRoute: Sendable, Hashable {
    /// The provider's folder name.
    public var provider: String
    /// The path under the provider's `models/` without `.toml`: the model's id at that provider.
    public var modelID: String
    /// The file, relative to the checkout.
    public var file: String
    /// The file it links to, when it is a link.
    public var target: String?
    public var data: [String: TOMLData]
}
