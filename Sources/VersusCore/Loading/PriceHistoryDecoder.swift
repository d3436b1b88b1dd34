import Foundation

/// Reads `Content/imports/<layer>/history/<model-id>.yaml`. Every key is checked, every price must be a number of
/// at least zero, every date a whole day, a route's changes must go forward in time, and the file's name must be
/// its `model`. Each problem is reported at its line; a change with a problem is left out, the rest is kept.
enum PriceHistoryDecoder {
    static let keys = ["model", "repository", "routes"]
    static let routeKeys = ["provider", "model_id", "file", "changes"]
    static let changeKeys = ["date", "commit", "removed", "input", "output", "cached_input", "cache_write", "tiers", "price_kind"]
    static let tierKeys = ["above_tokens", "input", "output", "cached_input", "cache_write"]

    static func decode(_ node: YAMLNode?, name: String, file: String, _ diagnostics: inout [Diagnostic]) -> PriceHistory? {
        guard let node else {
            diagnostics.append(
                .error(SourceLocation(file: file), "history file is empty", fix: "remove it, or run the import with --history again"))
            return nil
        }
        guard let reader = FieldReader(node, what: "a price history", keys: keys, diagnostics: &diagnostics) else { return nil }
        let model = reader.id("model", required: true, &diagnostics)
        let repository = reader.url("repository", required: true, &diagnostics)
        if let model, model != name {
            diagnostics.append(
                .error(
                    reader.keyLocation("model"), "`model: \(model)` does not match the file name `\(Scalars.visible(name)).yaml`",
                    fix: "name the file \(model).yaml, or run the import with --history again"))
        }
        var routes: [RouteHistory] = []
        for item in reader.list("routes", &diagnostics) {
            if let route = self.route(item, &diagnostics) { routes.append(route) }
        }
        guard let model, let repository else { return nil }
        return PriceHistory(model: model, repository: repository, routes: routes, location: node.location)
    }

    private static func route(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> RouteHistory? {
        guard let reader = FieldReader(node, what: "a route's history", keys: routeKeys, diagnostics: &diagnostics) else { return nil }
        let provider = reader.id("provider", required: true, &diagnostics)
        let modelID = reader.string("model_id", &diagnostics)
        let file = reader.string("file", &diagnostics)
        var changes: [HistoryPoint] = []
        for item in reader.list("changes", &diagnostics) {
            guard let change = self.change(item, &diagnostics) else { continue }
            if let last = changes.last, change.date < last.date {
                diagnostics.append(
                    .error(
                        change.location, "this change is dated \(change.date), before the change above it (\(last.date))",
                        fix: "a route's changes go oldest first; run the import with --history again"))
                continue
            }
            changes.append(change)
        }
        guard let provider else { return nil }
        return RouteHistory(provider: provider, modelID: modelID, file: file, changes: changes, location: node.location)
    }

    private static func change(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> HistoryPoint? {
        guard let reader = FieldReader(node, what: "a change of a route's history", keys: changeKeys, diagnostics: &diagnostics) else {
            return nil
        }
        var failed = false
        let date = reader.date("date", required: true, &diagnostics)
        if let date, date.day == nil {
            diagnostics.append(.error(reader.keyLocation("date"), "`date` must be a whole day, found \(date)", fix: "write YYYY-MM-DD"))
            failed = true
        }
        let commit = reader.string("commit", required: true, &diagnostics)
        if let commit, !isCommit(commit) {
            diagnostics.append(
                .error(
                    reader.value("commit")?.location ?? reader.location,
                    "`commit` must be a full commit hash (40 hex digits), found \(Scalars.quoted(commit))",
                    fix: "run the import with --history again"))
            failed = true
        }
        let removed = reader.bool("removed", &diagnostics) ?? false
        func price(_ reader: FieldReader, _ key: String) -> Decimal? {
            guard let value = reader.decimal(key, &diagnostics) else { return nil }
            if value < 0 {
                diagnostics.append(
                    .error(reader.value(key)?.location ?? reader.location, "`\(key)` is a price and cannot be negative, found \(value)"))
                failed = true
                return nil
            }
            return value
        }
        let input = price(reader, "input"), output = price(reader, "output")
        let cachedInput = price(reader, "cached_input"), cacheWrite = price(reader, "cache_write")
        var tiers: [HistoryTier] = []
        for item in reader.list("tiers", &diagnostics) {
            guard let tier = FieldReader(item, what: "a price tier", keys: tierKeys, diagnostics: &diagnostics) else { continue }
            guard let above = tier.integer("above_tokens", required: true, minimum: 1, &diagnostics) else { continue }
            tiers.append(
                HistoryTier(
                    aboveTokens: above, input: price(tier, "input"), output: price(tier, "output"),
                    cachedInput: price(tier, "cached_input"), cacheWrite: price(tier, "cache_write")))
        }
        let kind = reader.choice("price_kind", as: PriceKind.self, &diagnostics)
        if removed && (input != nil || output != nil || cachedInput != nil || cacheWrite != nil || !tiers.isEmpty) {
            diagnostics.append(
                .error(
                    reader.keyLocation("removed"), "a change that removes the route cannot also give prices",
                    fix: "drop the prices, or `removed: true`"))
            failed = true
        }
        guard let date, let commit, !failed else { return nil }
        return HistoryPoint(
            date: date, commit: commit, removed: removed, input: input, output: output, cachedInput: cachedInput,
            cacheWrite: cacheWrite, tiers: tiers, priceKind: kind, location: node.location)
    }

    static func isCommit(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
