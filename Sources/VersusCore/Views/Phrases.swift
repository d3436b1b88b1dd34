import Foundation

/// The sentences pages build from analysis facts. Each depends on the figures it states.
enum Phrases {
    static func capabilityNames(_ list: [CapabilityDefinition]) -> String {
        Format.list(list.map { $0.name.lowercased() })
    }

    static func tradeOff(_ reason: TradeOff, own: Model, other: Model) -> String {
        switch reason {
        case let .largerContext(tokens, otherTokens, disputed):
            if disputed {
                return
                    "You need long prompts: by every source its context window holds at least \(Format.tokens(tokens)) tokens, more than the \(Format.tokens(otherTokens)) any source gives \(other.name)."
            }
            return
                "You need long prompts: its \(Format.tokens(tokens))-token context window holds more than \(other.name)'s \(Format.tokens(otherTokens))."
        case let .largerOutput(tokens, otherTokens, disputed):
            if disputed {
                return
                    "Answers run long: by every source it can return at least \(Format.tokens(tokens)) tokens in one reply, more than the \(Format.tokens(otherTokens)) any source gives \(other.name)."
            }
            return
                "Answers run long: it can return up to \(Format.tokens(tokens)) tokens in one reply against \(Format.tokens(otherTokens))."
        case let .moreProviders(count, otherCount):
            let theirs =
                otherCount == 0
                ? "none offers \(other.name)"
                : otherCount == 1
                    ? "only one offers \(other.name)"
                    : "\(otherCount) offer \(other.name)"
            return "You want a fallback provider: \(count) providers offer it in the catalog, \(theirs)."
        case let .capabilitiesOtherLacks(list):
            return "Your workload depends on \(capabilityNames(list)), which \(other.name) is documented not to offer."
        case let .decisionTags(tags):
            // Acronyms keep their capitals: "RAG work", "coding or long context work".
            let names = tags.map { $0.label == $0.label.uppercased() ? $0.label : $0.label.lowercased() }
            return "The job is \(Format.list(names, conjunction: "or")) work, which the catalog tags it for."
        case let .cheaper(monthly, otherMonthly):
            return "Cost matters: about \(Format.money(monthly)) a month at the reference traffic against \(Format.money(otherMonthly))."
        case let .onlyOnePriced(monthly):
            return
                "You need a price you can budget today: \(Format.money(monthly)) a month at the reference traffic, while \(other.name) has no pay-as-you-go price in the catalog."
        case .openWeights:
            return "You must run it on your own hardware or fine-tune it: the weights are open, \(other.name)'s are not."
        case let .benchmarkLeads(rows):
            let items = rows.map { row -> String in
                let mine = row.a?.score.value ?? 0, theirs = row.b?.score.value ?? 0
                let (own, rival) = row.leader == .a ? (mine, theirs) : (theirs, mine)
                return
                    "\(row.benchmark.name) (\(Format.score(own, unit: row.benchmark.unit)) vs \(Format.score(rival, unit: row.benchmark.unit)))"
            }
            return "Measured results matter most: it scores higher on \(Format.list(items))."
        }
    }

    static func verdict(_ line: VerdictLine, a: Model, b: Model) -> String {
        func name(_ side: Side) -> String { side == .a ? a.name : b.name }
        switch line {
        case let .categoryLeader(category, side, wins, of):
            let count = of == 1 ? "the one shared benchmark" : "\(wins) of \(of) shared benchmarks"
            return "\(category.label): \(name(side)) leads on \(count)."
        case let .cheaper(side, ratio, difference):
            // "N× less" reads badly; the dearer model's multiple says the same.
            let times = ratio.map { "; \(name(side == .a ? .b : .a)) costs \(Format.ratio($0)) as much" } ?? ""
            return "Budget: \(name(side)) costs \(Format.money(difference)) less a month at the reference traffic\(times)."
        case let .largerContext(side):
            return "Long inputs: \(name(side)) has the larger context window."
        case let .selfHostable(side):
            return "Self-hosting: only \(name(side)) has open weights."
        case let .smallerSelfHost(side, gigabytes, otherGigabytes):
            return
                "Self-hosting: both have open weights; the smallest setup documented for \(name(side)) needs \(Format.number(gigabytes)) GB of memory, for \(name(side == .a ? .b : .a)) \(Format.number(otherGigabytes)) GB."
        case .differentJobs:
            func does(_ model: Model) -> String {
                guard let type = model.productType, let job = type.job else { return "\(model.name) writes text" }
                return "\(model.name) \(job)"
            }
            return
                "Different jobs: \(does(a)), while \(does(b)); one does not replace the other, so this page ranks neither on cost or limits."
        }
    }

    static func friction(_ friction: SwitchFriction, from: Model, to: Model, providers: [String: Provider]) -> [String] {
        var items: [String] = []
        if !friction.sharedProviders.isEmpty {
            let names = friction.sharedProviders.map { providers[$0]?.name ?? $0 }
            items.append(
                "Both run on \(Format.list(names)); on \(friction.sharedProviders.count == 1 ? "that provider" : "those providers") the switch is a change of model id."
            )
        } else if friction.targetHasNoRoute {
            items.append("The catalog lists no provider route for \(to.name) yet, so plan where it will run before switching.")
        } else {
            items.append("No provider in the catalog serves both, so expect a new endpoint, SDK settings and billing account.")
        }
        if let shrink = friction.contextShrinks {
            items.append(
                "Prompts above \(Format.tokens(shrink.to)) tokens will not fit: \(to.name)'s window is smaller than \(Format.tokens(shrink.from))."
            )
        }
        if !friction.lost.isEmpty {
            items.append(
                "You lose \(capabilityNames(friction.lost)): \(to.name) is documented without \(friction.lost.count == 1 ? "it" : "them").")
        }
        if !friction.unconfirmed.isEmpty {
            items.append(
                "Confirm you can do without \(capabilityNames(friction.unconfirmed)): \(to.name) does not document \(friction.unconfirmed.count == 1 ? "it" : "them")."
            )
        }
        if !friction.gained.isEmpty {
            items.append("You gain \(capabilityNames(friction.gained)).")
        }
        return items
    }

    /// The byline's date: when an editor last reviewed the models (the older review of two), or else the newest date a
    /// price of theirs was read ("Prices as of …", what an import gives), or nothing at all.
    static func reviewed(_ digests: [ModelDigest]) -> String {
        let reviews = digests.map(\.model.lastReviewed)
        if reviews.allSatisfy({ $0 != nil }), let oldest = reviews.compactMap({ $0 }).min() {
            return "Last reviewed: \(oldest)."
        }
        let asOf = digests.compactMap(\.newestRouteDate).max()
        return asOf.map { "Prices as of \($0)." } ?? ""
    }

    /// "a" or "an" before `word` as it is read aloud: a vowel, or a number read with one ("8K", "11K", "18M").
    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        if "aeiou".contains(first) || first == "8" { return "an" }
        let integer = word.prefix { $0.isNumber }
        return integer == "11" || integer == "18" ? "an" : "a"
    }

    static func framing(a: Model, b: Model) -> String {
        func kind(_ model: Model) -> String { model.productType?.label.lowercased() ?? "model of undocumented type" }
        func context(_ model: Model) -> String {
            model.contextWindow.map { "\(article(Format.tokens($0.value))) \(Format.tokens($0.value))-token context window" }
                ?? "a context window the catalog does not document"
        }
        let sameKind = a.productType != nil && a.productType == b.productType
        var pair = "\(a.name) from \(a.developer) with \(context(a)), and \(b.name) from \(b.developer) with \(context(b))."
        // A model that does another job than writing text is named for what it does, known type or not for the other.
        for model in [a, b] where !sameKind {
            if let type = model.productType, let job = type.job {
                let label = type.label.lowercased()
                pair += " \(model.name) is \(article(label)) \(label): it \(job)."
            }
        }
        // A type the catalog does not document says nothing: the framing names types only when both are known.
        if a.productType == nil || b.productType == nil { return pair }
        let kinds = sameKind ? "Two \(kind(a))s" : "A \(kind(a)) set against a \(kind(b))"
        return "\(kinds): \(pair)"
    }
}
