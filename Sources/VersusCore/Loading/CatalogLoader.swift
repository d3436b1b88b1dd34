import Foundation
import Synchronization

/// Everything read from `Content/`, each file decoded on its own, before cross-file checks.
public struct LoadedCatalog: Sendable {
    public var site: SiteSettings?
    public var sources: [Source] = []
    public var benchmarks: [Benchmark] = []
    public var providers: [Provider] = []
    public var models: [Model] = []
    public var editorials: [(file: String, slug: String, text: String)] = []
    /// The reports of `Content/changes/`, in file order.
    public var changes: [ChangeReport] = []
    /// The files of `Content/measurements/`, in path order.
    public var measurements: [MeasurementFile] = []
    /// The price histories of the import layers (`Content/imports/<layer>/history/`), in path order.
    public var histories: [PriceHistory] = []
    /// The manifests (`source.yaml`) of the import layers read, by layer name.
    public var layers: [String: ImportLayerManifest] = [:]
    public var diagnostics: [Diagnostic] = []
    /// The folder the files were read from, as diagnostics name it (`Content`).
    public var contentFolder = CatalogLoader.contentFolder

    public init() {}
}

/// Stage 1 of the pipeline: reads every catalog file under `<root>/Content` and decodes it.
public struct CatalogLoader: Sendable {
    public var root: String
    /// The catalog's folder inside `root`: `Content` unless told otherwise.
    public var content: String
    public var fileSystem: FileSystem
    /// Parsed files kept from an earlier load of the same site, if any (`versus serve`).
    public var cache: ParseCache?
    public static let contentFolder = "Content"
    /// The folder of `Content/` that holds import layers, one folder each (`imports/models-dev/`).
    public static let importsFolder = "imports"
    /// The folder of `Content/` that holds what `versus generate` measured, one folder per model.
    public static let measurementsFolder = "measurements"
    /// The folder of an import layer that holds each model's price history (`versus import models.dev --history`).
    public static let historyFolder = "history"

    public init(root: String, content: String = CatalogLoader.contentFolder, fileSystem: FileSystem = .local, cache: ParseCache? = nil) {
        self.root = root
        self.content = content
        self.fileSystem = fileSystem
        self.cache = cache
    }

    private func absolute(_ relative: String) -> String {
        root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    /// Reads the whole catalog: the hand-written files, every import layer under `Content/imports/` merged into
    /// them (see `LayerMerge`), and the change reports under `Content/changes/`.
    public func load() -> LoadedCatalog {
        var catalog = loadHandWritten()
        let folder = "\(content)/\(Self.importsFolder)"
        let layers = layerNames()
        for name in (fileSystem.list(absolute(folder)) ?? []).sorted() where !name.hasPrefix(".") && !layers.contains(name) {
            catalog.diagnostics.append(
                .warning(
                    SourceLocation(file: "\(folder)/\(Scalars.visible(name, limit: 300))"),
                    "not an import layer; ignored",
                    fix: "\(folder)/ holds one folder per import, named like an id (models-dev)"))
        }
        for name in layers {
            let layer = loadLayer(name)
            LayerMerge.merge(layer, into: &catalog)
        }
        AliasFolding.fold(&catalog)
        return catalog
    }

    /// The names of the import layers, the folders under `Content/imports/`, sorted.
    public func layerNames() -> [String] {
        let folder = "\(content)/\(Self.importsFolder)"
        guard let names = fileSystem.list(absolute(folder)) else { return [] }
        return names.filter { !$0.hasPrefix(".") && Identifier.isValid($0) && fileSystem.isDirectory(absolute("\(folder)/\($0)")) }.sorted()
    }

    /// Reads the hand-written catalog and the change reports, without any import layer.
    public func loadHandWritten() -> LoadedCatalog {
        var catalog = LoadedCatalog()
        catalog.contentFolder = content
        guard fileSystem.isDirectory(absolute(content)) else {
            catalog.diagnostics.append(
                .error(
                    SourceLocation(file: content), "there is no \(content)/ folder in \(root.isEmpty ? "." : root)",
                    fix: "run versus in a site folder, or pass --root DIR"))
            return catalog
        }
        let topLevel = Set(fileSystem.list(absolute(content)) ?? [])
        if topLevel.filter({ !$0.hasPrefix(".") }).isEmpty {
            catalog.diagnostics.append(
                .error(
                    SourceLocation(file: content), "\(content)/ is empty",
                    fix: "add at least Content/site.yaml; see docs/catalog.md"))
            return catalog
        }

        let sitePath = "\(content)/site.yaml"
        if topLevel.contains("site.yaml") {
            if let node = parse(sitePath, into: &catalog.diagnostics) {
                catalog.site = SiteDecoder.decode(node.value, file: sitePath, &catalog.diagnostics)
            }
        } else {
            catalog.diagnostics.append(
                .error(
                    SourceLocation(file: sitePath), "\(content)/site.yaml is missing",
                    fix: "create it with at least `title:` and `base_url:`"))
        }
        if topLevel.contains("sources.yaml"), let node = parse("\(content)/sources.yaml", into: &catalog.diagnostics) {
            catalog.sources = SourcesDecoder.decode(node.value, &catalog.diagnostics)
        }
        loadEntries(in: content, names: topLevel, imported: importedModelIDs(), into: &catalog)
        for (path, slug) in entries(in: "\(content)/comparisons", extension: "md", idCheck: false, into: &catalog.diagnostics) {
            if let text = readText(path, into: &catalog.diagnostics) {
                catalog.editorials.append((path, slug, text))
            }
        }
        for (path, name) in entries(in: "\(content)/changes", extension: "yaml", idCheck: false, into: &catalog.diagnostics) {
            guard let date = ISODate(name), date.day != nil else {
                catalog.diagnostics.append(
                    .error(
                        SourceLocation(file: path), "a change report is named for its date, not \(Scalars.quoted(name))",
                        fix: "name it YYYY-MM-DD.yaml, the date of the snapshot it reports"))
                continue
            }
            if let node = parse(path, into: &catalog.diagnostics),
                let report = ChangesDecoder.decode(node.value, date: date, file: path, &catalog.diagnostics)
            {
                catalog.changes.append(report)
            }
        }
        loadMeasurements(names: topLevel, into: &catalog)
        let known: Set<String> = [
            "site.yaml", "sources.yaml", "benchmarks.yaml", "providers", "models", "comparisons",
            "changes", Self.measurementsFolder, Self.importsFolder,
        ]
        for name in topLevel.sorted() where !known.contains(name) && !name.hasPrefix(".") {
            var fix = "Content/ holds site.yaml, sources.yaml, benchmarks.yaml, providers/, models/, comparisons/, changes/ and imports/"
            if let near = Suggestion.closest(to: name, in: known) { fix = "did you mean `\(near)`?" }
            catalog.diagnostics.append(
                .warning(
                    SourceLocation(file: "\(content)/\(Scalars.visible(name, limit: 300))"), "not part of the catalog; ignored",
                    fix: fix))
        }
        return catalog
    }

    /// Reads one import layer, `Content/imports/<name>/`, on its own: its `source.yaml`, `benchmarks.yaml`,
    /// `providers/` and `models/`, in the same schema as the hand-written files. Not merged with anything.
    public func loadLayer(_ name: String) -> LoadedCatalog {
        var catalog = LoadedCatalog()
        catalog.contentFolder = content
        let folder = "\(content)/\(Self.importsFolder)/\(name)"
        guard let listed = fileSystem.list(absolute(folder)) else { return catalog }
        let names = Set(listed)
        let sourcePath = "\(folder)/source.yaml"
        if names.contains("source.yaml") {
            if let node = parse(sourcePath, into: &catalog.diagnostics),
                let manifest = LayerManifestDecoder.decode(node.value, layer: name, file: sourcePath, &catalog.diagnostics)
            {
                catalog.sources.append(manifest.source)
                catalog.layers[name] = manifest
            }
        } else {
            catalog.diagnostics.append(
                .error(
                    SourceLocation(file: sourcePath), "the import layer `\(name)` has no source.yaml",
                    fix: "run the import again, or remove \(folder)/"))
        }
        loadEntries(in: folder, names: names, into: &catalog)
        if names.contains(Self.historyFolder) {
            for (path, id) in entries(in: "\(folder)/\(Self.historyFolder)", extension: "yaml", into: &catalog.diagnostics) {
                if let node = parse(path, into: &catalog.diagnostics),
                    let history = PriceHistoryDecoder.decode(node.value, name: id, file: path, &catalog.diagnostics)
                {
                    catalog.histories.append(history)
                }
            }
        }
        let known: Set<String> = ["source.yaml", "benchmarks.yaml", "providers", "models", Self.historyFolder]
        for entry in names.sorted() where !known.contains(entry) && !entry.hasPrefix(".") {
            catalog.diagnostics.append(
                .warning(
                    SourceLocation(file: "\(folder)/\(Scalars.visible(entry, limit: 300))"),
                    "not part of an import layer; ignored",
                    fix: "an import layer holds source.yaml, benchmarks.yaml, providers/, models/ and history/"))
        }
        return catalog
    }

    /// `Content/measurements/<model-id>/<date>-<host>.yaml`, written by `versus generate`: one folder per model.
    private func loadMeasurements(names: Set<String>, into catalog: inout LoadedCatalog) {
        let folder = "\(content)/\(Self.measurementsFolder)"
        guard names.contains(Self.measurementsFolder), let models = fileSystem.list(absolute(folder)) else { return }
        for model in models.sorted() where !model.hasPrefix(".") {
            let shown = "\(folder)/\(Scalars.visible(model, limit: 300))"
            guard fileSystem.isDirectory(absolute("\(folder)/\(model)")) else {
                catalog.diagnostics.append(
                    .warning(
                        SourceLocation(file: shown), "not a folder; ignored",
                        fix: "\(folder)/ holds one folder per model id, written by `versus generate`"))
                continue
            }
            guard Identifier.isValid(model) else {
                catalog.diagnostics.append(
                    .error(
                        SourceLocation(file: shown), "folder name \(Scalars.quoted(model)) is not a model id",
                        fix: Identifier.rule))
                continue
            }
            for (path, name) in entries(in: "\(folder)/\(model)", extension: "yaml", into: &catalog.diagnostics) {
                guard let text = readText(path, into: &catalog.diagnostics) else { continue }
                switch cache?.parse(text, file: path) ?? YAMLParser.parse(text, file: path) {
                case let .success(node):
                    if let measurement = MeasurementDecoder.decode(node, folder: model, name: name, file: path, &catalog.diagnostics) {
                        catalog.measurements.append(MeasurementFile(measurement: measurement, text: text))
                    }
                case let .failure(error):
                    catalog.diagnostics.append(contentsOf: error.diagnostics)
                }
            }
        }
    }

    /// The ids of the models that import layers hold: their file names, without reading the files.
    private func importedModelIDs() -> Set<String> {
        var ids = Set<String>()
        for layer in layerNames() {
            for name in fileSystem.list(absolute("\(content)/\(Self.importsFolder)/\(layer)/models")) ?? [] where name.hasSuffix(".yaml") {
                ids.insert(String(name.dropLast(".yaml".count)))
            }
        }
        return ids
    }

    /// `benchmarks.yaml`, `providers/` and `models/` of a catalog folder: Content/ or an import layer. `imported`
    /// names the models an import layer has, which a hand-written file may add to without repeating their name.
    private func loadEntries(in folder: String, names: Set<String>, imported: Set<String> = [], into catalog: inout LoadedCatalog) {
        if names.contains("benchmarks.yaml"), let node = parse("\(folder)/benchmarks.yaml", into: &catalog.diagnostics) {
            catalog.benchmarks += BenchmarksDecoder.decode(node.value, &catalog.diagnostics)
        }
        for (path, id) in entries(in: "\(folder)/providers", extension: "yaml", into: &catalog.diagnostics) {
            if let node = parse(path, into: &catalog.diagnostics),
                let provider = ProviderDecoder.decode(node.value, id: id, file: path, &catalog.diagnostics)
            {
                catalog.providers.append(provider)
            }
        }
        // Model files are many and independent: read them on all cores, then keep file order for the results.
        let files = entries(in: "\(folder)/models", extension: "yaml", into: &catalog.diagnostics)
        let results = Mutex<[(Model?, [Diagnostic])?]>(Array(repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (path, id) = files[index]
            var diagnostics: [Diagnostic] = []
            var model: Model?
            if let cache {
                // A file whose text is as last time is not decoded again either (`versus serve`).
                if let text = readText(path, into: &diagnostics) {
                    let (kept, found) = cache.model(text, file: path, imported: imported.contains(id)) { node, diagnostics in
                        ModelDecoder.decode(node, id: id, file: path, imported: imported.contains(id), &diagnostics)
                    }
                    model = kept
                    diagnostics += found
                }
            } else if let node = parse(path, into: &diagnostics) {
                model = ModelDecoder.decode(node.value, id: id, file: path, imported: imported.contains(id), &diagnostics)
            }
            results.withLock { $0[index] = (model, diagnostics) }
        }
        for case let (model, diagnostics)? in results.withLock({ $0 }) {
            catalog.diagnostics += diagnostics
            if let model { catalog.models.append(model) }
        }
    }

    /// The files of a catalog folder with their ids, sorted; reports names that are not valid ids.
    private func entries(
        in folder: String, extension ext: String, idCheck: Bool = true,
        into diagnostics: inout [Diagnostic]
    ) -> [(String, String)] {
        guard let names = fileSystem.list(absolute(folder)) else { return [] }
        var result: [(String, String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            // Names with control or line-break characters are shown made visible, and never read.
            let shown = SourceLocation(file: "\(folder)/\(Scalars.visible(name, limit: 300))")
            guard name.hasSuffix(".\(ext)") else {
                let fix = name.hasSuffix(".yml") ? "rename it to end in .yaml" : "\(folder)/ holds only .\(ext) files"
                diagnostics.append(.warning(shown, "not a .\(ext) file; ignored", fix: fix))
                continue
            }
            let id = String(name.dropLast(ext.count + 1))
            if (idCheck && !Identifier.isValid(id)) || Scalars.visible(name, limit: 300) != name {
                diagnostics.append(
                    .error(
                        shown, "file name \(Scalars.quoted(id)) is not a valid id",
                        fix: Identifier.rule))
                continue
            }
            result.append((path, id))
        }
        return result
    }

    private func readText(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        let location = SourceLocation(file: path)
        if fileSystem.isDirectory(absolute(path)) {
            diagnostics.append(.error(location, "is a folder, not a file", fix: "move what it holds out of Content/, or rename it"))
            return nil
        }
        if let size = fileSystem.fileSize(absolute(path)), size > YAMLParser.maximumFileSize {
            diagnostics.append(YAMLParser.tooLarge(location, size: size))
            return nil
        }
        let data: Data
        do {
            data = try fileSystem.read(absolute(path))
        } catch is FileSystem.NotARegularFile {
            diagnostics.append(.error(location, "is not a regular file (a device, pipe or socket)", fix: "remove it from Content/"))
            return nil
        } catch {
            diagnostics.append(.error(location, "cannot read the file: \(error.localizedDescription)", fix: "check its permissions"))
            return nil
        }
        // The size can change, or be unknown, before the read: check what was actually read too.
        if data.count > YAMLParser.maximumFileSize {
            diagnostics.append(YAMLParser.tooLarge(location, size: nil))
            return nil
        }
        if data.withUnsafeBytes({ $0.baseAddress.map { memchr($0, 0, data.count) != nil } ?? false }) {
            diagnostics.append(
                .error(location, "file contains NUL bytes: it is binary, not text", fix: "remove it or save it as UTF-8 text"))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(.error(location, "file is not valid UTF-8 text", fix: "save it as UTF-8"))
            return nil
        }
        return text
    }

    /// Parses one YAML file; nil after diagnostics when it cannot be read. The wrapper distinguishes an empty file.
    private func parse(_ path: String, into diagnostics: inout [Diagnostic]) -> Box<YAMLNode?>? {
        guard let text = readText(path, into: &diagnostics) else { return nil }
        switch cache?.parse(text, file: path) ?? YAMLParser.parse(text, file: path) {
        case let .success(node): return Box(value: node)
        case let .failure(error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }
}

struct Box<Value> {
    var value: Value
}
