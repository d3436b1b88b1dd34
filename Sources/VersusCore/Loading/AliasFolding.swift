/// Folds a model that another lists under `aliases:` into that model, once every layer is merged: the same model
/// under two ids (an undated alias and a dated snapshot) becomes one model with one set of pages.
///
/// - the model that lists the alias comes first: its values win, the alias's fill what it leaves out and add their
///   sourced values to figures both hold, as an import layer does under a hand-written file (`LayerMerge`);
/// - a route of the alias at a provider the model already has is the same offering under the other id and is
///   dropped; routes at other providers are added;
/// - an alias may name an id no model has (its addresses still redirect), but not a model that has aliases of its
///   own, the model itself, or an id another model already claims.
enum AliasFolding {
    static func fold(_ catalog: inout LoadedCatalog) {
        var owner: [String: Int] = [:]
        for (index, model) in catalog.models.enumerated() {
            for alias in model.aliases {
                if alias.id == model.id {
                    catalog.diagnostics.append(
                        .error(
                            alias.location, "`\(model.id)` lists itself as an alias",
                            fix: "remove `\(model.id)` from `aliases`"))
                } else if let first = owner[alias.id] {
                    let other = catalog.models[first]
                    if first == index { continue }
                    catalog.diagnostics.append(
                        .error(
                            alias.location,
                            "`\(alias.id)` is already an alias of `\(other.id)` (\(other.location.file))",
                            fix: "an id can be the alias of one model only; remove it from one of the two"))
                } else {
                    owner[alias.id] = index
                }
            }
        }
        guard !owner.isEmpty else { return }
        var removed = Set<Int>()
        for (aliasID, canonical) in owner.sorted(by: { $0.key < $1.key }) {
            guard let index = catalog.models.firstIndex(where: { $0.id == aliasID }) else { continue }
            let alias = catalog.models[index]
            if let nested = alias.aliases.first {
                catalog.diagnostics.append(
                    .error(
                        nested.location,
                        "`\(aliasID)` is an alias of `\(catalog.models[canonical].id)` and has aliases of its own",
                        fix: "list every alias on `\(catalog.models[canonical].id)` and remove `aliases` here"))
                continue
            }
            catalog.models[canonical] = folded(catalog.models[canonical], alias)
            removed.insert(index)
        }
        catalog.models = catalog.models.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    static func folded(_ model: Model, _ alias: Model) -> Model {
        var alias = alias
        let providers = Set(model.routes.map(\.provider))
        alias.routes = alias.routes.filter { !providers.contains($0.provider) }
        var result = LayerMerge.merged(model, alias)
        result.aliases = model.aliases
        return result
    }
}
