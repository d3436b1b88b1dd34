import Foundation

/// Reads `Content/changes/<date>.yaml`, a change report written by `versus import`.
enum ChangesDecoder {
    static let keys = [
        "date", "previous", "source", "pair_pages", "prices", "models_added", "models_removed",
        "routes_added", "routes_removed",
    ]
    static let priceKeys = [
        "model", "provider", "model_id", "price", "above_tokens", "old", "new", "old_kind", "new_kind", "percent",
    ]
    static let routeKeys = ["model", "provider", "model_id"]

    static func decode(_ node: YAMLNode?, date: ISODate, file: String, _ diagnostics: inout [Diagnostic]) -> ChangeReport? {
        guard let node else {
            diagnostics.append(
                .error(
                    SourceLocation(file: file), "change report is empty",
                    fix: "remove the file; `versus import` writes one only when something changed"))
            return nil
        }
        guard let reader = FieldReader(node, what: "the change report", keys: keys, diagnostics: &diagnostics) else { return nil }
        if let written = reader.date("date", &diagnostics), written != date {
            diagnostics.append(
                .error(
                    reader.keyLocation("date"), "`date: \(written)` does not match the file name `\(date)`",
                    fix: "rename the file or correct the date"))
        }
        let previous = reader.date("previous", &diagnostics)
        var report = ChangeReport(
            date: date, previous: previous,
            source: reader.string("source", &diagnostics).map(SourceReference.init),
            pairPages: reader.integer("pair_pages", &diagnostics), location: node.location)
        report.priceChanges = reader.list("prices", &diagnostics).compactMap { price($0, &diagnostics) }
        report.modelsAdded = reader.list("models_added", &diagnostics).compactMap { Scalars.id($0, field: "models_added", &diagnostics) }
        report.modelsRemoved = reader.list("models_removed", &diagnostics).compactMap {
            Scalars.id($0, field: "models_removed", &diagnostics)
        }
        report.routesAdded = reader.list("routes_added", &diagnostics).compactMap { route($0, what: "an added route", &diagnostics) }
        report.routesRemoved = reader.list("routes_removed", &diagnostics).compactMap { route($0, what: "a removed route", &diagnostics) }
        return report
    }

    static func route(
        _ node: YAMLNode, what: String, keys: [String] = routeKeys,
        _ diagnostics: inout [Diagnostic]
    ) -> RouteChange? {
        guard let reader = FieldReader(node, what: what, keys: keys, diagnostics: &diagnostics) else { return nil }
        return route(reader, &diagnostics)
    }

    private static func route(_ reader: FieldReader, _ diagnostics: inout [Diagnostic]) -> RouteChange? {
        let model = reader.id("model", required: true, &diagnostics)
        let provider = reader.id("provider", required: true, &diagnostics)
        let modelID = reader.string("model_id", &diagnostics)
        guard let model, let provider else { return nil }
        return RouteChange(model: model, provider: provider, modelID: modelID, location: reader.location)
    }

    static func price(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> PriceChange? {
        guard let reader = FieldReader(node, what: "a price change", keys: priceKeys, diagnostics: &diagnostics) else { return nil }
        let route = route(reader, &diagnostics)
        let kind = reader.choice("price", as: PriceChange.Kind.self, required: true, &diagnostics)
        let above = reader.integer("above_tokens", minimum: 1, &diagnostics)
        func amount(_ key: String) -> Decimal? {
            guard let value = reader.decimal(key, &diagnostics) else { return nil }
            if value < 0 {
                diagnostics.append(.error(reader.keyLocation(key), "`\(key)` cannot be negative, found \(value)"))
                return nil
            }
            return value
        }
        let old = amount("old"), new = amount("new")
        let oldKind = reader.choice("old_kind", as: PriceKind.self, &diagnostics)
        let newKind = reader.choice("new_kind", as: PriceKind.self, &diagnostics)
        if !reader.has("old") && !reader.has("new") {
            diagnostics.append(
                .error(
                    node.location, "a price change has neither `old` nor `new`",
                    fix: "write the old price, the new one, or both"))
        }
        guard let route, let kind else { return nil }
        let change = PriceChange(
            route: route, kind: kind, aboveTokens: above, old: old, new: new, oldKind: oldKind, newKind: newKind,
            location: node.location)
        if let written = reader.decimal("percent", &diagnostics), written != change.percent {
            diagnostics.append(
                .warning(
                    reader.keyLocation("percent"),
                    "`percent: \(written)` does not follow from \(old.map { "\($0)" } ?? "unknown") → \(new.map { "\($0)" } ?? "unknown")",
                    fix: change.percent.map { "it is \($0)" }
                        ?? "remove it: there is no percentage from or to an unknown or zero price, or a price not sold per token"))
        }
        return change
    }
}
