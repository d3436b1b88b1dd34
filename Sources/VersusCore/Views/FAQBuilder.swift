import Foundation

/// Questions the data can answer for a pair, with answers built from it. A question is asked only when
/// the catalog holds the facts to answer it.
enum FAQBuilder {
    static func questions(_ analysis: PairAnalysis, catalog: Catalog) -> [Question] {
        let a = analysis.a.model, b = analysis.b.model
        var list: [Question] = []

        if let ca = a.contextWindow?.value, let cb = b.contextWindow?.value {
            let answer: String
            if ca == cb {
                answer = "Neither: both accept \(Format.tokensLong(ca)) of context."
            } else {
                let (big, small, bigTokens, smallTokens) = ca > cb ? (a, b, ca, cb) : (b, a, cb, ca)
                answer = "\(big.name), with \(Format.tokensLong(bigTokens)) against \(Format.tokensLong(smallTokens)) for \(small.name). Providers may cap it lower; check the route you call."
            }
            list.append(Question(question: "Which has the larger context window, \(a.name) or \(b.name)?", answer: answer))
        }

        if a.openness != nil || b.openness != nil || a.license != nil || b.license != nil {
            func describe(_ model: Model) -> String {
                let licence = model.license.map { " under the \($0.name) licence" } ?? " under a licence the catalog does not document"
                switch model.openness {
                case .openWeights?: return "\(model.name) has open weights\(licence)."
                case .proprietary?: return "\(model.name) is proprietary\(licence == " under the Proprietary licence" ? "" : licence); its weights are not published."
                case nil: return "Whether \(model.name)'s weights are published is not documented."
                }
            }
            list.append(Question(question: "Are \(a.name) and \(b.name) open source?", answer: describe(a) + " " + describe(b)))
        }

        for comparison in analysis.capabilities where comparison.onlyOn != nil {
            let side = comparison.onlyOn!
            let (has, other) = side == .a ? (a, b) : (b, a)
            let otherState = comparison.state(side.other)
            let tail = otherState == .no ? "\(other.name) is documented without it." : "The catalog does not document it for \(other.name)."
            list.append(Question(question: "Which supports \(comparison.definition.name.lowercased()), \(a.name) or \(b.name)?",
                                 answer: "\(has.name) does. \(tail)"))
        }

        if !a.routes.isEmpty || !b.routes.isEmpty {
            func places(_ digest: ModelDigest) -> String {
                let model = digest.model, names = digest.providerNames
                var text = names.isEmpty ? "The catalog lists no provider for \(model.name)" : "\(model.name) is listed on \(Format.list(names))"
                if model.openness == .openWeights { text += ", and its open weights can run on your own hardware" }
                return text + "."
            }
            list.append(Question(question: "Where can I run \(a.name) and \(b.name)?", answer: places(analysis.a) + " " + places(analysis.b)))
        }

        if analysis.cost.a != nil || analysis.cost.b != nil {
            let traffic = catalog.site.traffic
            func cost(_ model: Model, _ quote: CostQuote?, _ digest: ModelDigest) -> String {
                guard let quote else { return (digest.unpriced?.clause(model.name) ?? "\(model.name)'s price is not documented") + "." }
                let provider = catalog.providers[quote.provider]?.name ?? quote.provider
                return "\(model.name) comes to \(Format.money(quote.monthly)) a month on \(provider), its cheapest pay-as-you-go route."
            }
            list.append(Question(
                question: "What do \(a.name) and \(b.name) cost at \(Format.millions(traffic.inputMillions)) input and \(Format.millions(traffic.outputMillions)) output tokens a month?",
                answer: cost(a, analysis.cost.a, analysis.a) + " " + cost(b, analysis.cost.b, analysis.b)))
        }

        let coding = analysis.benchmarks.shared.filter { $0.benchmark.category == .coding }
        if !coding.isEmpty {
            let items = coding.map { row -> String in
                let unit = row.benchmark.unit
                let scores = "\(Format.score(row.a!.score.value, unit: unit)) vs \(Format.score(row.b!.score.value, unit: unit))"
                let name = row.benchmark.name + (row.variant.map { " (\($0))" } ?? "")
                if let leader = row.leader { return "\(name): \(leader == .a ? a.name : b.name), \(scores)" }
                let why = (row.noCall ?? "no leader").replacingOccurrences(of: "No call: ", with: "no call, ")
                return "\(name): \(why.prefix(1).lowercased() + why.dropFirst()), \(scores)"
            }
            let lead = analysis.benchmarks.categories.first { $0.category == .coding }?.leader
            let head = lead.map { "\($0 == .a ? a.name : b.name) leads on the coding benchmarks both report." }
                ?? (coding.contains { $0.leader != nil } ? "The coding benchmarks both report are split."
                    : "No coding benchmark both report names a leader.")
            list.append(Question(question: "Which is better at coding, \(a.name) or \(b.name)?",
                                 answer: head + " " + items.joined(separator: "; ") + "."))
        }
        return list
    }
}
