import Foundation
import VersusCore

/// Finds the catalog benchmark a free-form models.dev benchmark name stands for: first among the hand-written
/// benchmarks (their id, name and `aliases`), then among `KnownBenchmarks`.
public struct BenchmarkMatcher: Sendable {
    public enum Match: Sendable, Hashable {
        /// An entry of the hand-written benchmarks.yaml.
        case catalog(String)
        /// A benchmark the import adds to its own layer.
        case known(KnownBenchmarks.Definition)
        /// Several hand-written benchmarks claim the name.
        case ambiguous([String])
        case unmatched
    }

    private let catalog: [String: [String]]
    private let known: [String: KnownBenchmarks.Definition]
    private let benchmarks: [String: Benchmark]

    public init(catalog benchmarks: [Benchmark], known: [KnownBenchmarks.Definition] = KnownBenchmarks.all) {
        var index: [String: Set<String>] = [:]
        self.benchmarks = Dictionary(benchmarks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for benchmark in benchmarks {
            for name in [benchmark.id, benchmark.name] + benchmark.aliases {
                let key = RouteLinker.normalized(name)
                if !key.isEmpty { index[key, default: []].insert(benchmark.id) }
            }
        }
        catalog = index.mapValues { $0.sorted() }
        var knownIndex: [String: KnownBenchmarks.Definition] = [:]
        for definition in known {
            for name in [definition.id, definition.name] + definition.names {
                knownIndex[RouteLinker.normalized(name)] = definition
            }
        }
        self.known = knownIndex
    }

    /// The match for a result that states the version of the benchmark it ran: the name with the version
    /// appended when that names a benchmark ("Terminal-Bench" version 2.1 → "Terminal-Bench 2.1"); else the match
    /// for the name, unless that benchmark's own name states another version ("Terminal-Bench 2.0"), in which case
    /// a benchmark of the result's version, described like it, for the layer to add. Scores of two versions of a
    /// benchmark are never one row.
    public func match(_ name: String, version: String) -> Match {
        let withVersion = match("\(name) \(version)")
        if withVersion != .unmatched { return withVersion }
        let plain = match(name)
        let described: KnownBenchmarks.Definition
        switch plain {
        case let .catalog(id):
            guard let benchmark = benchmarks[id] else { return plain }
            described = KnownBenchmarks.Definition(
                id: benchmark.id, name: benchmark.name, category: benchmark.category,
                unit: benchmark.unit, url: benchmark.url, names: [])
        case let .known(definition):
            described = definition
        case .ambiguous, .unmatched:
            return plain
        }
        guard let stated = Self.statedVersion(described.name), Self.sameVersion(stated.version, version) == false else { return plain }
        let name = "\(stated.base) \(version)"
        return .known(
            KnownBenchmarks.Definition(
                id: ModelIDs.slug(name), name: name, category: described.category,
                unit: described.unit, url: described.url, names: []))
    }

    /// The version a benchmark's name ends with ("Terminal-Bench 2.0" → ("Terminal-Bench", "2.0"); "LiveCodeBench v6"
    /// → ("LiveCodeBench", "6")), or nil.
    static func statedVersion(_ name: String) -> (base: String, version: String)? {
        guard let space = name.lastIndex(of: " ") else { return nil }
        var last = name[name.index(after: space)...]
        if last.first == "v" || last.first == "V" { last = last.dropFirst() }
        guard !last.isEmpty, last.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), last.first!.isNumber else { return nil }
        return (String(name[..<space]), String(last))
    }

    /// Whether two version numbers name one version: "2" and "2.0" do, "2.0" and "2.1" do not.
    static func sameVersion(_ x: String, _ y: String) -> Bool {
        func parts(_ text: String) -> [Int] {
            var parts = text.trimmingCharacters(in: CharacterSet(charactersIn: "vV")).split(separator: ".").map { Int($0) ?? -1 }
            while parts.count > 1, parts.last == 0 { parts.removeLast() }
            return parts
        }
        return parts(x) == parts(y)
    }

    /// The name of a hand-written benchmark.
    func name(of id: String) -> String? { benchmarks[id]?.name }

    public func match(_ name: String) -> Match {
        let key = RouteLinker.normalized(name)
        if let ids = catalog[key] {
            return ids.count == 1 ? .catalog(ids[0]) : .ambiguous(ids)
        }
        if let definition = known[key] { return .known(definition) }
        return .unmatched
    }
}
