import Foundation
import VersusCore

/// Turns a provider's model file, linked to a canonical model, into a route: prices, long-context tiers, and the
/// provider's limits where they differ from the model's. A file that inherits from its model with `base_model`
/// is read as models.dev reads it: the model's fields, minus `base_model_omit`, under the file's own.
struct RouteMapping {
    /// Prices of the models.dev schema the catalog has no place for; left out without a warning.
    static let otherPrices: Set<String> = ["reasoning", "input_audio", "output_audio"]

    enum Outcome {
        case route(ImportedRoute)
        /// models.dev marks the route deprecated: no longer served.
        case deprecated
    }

    /// Provider folders that sell plans (`UpstreamNames.planReason`).
    var planProviders: Set<String> = []

    /// `upstream` is the models.dev id of the model the file links to (`beta/beta-free`).
    func route(
        _ file: UpstreamRoute, provider: String, base: UpstreamModel?, model: ImportedModel, upstream: String,
        _ warnings: inout [ImportWarning]
    ) -> Outcome {
        let data = Self.effective(file, base: base)
        let fields = UpstreamFields(data, file: file.file)
        var route = ImportedRoute(provider: provider, modelID: file.modelID, file: file.file)
        switch fields.text("status", &warnings)?.lowercased() {
        case nil: break
        case "deprecated"?:
            warnings.append(ImportWarning(file.file, "deprecated on models.dev; route not imported"))
            return .deprecated
        case let status? where status == "alpha" || status == "beta":
            route.note = "In \(status) at this provider (models.dev)."
        case let status?:
            warnings.append(ImportWarning(file.file, "unknown `status` \(OneLine.quoted(status)); imported as if none"))
        }
        if let cost = fields.table("cost", &warnings) {
            route.input = cost.price("input", &warnings)
            route.output = cost.price("output", &warnings)
            route.cachedInput = cost.price("cache_read", &warnings)
            route.cacheWrite = cost.price("cache_write", &warnings)
            for key in cost.table.keys.sorted()
            where !["input", "output", "cache_read", "cache_write", "tiers"].contains(key)
                && !Self.otherPrices.contains(key)
            {
                warnings.append(ImportWarning(file.file, "`cost.\(OneLine.text(key))` is not a models.dev price; ignored"))
            }
            route.tiers = tiers(cost, file: file.file, &warnings)
        }
        route.priceKind = Self.priceKind(
            routeID: file.modelID, modelID: upstream, input: route.input, output: route.output,
            atPlanProvider: planProviders.contains(file.provider))
        if let limit = fields.table("limit", &warnings) {
            let context = limit.tokens("context", &warnings), output = limit.tokens("output", &warnings)
            if let context, let output, output > context {
                warnings.append(
                    ImportWarning(
                        file.file, "`limit.output` (\(output)) exceeds `limit.context` (\(context)); the provider's limits are left out"))
            } else {
                route.contextWindow = context == model.contextWindow ? nil : context
                route.maxOutput = output == model.maxOutput ? nil : output
                // A provider limit must still fit the context the route ends up with.
                if let output = route.maxOutput, let effective = route.contextWindow ?? model.contextWindow, output > effective {
                    route.maxOutput = nil
                }
            }
        }
        return .route(route)
    }

    /// Suffixes of a route's models.dev id that name a free variant (`qwen/qwen3-coder:free`, `glm-4.7-free`).
    static let freeSuffixes = [":free", "-free"]

    /// The `price_kind` the layer writes on a route, so that a reader of the file sees how it is sold:
    ///
    /// - none at a plan provider: the `price_kind: plan` of the provider's file applies, whatever the prices;
    /// - `free` when the route's models.dev id ends in `:free` or `-free`, whatever its prices, unless the linked
    ///   model's own models.dev id ends in that same suffix (then the word is part of the model's name, not a free
    ///   variant of it);
    /// - `free` when its input and output prices are both given and both 0;
    /// - none otherwise: pay-as-you-go, the catalog's default for a route with a nonzero price.
    static func priceKind(routeID: String, modelID: String, input: Decimal?, output: Decimal?, atPlanProvider: Bool) -> PriceKind? {
        if atPlanProvider { return nil }
        if freeSuffixes.contains(where: { routeID.hasSuffix($0) && !modelID.hasSuffix($0) }) { return .free }
        if input == 0 && output == 0 { return .free }
        return nil
    }

    private func tiers(_ cost: UpstreamFields, file: String, _ warnings: inout [ImportWarning]) -> [ImportedTier] {
        var result: [ImportedTier] = []
        for entry in cost.tables("tiers", &warnings) {
            guard let tier = entry.table("tier", &warnings) else {
                warnings.append(ImportWarning(file, "`\(entry.path)` has no `tier` saying where it starts; ignored"))
                continue
            }
            if let type = tier.text("type", &warnings), type != "context" {
                warnings.append(ImportWarning(file, "`\(entry.path)` is a \(OneLine.quoted(type)) tier, not a context length; ignored"))
                continue
            }
            guard let size = tier.tokens("size", &warnings) else {
                if tier.table["size"] == nil { warnings.append(ImportWarning(file, "`\(entry.path)` has no `tier.size`; ignored")) }
                continue
            }
            if result.contains(where: { $0.aboveTokens == size }) {
                warnings.append(ImportWarning(file, "`\(entry.path)` repeats the tier above \(size) tokens; ignored"))
                continue
            }
            let prices = ImportedTier(
                aboveTokens: size, input: entry.price("input", &warnings), output: entry.price("output", &warnings),
                cachedInput: entry.price("cache_read", &warnings), cacheWrite: entry.price("cache_write", &warnings))
            if prices.input == nil && prices.output == nil && prices.cachedInput == nil && prices.cacheWrite == nil { continue }
            result.append(prices)
        }
        return result.sorted { $0.aboveTokens < $1.aboveTokens }
    }

    /// The file's fields over its base model's, as models.dev generates them: a table the file writes replaces the
    /// model's whole table; `base_model_omit` removes inherited fields by dotted path.
    static func effective(_ file: UpstreamRoute, base: UpstreamModel?) -> [String: TOMLData] {
        guard let base else { return file.data }
        var inherited = base.data
        inherited.removeValue(forKey: "benchmarks")
        for path in file.data["base_model_omit"]?.array?.compactMap(\.string) ?? [] {
            remove(path.split(separator: ".").map(String.init), from: &inherited)
        }
        for (key, value) in file.data where key != "base_model" && key != "base_model_omit" {
            inherited[key] = value
        }
        return inherited
    }

    static func remove(_ path: [String], from table: inout [String: TOMLData]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            table.removeValue(forKey: first)
        } else if case var .table(inner)? = table[first] {
            remove(Array(path.dropFirst()), from: &inner)
            table[first] = .table(inner)
        }
    }
}
