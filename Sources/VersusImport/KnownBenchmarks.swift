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
        Definition(
            id: "aider-polyglot", name: "Aider Polyglot", category: .coding, unit: .percent,
            url: "https://aider.chat/docs/leaderboards/", names: []),
        Definition(
            id: "artificial-analysis-coding-index", name: "Artificial Analysis Coding Index", category: .coding,
            unit: .score, url: "https://artificialanalysis.ai", names: []),
        Definition(
            id: "artificial-analysis-coding-agent-index", name: "Artificial Analysis Coding Agent Index",
            category: .agentic, unit: .score, url: "https://artificialanalysis.ai/agents/coding-agents", names: []),
        Definition(id: "scicode", name: "SciCode", category: .coding, unit: .percent, url: nil, names: []),
        Definition(
            id: "swe-atlas-codebase-qna", name: "SWE-Atlas Codebase QnA", category: .coding, unit: .percent,
            url: nil, names: []),
        Definition(
            id: "swe-atlas-refactoring", name: "SWE-Atlas Refactoring", category: .coding, unit: .percent,
            url: nil, names: []),
        Definition(
            id: "swe-atlas-test-writing", name: "SWE-Atlas Test Writing", category: .coding, unit: .percent,
            url: nil, names: []),
        Definition(id: "swe-bench-pro", name: "SWE-Bench Pro", category: .coding, unit: .percent, url: nil, names: []),
        Definition(
            id: "swe-bench-verified", name: "SWE-bench Verified", category: .coding, unit: .percent,
            url: "https://www.swebench.com", names: []),
        Definition(
            id: "terminal-bench", name: "Terminal-Bench", category: .agentic, unit: .percent,
            url: "https://www.tbench.ai", names: []),
        Definition(
            id: "terminal-bench-2", name: "Terminal-Bench 2.0", category: .agentic, unit: .percent,
            url: "https://www.tbench.ai", names: []),
        Definition(
            id: "terminal-bench-hard", name: "Terminal-Bench Hard", category: .agentic, unit: .percent,
            url: nil, names: []),
    ]
}
