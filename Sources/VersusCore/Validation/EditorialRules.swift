import Foundation

/// Checks a hand-written comparison against the catalog, so that an editor hears when a note states a figure the
/// tables beside it contradict (the catalog changed after the note was written, or an import added what the note
/// says is missing). Each problem is a warning at the line of the note that says it. What is checked:
/// - a Markdown table whose header names the two models: a row named for a benchmark must give scores the catalog
///   has for that model (any variant, any source; within 0.05, or 3% of an estimate); a price row's "$in / $out" must
///   be a route's prices, and "no route" or "not documented" must not stand where the catalog has a pay-as-you-go
///   price; a context row must match the context window, and "not documented" must not stand for a known output limit;
/// - "the highest (best, top) <benchmark> score in the catalog", said of a model (the model a `when_to_use` entry
///   chooses, or the one model a sentence names), must be true over every model's score on that benchmark.
enum EditorialRules {
    struct Context {
        var models: [String: Model]
        var benchmarks: [String: Benchmark]
    }

    static func check(_ editorial: Editorial, text: String, file: String, context: Context, _ diagnostics: inout [Diagnostic]) {
        guard let a = context.models[editorial.pair.first], let b = context.models[editorial.pair.second] else { return }
        let lines = text.components(separatedBy: "\n")
        // The first line holding the snippet; for a table cell, the first line holding its whole row.
        func location(of snippet: String, row: String?) -> SourceLocation {
            for (index, line) in lines.enumerated() where row.map({ line.contains($0) }) ?? true {
                if let range = line.range(of: snippet) {
                    return SourceLocation(
                        file: file, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
            return SourceLocation(file: file)
        }
        func warn(_ snippet: String, _ message: String, fix: String) {
            diagnostics.append(.warning(location(of: snippet, row: nil), message, fix: fix))
        }
        tables(editorial.body, a: a, b: b, context: context) { row, cell, message, fix in
            diagnostics.append(.warning(location(of: cell, row: row), message, fix: fix))
        }

        let phrases =
            editorial.whenToUse.compactMap { entry in entry.why.map { ($0, context.models[entry.choose]) } }
            + (editorial.tldr + [editorial.body] + editorial.faq.map(\.answer)).flatMap(sentences).map { sentence -> (String, Model?) in
                let named = [a, b].filter { sentence.localizedCaseInsensitiveContains($0.name) }
                return (sentence, named.count == 1 ? named[0] : nil)
            }
        for (phrase, model) in phrases {
            guard let model, let claim = superlative(in: phrase, benchmarks: context.benchmarks) else { continue }
            let best = bestScore(claim.benchmark, models: context.models)
            guard let best,
                let own = model.benchmarkResults.filter({ $0.benchmark == claim.benchmark.id }).map(\.score.value)
                    .max(by: { claim.benchmark.higherIsBetter ? $0 < $1 : $0 > $1 })
            else {
                warn(
                    claim.text,
                    "the note calls \(model.name)'s \(claim.benchmark.name) score the best in the catalog, but the catalog has no \(claim.benchmark.name) score for it",
                    fix: "add the score to models/\(model.id).yaml, or reword the note")
                continue
            }
            let beaten = claim.benchmark.higherIsBetter ? best.score > own : best.score < own
            if beaten {
                warn(
                    claim.text,
                    "the note calls \(model.name)'s \(claim.benchmark.name) score (\(Format.number(own))) the best in the catalog, but \(best.model.name) has \(Format.number(best.score))",
                    fix:
                        "state the two scores instead of a rank the catalog can outgrow, e.g. \"\(Format.number(own)) on \(claim.benchmark.name)\""
                )
            }
        }
    }

    // MARK: Tables

    private static func tables(
        _ body: String, a: Model, b: Model, context: Context,
        warn: (_ row: String, _ cell: String, _ message: String, _ fix: String) -> Void
    ) {
        var columns: [Int: Model]? = nil
        for raw in body.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
            guard let known = columns else {
                var found: [Int: Model] = [:]
                for (index, cell) in cells.enumerated() {
                    if let model = [a, b].first(where: { $0.name.caseInsensitiveCompare(cell) == .orderedSame }) { found[index] = model }
                }
                columns = found.isEmpty ? [:] : found
                continue
            }
            guard let label = cells.first, !known.isEmpty else { continue }
            for (index, model) in known.sorted(by: { $0.key < $1.key }) where index < cells.count {
                check(cell: cells[index], label: label, model: model, context: context) { warn(line, $0, $1, $2) }
            }
        }
    }

    private static func check(cell: String, label: String, model: Model, context: Context, warn: (String, String, String) -> Void) {
        let lowered = cell.lowercased(), name = label.lowercased()
        let saysMissing =
            lowered.contains("not documented") || lowered.contains("no direct route") || lowered.contains("no route")
            || lowered == "n/a" || lowered == "—"
        if let benchmark = benchmark(named: label, in: context.benchmarks) {
            guard let stated = numbers(in: cell).first else { return }
            let values = model.benchmarkResults.filter { $0.benchmark == benchmark.id }.flatMap(\.score.values)
            guard !values.isEmpty else {
                warn(
                    cell, "the note's table gives \(model.name) \(cell) on \(benchmark.name), a score the catalog does not have",
                    "add the score to models/\(model.id).yaml with its source, or remove it from the note")
                return
            }
            let agrees = values.contains { value in
                let gap = abs(value.value - stated),
                    tolerance =
                        value.approximate || cell.contains("~") || lowered.contains("about")
                        ? max(Decimal(string: "0.05")!, abs(value.value) * Decimal(string: "0.03")!) : Decimal(string: "0.05")!
                return gap <= tolerance
            }
            if !agrees {
                let have = values.map { ($0.approximate ? "~" : "") + Format.number($0.value) }.joined(separator: ", ")
                warn(
                    cell, "the note's table gives \(model.name) \(cell) on \(benchmark.name), but the catalog has \(have)",
                    "correct the note or the catalog so that they agree")
            }
        } else if name.contains("price") {
            let paid = model.routes.filter { $0.kind == .payAsYouGo && $0.input != nil && $0.output != nil }
            if saysMissing, let route = paid.first {
                warn(
                    cell,
                    "the note's table says \"\(cell)\" for \(model.name)'s price, but the catalog has \(paid.count) pay-as-you-go route\(paid.count == 1 ? "" : "s") (one on `\(route.provider)`)",
                    "give the price, or leave prices to the pricing table, which follows the catalog")
            } else if !saysMissing {
                let stated = numbers(in: cell)
                guard stated.count >= 2 else { return }
                let matches = model.routes.contains { route in
                    guard let input = route.input, let output = route.output else { return false }
                    return input.values.contains { $0.value == stated[0] } && output.values.contains { $0.value == stated[1] }
                }
                if !matches {
                    warn(
                        cell, "the note's table gives \(model.name)'s price as \(cell), which no route of the model in the catalog charges",
                        "correct the note, or leave prices to the pricing table, which follows the catalog")
                }
            }
        } else if name.contains("context") {
            let parts = cell.components(separatedBy: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            if let window = model.contextWindow?.value, let stated = parts.first.flatMap(tokens), !close(stated, window) {
                warn(
                    cell,
                    "the note's table gives \(model.name) a context window of \(parts[0]), but the catalog has \(Format.tokens(window))",
                    "correct the note or the catalog so that they agree")
            }
            if name.contains("output"), parts.count > 1 {
                let output = parts[1].lowercased()
                if let limit = model.maxOutput?.value {
                    if output.contains("not documented") {
                        warn(
                            cell,
                            "the note's table says \(model.name)'s maximum output is not documented, but the catalog has \(Format.tokens(limit))",
                            "give the figure, or leave limits to the specifications table")
                    } else if let stated = tokens(parts[1]), !close(stated, limit) {
                        warn(
                            cell,
                            "the note's table gives \(model.name) a maximum output of \(parts[1]), but the catalog has \(Format.tokens(limit))",
                            "correct the note or the catalog so that they agree")
                    }
                }
            }
        }
    }

    // MARK: Reading figures

    /// A benchmark the label names: its name or an alias, ignoring case.
    private static func benchmark(named label: String, in benchmarks: [String: Benchmark]) -> Benchmark? {
        benchmarks.values.sorted { $0.id < $1.id }.first { benchmark in
            ([benchmark.name] + benchmark.aliases).contains { $0.caseInsensitiveCompare(label) == .orderedSame }
        }
    }

    /// The numbers in a cell, in order ("$1.75 / $14" → 1.75, 14; "1,447" → 1447).
    static func numbers(in text: String) -> [Decimal] {
        var found: [Decimal] = [], current = ""
        func flush() {
            while current.hasSuffix(".") { current.removeLast() }
            if !current.isEmpty, let value = Decimal(string: current.replacingOccurrences(of: ",", with: "")) { found.append(value) }
            current = ""
        }
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if (character == "." || character == ","), !current.isEmpty {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return found
    }

    /// A token count written as "400K", "1M", "262,144".
    private static func tokens(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let number = numbers(in: trimmed).first else { return nil }
        let scale: Decimal = trimmed.hasSuffix("M") ? 1_000_000 : trimmed.hasSuffix("K") ? 1_000 : 1
        return NSDecimalNumber(decimal: number * scale).intValue
    }

    /// Within 5%: "1M" stands for 1,000,000 and 1,048,576 alike, "128K" for 128,000 and 131,072.
    private static func close(_ x: Int, _ y: Int) -> Bool {
        let high = max(x, y), low = min(x, y)
        return low > 0 && high * 100 <= low * 105
    }

    private static func sentences(_ text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: ".\n")).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// "the highest SWE-bench Verified score in the catalog": the benchmark, and the words as written.
    private static func superlative(in text: String, benchmarks: [String: Benchmark]) -> (benchmark: Benchmark, text: String)? {
        let lowered = text.lowercased()
        guard let end = lowered.range(of: " in the catalog") else { return nil }
        for word in ["highest ", "best ", "top "] {
            guard let start = lowered.range(of: word, options: .backwards, range: lowered.startIndex..<end.lowerBound) else { continue }
            let between = String(lowered[start.upperBound..<end.lowerBound])
            for benchmark in benchmarks.values.sorted(by: { $0.name.count > $1.name.count }) {
                if ([benchmark.name] + benchmark.aliases).contains(where: { between.contains($0.lowercased()) }) {
                    guard lowered.count == text.count else { return (benchmark, text) }
                    let original = String(
                        text[
                            text.index(
                                text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: start.lowerBound))..<text.index(
                                    text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: end.upperBound))])
                    return (benchmark, original)
                }
            }
        }
        return nil
    }

    private static func bestScore(_ benchmark: Benchmark, models: [String: Model]) -> (model: Model, score: Decimal)? {
        var best: (model: Model, score: Decimal)?
        for model in models.values.sorted(by: { $0.id < $1.id }) {
            for result in model.benchmarkResults where result.benchmark == benchmark.id {
                let value = result.score.value
                if best == nil || (benchmark.higherIsBetter ? value > best!.score : value < best!.score) { best = (model, value) }
            }
        }
        return best
    }
}
