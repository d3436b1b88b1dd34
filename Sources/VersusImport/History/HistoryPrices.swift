import Foundation
import VersusCore

/// A route's prices on one day, as its models.dev file gave them: numbers kept as written (`2.5`), unknown as nil,
/// never as zero.
struct HistoryPrices: Sendable, Hashable {
    var input: String?
    var output: String?
    var cachedInput: String?
    var cacheWrite: String?
    var tiers: [Tier] = []
    /// The route is a free variant or gives 0 for input and output (`RouteMapping.priceKind`): not pay-as-you-go.
    var free = false

    struct Tier: Sendable, Hashable {
        var aboveTokens: Int
        var input: String?
        var output: String?
        var cachedInput: String?
        var cacheWrite: String?
    }

    init(_ route: ImportedRoute) {
        func text(_ value: Decimal?) -> String? { value.map(YAMLScalars.number) }
        input = text(route.input)
        output = text(route.output)
        cachedInput = text(route.cachedInput)
        cacheWrite = text(route.cacheWrite)
        tiers = route.tiers.map {
            Tier(
                aboveTokens: $0.aboveTokens, input: text($0.input), output: text($0.output), cachedInput: text($0.cachedInput),
                cacheWrite: text($0.cacheWrite))
        }
        free = route.priceKind == .free
    }

    init(input: String?, output: String?, cachedInput: String?, cacheWrite: String?, tiers: [Tier], free: Bool) {
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.tiers = tiers
        self.free = free
    }
}

/// One change of a route: the day, the commit that made it, and the prices from then on; nil prices when the
/// route left models.dev (deleted, or marked deprecated) that day.
struct HistoryChange: Sendable, Hashable {
    var date: String
    var commit: String
    var prices: HistoryPrices?
}

/// Everything the import knows of one route file over the history read so far, under its latest path.
struct RouteTrack: Sendable, Hashable {
    var changes: [HistoryChange] = []
    /// The files its prices were read from at the last commit: itself, the files it links to, its `base_model`.
    var dependencies: [String] = []
    /// What linked the route to a model, from the day the file first said so, each time it changed (oldest first):
    /// a route that has since left models.dev is given to a model of today's catalog by the last, as the importer
    /// links a current route; the days before an identity that links elsewhere were another model's
    /// (`HistoryImporter.RouteOwners.since`).
    var identities: [IdentitySince] = []

    /// The identity the file gave from `date` on, since `commit`.
    struct IdentitySince: Sendable, Hashable {
        var date: String
        var commit: String
        var identity: RouteIdentity
    }

    var identity: RouteIdentity? { identities.last?.identity }

    /// Records the identity read on `date` at `commit`, when it differs from the last.
    mutating func record(_ identity: RouteIdentity, date: String, commit: String) {
        guard identities.last?.identity != identity else { return }
        if identities.last?.date == date { identities.removeLast() }
        if identities.last?.identity == identity { return }
        identities.append(IdentitySince(date: date, commit: commit, identity: identity))
    }

    var present: Bool { changes.last?.prices != nil }

    /// Records `prices` (nil: gone) as of `commit`, unless nothing changed. Changes of one day fold into one, the
    /// last commit of the day standing for it.
    mutating func record(_ prices: HistoryPrices?, date: String, commit: String) {
        if let last = changes.last, last.prices == prices { return }
        if let last = changes.last, last.date == date {
            changes.removeLast()
            if let previous = changes.last, previous.prices == prices { return }
            if changes.isEmpty && prices == nil { return }
        }
        if changes.isEmpty && prices == nil { return }
        changes.append(HistoryChange(date: date, commit: commit, prices: prices))
    }
}

/// The fields of a route file that say which model it serves (`RouteLinker`): its `base_model` and its `name`
/// (with neither, its id does).
struct RouteIdentity: Sendable, Hashable {
    var baseModel: String?
    var name: String?
}

/// What a later import needs to read only the commits that came after: the last commit read, and every route's
/// changes so far. Kept beside the layer's history files (`history/.state`), read by the importer only, in a
/// tab-separated text of its own (`HistoryStateText`): JSON through Codable took most of a resumed run.
struct HistoryState: Sendable, Equatable {
    /// The last commit read.
    var commit: String?
    /// Route file path (the latest) → its track.
    var routes: [String: RouteTrack] = [:]

    func encoded() -> String { HistoryStateText.write(self) }

    static func decode(_ data: Data) -> HistoryState? { HistoryStateText.read(data) }
}
