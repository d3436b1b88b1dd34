import VersusCore

/// Catalog ids for upstream ids: `[a-z0-9-]` slugs, unique, and stable from one import to the next.
///
/// A model keeps the id the previous import gave it (the layer's `source.yaml` records them). A new model gets the
/// slug of its name (`gpt-5.1` → `gpt-5-1`); when several models of the snapshot would get the same slug, or the slug
/// is already taken, each of them gets its lab in front (`openai-gpt-5-1`), then a number if even that is taken.
public enum ModelIDs {
    public struct Assignment: Sendable {
        /// Upstream id → catalog id.
        public var ids: [String: String]
        /// Upstream ids that got a longer id than their slug, with the ids they share their slug with.
        public var disambiguated: [String: [String]]
    }

    public static func assign(_ models: [UpstreamModel], previous: [String: String]) -> Assignment {
        var ids: [String: String] = [:]
        var taken = Set<String>()
        let present = Set(models.map(\.id))
        for (upstream, id) in previous.sorted(by: { $0.key < $1.key })
        where present.contains(upstream) && Identifier.isValid(id) && !taken.contains(id) {
            ids[upstream] = id
            taken.insert(id)
        }
        let fresh = models.filter { ids[$0.id] == nil }
        let groups = Dictionary(grouping: fresh, by: { slug($0.name) })
        var disambiguated: [String: [String]] = [:]
        var contested: [UpstreamModel] = []
        for (base, group) in groups.sorted(by: { $0.key < $1.key }) {
            if group.count == 1 && !taken.contains(base) {
                ids[group[0].id] = base
                taken.insert(base)
            } else {
                contested += group
                let others = models.filter { slug($0.name) == base }.map(\.id)
                for model in group { disambiguated[model.id] = others.filter { $0 != model.id }.sorted() }
            }
        }
        for model in contested.sorted(by: { $0.id < $1.id }) {
            var candidate = slug(model.lab + "-" + model.name)
            var number = 2
            while taken.contains(candidate) {
                candidate = slug(model.lab + "-" + model.name, suffix: "-\(number)")
                number += 1
            }
            ids[model.id] = candidate
            taken.insert(candidate)
        }
        return Assignment(ids: ids, disambiguated: disambiguated)
    }

    /// Lowercase ASCII letters and digits, every other run of characters one `-`, at most 80 characters with
    /// `suffix`; `model` when nothing is left.
    public static func slug(_ text: String, suffix: String = "") -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        if result.isEmpty { result = "model" }
        let limit = 80 - suffix.count
        if result.count > limit {
            result = String(result.prefix(limit))
            while result.hasSuffix("-") { result.removeLast() }
        }
        return result + suffix
    }
}
