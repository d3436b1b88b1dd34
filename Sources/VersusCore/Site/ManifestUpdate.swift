import Foundation

extension BuildManifest {
    /// A manifest's entries in the order its file lists them (or its plan made them), when that order is known to
    /// hold exactly the entries: each path once.
    struct Ordered: Sendable {
        var paths: [String]
        var fingerprints: [Fingerprint]
    }
}

/// The manifest a build records for its planned files, and how they compare with the last build's.
///
/// When the plan lists exactly the paths of the last manifest, in the same order (a price changed; nothing was added
/// or removed), the two are compared position by position: no path is hashed or looked up, which for tens of
/// thousands of files is most of what the comparison costs.
struct ManifestUpdate {
    /// The manifest to record once the files are in place.
    let manifest: BuildManifest
    /// Its paths in the plan's order, for writing it without sorting; nil when the plan lists a path twice.
    let order: [String]?
    /// For each planned file, whether the last manifest records it with the same fingerprint.
    let unchanged: [Bool]
    /// Paths the last manifest records that the plan no longer has, sorted.
    let gone: [String]

    /// `previous`: the last manifest, when it was made under the same header (nil otherwise).
    init(planned: [PlannedPage], header: String, previous: BuildManifest?) {
        if let previous, let ordered = previous.ordered, ordered.paths.count == planned.count,
            planned.indices.allSatisfy({ planned[$0].path == ordered.paths[$0] })
        {
            var entries = previous.entries
            var unchanged = [Bool](repeating: true, count: planned.count)
            for index in planned.indices where planned[index].fingerprint != ordered.fingerprints[index] {
                unchanged[index] = false
                entries[planned[index].path] = planned[index].fingerprint
            }
            var manifest = BuildManifest(header: header, entries: entries)
            manifest.ordered = BuildManifest.Ordered(paths: ordered.paths, fingerprints: planned.map(\.fingerprint))
            self.manifest = manifest
            self.order = ordered.paths
            self.unchanged = unchanged
            self.gone = []
            return
        }
        let target = Dictionary(planned.map { ($0.path, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        let order = target.count == planned.count ? planned.map(\.path) : nil
        var manifest = BuildManifest(header: header, entries: target)
        if let order { manifest.ordered = BuildManifest.Ordered(paths: order, fingerprints: planned.map(\.fingerprint)) }
        self.manifest = manifest
        self.order = order
        self.unchanged =
            previous.map { previous in planned.map { previous.entries[$0.path] == $0.fingerprint } }
            ?? Array(repeating: false, count: planned.count)
        self.gone = previous.map { previous in previous.entries.keys.filter { target[$0] == nil }.sorted() } ?? []
    }
}
