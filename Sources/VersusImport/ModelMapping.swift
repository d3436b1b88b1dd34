import Foundation
import VersusCore

/// Turns a canonical `models/<lab>/<name>.toml` into an `ImportedModel`: name (without a trailing " (latest)"),
/// developer, dates, openness, limits, modalities and the capabilities models.dev states. Routes and results are added by their own mappings.
struct ModelMapping {
    /// The capability rows of the site: only these are written (a row the site does not show would be an error).
    var capabilityIDs: Set<String>
    var providers: [String: UpstreamProvider]

    func model(_ upstream: UpstreamModel, id: String, _ warnings: inout [ImportWarning]) -> ImportedModel {
        let fields = UpstreamFields(upstream.data, file: upstream.file)
        let name = fields.text("name", &warnings)
        if name == nil { warnings.append(ImportWarning(upstream.file, "has no `name`; its id \(OneLine.quoted(upstream.name)) stands in")) }
        // "Claude Haiku 4.5 (latest)" is written "Claude Haiku 4.5": the id tells the two apart (`ModelAliases`).
        var model = ImportedModel(
            id: id, upstream: upstream.file, lab: upstream.lab, upstreamName: name ?? upstream.name,
            name: ModelAliases.displayName(name ?? upstream.name),
            developer: UpstreamNames.developer(lab: upstream.lab, providers: providers))
        model.family = fields.text("family", &warnings)
        model.releaseDate = fields.date("release_date", &warnings)
        model.knowledgeCutoff = fields.date("knowledge", &warnings)
        model.openWeights = fields.bool("open_weights", &warnings)
        if let limit = fields.table("limit", &warnings) {
            model.contextWindow = limit.tokens("context", &warnings)
            model.maxOutput = limit.tokens("output", &warnings)
            if let context = model.contextWindow, let output = model.maxOutput, output > context {
                warnings.append(
                    ImportWarning(
                        upstream.file, "`limit.output` (\(output)) exceeds `limit.context` (\(context)); output limit left unknown"))
                model.maxOutput = nil
            }
        }
        if let modalities = fields.table("modalities", &warnings) {
            model.inputModalities = Self.modalities(modalities, "input", &warnings)
            model.outputModalities = Self.modalities(modalities, "output", &warnings)
        }
        model.productType = Self.job(name: name ?? upstream.name, output: model.outputModalities)
        var states: [String: CapabilityState] = [:]
        for (key, capability) in [
            ("tool_call", "function-calling"), ("reasoning", "reasoning-mode"),
            ("structured_output", "structured-outputs"),
        ] {
            if let flag = fields.bool(key, &warnings) { states[capability] = flag ? .yes : .no }
        }
        // Image input is vision; its absence from a list of modalities is not a stated "no".
        if model.inputModalities.contains(.image) { states["vision"] = .yes }
        if model.inputModalities.contains(where: { $0 != .text }) { states["multimodal-input"] = .yes }
        model.capabilities = states.filter { capabilityIDs.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return model
    }

    /// models.dev does not say what a model is for, and some of its models do not write text at all. The product type
    /// the layer writes for those, by exact rules on the data, so that their pages do not rank them against chat
    /// models: audio as the only output → speech; a name with the word "embedding" or "embed" → embedding; "rerank"
    /// → reranking; "content safety", "safety guard" or the word "guard" → safety classifier. Nil otherwise (the
    /// catalog then leaves the type undocumented, as before).
    static func job(name: String, output: [Modality]) -> ProductType? {
        if output == [.audio] { return .speech }
        let words = Set(name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let text = name.lowercased()
        if words.contains("embedding") || words.contains("embed") { return .embedding }
        if words.contains("rerank") || words.contains("reranker") { return .reranking }
        if text.contains("content safety") || text.contains("safety guard") || words.contains("guard") { return .safetyClassifier }
        return nil
    }

    static func modalities(_ table: UpstreamFields, _ key: String, _ warnings: inout [ImportWarning]) -> [Modality] {
        var result: [Modality] = []
        for text in table.strings(key, &warnings) {
            guard let modality = Modality(rawValue: text.lowercased()) else {
                warnings.append(
                    ImportWarning(
                        table.file, "`\(table.key(key))` names \(OneLine.quoted(text)), not a modality the catalog knows; ignored"))
                continue
            }
            if !result.contains(modality) { result.append(modality) }
        }
        return result
    }
}
