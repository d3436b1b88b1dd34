/// `Content/imports/<layer>/source.yaml`: where the data of an import layer came from. The layer's other files
/// (`benchmarks.yaml`, `providers/`, `models/`) use the schema of the hand-written ones; the importer rewrites the
/// whole folder on every run, and the loader merges it under the hand-written catalog (see docs/catalog.md).
public struct ImportLayerManifest: Sendable, Hashable {
    /// The layer's folder name (`models-dev`).
    public var layer: String
    /// The source every imported value cites; its `date` is the snapshot's date.
    public var source: Source
    /// The commit of the imported checkout, when it was a git repository.
    public var commit: String?
    /// Upstream model id → catalog model id: keeps ids stable when a later snapshot adds a model whose name
    /// would otherwise take an existing id.
    public var ids: [String: String]
    public var location: SourceLocation

    public init(layer: String, source: Source, commit: String?, ids: [String: String], location: SourceLocation) {
        self.layer = layer
        self.source = source
        self.commit = commit
        self.ids = ids
        self.location = location
    }
}
