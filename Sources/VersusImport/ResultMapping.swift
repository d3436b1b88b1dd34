import Foundation
import VersusCore

/// Turns the `[[benchmarks]]` of a canonical model into results of catalog benchmarks. The free-form name is
/// matched through `BenchmarkMatcher`; harness, variant, dataset and version make the result's variant; the metric,
/// the leaderboard models.dev cites and its date go into the value's note.
struct ResultMapping {
    var matcher: BenchmarkMatcher

    struct Outcome {
        var results: [ImportedResult] = []
        /// Benchmarks the import adds to its layer, with the names they were found under.
        var known: [KnownBenchmarks.Definition: Set<String>] = [:]
        /// Catalog benchmarks matched.
        var matched: Set<String> = []
        /// Names that match nothing, with how many results they had.
        var unmatched: [String: Int] = [:]
        var ambiguous: [String: [String]] = [:]
    }

    func results(_ upstream: UpstreamModel, into outcome: inout Outcome, _ warnings: inout [ImportWarning]) {
        let fields = UpstreamFields(upstream.data, file: upstream.file)
        var seen = Set<ImportedResult>()
        for entry in fields.tables("benchmarks", &warnings) {
            guard let name = entry.text("name", &warnings) else {
                warnings.append(ImportWarning(upstream.file, "`\(entry.path)` has no `name`; ignored"))
                continue
            }
            guard let score = entry.table["score"]?.decimal else {
                warnings.append(ImportWarning(upstream.file, "`\(entry.path)` (\(OneLine.quoted(name))) has no numeric `score`; ignored"))
                continue
            }
            let version = Self.text(entry.table["version"])
            let id: String, benchmarkName: String
            switch version.map({ matcher.match(name, version: $0) }) ?? matcher.match(name) {
            case let .catalog(benchmark):
                id = benchmark
                benchmarkName = matcher.name(of: benchmark) ?? benchmark
            case let .known(definition):
                id = definition.id
                benchmarkName = definition.name
                // A benchmark made for the result's version is found again under the name with the version.
                outcome.known[definition, default: []].insert(
                    version.flatMap { version in
                        BenchmarkMatcher.statedVersion(definition.name).flatMap {
                            BenchmarkMatcher.sameVersion($0.version, version) ? "\(name) \(version)" : nil
                        }
                    } ?? name)
            case let .ambiguous(ids):
                outcome.ambiguous[name] = ids
                outcome.unmatched[name, default: 0] += 1
                continue
            case .unmatched:
                outcome.unmatched[name, default: 0] += 1
                continue
            }
            outcome.matched.insert(id)
            var parts: [String] = []
            if let harness = entry.text("harness", &warnings) { parts.append("\(harness) harness") }
            if let variant = entry.text("variant", &warnings) { parts.append(variant) }
            if let dataset = entry.text("dataset", &warnings) { parts.append("\(dataset) set") }
            // A version the benchmark's name already states says nothing more.
            if let version, !Self.states(version, benchmarkName: benchmarkName) { parts.append("version \(version)") }
            var note: [String] = []
            if let metric = entry.text("metric", &warnings) { note.append(metric) }
            let source = entry.text("source", &warnings)
            if let source { note.append("reported at \(source)") }
            if let date = entry.date("date", &warnings) { note.append("on \(date)") }
            let result = ImportedResult(
                benchmark: id, variant: parts.isEmpty ? nil : parts.joined(separator: ", "), score: score,
                note: note.isEmpty ? nil : note.joined(separator: ", "),
                reporter: BenchmarkReporters.reporter(source: source, lab: upstream.lab))
            if seen.insert(result).inserted { outcome.results.append(result) }
        }
    }

    /// Whether a benchmark's name ends with this version ("Terminal-Bench 2.1", version 2.1).
    private static func states(_ version: String, benchmarkName: String) -> Bool {
        BenchmarkMatcher.statedVersion(benchmarkName).map { BenchmarkMatcher.sameVersion($0.version, version) } ?? false
    }

    /// A version written as text or as a number (`version = 2.1`).
    private static func text(_ value: TOMLData?) -> String? {
        if let text = value?.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return text }
        if let number = value?.decimal { return YAMLWriter.number(number) }
        return nil
    }
}
