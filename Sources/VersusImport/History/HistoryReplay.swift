import Foundation
import VersusCore

/// Replays a repository's commits over the files of models.dev, one commit at a time, and records in each route's
/// track the day its prices changed, the day it left and the day it came back. A route keeps its track when its
/// file is renamed or moved; its prices are read as the importer reads them today (`RouteMapping`): through links
/// and `base_model`, free variants and zero prices marked free.
struct HistoryReplay {
    /// Path → blob of every file under `providers/` and `models/` at the commit replayed last.
    var files: [String: String] = [:]
    /// The paths of `files` that are symbolic links.
    var links: Set<String> = []
    var state: HistoryState
    var blobs: BlobStore
    /// Provider folders that sell plans: their routes' kinds come from the provider, not from their prices.
    var planProviders: Set<String>
    /// When resuming: the commit read last. A file the new commits did not touch is looked up there, when a route
    /// needs it (`known` holds the paths whose state is already settled).
    var base: String?
    private var known = Set<String>()
    /// File → the routes whose prices read it.
    private var dependents: [String: Set<String>] = [:]
    private var parsed: [String: [String: TOMLData]?] = [:]

    init(state: HistoryState, blobs: BlobStore, planProviders: Set<String>) {
        self.state = state
        self.blobs = blobs
        self.planProviders = planProviders
        for (path, track) in state.routes where track.present {
            for file in track.dependencies { dependents[file, default: []].insert(path) }
        }
    }

    /// `providers/<provider>/models/<id>.toml`.
    static func isRoute(_ path: String) -> Bool {
        let parts = path.split(separator: "/", maxSplits: 3)
        return parts.count == 4 && parts[0] == "providers" && parts[2] == "models" && path.hasSuffix(".toml")
    }

    mutating func apply(_ commit: GitCommit) throws(GitCommand.Failure) {
        var touched = Set<String>()
        for change in commit.changes {
            known.insert(change.path)
            known.insert(change.newPath)
            switch change.status {
            case .deleted:
                files[change.path] = nil
                links.remove(change.path)
                touched.insert(change.path)
            case .added, .modified:
                files[change.path] = change.blob
                if change.isLink { links.insert(change.path) } else { links.remove(change.path) }
                touched.insert(change.path)
            case .renamed:
                files[change.path] = nil
                links.remove(change.path)
                files[change.newPath] = change.blob
                if change.isLink { links.insert(change.newPath) }
                touched.insert(change.path)
                touched.insert(change.newPath)
                if Self.isRoute(change.path), Self.isRoute(change.newPath), let moved = state.routes.removeValue(forKey: change.path) {
                    for file in moved.dependencies { dependents[file]?.remove(change.path) }
                    if let earlier = state.routes[change.newPath], !earlier.changes.isEmpty {
                        // The new name had a route of its own before, since gone: one track, in date order.
                        var merged = moved
                        merged.changes = (earlier.changes + moved.changes).sorted { $0.date < $1.date }
                        merged.identities = (earlier.identities + moved.identities).sorted { $0.date < $1.date }
                        state.routes[change.newPath] = merged
                    } else {
                        state.routes[change.newPath] = moved
                    }
                }
            }
        }
        var affected = Set(touched.filter(Self.isRoute))
        for path in touched { affected.formUnion(dependents[path] ?? []) }
        // The routes' own blobs and those of the files they read last time (a resumed run has none of them yet),
        // in one run of git each.
        let needed = affected.flatMap { [$0] + (state.routes[$0]?.dependencies ?? []) }
        try settle(needed)
        try blobs.load(needed.compactMap { files[$0] })
        for path in affected.sorted() {
            let (prices, dependencies, identity) = try read(path)
            var track = state.routes[path] ?? RouteTrack()
            if let identity { track.record(identity, date: commit.day, commit: commit.hash) }
            let present = track.present
            for file in track.dependencies where present { dependents[file]?.remove(path) }
            track.record(prices, date: commit.day, commit: commit.hash)
            track.dependencies = prices == nil ? [] : dependencies
            for file in track.dependencies { dependents[file, default: []].insert(path) }
            if track.changes.isEmpty { state.routes[path] = nil } else { state.routes[path] = track }
        }
        state.commit = commit.hash
    }

    /// The prices of the route at `path` now, nil when it is gone or deprecated, with the files they were read from
    /// and the fields that link it to a model (nil when the file could not be read).
    private mutating func read(_ path: String) throws(GitCommand.Failure) -> (HistoryPrices?, [String], RouteIdentity?) {
        guard files[path] != nil else { return (nil, [], nil) }
        var dependencies = [path]
        guard let (own, target) = try table(path, &dependencies) else { return (nil, dependencies, nil) }
        var data = own
        // From 2026-04 to 2026-06 models.dev wrote inheritance as `[extends] from = "<provider>/<model>"`: another
        // provider's model file deep-merged under this one's fields, minus `omit`. Read as models.dev generated it.
        var hops = 0
        while let extends = data["extends"]?.table, hops < CheckoutFiles.maximumLinkHops {
            hops += 1
            let from = extends["from"]?.string?.split(separator: "/", maxSplits: 1).map(String.init) ?? []
            guard from.count == 2 else { return (nil, dependencies, nil) }
            let file = "providers/\(from[0])/models/\(from[1]).toml"
            if !dependencies.contains(file) { dependencies.append(file) }
            guard var (inherited, _) = try table(file, &dependencies) else { return (nil, dependencies, nil) }
            inherited.removeValue(forKey: "reasoning_options")
            var overrides = data
            overrides.removeValue(forKey: "extends")
            data = Self.mergeDeep(inherited, overrides)
            for omit in extends["omit"]?.array?.compactMap(\.string) ?? [] {
                RouteMapping.remove(omit.split(separator: ".").map(String.init), from: &data)
            }
        }
        let parts = path.split(separator: "/", maxSplits: 3).map(String.init)
        let provider = parts[1]
        let modelID = String(parts[3].dropLast(".toml".count))
        // Tabs and line breaks become spaces, as the state file keeps them.
        let identity = RouteIdentity(
            baseModel: data["base_model"]?.string,
            name: data["name"]?.string.map { String($0.map { $0 == "\t" || $0.isNewline ? " " : $0 }) })
        var base: UpstreamModel?
        if let name = data["base_model"]?.string {
            let file = "models/\(name).toml"
            dependencies.append(file)
            guard let (model, _) = try table(file, &dependencies) else { return (nil, dependencies, identity) }
            let pieces = name.split(separator: "/", maxSplits: 1).map(String.init)
            base = UpstreamModel(id: name, lab: pieces.first ?? name, name: pieces.last ?? name, file: file, data: model)
        }
        let route = UpstreamRoute(provider: provider, modelID: modelID, file: path, target: target, data: data)
        var warnings: [ImportWarning] = []
        let owner = ImportedModel(id: modelID, upstream: path, name: modelID, developer: provider)
        let mapping = RouteMapping(planProviders: planProviders)
        switch mapping.route(route, provider: provider, base: base, model: owner, upstream: base?.id ?? "", &warnings) {
        case let .route(imported): return (HistoryPrices(imported), dependencies, identity)
        case .deprecated: return (nil, dependencies, identity)
        }
    }

    /// The parsed table of `path`, following symbolic links and one-line link files inside the repository; nil when
    /// it is missing or not TOML. Every file followed is added to `dependencies`.
    private mutating func table(_ path: String, _ dependencies: inout [String]) throws(GitCommand.Failure) -> (
        [String: TOMLData], String?
    )? {
        var current = path
        for _ in 0...CheckoutFiles.maximumLinkHops {
            try settle([current])
            guard let blob = files[current] else { return nil }
            if blobs.text(blob) == nil { try blobs.load([blob]) }
            guard let text = blobs.text(blob) else { return nil }
            let destination: String?
            if links.contains(current) {
                destination = text.trimmingCharacters(in: .whitespacesAndNewlines)
            } else if let cached = parsed[blob] {
                if let cached { return (cached, current == path ? nil : current) }
                destination = CheckoutFiles.linkStub(text)
            } else {
                let table = try? TOMLData.parse(text)
                parsed[blob] = .some(table)
                if let table { return (table, current == path ? nil : current) }
                destination = CheckoutFiles.linkStub(text)
            }
            guard let destination, !destination.hasPrefix("/"), let next = CheckoutFiles.resolve(destination, from: current) else {
                return nil
            }
            current = next
            if !dependencies.contains(next) { dependencies.append(next) }
        }
        return nil
    }

    /// `overrides` over `base`, tables merged key by key at every depth (models.dev's `mergeDeep`).
    static func mergeDeep(_ base: [String: TOMLData], _ overrides: [String: TOMLData]) -> [String: TOMLData] {
        var result = base
        for (key, value) in overrides {
            if case let .table(inner)? = result[key], case let .table(over) = value {
                result[key] = .table(mergeDeep(inner, over))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// Looks up at `base` the paths whose state no commit replayed so far has settled; without a base (a run from
    /// the first commit) a path no commit touched does not exist.
    private mutating func settle(_ paths: [String]) throws(GitCommand.Failure) {
        let unknown = Array(Set(paths.filter { !known.contains($0) })).sorted()
        guard !unknown.isEmpty else { return }
        known.formUnion(unknown)
        guard let base else { return }
        let found = try HistoryImporter.tree(blobs.git, commit: base, paths: unknown)
        files.merge(found.files) { _, new in new }
        links.formUnion(found.links)
    }
}
