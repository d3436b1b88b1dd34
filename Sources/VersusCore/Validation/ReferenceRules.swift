import Foundation

/// Every id a model refers to must exist: providers, benchmarks, sources and capability rows.
struct ReferenceRules: Sendable {
    let sources: [String: Source]
    let providers: [String: Provider]
    let benchmarks: [String: Benchmark]
    let capabilities: [CapabilityDefinition]
    /// True when sources.yaml or benchmarks.yaml failed as a whole, so any id may be one it lost.
    var sourcesFailed = false
    var benchmarksFailed = false
    /// Ids of provider files that have errors of their own.
    var failedProviders: Set<String> = []

    func check(_ model: Model, _ diagnostics: inout [Diagnostic]) {
        let capabilityIDs = capabilities.map(\.id)
        for (id, _) in model.capabilities.sorted(by: { $0.key < $1.key }) where !capabilityIDs.contains(id) {
            var fix = "the capability rows are set in site.yaml: \(capabilityIDs.joined(separator: ", "))"
            if let near = Suggestion.closest(to: id, in: capabilityIDs) { fix = "did you mean `\(near)`?" }
            diagnostics.append(.error(model.location, "model `\(model.id)` sets unknown capability \(Scalars.code(id))", fix: fix))
        }
        for reference in model.sources { checkSource(reference, at: model.location, &diagnostics) }
        if let source = model.languages?.source { checkSource(source, at: model.location, &diagnostics) }
        for figure in model.figures {
            for (source, location) in zip(figure.sources, figure.locations) {
                if let source { checkSource(source, at: location, &diagnostics) }
            }
        }

        var seenRoutes: [String: SourceLocation] = [:]
        for route in model.routes {
            if providers[route.provider] == nil && !failedProviders.contains(route.provider) {
                var fix = "providers are the files under Content/providers/"
                if let near = Suggestion.closest(to: route.provider, in: providers.keys) { fix = "did you mean `\(near)`?" }
                diagnostics.append(.error(route.location, "route names unknown provider `\(route.provider)`", fix: fix))
            }
            let key = route.provider + "\u{0}" + (route.modelID ?? "")
            if let first = seenRoutes[key] {
                diagnostics.append(
                    .error(
                        route.location,
                        "route `\(route.provider)` is listed twice for model `\(model.id)` (first at line \(first.line))",
                        fix: "merge them; keep disagreeing prices as several values of one figure"))
            }
            seenRoutes[key] = route.location
            if let source = route.source { checkSource(source, at: route.location, &diagnostics) }
        }
        for result in model.benchmarkResults {
            if benchmarks[result.benchmark] == nil && !benchmarksFailed {
                var fix = "benchmarks are listed in Content/benchmarks.yaml"
                if let near = Suggestion.closest(to: result.benchmark, in: benchmarks.keys) { fix = "did you mean `\(near)`?" }
                diagnostics.append(.error(result.location, "result names unknown benchmark `\(result.benchmark)`", fix: fix))
            }
        }
        for variant in model.selfHosting {
            if let source = variant.source { checkSource(source, at: variant.location, &diagnostics) }
        }
    }

    private func checkSource(_ reference: SourceReference, at location: SourceLocation, _ diagnostics: inout [Diagnostic]) {
        guard case let .registered(id) = reference, sources[id] == nil, !sourcesFailed else { return }
        var fix = "a source is an id from Content/sources.yaml or an https:// address"
        if let near = Suggestion.closest(to: id, in: sources.keys) { fix = "did you mean `\(near)`?" }
        diagnostics.append(.error(location, "unknown source \(Scalars.code(id))", fix: fix))
    }
}
