import Foundation

/// Rules about the figures of one model: limits that contradict each other, missing sources, disagreeing sources.
enum FigureRules {
    static func check(_ model: Model, _ diagnostics: inout [Diagnostic]) {
        if let context = model.contextWindow, let output = model.maxOutput, output.value > context.value {
            diagnostics.append(
                .error(
                    output.location,
                    "`max_output` (\(output.value)) is larger than `context_window` (\(context.value))",
                    fix: "the output limit cannot exceed the context window; check both figures"))
        }
        for figure in model.figures {
            switch figure.values {
            case let .tokens(values): disputes(values, label(figure.name), &diagnostics)
            case let .decimal(values): disputes(values, label(figure.name), &diagnostics)
            }
        }
        for route in model.routes {
            let priced = !route.prices.isEmpty
            if priced && route.prices.contains(where: { $0.values.contains { $0.source == nil } }) {
                diagnostics.append(
                    .warning(
                        route.location, "route `\(route.provider)` has prices without a source",
                        fix: "add `source:` with an id from sources.yaml or an https:// address"))
            }
            if let context = route.contextWindow, let output = route.maxOutput, output.value > context.value {
                diagnostics.append(
                    .error(
                        output.location,
                        "route `\(route.provider)` has `max_output` (\(output.value)) larger than its `context_window` (\(context.value))",
                        fix: "the output limit cannot exceed the context window; check both figures"))
            }
        }
        for result in model.benchmarkResults {
            if result.score.values.contains(where: { $0.source == nil }) {
                diagnostics.append(
                    .warning(
                        result.location, "result for `\(result.benchmark)` has no source",
                        fix: "add `source:` with an id from sources.yaml or an https:// address"))
            }
        }
    }

    /// How a warning names a figure.
    private static func label(_ name: NamedFigure.Name) -> String {
        switch name {
        case .contextWindow: return "context window"
        case .maxOutput: return "max output"
        case .totalParameters: return "total parameters"
        case .activeParameters: return "active parameters"
        case let .route(provider, figure): return "\(figure.rawValue) on `\(provider)`"
        case let .tier(provider, above, figure): return "\(figure.rawValue) above \(above) tokens on `\(provider)`"
        case let .score(benchmark, variant): return "`\(benchmark)`\(variant.map { " (\(Scalars.visible($0)))" } ?? "") score"
        }
    }

    private static func disputes<T: CustomStringConvertible>(
        _ figure: Figure<T>, _ label: String,
        _ diagnostics: inout [Diagnostic]
    ) {
        guard figure.isDisputed else { return }
        let listed = figure.values.map { value in
            "\(value.approximate ? "~" : "")\(value.value) (\(value.source.map { Scalars.visible($0.key) } ?? "no source"))"
        }.joined(separator: " vs ")
        diagnostics.append(
            .warning(
                figure.location, "sources disagree on the \(label): \(listed)",
                fix: "pages show every value; keep the one the site should compute with first"))
    }
}

/// A model's last review must be recent enough.
enum ReviewRules {
    /// `layers` is the folder of import layers (`Content/imports/`): a model only an import brought in has had no
    /// editor yet, and its data carries the snapshot's date instead, so a missing review date is not reported.
    static func check(_ model: Model, site: SiteSettings, today: ISODate, layers: String, _ diagnostics: inout [Diagnostic]) {
        let importedOnly = model.location.file.hasPrefix(layers)
        guard let reviewed = model.lastReviewed else {
            if importedOnly { return }
            diagnostics.append(
                .warning(
                    model.location, "model `\(model.id)` has no `last_reviewed` date",
                    fix: "add `last_reviewed: YYYY-MM-DD` after checking its facts"))
            return
        }
        let age = reviewed.days(until: today)
        if age > site.reviewMaxAgeDays {
            diagnostics.append(
                .warning(
                    model.location,
                    "model `\(model.id)` was last reviewed on \(reviewed), \(age) days ago (the limit is \(site.reviewMaxAgeDays))",
                    fix: "check its facts again and update `last_reviewed`"))
        }
    }
}
