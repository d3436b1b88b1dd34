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

    public init(catalog benchmarks: [Benchmark], known: [KnownBenchmarks.Definition] = KnownBenchmarks.all) {
        var index: [String: Set<String>] = [:]
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

    public func match(_ name: String) -> Match {
        let key = RouteLinker.normalized(name)
        if let ids = catalog[key] {
            return ids.count == 1 ? .catalog(ids[0]) : .ambiguous(ids)
        }
        if let definition = known[key] { return .known(definition) }
        return .unmatched
    }
}
