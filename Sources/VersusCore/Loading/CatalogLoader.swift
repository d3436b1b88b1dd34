import Foundation

/// Everything read from `Content/`, each file decoded on its own, before cross-file checks.
public struct LoadedCatalog: Sendable {
    public var site: SiteSettings?
    public var sources: [Source] = []
    public var benchmarks: [Benchmark] = []
    public var providers: [Provider] = []
    public var models: [Model] = []
    public var editorials: [(file: String, slug: String, text: String)] = []
    public var diagnostics: [Diagnostic] = []
}

/// Stage 1 of the pipeline: reads every catalog file under `<root>/Content` and decodes it.
public struct CatalogLoader: Sendable {
    public var root: String
    public var fileSystem: FileSystem
    public static let contentFolder = "Content"

    public init(root: String, fileSystem: FileSystem = .local) {
        self.root = root
        self.fileSystem = fileSystem
    }

    private func absolute(_ relative: String) -> String {
        root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    public func load() -> LoadedCatalog {
        var catalog = LoadedCatalog()
        let content = Self.contentFolder
        guard fileSystem.isDirectory(absolute(content)) else {
            catalog.diagnostics.append(.error(SourceLocation(file: content), "there is no Content/ folder in \(root.isEmpty ? "." : root)",
                                              fix: "run versus in a site folder, or pass --root DIR"))
            return catalog
        }
        let topLevel = Set(fileSystem.list(absolute(content)) ?? [])
        if topLevel.filter({ !$0.hasPrefix(".") }).isEmpty {
            catalog.diagnostics.append(.error(SourceLocation(file: content), "Content/ is empty",
                                              fix: "add at least Content/site.yaml; see docs/catalog.md"))
            return catalog
        }

        let sitePath = "\(content)/site.yaml"
        if topLevel.contains("site.yaml") {
            if let node = parse(sitePath, into: &catalog.diagnostics) {
                catalog.site = SiteDecoder.decode(node.value, file: sitePath, &catalog.diagnostics)
            }
        } else {
            catalog.diagnostics.append(.error(SourceLocation(file: sitePath), "Content/site.yaml is missing",
                                              fix: "create it with at least `title:` and `base_url:`"))
        }
        if topLevel.contains("sources.yaml"), let node = parse("\(content)/sources.yaml", into: &catalog.diagnostics) {
            catalog.sources = SourcesDecoder.decode(node.value, &catalog.diagnostics)
        }
        if topLevel.contains("benchmarks.yaml"), let node = parse("\(content)/benchmarks.yaml", into: &catalog.diagnostics) {
            catalog.benchmarks = BenchmarksDecoder.decode(node.value, &catalog.diagnostics)
        }
        for (path, id) in entries(in: "\(content)/providers", extension: "yaml", into: &catalog.diagnostics) {
            if let node = parse(path, into: &catalog.diagnostics),
               let provider = ProviderDecoder.decode(node.value, id: id, file: path, &catalog.diagnostics) {
                catalog.providers.append(provider)
            }
        }
        for (path, id) in entries(in: "\(content)/models", extension: "yaml", into: &catalog.diagnostics) {
            if let node = parse(path, into: &catalog.diagnostics),
               let model = ModelDecoder.decode(node.value, id: id, file: path, &catalog.diagnostics) {
                catalog.models.append(model)
            }
        }
        for (path, slug) in entries(in: "\(content)/comparisons", extension: "md", idCheck: false, into: &catalog.diagnostics) {
            if let text = readText(path, into: &catalog.diagnostics) {
                catalog.editorials.append((path, slug, text))
            }
        }
        let known: Set<String> = ["site.yaml", "sources.yaml", "benchmarks.yaml", "providers", "models", "comparisons",
                                  "changes", "measurements"]
        for name in topLevel.sorted() where !known.contains(name) && !name.hasPrefix(".") {
            var fix = "Content/ holds site.yaml, sources.yaml, benchmarks.yaml, providers/, models/ and comparisons/"
            if let near = Suggestion.closest(to: name, in: known) { fix = "did you mean `\(near)`?" }
            catalog.diagnostics.append(.warning(SourceLocation(file: "\(content)/\(Scalars.visible(name, limit: 300))"), "not part of the catalog; ignored",
                                                fix: fix))
        }
        return catalog
    }

    /// The files of a catalog folder with their ids, sorted; reports names that are not valid ids.
    private func entries(in folder: String, extension ext: String, idCheck: Bool = true,
                         into diagnostics: inout [Diagnostic]) -> [(String, String)] {
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
                diagnostics.append(.error(shown, "file name \(Scalars.quoted(id)) is not a valid id",
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
        if data.contains(0) {
            diagnostics.append(.error(location, "file contains NUL bytes: it is binary, not text", fix: "remove it or save it as UTF-8 text"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(location, "file is not valid UTF-8 text", fix: "save it as UTF-8"))
            return nil
        }
        return text
    }

    /// Parses one YAML file; nil after diagnostics when it cannot be read. The wrapper distinguishes an empty file.
    private func parse(_ path: String, into diagnostics: inout [Diagnostic]) -> Box<YAMLNode?>? {
        guard let text = readText(path, into: &diagnostics) else { return nil }
        switch YAMLParser.parse(text, file: path) {
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
