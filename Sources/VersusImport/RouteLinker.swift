/// Decides which canonical model a provider's model file serves. Exact rules only, never a fuzzy match:
///
/// 1. the file names the model in `base_model`;
/// 2. else its id (the path under the provider's `models/`) equals the id of exactly one canonical model, in full
///    (`anthropic/claude-opus-4-6`) or without the lab (`claude-opus-4-6`);
/// 3. else its `name`, ignoring case, spaces and punctuation, equals the name of exactly one canonical model.
///
/// Anything else is left out and counted.
public struct RouteLinker: Sendable {
    public enum Rule: String, Sendable, Hashable {
        case baseModel = "base_model"
        case id
        case name
    }

    public enum Outcome: Sendable, Hashable {
        case linked(model: String, rule: Rule)
        /// `base_model` names a model that is not in `models/`.
        case missingBase(String)
        /// The id or name fits several canonical models.
        case ambiguous([String])
        case unlinked
    }

    private let known: Set<String>
    private let byID: [String: [String]]
    private let byName: [String: [String]]

    public init(models: [UpstreamModel]) {
        known = Set(models.map(\.id))
        var byID: [String: [String]] = [:], byName: [String: [String]] = [:]
        for model in models {
            byID[model.id, default: []].append(model.id)
            if model.name != model.id { byID[model.name, default: []].append(model.id) }
            if let name = model.data["name"]?.string, !Self.normalized(name).isEmpty {
                byName[Self.normalized(name), default: []].append(model.id)
            }
        }
        self.byID = byID.mapValues { Array(Set($0)).sorted() }
        self.byName = byName.mapValues { Array(Set($0)).sorted() }
    }

    public func link(_ route: UpstreamRoute) -> Outcome {
        if let base = route.data["base_model"]?.string {
            return known.contains(base) ? .linked(model: base, rule: .baseModel) : .missingBase(base)
        }
        let byID = self.byID[route.modelID] ?? []
        if byID.count == 1 { return .linked(model: byID[0], rule: .id) }
        let byName = route.data["name"]?.string.flatMap { self.byName[Self.normalized($0)] } ?? []
        if byName.count == 1 { return .linked(model: byName[0], rule: .name) }
        if byID.count > 1 || byName.count > 1 { return .ambiguous(byID.count > 1 ? byID : byName) }
        return .unlinked
    }

    /// Lowercase letters and digits only: `Claude Opus 4.6` and `claude-opus-4.6` are the same name.
    public static func normalized(_ text: String) -> String {
        String(
            text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map(Character.init))
    }
}
