/// A price history must name a model of the catalog (an alias id stands for the model that lists it; its routes
/// join the model's) and providers the catalog knows. A history of a model the catalog no longer has is ignored
/// with a warning: the next import with --history drops it.
enum HistoryRules {
    static func resolve(
        _ histories: [PriceHistory], modelIDs: Set<String>, aliasOf: [String: String], providers: [String: Provider],
        _ diagnostics: inout [Diagnostic]
    ) -> [String: PriceHistory] {
        var result: [String: PriceHistory] = [:]
        for history in histories {
            guard let id = modelIDs.contains(history.model) ? history.model : aliasOf[history.model] else {
                diagnostics.append(
                    .warning(
                        history.location, "price history of `\(history.model)`, which is not a model of the catalog; ignored",
                        fix: "run the import with --history again, or remove the file"))
                continue
            }
            var routes: [RouteHistory] = []
            for route in history.routes {
                guard providers[route.provider] != nil else {
                    diagnostics.append(
                        .warning(
                            route.location,
                            "price history of a route on `\(route.provider)`, which is not a provider of the catalog; ignored",
                            fix: "run the import with --history again"))
                    continue
                }
                routes.append(route)
            }
            if var existing = result[id] {
                existing.routes += routes
                result[id] = existing
            } else {
                var resolved = history
                resolved.model = id
                resolved.routes = routes
                result[id] = resolved
            }
        }
        return result
    }
}
