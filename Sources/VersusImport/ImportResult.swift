import VersusCore

/// What an import did: the counts, the warnings, the files it wrote, the change report, and the state of the
/// catalog afterwards.
public struct ImportResult: Sendable {
    /// The snapshot's date, carried by every imported value.
    public var date: ISODate
    public var stats: ImportStats
    /// Sorted by file.
    public var warnings: [ImportWarning]
    /// The layer's folder, relative to the site folder.
    public var layerFolder: String
    /// Alias id → the id of the model that lists it under `aliases` (`ModelAliases`).
    public var aliases: [String: String] = [:]
    /// Files written, relative to the site folder; the rest already held the same bytes.
    public var written: [String] = []
    public var unchanged = 0
    public var removed: [String] = []
    /// Set when a previous import existed and something changed.
    public var changes: ChangeReport?
    public var changesFile: String?
    /// Errors `versus check` reports on the catalog after the import: none unless hand-written files clash with
    /// it (or the importer wrote something the catalog rejects, which the tests rule out).
    public var catalogErrors: [Diagnostic] = []
    /// What `--history` read and wrote.
    public var history: HistoryImporter.Outcome?

    /// The closing paragraph: models, routes, aliases, provider files linked and not, benchmarks, warnings, files.
    public var summary: String {
        let s = stats
        var text =
            "Imported \(s.models) \(plural(s.models, "model")) with \(s.routes) \(plural(s.routes, "route")) from \(s.providers) "
            + "\(plural(s.providers, "provider")) (models.dev snapshot of \(date)). "
        if !aliases.isEmpty {
            let pairs = aliases.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { "\($0.key) of \($0.value)" }
            text += aliases.count == 1 ? "1 model is an alias of another" : "\(aliases.count) models are aliases of another"
            text += " (\(pairs.joined(separator: ", "))), listed under `aliases`. "
        }
        text +=
            "Of \(s.providerFiles + s.unreadable) provider model files, \(s.linked) linked to a model "
            + "(\(s.linkedByBaseModel) by base_model, \(s.linkedByID) by id, \(s.linkedByName) by name"
            + (s.deprecated > 0 ? "; \(s.deprecated) of them deprecated and left out" : "") + "), "
            + "\(s.unlinked) linked to none and were counted, not imported"
            + (s.ambiguous > 0 ? " (\(s.ambiguous) fit several models)" : "")
            + (s.unreadable > 0 ? ", and \(s.unreadable) could not be read" : "") + ". "
        text +=
            "Benchmarks: \(s.results) \(plural(s.results, "result")) matched to \(s.benchmarksMatched) \(plural(s.benchmarksMatched, "benchmark")), "
            + "\(s.benchmarkNamesUnmatched) \(plural(s.benchmarkNamesUnmatched, "name")) unmatched"
            + (s.resultsUnmatched > 0 ? " (\(s.resultsUnmatched) \(plural(s.resultsUnmatched, "result")) not imported)" : "") + ". "
        text += "\(warnings.count) \(plural(warnings.count, "warning")). "
        text +=
            "\(layerFolder)/: \(written.filter { $0.hasPrefix(layerFolder + "/") }.count) \(plural(written.filter { $0.hasPrefix(layerFolder + "/") }.count, "file")) written, \(unchanged) unchanged, \(removed.count) removed"
        if let changesFile { text += "; change report in \(changesFile)" }
        text += "."
        if !catalogErrors.isEmpty {
            text += " The catalog now has \(catalogErrors.count) \(plural(catalogErrors.count, "error")): run versus check."
        }
        return text
    }

    private func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }
}
