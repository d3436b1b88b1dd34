import Foundation
import VersusCore

/// Writes the history files of the layer: `<model-id>.yaml`, every route of the model with its changes, oldest
/// first, each change citing its commit.
struct HistoryRenderer {
    var repository: String

    static let header = [
        "Written by `versus import models.dev --history` from models.dev's git history; the next import rewrites this file.",
        "Each change gives the route's prices from that day on (USD per 1M tokens) and the commit that made it;",
        "`removed: true` marks the day the route left models.dev. A price not given is unknown, not zero.",
    ]

    /// File name → text, for every model that owns a route with a history.
    func files(_ state: HistoryState, owners: HistoryImporter.RouteOwners) -> [String: String] {
        var byModel: [String: [(HistoryImporter.RouteOwner, String, RouteTrack)]] = [:]
        for (path, track) in state.routes {
            guard let owner = owners.owner(of: path, track) else { continue }
            var track = track
            if let since = owners.since(of: path, track, owner: owner) {
                // The days the file served another model are not this one's. The prices in force on the day it became
                // this model's route start its track, dated that day and citing that commit.
                let before = track.changes.last { $0.date < since.date }
                track.changes.removeAll { $0.date < since.date }
                if let before, let prices = before.prices, track.changes.first?.date != since.date {
                    track.changes.insert(HistoryChange(date: since.date, commit: since.commit, prices: prices), at: 0)
                }
                while track.changes.first?.prices == nil, !track.changes.isEmpty { track.changes.removeFirst() }
                if track.changes.isEmpty { continue }
            }
            byModel[owner.model, default: []].append((owner, path, track))
        }
        var files: [String: String] = [:]
        for (model, routes) in byModel {
            files["\(model).yaml"] = file(
                model: model, routes: routes.sorted { ($0.0.provider, $0.0.modelID, $0.1) < ($1.0.provider, $1.0.modelID, $1.1) })
        }
        return files
    }

    private func file(model: String, routes: [(HistoryImporter.RouteOwner, String, RouteTrack)]) -> String {
        var map = YAMLMapping()
        map.add("model", .scalar(model))
        map.add("repository", .text(repository))
        map.add(
            "routes",
            .sequence(
                routes.map { owner, path, track in
                    var route = YAMLMapping()
                    route.add("provider", .scalar(owner.provider))
                    route.add("model_id", .text(owner.modelID))
                    route.add("file", .text(path))
                    route.add("changes", .sequence(track.changes.map(change)))
                    return route.value
                }))
        return YAMLWriter.document(map.value, comment: Self.header)
    }

    private func change(_ change: HistoryChange) -> YAMLValue {
        var map = YAMLMapping()
        map.add("date", .scalar(change.date))
        map.add("commit", .scalar(change.commit))
        guard let prices = change.prices else {
            map.add("removed", .bool(true))
            return map.value
        }
        map.addPrices(
            input: prices.input.map(YAMLValue.scalar), output: prices.output.map(YAMLValue.scalar),
            cachedInput: prices.cachedInput.map(YAMLValue.scalar), cacheWrite: prices.cacheWrite.map(YAMLValue.scalar))
        map.add(
            "tiers",
            .sequence(
                prices.tiers.map { tier in
                    var entry = YAMLMapping()
                    entry.add("above_tokens", .integer(tier.aboveTokens))
                    entry.addPrices(
                        input: tier.input.map(YAMLValue.scalar), output: tier.output.map(YAMLValue.scalar),
                        cachedInput: tier.cachedInput.map(YAMLValue.scalar), cacheWrite: tier.cacheWrite.map(YAMLValue.scalar))
                    return entry.value
                }))
        if prices.free { map.add("price_kind", .scalar(PriceKind.free.rawValue)) }
        return map.value
    }
}
