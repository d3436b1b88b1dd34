import Foundation
import VersusCore

/// `versus import models.dev DIR`: reads a checkout of the models.dev catalog and writes its import layer,
/// `Content/imports/models-dev/`, then reports what changed since the previous import. Never touches a
/// hand-written file; writes only files whose bytes change; uses no clock and no network, so importing the same
/// checkout twice changes nothing.
public struct ModelsDevImporter: Sendable {
    public static let layer = "models-dev"
    public static let sourceID = "models-dev"

    /// The models.dev checkout.
    public var checkout: String
    /// The site folder.
    public var root: String
    /// The catalog folder inside `root`.
    public var content: String
    /// The date every imported value carries; nil for the newest `last_updated` in the snapshot.
    public var asOf: ISODate?
    /// Also read the price history of every route from the checkout's git history (`HistoryImporter`).
    public var history: Bool

    public init(
        checkout: String, root: String = ".", content: String = CatalogLoader.contentFolder, asOf: ISODate? = nil,
        history: Bool = false
    ) {
        self.checkout = checkout
        self.root = root
        self.content = content
        self.asOf = asOf
        self.history = history
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notACheckout(String)
        case noDate
        case cannotWrite(String)
        case history(HistoryImporter.Failure)

        public var description: String {
            switch self {
            case let .notACheckout(folder):
                return "\(folder) is not a models.dev checkout: it has no models/ and providers/ folders"
            case .noDate:
                return "no file of the snapshot has a `last_updated` date to date it by; pass --as-of YYYY-MM-DD"
            case let .cannotWrite(problem):
                return "cannot write the import: \(problem)"
            case let .history(failure):
                return failure.description
            }
        }
    }

    /// The folder of the layer, relative to the site folder.
    public var layerFolder: String { "\(content)/\(CatalogLoader.importsFolder)/\(Self.layer)" }

    public func run() throws(Failure) -> ImportResult {
        let snapshot: Snapshot
        do {
            snapshot = try SnapshotReader(folder: checkout).read()
        } catch {
            throw .notACheckout(checkout)
        }
        guard let date = asOf ?? snapshot.newestUpdate else { throw .noDate }

        let loader = CatalogLoader(root: root, content: content)
        let hand = loader.loadHandWritten()
        let previous = loader.layerNames().contains(Self.layer) ? loader.loadLayer(Self.layer) : nil
        let manifest = previous?.layers[Self.layer]
        let capabilities = hand.site?.capabilities ?? SiteSettings.defaultCapabilities
        let build = LayerBuilder(
            snapshot: snapshot, date: date, capabilityIDs: Set(capabilities.map(\.id)),
            benchmarks: hand.benchmarks, previousIDs: manifest?.ids ?? [:]
        ).build()

        var result = ImportResult(date: date, stats: build.stats, warnings: build.warnings, layerFolder: layerFolder)
        result.aliases = Dictionary(build.aliases.map { ($0.alias, $0.canonical) }, uniquingKeysWith: { first, _ in first })
        var detected: ChangeDetector.Outcome?
        let writer = LayerWriter(folder: path(layerFolder))
        if let previous, let manifest, !writer.holds(build.files, owned: ["models", "providers"]) {
            // The new layer as the catalog will read it, so that the report compares what pages will show.
            let memoryRoot = "/import"
            let memory = FileSystem.memory(
                Dictionary(uniqueKeysWithValues: build.files.map { ("\(memoryRoot)/\(layerFolder)/\($0.key)", $0.value) }))
            let layer = CatalogLoader(root: memoryRoot, content: content, fileSystem: memory).loadLayer(Self.layer)
            let outcome = ChangeDetector(
                old: previous.models, new: layer.models,
                oldProviders: Dictionary(previous.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                newProviders: Dictionary(layer.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            )
            .compare(date: date, previous: manifest.source.date, source: Self.sourceID, file: "\(content)/changes/\(date).yaml")
            if !outcome.report.isEmpty || !outcome.changedModels.isEmpty { detected = outcome }
        }

        do {
            let written = try writer.write(build.files, owned: ["models", "providers"])
            result.written = written.written.map { "\(layerFolder)/\($0)" }
            result.unchanged = written.unchanged
            result.removed = written.removed.map { "\(layerFolder)/\($0)" }
        } catch {
            throw .cannotWrite(error.localizedDescription)
        }

        if history {
            let reader = HistoryImporter(
                checkout: checkout, output: path("\(layerFolder)/\(HistoryImporter.folder)"), planProviders: build.planProviders,
                owners: build.owners)
            do {
                let outcome = try reader.run()
                result.written += outcome.written.filter { !$0.hasPrefix(".") }.map { "\(layerFolder)/\(HistoryImporter.folder)/\($0)" }
                result.removed += outcome.removed.map { "\(layerFolder)/\(HistoryImporter.folder)/\($0)" }
                result.history = outcome
            } catch {
                throw .history(error)
            }
        }

        let check = CatalogCheck.run(root: root, content: content, today: date)
        result.catalogErrors = check.diagnostics.errors
        if let detected {
            var report = detected.report
            report.pairPages =
                Self.touchedPairs(
                    changed: detected.changedModels, removed: Set(report.modelsRemoved),
                    check: check, loader: loader
                ).count
            let file = "\(content)/changes/\(date).yaml"
            do {
                if try LayerWriter.write(ChangeReportFormat.yaml(report), to: path(file)) { result.written.append(file) }
            } catch {
                throw .cannotWrite(error.localizedDescription)
            }
            result.changes = report
            result.changesFile = file
        }
        return result
    }

    private func path(_ relative: String) -> String {
        URL(fileURLWithPath: root).appendingPathComponent(relative).path
    }

    /// The comparison pages whose data changed: the site's pairs that involve a changed model, plus the pages of
    /// models that are gone (one with every other model).
    static func touchedPairs(
        changed: Set<String>, removed: Set<String>, check: CatalogValidator.Result,
        loader: CatalogLoader
    ) -> Set<PairID> {
        let loaded = check.catalog == nil ? loader.load() : nil
        let modelIDs = check.catalog.map { Set($0.models.map(\.id)) } ?? Set(loaded?.models.map(\.id) ?? [])
        let pairs: [PairID]
        if let catalog = check.catalog {
            pairs = PairPlanner.pairs(in: catalog)
        } else {
            let ids = modelIDs.sorted()
            pairs = ids.indices.flatMap { i in ids[(i + 1)...].map { PairID(ids[i], $0) } }
        }
        // A model the import dropped but a hand-written file keeps is still there: its pages changed.
        let stillThere = removed.intersection(modelIDs)
        let affected = changed.union(stillThere)
        var touched = Set(pairs.filter { affected.contains($0.first) || affected.contains($0.second) })
        for gone in removed.subtracting(modelIDs) {
            for other in modelIDs.union(removed) where other != gone { touched.insert(PairID(gone, other)) }
        }
        return touched
    }
}
