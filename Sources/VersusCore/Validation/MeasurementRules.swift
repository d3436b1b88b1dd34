/// A measurement must name a model of the catalog; an alias id stands for the model that lists it. Its figures
/// must hang together: a level for every concurrency the request lists, and a sample count that agrees.
enum MeasurementRules {
    static func resolve(
        _ files: [MeasurementFile], modelIDs: Set<String>, aliasOf: [String: String], failedModels: Set<String>,
        _ diagnostics: inout [Diagnostic]
    ) -> [String: [MeasurementFile]] {
        var result: [String: [MeasurementFile]] = [:]
        for file in files {
            let measurement = file.measurement
            guard let id = modelIDs.contains(measurement.model) ? measurement.model : aliasOf[measurement.model] else {
                // A model file with errors of its own is reported there; the measurement is not blamed for it.
                if failedModels.contains(measurement.model) { continue }
                var fix = "measure a model of Content/models/ (run `versus generate --for MODEL-ID`), or remove the file"
                if let near = Suggestion.closest(to: measurement.model, in: modelIDs.union(aliasOf.keys)) {
                    fix = "did you mean `\(near)`? rename the folder and `model:` to it"
                }
                diagnostics.append(.error(measurement.location, "measurement of unknown model `\(measurement.model)`", fix: fix))
                continue
            }
            check(measurement, &diagnostics)
            result[id, default: []].append(file)
        }
        return result
    }

    static func check(_ measurement: Measurement, _ diagnostics: inout [Diagnostic]) {
        let measured = Set(measurement.levels.map(\.concurrency))
        let missing = measurement.request.concurrency.filter { !measured.contains($0) }
        if !measurement.partial && !missing.isEmpty {
            diagnostics.append(
                .error(
                    measurement.location,
                    "the measurement lists concurrency \(missing.map(String.init).joined(separator: ", ")) but has no level for it",
                    fix: "run `versus generate` again; a run cut short is kept only with --keep-partial, marked `partial: true`"))
        }
        if measurement.levels.isEmpty {
            diagnostics.append(
                .error(
                    measurement.location, "the measurement has no levels, so no figures to show",
                    fix: "run `versus generate` again"))
        }
        for level in measurement.levels {
            let samples = measurement.samples.filter { $0.concurrency == level.concurrency }.count
            if !measurement.samples.isEmpty && samples != level.requests {
                diagnostics.append(
                    .warning(
                        measurement.location,
                        "the level at concurrency \(level.concurrency) counts \(level.requests) requests but the file has \(samples) samples for it",
                        fix: "the file was edited by hand; run `versus generate` again"))
            }
        }
    }
}
