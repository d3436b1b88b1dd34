import Foundation

/// A few paragraphs that read the pair's data: what differs most, where the data is thin, and which to pick for what.
/// Each sentence is chosen by the data, so two pairs rarely read alike.
enum DeepDive {
    static func paragraphs(_ analysis: PairAnalysis, catalog: Catalog) -> [String] {
        [widestGaps(analysis), completeness(analysis), pick(analysis)].compactMap { $0 }
    }

    /// 1. The biggest differences, ranked by size.
    static func widestGaps(_ analysis: PairAnalysis) -> String? {
        let a = analysis.a.model, b = analysis.b.model
        var differences: [(weight: Decimal, text: String)] = []
        if let ratio = analysis.cost.ratio, let cheaper = analysis.cost.cheaper, ratio > 1 {
            let low = cheaper == .a ? a : b, high = cheaper == .a ? b : a
            differences.append((ratio, "price (\(high.name) costs \(Format.ratio(ratio)) what \(low.name) does at the reference traffic)"))
        }
        if let side = analysis.largerContext, let large = (side == .a ? a : b).contextWindow, let small = (side == .a ? b : a).contextWindow
        {
            // Whichever source is right: the larger window's smallest value against the other's largest.
            let ratio = Decimal(large.least) / Decimal(small.most)
            let big = side == .a ? a : b
            let disputed = large.isDisputed || small.isDisputed
            differences.append(
                (
                    ratio,
                    "context (\(big.name) reads \(disputed ? "at least " : "")\(Format.ratio(ratio)) as many tokens at once\(disputed ? ", by the values of either source" : ""))"
                ))
        }
        let largestGap = analysis.benchmarks.shared.filter { $0.benchmark.unit == .percent }.max { ($0.gap ?? 0) < ($1.gap ?? 0) }
        if let row = largestGap, let gap = row.gap, gap > 0, let leader = row.leader {
            differences.append(
                (
                    1 + gap / 10,
                    "\(row.benchmark.name) (\(leader == .a ? a.name : b.name) leads by \(Format.gap(gap, unit: row.benchmark.unit)))"
                ))
        }
        // Only features one record documents and the other states it lacks: "not documented" is no difference.
        let onlyOne = analysis.capabilities.filter { ($0.a == .yes && $0.b == .no) || ($0.a == .no && $0.b == .yes) }
        if !onlyOne.isEmpty {
            let list = onlyOne.map { "\($0.a == .yes ? a.name : b.name)'s \($0.definition.name.lowercased())" }
            differences.append(
                (Decimal(1 + onlyOne.count) / 2, "features one has and the other is documented without (\(Format.list(list)))"))
        }
        if a.openness != nil, b.openness != nil, a.openness != b.openness {
            let open = a.openness == .openWeights ? a : b
            differences.append((2, "openness (only \(open.name) can be downloaded and run privately)"))
        }
        differences.sort { $0.weight > $1.weight }
        if differences.isEmpty {
            return
                "The catalog holds too few comparable figures for \(a.name) and \(b.name) to name a decisive difference; the tables below show what each record does say."
        } else {
            let top = differences.prefix(3).map(\.text)
            var text = "The widest gap between \(a.name) and \(b.name) is in \(top[0])."
            if top.count > 1 { text += " Next \(top.count == 2 ? "comes" : "come") \(Format.list(Array(top.dropFirst())))." }
            let shared = analysis.capabilities.filter { $0.a == .yes && $0.b == .yes }.map { $0.definition.name.lowercased() }
            if !shared.isEmpty {
                text += " Both document \(Format.list(shared)), so \(shared.count == 1 ? "it does" : "those do") not separate them."
            }
            return text
        }
    }

    /// 2. How complete the data is; nil when it is complete and there is nothing to add.
    static func completeness(_ analysis: PairAnalysis) -> String? {
        var gaps: [String] = []
        for (digest, quote) in [(analysis.a, analysis.cost.a), (analysis.b, analysis.cost.b)] where quote == nil {
            gaps.append(digest.unpriced?.clause(digest.model.name) ?? "\(digest.model.name)'s price is not documented")
        }
        let shared = analysis.benchmarks.shared.count
        // Only worth saying when one of them reports scores the reader might want to set side by side.
        if shared == 0 && !(analysis.a.results.isEmpty && analysis.b.results.isEmpty) {
            gaps.append("no benchmark is reported for both, so scores cannot be set side by side")
        }
        let disputed = analysis.a.disputedFigures + analysis.b.disputedFigures
        if disputed > 0 {
            let names = [analysis.a, analysis.b].filter { $0.disputedFigures > 0 }.map(\.model.name)
            gaps.append(
                "sources disagree on \(disputed) figure\(disputed == 1 ? "" : "s") for \(Format.list(Array(Set(names)).sorted())), shown with every value below"
            )
        }
        if gaps.isEmpty {
            guard shared > 0 else { return nil }
            return
                "The records are complete enough to compare directly: both have a pay-as-you-go price and \(shared) benchmark\(shared == 1 ? "" : "s") in common."
        }
        return "Read the tables with care: \(Format.list(gaps)). Check the provider's own page before you commit spend."
    }

    /// 3. Which to pick for what.
    static func pick(_ analysis: PairAnalysis) -> String {
        let a = analysis.a.model, b = analysis.b.model
        // One theme per item, so that the sentence lists them once ("vision, coding results and long documents").
        func themes(_ side: Side) -> [String] {
            analysis.tradeOffs.reasons(side).flatMap { reason -> [String] in
                switch reason {
                case .largerContext: return ["long documents"]
                case .cheaper, .onlyOnePriced: return ["budget-bound traffic"]
                case .openWeights: return ["private deployment"]
                case let .benchmarkLeads(rows):
                    // Only categories this side leads as a whole (the verdict's rule), so that a category split
                    // one win each is credited to neither.
                    let led = Set(analysis.benchmarks.categories.filter { $0.leader == side }.map(\.category))
                    return Array(Set(rows.map(\.benchmark.category).filter(led.contains).map { $0.label.lowercased() })).sorted()
                        .map { "\($0) results" }
                case .moreProviders: return ["provider choice"]
                case .capabilitiesOtherLacks(let list): return list.prefix(2).map { $0.name.lowercased() }
                case .largerOutput: return ["long outputs"]
                case .decisionTags: return []
                }
            }
        }
        func firstThree(_ list: [String]) -> ArraySlice<String> {
            var seen: [String] = []
            for theme in list where !seen.contains(theme) { seen.append(theme) }
            return seen.prefix(3)
        }
        let ta = firstThree(themes(.a))
        let tb = firstThree(themes(.b))
        switch (ta.isEmpty, tb.isEmpty) {
        case (false, false):
            return
                "Pick \(a.name) for \(Format.list(Array(ta))); pick \(b.name) for \(Format.list(Array(tb))). Either way, run your own prompts through the exact route you will pay for."
        case (false, true):
            return "On the catalog's evidence \(a.name) is the safer default, for \(Format.list(Array(ta)))."
        case (true, false):
            return "On the catalog's evidence \(b.name) is the safer default, for \(Format.list(Array(tb)))."
        case (true, true):
            return "Nothing recorded here favours either model; decide on a trial with your own workload."
        }
    }
}
