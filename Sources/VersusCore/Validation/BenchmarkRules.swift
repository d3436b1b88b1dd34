/// Rules about who ran a benchmark (`BenchmarkReporter`).
enum BenchmarkRules {
    /// Resolves each result's reporter: what the result states (`reported_by:`), else what the source of its
    /// primary score says it reports (`reports:` in sources.yaml).
    static func resolved(_ model: Model, sources: [String: Source]) -> Model {
        var model = model
        for index in model.benchmarkResults.indices {
            let result = model.benchmarkResults[index]
            var reporter = result.reportedBy
            if reporter == nil, case let .registered(id)? = result.score.primary.source { reporter = sources[id]?.reports }
            model.benchmarkResults[index].reporter = reporter
        }
        return model
    }

    /// A score nobody is named for can be shown but never leads: say so where it is written.
    static func check(_ model: Model, _ diagnostics: inout [Diagnostic]) {
        for result in model.benchmarkResults where result.reporter == nil {
            diagnostics.append(
                .warning(
                    result.location,
                    "the score of `\(result.benchmark)` does not say who ran the benchmark, so it is shown but never leads a comparison",
                    fix:
                        "add `reported_by: maker` (the model's maker published it) or `reported_by: independent` (a leaderboard), or `reports:` on its source in sources.yaml"
                ))
        }
    }
}
