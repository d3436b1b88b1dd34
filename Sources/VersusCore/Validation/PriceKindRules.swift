/// Rules about how routes are sold (`PriceKind`), and about models that look like one model under two ids.
enum PriceKindRules {
    /// Resolves each route's kind from what it and its provider state (`PriceKind.resolve`).
    static func resolved(_ model: Model, providers: [String: Provider]) -> Model {
        var model = model
        for index in model.routes.indices {
            model.routes[index].kind = PriceKind.resolve(model.routes[index], provider: providers[model.routes[index].provider])
        }
        return model
    }

    static func check(_ model: Model, _ diagnostics: inout [Diagnostic]) {
        for route in model.routes where route.priceKind == .payAsYouGo && route.pricesAreAllZero {
            diagnostics.append(
                .error(
                    route.location,
                    "the route on `\(route.provider)` is `price_kind: pay-as-you-go` but every price it gives is 0, so a month of traffic would cost nothing",
                    fix: "give the prices the provider charges per token, or mark the route `price_kind: free` (or `plan`)"))
        }
    }

    /// The name a model goes by once a trailing "(latest)" is dropped, in lower case.
    static func baseName(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasSuffix("(latest)") { text = String(text.dropLast("(latest)".count)).trimmingCharacters(in: .whitespaces) }
        return text.lowercased()
    }

    /// Two models of one developer whose names differ at most by "(latest)" are very likely one model under two ids:
    /// their comparison page would compare a model with itself.
    static func checkLookAlikes(_ models: [Model], _ diagnostics: inout [Diagnostic]) {
        var seen: [String: Model] = [:]
        for model in models.sorted(by: { $0.id < $1.id }) where !model.name.isEmpty {
            let key = model.developer.lowercased() + "\u{0}" + baseName(model.name)
            guard let first = seen[key] else { seen[key] = model; continue }
            // Exactly equal names are an error of `SiteGuard` (shared titles); this warns about the near misses.
            if first.name == model.name { continue }
            diagnostics.append(
                .warning(
                    model.location,
                    "`\(model.id)` (\(Scalars.quoted(model.name))) and `\(first.id)` (\(Scalars.quoted(first.name))) look like one model under two ids: their comparison page would compare the model with itself",
                    fix:
                        "if they are one model, list `\(model.id)` under `aliases:` of `\(first.id)` (in a hand-written models/\(first.id).yaml for an imported model)"
                ))
        }
    }
}
