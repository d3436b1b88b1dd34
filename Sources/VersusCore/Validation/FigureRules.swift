import Foundation

/// Rules about the figures of one model: limits that contradict each other, missing sources, disagreeing sources.
enum FigureRules {
    static func check(_ model: Model, _ diagnostics: inout [Diagnostic]) {
        if let context = model.contextWindow, let output = model.maxOutput, output.value > context.value {
            diagnostics.append(.error(output.location,
                                      "`max_output` (\(output.value)) is larger than `context_window` (\(context.value))",
                                      fix: "the output limit cannot exceed the context window; check both figures"))
        }
        disputes(model.contextWindow, "context window", &diagnostics)
        disputes(model.maxOutput, "max output", &diagnostics)
        disputes(model.parameters?.totalBillions, "total parameters", &diagnostics)
        disputes(model.parameters?.activeBillions, "active parameters", &diagnostics)
        for route in model.routes {
            let priced = !route.prices.isEmpty
            if priced && route.prices.contains(where: { $0.values.contains { $0.source == nil } }) {
                diagnostics.append(.warning(route.location, "route `\(route.provider)` has prices without a source",
                                            fix: "add `source:` with an id from sources.yaml or an https:// address"))
            }
            let named: [(String, Figure<Decimal>?)] = [("input price", route.input), ("output price", route.output),
                                                       ("cached input price", route.cachedInput),
                                                       ("cache write price", route.cacheWrite),
                                                       ("batch input price", route.batchInput),
                                                       ("batch output price", route.batchOutput)]
            for (label, figure) in named { disputes(figure, "\(label) on `\(route.provider)`", &diagnostics) }
            if let context = route.contextWindow, let output = route.maxOutput, output.value > context.value {
                diagnostics.append(.error(output.location,
                                          "route `\(route.provider)` has `max_output` (\(output.value)) larger than its `context_window` (\(context.value))",
                                          fix: "the output limit cannot exceed the context window; check both figures"))
            }
            disputes(route.contextWindow, "context window on `\(route.provider)`", &diagnostics)
            disputes(route.maxOutput, "max output on `\(route.provider)`", &diagnostics)
        }
        for result in model.benchmarkResults {
            if result.score.values.contains(where: { $0.source == nil }) {
                diagnostics.append(.warning(result.location, "result for `\(result.benchmark)` has no source",
                                            fix: "add `source:` with an id from sources.yaml or an https:// address"))
            }
            disputes(result.score, "`\(result.benchmark)`\(result.variant.map { " (\(Scalars.visible($0)))" } ?? "") score", &diagnostics)
        }
    }

    private static func disputes<T: CustomStringConvertible>(_ figure: Figure<T>?, _ label: String,
                                                             _ diagnostics: inout [Diagnostic]) {
        guard let figure, figure.isDisputed else { return }
        let listed = figure.values.map { value in
            "\(value.approximate ? "~" : "")\(value.value) (\(value.source.map { Scalars.visible($0.key) } ?? "no source"))"
        }.joined(separator: " vs ")
        diagnostics.append(.warning(figure.location, "sources disagree on the \(label): \(listed)",
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
            diagnostics.append(.warning(model.location, "model `\(model.id)` has no `last_reviewed` date",
                                        fix: "add `last_reviewed: YYYY-MM-DD` after checking its facts"))
            return
        }
        let age = reviewed.days(until: today)
        if age > site.reviewMaxAgeDays {
            diagnostics.append(.warning(model.location,
                                        "model `\(model.id)` was last reviewed on \(reviewed), \(age) days ago (the limit is \(site.reviewMaxAgeDays))",
                                        fix: "check its facts again and update `last_reviewed`"))
        }
    }
}
