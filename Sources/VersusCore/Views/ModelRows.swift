import Foundation

/// Rows about one model that pair pages and model pages both show.
enum SpecRows {
    static func cells(_ model: Model, ledger: inout SourceLedger) -> [(String, Cell)] {
        func text(_ value: String?) -> Cell { value.map { Cell($0) } ?? .unknown }
        let modelRefs = model.sources.first.map { ledger.ref($0) } ?? []
        var license = Cell.unknown
        if let value = model.license {
            var label = value.name
            if value.osiApproved == true { label += " (OSI-approved)" }
            license = Cell(label, refs: modelRefs)
        }
        var parameters = Cell.unknown
        if let params = model.parameters, let total = params.totalBillions {
            parameters = ledger.cell(total, Format.billions)
            if let active = params.activeBillions {
                let activeCell = ledger.cell(active, Format.billions)
                parameters.text += " total, \(activeCell.text) active"
                parameters.refs += activeCell.refs.filter { !parameters.refs.contains($0) }
            }
        } else if let active = model.parameters?.activeBillions {
            parameters = ledger.cell(active, Format.billions)
            parameters.text += " active (total not documented)"
        }
        var languages = Cell.unknown
        if let value = model.languages {
            var parts: [String] = []
            if let count = value.count { parts.append("\(count) languages") }
            if !value.primary.isEmpty { parts.append("primarily \(Format.list(value.primary))") }
            if !parts.isEmpty { languages = Cell(parts.joined(separator: ", "), refs: ledger.ref(value.source ?? model.sources.first)) }
        }
        return [
            ("Developer", Cell(model.developer)),
            ("Released", Cell(Format.date(model.releaseDate), muted: model.releaseDate == nil)),
            ("Knowledge cutoff", Cell(Format.date(model.knowledgeCutoff), muted: model.knowledgeCutoff == nil)),
            ("Context window", ledger.cell(model.contextWindow, Format.tokens)),
            ("Maximum output", ledger.cell(model.maxOutput, Format.tokens)),
            ("Parameters", parameters),
            ("Architecture", text(model.architecture?.label)),
            ("Licence", license),
            ("Weights", text(model.openness?.label)),
            ("Commercial use", text(model.commercialUse?.label)),
            (
                "Input",
                !model.inputModalities.isEmpty
                    ? Cell(Format.list(model.inputModalities.map(\.label)))
                    : model.capability("vision") == .yes ? Cell("Images; the full list is not documented") : .unknown
            ),
            ("Output", model.outputModalities.isEmpty ? .unknown : Cell(Format.list(model.outputModalities.map(\.label)))),
            ("Languages", languages),
        ]
    }
}

enum RouteRows {
    /// The first `limit` of the model's routes, cheapest first (`CostCalculator.cheapestFirst`).
    static func rows(for model: Model, catalog: Catalog, limit: Int = .max, ledger: inout SourceLedger) -> [PairPageView.RouteRow] {
        let outliers = PriceOutliers(model.routes)
        let below = CostCalculator.belowFloor(model.routes, at: catalog.site.traffic)
        return CostCalculator.cheapestFirst(model.routes, at: catalog.site.traffic).prefix(limit).map { route in
            let provider = catalog.providers[route.provider]
            // The row's Source column cites the route's source; a price from that same source needs no mark of its own.
            let routeRefs = ledger.ref(route.source)
            func price(_ figure: Figure<Decimal>?, missing: String = Format.notDocumented, median: Decimal? = nil) -> Cell {
                guard let figure else { return Cell(missing, muted: true) }
                var cell = ledger.cell(figure) { Format.price($0) }
                cell.refs.removeAll { routeRefs.contains($0) }
                if route.kind == .payAsYouGo, let note = outliers.note(figure.value, median: median) { cell.note = note }
                // A free tier's or a plan's zero is no price per token: say what it stands for, never "$0".
                switch route.kind {
                case .payAsYouGo: break
                case .free where figure.value == 0: cell.text = "Free"; cell.muted = true
                case .plan where figure.value == 0: cell.text = "In the plan"; cell.muted = true
                case .free, .plan: cell.note = "not sold per token"
                }
                return cell
            }
            var batch = Cell("Not documented", muted: true)
            if route.batchInput != nil || route.batchOutput != nil {
                let input = route.batchInput.map { Format.approx($0.primary, Format.price($0.value)) } ?? "?"
                let output = route.batchOutput.map { Format.approx($0.primary, Format.price($0.value)) } ?? "?"
                batch = Cell(
                    "\(input) / \(output)",
                    refs: ledger.ref(route.batchInput?.primary.source ?? route.source).filter { !routeRefs.contains($0) })
            }
            let tiers = route.tiers.map { tier -> String in
                let input = tier.input.map { Format.price($0.value) } ?? "?"
                let output = tier.output.map { Format.price($0.value) } ?? "?"
                return "Above \(Format.tokens(tier.aboveTokens)): \(input) in, \(output) out"
            }
            return PairPageView.RouteRow(
                provider: provider?.name ?? route.provider, providerHref: provider?.url,
                providerKind: [
                    provider?.kind.label, route.kind == .payAsYouGo ? nil : route.kind.label,
                    below.contains(route) ? "under half the median of this model's routes, so not used for headline costs" : nil,
                ]
                .compactMap { $0 }.joined(separator: " · "), modelID: route.modelID,
                input: price(route.input, median: outliers.input), output: price(route.output, median: outliers.output),
                cached: price(route.cachedInput),
                batch: batch, tiers: tiers.isEmpty ? nil : tiers.joined(separator: "; "),
                asOf: Format.date(route.asOf), refs: routeRefs)
        }
    }
}

/// A pay-as-you-go price far above what the model's other routes charge is more often a unit slip in the data (per
/// 1K tokens for per 1M) or a different product than a real price: the route table says so beside it. Rule: with at
/// least `minimumRoutes` pay-as-you-go routes giving that price, a price at least `factor` times their median is noted.
struct PriceOutliers {
    static let minimumRoutes = 3
    static let factor: Decimal = 10
    let input: Decimal?
    let output: Decimal?

    init(_ routes: [Route]) {
        let paid = routes.filter { $0.kind == .payAsYouGo }
        let inputs = paid.compactMap { $0.input?.value }, outputs = paid.compactMap { $0.output?.value }
        input = inputs.count >= Self.minimumRoutes ? Self.median(inputs) : nil
        output = outputs.count >= Self.minimumRoutes ? Self.median(outputs) : nil
    }

    func note(_ price: Decimal, median: Decimal?) -> String? {
        guard let median, median > 0, price >= median * Self.factor else { return nil }
        return "\(Format.number(price / median, places: 0))× the median of this model's routes; check with the provider"
    }

    static func median(_ values: [Decimal]) -> Decimal { ClaimRules.median(values) ?? 0 }
}

enum SelfHostingRows {
    static func rows(for model: Model, ledger: inout SourceLedger) -> [PairPageView.SelfHostingRow] {
        model.selfHosting.map { variant in
            let approx = variant.approximate ? "~" : ""
            var memory = Format.notDocumented
            if let gb = variant.minimumMemoryGB {
                memory = "\(approx)\(Format.number(gb)) GB"
                if let kind = variant.memoryKind { memory += " " + (kind == .vram ? "VRAM" : kind == .ram ? "RAM" : "unified memory") }
            }
            var speed = Format.notDocumented
            if let range = variant.tokensPerSecond {
                speed =
                    range.low == range.high
                    ? "\(approx)\(Format.number(range.low)) tokens/s"
                    : "\(Format.number(range.low))–\(Format.number(range.high)) tokens/s"
            }
            let setup = [
                variant.label, variant.quantization.map { "quantization \($0)" },
                variant.contextTokens.map { "\(Format.tokens($0)) context" },
            ].compactMap { $0 }
            return PairPageView.SelfHostingRow(
                model: model.name, setup: setup.isEmpty ? "Default" : setup.joined(separator: ", "), memory: memory,
                hardware: variant.hardware ?? Format.notDocumented, speed: speed, refs: ledger.ref(variant.source))
        }
    }
}
