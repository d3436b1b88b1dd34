import Foundation
import VersusCore

/// Builds the files of the import layer from a snapshot: which provider files link to which model, the ids, the
/// mapping of every field, and the counts and warnings of the summary. Pure: reads and writes nothing.
struct LayerBuilder {
    var snapshot: Snapshot
    var date: ISODate
    /// The site's capability rows; only those are written.
    var capabilityIDs: Set<String>
    /// The hand-written benchmarks, matched before the importer's own list.
    var benchmarks: [Benchmark]
    /// Upstream model id → catalog id from the previous import.
    var previousIDs: [String: String]
    var source = ModelsDevImporter.sourceID

    struct Output {
        /// Path inside the layer folder → file text.
        var files: [String: String] = [:]
        var ids: [String: String] = [:]
        var stats = ImportStats()
        var warnings: [ImportWarning] = []
    }

    func build() -> Output {
        var output = Output()
        var warnings = snapshot.warnings
        let assignment = ModelIDs.assign(snapshot.models, previous: previousIDs)
        output.ids = assignment.ids
        let byID = Dictionary(snapshot.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for model in snapshot.models {
            if let others = assignment.disambiguated[model.id], let id = assignment.ids[model.id] {
                let shared = others.map { "models/\($0).toml" }.joined(separator: ", ")
                warnings.append(ImportWarning(model.file, "its name takes the same id as \(shared); imported as `\(id)`"))
            }
        }

        let providers = Dictionary(snapshot.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let providerIDs = Self.providerIDs(snapshot.providers.map(\.id))
        let mapping = ModelMapping(capabilityIDs: capabilityIDs, providers: providers)
        var models: [String: ImportedModel] = [:]
        for upstream in snapshot.models {
            guard let id = assignment.ids[upstream.id] else { continue }
            models[upstream.id] = mapping.model(upstream, id: id, &warnings)
        }

        // Routes: every readable provider file, linked by the exact rules or counted.
        var stats = ImportStats()
        stats.providerFiles = snapshot.routes.count
        stats.unreadable = snapshot.unreadableRoutes
        let linker = RouteLinker(models: snapshot.models)
        let routes = RouteMapping()
        var usedProviders = Set<String>()
        for file in snapshot.routes {
            switch linker.link(file) {
            case let .linked(upstream, rule):
                guard var model = models[upstream], let provider = providerIDs[file.provider] else { continue }
                switch rule {
                case .baseModel: stats.linkedByBaseModel += 1
                case .id: stats.linkedByID += 1
                case .name: stats.linkedByName += 1
                }
                switch routes.route(file, provider: provider, base: rule == .baseModel ? byID[upstream] : nil, model: model, &warnings) {
                case let .route(route):
                    model.routes.append(route)
                    models[upstream] = model
                    usedProviders.insert(file.provider)
                    stats.routes += 1
                case .deprecated:
                    stats.deprecated += 1
                }
            case let .missingBase(base):
                stats.unlinked += 1
                stats.missingBase += 1
                warnings.append(ImportWarning(file.file, "`base_model` names \(OneLine.quoted(base)), which is not in models/; not imported"))
            case .ambiguous:
                stats.unlinked += 1
                stats.ambiguous += 1
            case .unlinked:
                stats.unlinked += 1
            }
        }

        // Benchmark results.
        let results = ResultMapping(matcher: BenchmarkMatcher(catalog: benchmarks))
        var outcome = ResultMapping.Outcome()
        var firstFile: [String: String] = [:]
        for upstream in snapshot.models {
            guard var model = models[upstream.id] else { continue }
            let before = outcome.unmatched
            results.results(upstream, into: &outcome, &warnings)
            for name in outcome.unmatched.keys where before[name] == nil { firstFile[name] = upstream.file }
            model.results = outcome.results
            outcome.results = []
            models[upstream.id] = model
            stats.results += model.results.count
        }
        for (name, count) in outcome.unmatched.sorted(by: { $0.key < $1.key }) {
            let file = firstFile[name] ?? "models"
            let results = count == 1 ? "1 result" : "\(count) results"
            if let ids = outcome.ambiguous[name] {
                warnings.append(ImportWarning(file, "benchmark \(OneLine.quoted(name)) fits several benchmarks (\(ids.joined(separator: ", "))); \(results) not imported"))
            } else {
                warnings.append(ImportWarning(file, "benchmark \(OneLine.quoted(name)) matches no benchmark of the hand-written benchmarks.yaml; \(results) not imported (add the name to a benchmark's `aliases`)"))
            }
        }
        stats.benchmarksMatched = outcome.matched.count
        stats.benchmarkNamesUnmatched = outcome.unmatched.count
        stats.resultsUnmatched = outcome.unmatched.values.reduce(0, +)

        // Files.
        let renderer = LayerRenderer(source: source, date: date)
        for model in models.values {
            var model = model
            model.routes.sort { ($0.provider, $0.modelID) < ($1.provider, $1.modelID) }
            output.files["models/\(model.id).yaml"] = renderer.model(model)
        }
        stats.models = models.count
        // Every provider, not only those with a route this time: a hand-written route may name any of them, and
        // must not break when a later snapshot drops the last imported route of its provider.
        for upstream in providers.keys.sorted() {
            guard let id = providerIDs[upstream] else { continue }
            let provider = providers[upstream]
            let fields = provider?.data.map { UpstreamFields($0, file: provider!.file) }
            let name = fields?.text("name", &warnings) ?? upstream
            var url = fields?.text("doc", &warnings)
            if let text = url, !SourceReference.isWebAddress(text) {
                warnings.append(ImportWarning(provider!.file, "`doc` \(OneLine.quoted(text)) is not a web address; left out"))
                url = nil
            }
            let compatible: Bool? = fields?.text("npm", &warnings) == "@ai-sdk/openai-compatible" ? true : nil
            output.files["providers/\(id).yaml"] = renderer.provider(name: name, kind: UpstreamNames.kind(provider: upstream), url: url,
                                                                     openAICompatible: compatible, upstream: provider?.file ?? "providers/\(upstream)")
        }
        stats.providers = usedProviders.count
        if !outcome.known.isEmpty {
            let definitions = outcome.known.sorted { $0.key.id < $1.key.id }.map { definition, names in
                (definition, names.filter { $0 != definition.name }.sorted())
            }
            output.files["benchmarks.yaml"] = renderer.benchmarks(definitions)
        }
        var title = "models.dev catalog, snapshot of \(date)"
        if let commit = snapshot.commit { title += " (commit \(commit.prefix(12)))" }
        output.files["source.yaml"] = renderer.manifest(title: title, commit: snapshot.commit, ids: assignment.ids)

        output.stats = stats
        output.warnings = Array(Set(warnings)).sorted()
        return output
    }

    /// Catalog ids for provider folders: slugs (`wafer.ai` → `wafer-ai`), a number added when two collide.
    static func providerIDs(_ folders: [String]) -> [String: String] {
        var ids: [String: String] = [:]
        var taken = Set<String>()
        for folder in folders.sorted() {
            var id = ModelIDs.slug(folder)
            var number = 2
            while taken.contains(id) {
                id = ModelIDs.slug(folder, suffix: "-\(number)")
                number += 1
            }
            ids[folder] = id
            taken.insert(id)
        }
        return ids
    }
}
