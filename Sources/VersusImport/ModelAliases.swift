/// models.dev lists some models twice in one lab folder: an undated alias named "… (latest)" that points at the
/// newest snapshot (`claude-haiku-4-5`, "Claude Haiku 4.5 (latest)") and the dated snapshot itself
/// (`claude-haiku-4-5-20251001`, "Claude Haiku 4.5"). The importer writes both models, and lists the other id under
/// `aliases` of one of them, so that the catalog folds the two into one model with one set of pages.
enum ModelAliases {
    static let latestSuffix = " (latest)"

    /// The name the layer writes: the models.dev name without a trailing " (latest)" (exactly that text), for every
    /// model, with a twin or not.
    static func displayName(_ name: String) -> String {
        name.hasSuffix(latestSuffix) ? String(name.dropLast(latestSuffix.count)) : name
    }

    /// One model under two ids: `canonical` lists `alias`.
    struct Pair: Sendable, Hashable {
        var canonical: String
        var alias: String
    }

    /// The alias pairs among `models` (catalog id → model). Two models are one when they are in the same lab folder,
    /// their models.dev names are equal once a trailing " (latest)" is dropped, and exactly one of the two is named
    /// with " (latest)"; a group of more than two such models (or two both named "(latest)") makes no pair. Release
    /// dates need not agree. The canonical id, which lists the other, is the shorter of the two catalog ids, or the
    /// alphabetically first when they are as long. Sorted by canonical id.
    static func pairs(_ models: [ImportedModel]) -> [Pair] {
        let groups = Dictionary(grouping: models, by: { [$0.lab, displayName($0.upstreamName)] })
        var result: [Pair] = []
        for group in groups.values where group.count == 2 {
            let latest = group.filter { $0.upstreamName.hasSuffix(latestSuffix) }
            guard latest.count == 1 else { continue }
            let ids = group.map(\.id).sorted { ($0.count, $0) < ($1.count, $1) }
            result.append(Pair(canonical: ids[0], alias: ids[1]))
        }
        return result.sorted { ($0.canonical, $0.alias) < ($1.canonical, $1.alias) }
    }
}
