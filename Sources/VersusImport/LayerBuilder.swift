import Foundation
import VersusCore

/// Builds the files of the import layer from a snapshot: the ids, which provider files link to which model, the
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
        var stats = ImportStats()
        /// Sorted, without repeats.
        var warnings: [ImportWarning] = []
        /// The models that repeat another under a second id, sorted by canonical id.
        var aliases: [ModelAliases.Pair] = []
        /// Who each models.dev route file, current or gone, belongs to in the catalog.
        var owners = HistoryImporter.RouteOwners(current: [:])
        /// Provider folders that sell plans.
        var planProviders: Set<String> = []
    }

    /// What the steps of `build` share.
    private struct Work {
        var models: [String: ImportedModel] = [:]
        var stats = ImportStats()
        var warnings: [ImportWarning]
        var files: [String: String] = [:]
        var aliases: [ModelAliases.Pair] = []
        var owners: [String: HistoryImporter.RouteOwner] = [:]
    }

    func build() -> Output {
        var work = Work(warnings: snapshot.warnings)
        let ids = ModelIDs.assign(snapshot.models, previous: previousIDs)
        let providers = Dictionary(snapshot.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let providerIDs = Self.providerIDs(snapshot.providers.map(\.id))
        let plans = Self.planProviders(providerIDs.keys, providers: providers)
        mapModels(ids, providers: providers, &work)
        // One linker for today's routes and, in the price history, for the routes that left.
        let linker = RouteLinker(models: snapshot.models)
        linkRoutes(linker, providerIDs: providerIDs, planProviders: Set(plans.keys), &work)
        findAliases(&work)
        let known = mapResults(&work)

        let renderer = LayerRenderer(source: source, date: date)
        for model in work.models.values {
            work.files["models/\(model.id).yaml"] = renderer.model(model)
        }
        work.stats.models = work.models.count
        // Every provider, not only those with a route this time: a hand-written route may name any of them, and
        // must not break when a later snapshot drops the last imported route of its provider.
        for (upstream, id) in providerIDs.sorted(by: { $0.key < $1.key }) {
            work.files["providers/\(id).yaml"] = provider(
                providers[upstream], folder: upstream, plan: plans[upstream],
                renderer: renderer, &work.warnings)
        }
        if !known.isEmpty {
            let definitions = known.sorted { $0.key.id < $1.key.id }.map { definition, names in
                (definition, names.filter { $0 != definition.name }.sorted())
            }
            work.files["benchmarks.yaml"] = renderer.benchmarks(definitions)
        }
        var title = "models.dev catalog, snapshot of \(date)"
        if let commit = snapshot.commit { title += " (commit \(commit.prefix(12)))" }
        work.files["source.yaml"] = renderer.manifest(title: title, commit: snapshot.commit, ids: ids.ids)
        let owners = HistoryImporter.RouteOwners(
            current: work.owners, linker: linker, modelIDs: work.models.mapValues(\.id),
            providerIDs: providerIDs)
        return Output(
            files: work.files, stats: work.stats, warnings: Array(Set(work.warnings)).sorted(), aliases: work.aliases,
            owners: owners, planProviders: Set(plans.keys))
    }

    /// One model per canonical file, under the id it was given.
    private func mapModels(_ ids: ModelIDs.Assignment, providers: [String: UpstreamProvider], _ work: inout Work) {
        let mapping = ModelMapping(capabilityIDs: capabilityIDs, providers: providers)
        for upstream in snapshot.models {
            guard let id = ids.ids[upstream.id] else { continue }
            if let others = ids.disambiguated[upstream.id] {
                let shared = others.map { "models/\($0).toml" }.joined(separator: ", ")
                work.warnings.append(ImportWarning(upstream.file, "its name takes the same id as \(shared); imported as `\(id)`"))
            }
            work.models[upstream.id] = mapping.model(upstream, id: id, &work.warnings)
        }
    }

    /// The provider folders that sell plans (`UpstreamNames.planReason`), with the reason.
    static func planProviders(_ folders: some Sequence<String>, providers: [String: UpstreamProvider]) -> [String: String] {
        var plans: [String: String] = [:]
        for folder in folders {
            if let reason = UpstreamNames.planReason(provider: folder, data: providers[folder]?.data) { plans[folder] = reason }
        }
        return plans
    }

    /// Lists each model that repeats another under a second id under `aliases` of the canonical one (`ModelAliases`).
    private func findAliases(_ work: inout Work) {
        work.aliases = ModelAliases.pairs(Array(work.models.values))
        let upstreamOf = Dictionary(work.models.map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for pair in work.aliases {
            guard let upstream = upstreamOf[pair.canonical] else { continue }
            work.models[upstream]?.aliases.append(pair.alias)
        }
        work.stats.aliases = work.aliases.count
    }

    /// Every readable provider file: a route of the model it links to by the exact rules, or counted.
    private func linkRoutes(_ linker: RouteLinker, providerIDs: [String: String], planProviders: Set<String>, _ work: inout Work) {
        work.stats.providerFiles = snapshot.routes.count
        work.stats.unreadable = snapshot.unreadableRoutes
        let byID = Dictionary(snapshot.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let mapping = RouteMapping(planProviders: planProviders)
        var usedProviders = Set<String>()
        for file in snapshot.routes {
            switch linker.link(file) {
            case let .linked(upstream, rule):
                guard var model = work.models[upstream], let provider = providerIDs[file.provider] else { continue }
                switch rule {
                case .baseModel: work.stats.linkedByBaseModel += 1
                case .id: work.stats.linkedByID += 1
                case .name: work.stats.linkedByName += 1
                }
                let base = rule == .baseModel ? byID[upstream] : nil
                switch mapping.route(file, provider: provider, base: base, model: model, upstream: upstream, &work.warnings) {
                case let .route(route):
                    model.routes.append(route)
                    work.owners[file.file] = HistoryImporter.RouteOwner(model: model.id, provider: provider, modelID: route.modelID)
                    work.models[upstream] = model
                    usedProviders.insert(file.provider)
                    work.stats.routes += 1
                case .deprecated:
                    work.stats.deprecated += 1
                }
            case let .missingBase(base):
                work.stats.unlinked += 1
                work.stats.missingBase += 1
                work.warnings.append(
                    ImportWarning(file.file, "`base_model` names \(OneLine.quoted(base)), which is not in models/; not imported"))
            case .ambiguous:
                work.stats.unlinked += 1
                work.stats.ambiguous += 1
            case .unlinked:
                work.stats.unlinked += 1
            }
        }
        for id in work.models.keys {
            work.models[id]?.routes.sort { ($0.provider, $0.modelID) < ($1.provider, $1.modelID) }
        }
        work.stats.providers = usedProviders.count
    }

    /// The benchmark results of every model; returns the known benchmarks the layer must add, with the names seen.
    private func mapResults(_ work: inout Work) -> [KnownBenchmarks.Definition: Set<String>] {
        let mapping = ResultMapping(matcher: BenchmarkMatcher(catalog: benchmarks))
        var outcome = ResultMapping.Outcome()
        var firstFile: [String: String] = [:]
        for upstream in snapshot.models where work.models[upstream.id] != nil {
            let before = outcome.unmatched
            mapping.results(upstream, into: &outcome, &work.warnings)
            for name in outcome.unmatched.keys where before[name] == nil { firstFile[name] = upstream.file }
            work.models[upstream.id]?.results = outcome.results
            work.stats.results += outcome.results.count
            outcome.results = []
        }
        // One warning per name, on the first file that used it.
        for (name, count) in outcome.unmatched.sorted(by: { $0.key < $1.key }) {
            let file = firstFile[name] ?? "models"
            let results = count == 1 ? "1 result" : "\(count) results"
            if let ids = outcome.ambiguous[name] {
                work.warnings.append(
                    ImportWarning(
                        file,
                        "benchmark \(OneLine.quoted(name)) fits several benchmarks (\(ids.joined(separator: ", "))); \(results) not imported"
                    ))
            } else {
                work.warnings.append(
                    ImportWarning(
                        file,
                        "benchmark \(OneLine.quoted(name)) matches no benchmark of the hand-written benchmarks.yaml; \(results) not imported (add the name to a benchmark's `aliases`)"
                    ))
            }
        }
        work.stats.benchmarksMatched = outcome.matched.count
        work.stats.benchmarkNamesUnmatched = outcome.unmatched.count
        work.stats.resultsUnmatched = outcome.unmatched.values.reduce(0, +)
        return outcome.known
    }

    /// A provider's layer file: its name, documentation address and SDK from provider.toml, its kind from the table,
    /// `price_kind: plan` when it sells plans (`plan` says why).
    private func provider(
        _ provider: UpstreamProvider?, folder: String, plan: String?, renderer: LayerRenderer,
        _ warnings: inout [ImportWarning]
    ) -> String {
        let file = provider?.file ?? "providers/\(folder)/provider.toml"
        let fields = provider?.data.map { UpstreamFields($0, file: file) }
        let name = fields?.text("name", &warnings) ?? folder
        var url = fields?.text("doc", &warnings)
        if let text = url, !SourceReference.isWebAddress(text) {
            warnings.append(ImportWarning(file, "`doc` \(OneLine.quoted(text)) is not a web address; left out"))
            url = nil
        }
        let compatible: Bool? = fields?.text("npm", &warnings) == "@ai-sdk/openai-compatible" ? true : nil
        return renderer.provider(
            name: name, kind: UpstreamNames.kind(provider: folder), url: url, openAICompatible: compatible,
            plan: plan, upstream: file)
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
