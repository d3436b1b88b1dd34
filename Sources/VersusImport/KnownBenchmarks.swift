import VersusCore

/// Benchmarks the importer knows how to describe (category, unit, direction), so that it can add them to the
/// layer's `benchmarks.yaml` when the hand-written one has no entry for them. A name that matches neither the
/// catalog nor this list is reported, never guessed. Matching ignores case, spaces and punctuation.
public enum KnownBenchmarks {
    public struct Definition: Sendable, Hashable {
        public var id: String
        public var name: String
        public var category: Benchmark.Category
        public var unit: Benchmark.Unit
        public var url: String?
        /// Names models.dev uses for it besides `name`.
        public var names: [String]
    }

    public static let all: [Definition] = [
        Definition(id: "aider-polyglot", name: "Aider Polyglot", category: .coding, unit: .percent,
                   url: "https://aider.chat/docs/leaderboards/", names: []),
        Definition(id: "artificial-analysis-coding-index", name: "Artificial Analysis Coding Index", category: .coding,
                   unit: .score, url: "https://artificialanalysis.ai", names: []),
        Definition(id: "artificial-analysis-coding-agent-index", name: "Artificial Analysis Coding Agent Index",
                   category: .agentic, unit: .score, url: "https://artificialanalysis.ai/agents/coding-agents", names: []),
        Definition(id: "scicode", name: "SciCode", category: .coding, unit: .percent, url: nil, names: []),
        Definition(id: "swe-atlas-codebase-qna", name: "SWE-Atlas Codebase QnA", category: .coding, unit: .percent,
                   url: nil, names: []),
        Definition(id: "swe-atlas-refactoring", name: "SWE-Atlas Refactoring", category: .coding, unit: .percent,
                   url: nil, names: []),
        Definition(id: "swe-atlas-test-writing", name: "SWE-Atlas Test Writing", category: .coding, unit: .percent,
                   url: nil, names: []),
        Definition(id: "swe-bench-pro", name: "SWE-Bench Pro", category: .coding, unit: .percent, url: nil, names: []),
        Definition(id: "swe-bench-verified", name: "SWE-bench Verified", category: .coding, unit: .percent,
                   url: "https://www.swebench.com", names: []),
        Definition(id: "terminal-bench", name: "Terminal-Bench", category: .agentic, unit: .percent,
                   url: "https://www.tbench.ai", names: []),
        Definition(id: "terminal-bench-2", name: "Terminal-Bench 2.0", category: .agentic, unit: .percent,
                   url: "https://www.tbench.ai", names: []),
        Definition(id: "terminal-bench-hard", name: "Terminal-Bench Hard", category: .agentic, unit: .percent,
                   url: nil, names: []),
    ]
}

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
