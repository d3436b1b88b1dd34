import Foundation

/// Questions the data can answer for a pair, with answers built from it. A question is asked only when
/// the catalog holds the facts to answer it.
enum FAQBuilder {
    static func questions(_ analysis: PairAnalysis, catalog: Catalog) -> [Question] {
        [context(analysis), openness(analysis)].compactMap { $0 } + capabilities(analysis)
            + [providers(analysis), cost(analysis, catalog: catalog), coding(analysis)].compactMap { $0 }
    }

    /// Which has the larger context window: asked when both windows are known.
    static func context(_ analysis: PairAnalysis) -> Question? {
        let a = analysis.a.model, b = analysis.b.model
        guard let ca = a.contextWindow?.value, let cb = b.contextWindow?.value else { return nil }
        let answer: String
        if ca == cb {
            answer = "Neither: both accept \(Format.tokensLong(ca)) of context."
        } else {
            let (big, small, bigTokens, smallTokens) = ca > cb ? (a, b, ca, cb) : (b, a, cb, ca)
            answer =
                "\(big.name), with \(Format.tokensLong(bigTokens)) against \(Format.tokensLong(smallTokens)) for \(small.name). Providers may cap it lower; check the route you call."
        }
        return Question(question: "Which has the larger context window, \(a.name) or \(b.name)?", answer: answer)
    }

    /// Whether their weights are published: asked when either record states openness or a licence.
    static func openness(_ analysis: PairAnalysis) -> Question? {
        let a = analysis.a.model, b = analysis.b.model
        guard a.openness != nil || b.openness != nil || a.license != nil || b.license != nil else { return nil }
        func describe(_ model: Model) -> String {
            let licence = model.license.map { " under the \($0.name) licence" } ?? " under a licence the catalog does not document"
            switch model.openness {
            case .openWeights?: return "\(model.name) has open weights\(licence)."
            case .proprietary?:
                return
                    "\(model.name) is proprietary\(licence == " under the Proprietary licence" ? "" : licence); its weights are not published."
            case nil: return "Whether \(model.name)'s weights are published is not documented."
            }
        }
        return Question(question: "Are \(a.name) and \(b.name) open source?", answer: describe(a) + " " + describe(b))
    }

    /// Which supports a feature: one question per capability only one of them documents.
    static func capabilities(_ analysis: PairAnalysis) -> [Question] {
        let a = analysis.a.model, b = analysis.b.model
        return analysis.capabilities.filter { $0.onlyOn != nil }.map { comparison in
            let side = comparison.onlyOn!
            let (has, other) = side == .a ? (a, b) : (b, a)
            let otherState = comparison.state(side.other)
            let tail = otherState == .no ? "\(other.name) is documented without it." : "The catalog does not document it for \(other.name)."
            return Question(
                question: "Which supports \(comparison.definition.name.lowercased()), \(a.name) or \(b.name)?",
                answer: "\(has.name) does. \(tail)")
        }
    }

    /// Where each can be run: asked when either has a route.
    static func providers(_ analysis: PairAnalysis) -> Question? {
        let a = analysis.a.model, b = analysis.b.model
        guard !a.routes.isEmpty || !b.routes.isEmpty else { return nil }
        func places(_ digest: ModelDigest) -> String {
            let model = digest.model, names = digest.providerNames
            var text =
                names.isEmpty ? "The catalog lists no provider for \(model.name)" : "\(model.name) is listed on \(Format.list(names))"
            if model.openness == .openWeights { text += ", and its open weights can run on your own hardware" }
            return text + "."
        }
        return Question(question: "Where can I run \(a.name) and \(b.name)?", answer: places(analysis.a) + " " + places(analysis.b))
    }

    /// What each costs at the reference traffic: asked when either has a pay-as-you-go price.
    static func cost(_ analysis: PairAnalysis, catalog: Catalog) -> Question? {
        let a = analysis.a.model, b = analysis.b.model
        guard analysis.cost.a != nil || analysis.cost.b != nil else { return nil }
        let traffic = catalog.site.traffic
        func cost(_ model: Model, _ quote: CostQuote?, _ digest: ModelDigest) -> String {
            guard let quote else { return (digest.unpriced?.clause(model.name) ?? "\(model.name)'s price is not documented") + "." }
            let provider = catalog.providers[quote.provider]?.name ?? quote.provider
            return "\(model.name) comes to \(Format.money(quote.monthly)) a month on \(provider), its cheapest pay-as-you-go route."
        }
        return Question(
            question:
                "What do \(a.name) and \(b.name) cost at \(Format.millions(traffic.inputMillions)) input and \(Format.millions(traffic.outputMillions)) output tokens a month?",
            answer: cost(a, analysis.cost.a, analysis.a) + " " + cost(b, analysis.cost.b, analysis.b))
    }

    /// Which is better at coding: asked when both report a coding benchmark.
    static func coding(_ analysis: PairAnalysis) -> Question? {
        let a = analysis.a.model, b = analysis.b.model
        let coding = analysis.benchmarks.shared.filter { $0.benchmark.category == .coding }
        guard !coding.isEmpty else { return nil }
        let items = coding.map { row -> String in
            let unit = row.benchmark.unit
            let scores = "\(Format.score(row.a!.score.value, unit: unit)) vs \(Format.score(row.b!.score.value, unit: unit))"
            let name = row.benchmark.name + (row.variant.map { " (\($0))" } ?? "")
            if let leader = row.leader { return "\(name): \(leader == .a ? a.name : b.name), \(scores)" }
            let why = (row.noCall ?? "no leader").replacingOccurrences(of: "No call: ", with: "no call, ")
            return "\(name): \(why.prefix(1).lowercased() + why.dropFirst()), \(scores)"
        }
        let lead = analysis.benchmarks.categories.first { $0.category == .coding }?.leader
        let head =
            lead.map { "\($0 == .a ? a.name : b.name) leads on the coding benchmarks both report." }
            ?? (coding.contains { $0.leader != nil }
                ? "The coding benchmarks both report are split."
                : "No coding benchmark both report names a leader.")
        return Question(
            question: "Which is better at coding, \(a.name) or \(b.name)?",
            answer: head + " " + items.joined(separator: "; ") + ".")
    }
}
