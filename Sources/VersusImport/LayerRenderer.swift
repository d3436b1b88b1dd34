import Foundation
import VersusCore

/// Writes the layer's entries as YAML in the schema of the hand-written catalog files, every imported value
/// citing the layer's source and the snapshot's date.
struct LayerRenderer {
    var source: String
    var date: ISODate

    static let header = [
        "Written by `versus import models.dev`; the next import rewrites this file.",
        "To change a fact, write it in the hand-written file of the same id: hand-written values come first.",
    ]

    func model(_ model: ImportedModel) -> String {
        var map = YAMLMapping()
        map.add("name", .text(model.name))
        map.add("aliases", .sequence(model.aliases.map(YAMLValue.scalar)))
        map.add("developer", .text(model.developer))
        map.add("family", model.family.map(YAMLValue.text))
        map.add("product_type", model.productType.map { .scalar($0.rawValue) })
        map.add("release_date", model.releaseDate.map(YAMLValue.date))
        map.add("knowledge_cutoff", model.knowledgeCutoff.map(YAMLValue.date))
        map.add("openness", model.openWeights.map { .scalar($0 ? Openness.openWeights.rawValue : Openness.proprietary.rawValue) })
        map.add("context_window", model.contextWindow.map(sourced))
        map.add("max_output", model.maxOutput.map(sourced))
        var modalities = YAMLMapping()
        modalities.add("input", .inline(model.inputModalities.map(\.rawValue)))
        modalities.add("output", .inline(model.outputModalities.map(\.rawValue)))
        map.add("modalities", modalities.value)
        map.add("capabilities", .mapping(model.capabilities.map { ($0.id, .scalar($0.state.rawValue)) }))
        map.add("routes", .sequence(model.routes.map(route)))
        map.add("benchmarks", .sequence(model.results.map(result)))
        map.add("sources", .inline([source]))
        return YAMLWriter.document(map.value, comment: ["From \(OneLine.text(model.upstream)) of models.dev."] + Self.header)
    }

    private func sourced(_ value: Int) -> YAMLValue {
        var map = YAMLMapping()
        map.add("value", .integer(value))
        map.add("source", .scalar(source))
        map.add("date", .date(date))
        return map.value
    }

    func route(_ route: ImportedRoute) -> YAMLValue {
        var map = YAMLMapping()
        map.add("provider", .scalar(route.provider))
        map.add("model_id", .text(route.modelID))
        map.add("price_kind", route.priceKind.map { .scalar($0.rawValue) })
        map.addPrices(
            input: route.input.map(YAMLValue.number), output: route.output.map(YAMLValue.number),
            cachedInput: route.cachedInput.map(YAMLValue.number), cacheWrite: route.cacheWrite.map(YAMLValue.number))
        map.add(
            "tiers",
            .sequence(
                route.tiers.map { tier in
                    var entry = YAMLMapping()
                    entry.add("above_tokens", .integer(tier.aboveTokens))
                    entry.addPrices(
                        input: tier.input.map(YAMLValue.number), output: tier.output.map(YAMLValue.number),
                        cachedInput: tier.cachedInput.map(YAMLValue.number), cacheWrite: tier.cacheWrite.map(YAMLValue.number))
                    return entry.value
                }))
        map.add("context_window", route.contextWindow.map(YAMLValue.integer))
        map.add("max_output", route.maxOutput.map(YAMLValue.integer))
        map.add("note", route.note.map(YAMLValue.text))
        map.add("source", .scalar(source))
        map.add("as_of", .date(date))
        return map.value
    }

    func result(_ result: ImportedResult) -> YAMLValue {
        var map = YAMLMapping()
        map.add("benchmark", .scalar(result.benchmark))
        map.add("variant", result.variant.map(YAMLValue.text))
        map.add("score", .number(result.score))
        map.add("note", result.note.map(YAMLValue.text))
        map.add("reported_by", result.reporter.map { YAMLValue.scalar($0.rawValue) })
        map.add("source", .scalar(source))
        map.add("date", .date(date))
        return map.value
    }

    /// `plan`, when set, is why the provider sells plans: it is written `price_kind: plan`, the reason in the header.
    func provider(
        name: String, kind: Provider.Kind, url: String?, openAICompatible: Bool?, plan: String? = nil,
        upstream: String
    ) -> String {
        var map = YAMLMapping()
        map.add("name", .text(name))
        map.add("kind", .scalar(kind.rawValue))
        map.add("price_kind", plan.map { _ in .scalar(PriceKind.plan.rawValue) })
        map.add("url", url.map(YAMLValue.text))
        map.add("openai_compatible", openAICompatible.map(YAMLValue.bool))
        var comment = ["From \(OneLine.text(upstream)) of models.dev; `kind` comes from the importer's table of providers."]
        if let plan { comment.append("`price_kind: plan`: it sells subscriptions or plans, not tokens (\(OneLine.text(plan))).") }
        return YAMLWriter.document(map.value, comment: comment + Self.header)
    }

    func benchmarks(_ definitions: [(KnownBenchmarks.Definition, [String])]) -> String {
        let items: [YAMLValue] = definitions.map { definition, names in
            var map = YAMLMapping()
            map.add("id", .scalar(definition.id))
            map.add("name", .text(definition.name))
            map.add("category", .scalar(definition.category.rawValue))
            map.add("unit", .scalar(definition.unit.rawValue))
            map.add("higher_is_better", .bool(true))
            map.add("url", definition.url.map(YAMLValue.text))
            map.add("aliases", .sequence(names.map(YAMLValue.text)))
            return map.value
        }
        return YAMLWriter.document(
            .sequence(items),
            comment: ["Benchmarks named by models.dev results that the hand-written benchmarks.yaml does not list."] + Self.header)
    }

    func manifest(title: String, commit: String?, ids: [String: String]) -> String {
        var map = YAMLMapping()
        map.add("id", .scalar(source))
        map.add("title", .text(title))
        map.add("publisher", .text("models.dev"))
        map.add("url", .text("https://models.dev"))
        map.add("date", .date(date))
        map.add("commit", commit.map(YAMLValue.text))
        map.add("ids", .mapping(ids.sorted { $0.key < $1.key }.map { (YAMLWriter.quoted($0.key), .scalar($0.value)) }))
        return YAMLWriter.document(
            map.value,
            comment: [
                "The source of every value in Content/imports/models-dev/, written by `versus import models.dev`.",
                "`ids` keeps each models.dev model on the same catalog id from one import to the next.",
            ])
    }
}
