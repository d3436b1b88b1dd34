import Foundation

/// Stage 2: cross-file checks. Turns a `LoadedCatalog` into a `Catalog` plus every diagnostic, errors and warnings.
/// Rules only add diagnostics; none throws, so one run reports everything.
public struct CatalogValidator: Sendable {
    /// The day review dates are measured against.
    public var today: ISODate

    public init(today: ISODate) {
        self.today = today
    }

    public struct Result: Sendable {
        /// nil when there are errors.
        public var catalog: Catalog?
        /// Sorted by file, line and column.
        public var diagnostics: [Diagnostic]
    }

    public func validate(_ loaded: LoadedCatalog) -> Result {
        var diagnostics = loaded.diagnostics
        let sources = unique(loaded.sources, id: \.id, location: \.location, kind: "source", &diagnostics)
        let benchmarks = unique(loaded.benchmarks, id: \.id, location: \.location, kind: "benchmark", &diagnostics)
        let providers = Dictionary(loaded.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let site = loaded.site
        let models = loaded.models.map {
            CapabilityRules.derived(
                BenchmarkRules.resolved(PriceKindRules.resolved($0, providers: providers), sources: sources),
                capabilities: site?.capabilities ?? SiteSettings.defaultCapabilities)
        }
        let content = loaded.contentFolder
        let failed = FailedFiles(loaded)
        let failedFiles = failed.files
        let references = ReferenceRules(
            sources: sources, providers: providers, benchmarks: benchmarks,
            capabilities: site?.capabilities ?? SiteSettings.defaultCapabilities,
            sourcesFailed: failedFiles.contains("\(content)/sources.yaml") && loaded.sources.isEmpty,
            benchmarksFailed: failedFiles.contains("\(content)/benchmarks.yaml") && loaded.benchmarks.isEmpty,
            failedProviders: failed.ids(in: "providers"))
        check(models, references: references, site: site, content: content, &diagnostics)

        // Model files that could not be read still name models that exist, for comparisons and pairs; so do aliases,
        // which stand for the model that lists them.
        let aliasOf = Catalog.aliasIndex(models)
        let modelIDs = Set(models.map(\.id)).union(failed.ids(in: "models")).union(aliasOf.keys)
        let editorials = self.editorials(loaded, models: models, benchmarks: benchmarks, modelIDs: modelIDs, aliasOf: aliasOf, &diagnostics)
        checkRequestedPairs(site, modelIDs: modelIDs, &diagnostics)
        let measurements = MeasurementRules.resolve(
            loaded.measurements, modelIDs: Set(models.map(\.id)), aliasOf: aliasOf,
            failedModels: failed.ids(in: "models"), &diagnostics)
        let histories = HistoryRules.resolve(
            loaded.histories, modelIDs: Set(models.map(\.id)), aliasOf: aliasOf, providers: providers, &diagnostics)
        let modelFilesFailed = failedFiles.contains { $0.hasPrefix("\(content)/models/") }
        if models.isEmpty && site != nil && !modelFilesFailed {
            diagnostics.append(
                .warning(
                    SourceLocation(file: "\(content)/models"),
                    "the catalog has no models, so no comparison pages",
                    fix: "add files under Content/models/"))
        }

        diagnostics = Array(Set(diagnostics)).sorted()
        guard let site, !diagnostics.hasErrors else { return Result(catalog: nil, diagnostics: diagnostics) }
        let catalog = Catalog(
            site: site, providers: providers, benchmarks: benchmarks, sources: sources,
            models: models, editorials: editorials, changes: loaded.changes, measurements: measurements,
            histories: histories)
        // Only a catalog without errors gets this far: the whole-site checks need every model and pair.
        let guarded = SiteGuard.check(catalog)
        guard guarded.isEmpty else { return Result(catalog: nil, diagnostics: (diagnostics + guarded).sorted()) }
        return Result(catalog: catalog, diagnostics: diagnostics)
    }

    /// The rules about each model, then those across models.
    private func check(
        _ models: [Model], references: ReferenceRules, site: SiteSettings?, content: String, _ diagnostics: inout [Diagnostic]
    ) {
        // Each model's rules read that model alone: checked on all cores, reported in model order.
        let today = today
        diagnostics += Parallel.mapSync(models) { model in
            var found: [Diagnostic] = []
            references.check(model, &found)
            FigureRules.check(model, &found)
            PriceKindRules.check(model, &found)
            BenchmarkRules.check(model, &found)
            if let site {
                ReviewRules.check(model, site: site, today: today, layers: "\(content)/\(CatalogLoader.importsFolder)/", &found)
            }
            return found
        }.flatMap { $0 }
        PriceKindRules.checkLookAlikes(models, &diagnostics)
    }

    /// The hand-written notes of pairs, each decoded and checked against the catalog; one per pair.
    private func editorials(
        _ loaded: LoadedCatalog, models: [Model], benchmarks: [String: Benchmark], modelIDs: Set<String>,
        aliasOf: [String: String], _ diagnostics: inout [Diagnostic]
    ) -> [PairID: Editorial] {
        var editorials: [PairID: Editorial] = [:]
        let notes = EditorialRules.Context(
            models: Dictionary(models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            benchmarks: benchmarks)
        for (file, slug, text) in loaded.editorials {
            let (parsed, candidates) = PairID.parse(slug, knownIDs: modelIDs)
            guard let parsed else {
                diagnostics.append(unknownPair(slug, candidates: candidates, at: SourceLocation(file: file), modelIDs: modelIDs))
                continue
            }
            let pair = PairID(aliasOf[parsed.first] ?? parsed.first, aliasOf[parsed.second] ?? parsed.second)
            if pair.first == pair.second {
                diagnostics.append(
                    .error(
                        SourceLocation(file: file), "\(Scalars.visible(slug)) compares `\(pair.first)` with an alias of itself",
                        fix: "remove the file, or name two different models"))
                continue
            }
            if let editorial = EditorialDecoder.decode(text, pair: pair, file: file, &diagnostics) {
                if let existing = editorials[pair] {
                    diagnostics.append(
                        .error(
                            SourceLocation(file: file),
                            "a second editorial file for \(pair.slug) (the first is \(existing.location.file))",
                            fix: "merge the two files into one"))
                } else {
                    editorials[pair] = editorial
                    EditorialRules.check(editorial, text: text, file: file, context: notes, &diagnostics)
                }
            }
        }
        return editorials
    }

    /// Pairs that `site.yaml` lists by hand must name models that exist.
    private func checkRequestedPairs(_ site: SiteSettings?, modelIDs: Set<String>, _ diagnostics: inout [Diagnostic]) {
        if case let .list(requests) = site?.pairs {
            for request in requests where PairID.parse(request.slug, knownIDs: modelIDs).0 == nil {
                let (_, candidates) = PairID.parse(request.slug, knownIDs: modelIDs)
                diagnostics.append(unknownPair(request.slug, candidates: candidates, at: request.location, modelIDs: modelIDs))
            }
        }
    }

    private func unique<T>(
        _ items: [T], id: KeyPath<T, String>, location: KeyPath<T, SourceLocation>, kind: String,
        _ diagnostics: inout [Diagnostic]
    ) -> [String: T] {
        var result: [String: T] = [:]
        for item in items {
            if let first = result[item[keyPath: id]] {
                let firstAt = first[keyPath: location]
                diagnostics.append(
                    .error(
                        item[keyPath: location],
                        "duplicate \(kind) id `\(item[keyPath: id])` (first defined at \(firstAt.file):\(firstAt.line))",
                        fix: "ids must be unique; rename or remove one"))
            } else {
                result[item[keyPath: id]] = item
            }
        }
        return result
    }

    private func unknownPair(
        _ slug: String, candidates: [(String, String)], at location: SourceLocation,
        modelIDs: Set<String>
    ) -> Diagnostic {
        guard let (a, b) = candidates.first else {
            return .error(
                location, "\(Scalars.quoted(slug)) does not name a pair as `a-vs-b`",
                fix: "name the two model ids joined by -vs-")
        }
        let missing = [a, b].filter { !modelIDs.contains($0) }
        let names = missing.map { id -> String in
            Suggestion.closest(to: id, in: modelIDs).map { "\(Scalars.code(id)) (did you mean `\($0)`?)" } ?? Scalars.code(id)
        }
        return .error(
            location, "\(Scalars.visible(slug)) names a model that does not exist: \(names.joined(separator: ", "))",
            fix: "model ids are the file names under Content/models/")
    }
}

/// Files that failed as a whole (unreadable, malformed, or no entry left) are reported once: references to what they
/// would have defined are not reported again. A file that lost only some entries is not excused. The same holds for
/// the files of import layers, `Content/imports/<layer>/<folder>/<id>.yaml`.
private struct FailedFiles {
    let files: Set<String>
    let bases: [String]

    init(_ loaded: LoadedCatalog) {
        files = Set(loaded.diagnostics.errors.map(\.location.file))
        let content = loaded.contentFolder
        bases = [content] + loaded.layers.keys.sorted().map { "\(content)/\(CatalogLoader.importsFolder)/\($0)" }
    }

    /// The ids of the failed files in `folder` (`providers`, `models`).
    func ids(in folder: String) -> Set<String> {
        Set(
            files.compactMap { file -> String? in
                for base in bases where file.hasPrefix("\(base)/\(folder)/") && file.hasSuffix(".yaml") {
                    let id = String(file.dropFirst("\(base)/\(folder)/".count).dropLast(".yaml".count))
                    return Identifier.isValid(id) ? id : nil
                }
                return nil
            })
    }
}
