import Foundation

/// Reads one `models/<id>.yaml`.
enum ModelDecoder {
    static let keys = [
        "id", "name", "developer", "family", "product_type", "release_date", "knowledge_cutoff", "license",
        "openness", "commercial_use", "parameters", "architecture", "context_window", "max_output",
        "modalities", "languages", "capabilities", "best_for", "decision_fit", "routes", "benchmarks",
        "self_hosting", "sources", "last_reviewed", "notes", "aliases",
    ]
    static let routeKeys = [
        "provider", "model_id", "input", "output", "cached_input", "cache_write", "batch_input",
        "batch_output", "tiers", "context_window", "max_output", "note", "source", "as_of", "price_kind",
    ]
    static let tierKeys = ["above_tokens", "input", "output", "cached_input", "cache_write"]
    static let resultKeys = ["benchmark", "score", "variant", "source", "date", "note", "reported_by"]
    static let selfHostingKeys = [
        "label", "quantization", "min_memory_gb", "memory", "hardware", "tokens_per_second",
        "context_tokens", "approximate", "note", "source", "date",
    ]

    /// `imported`: an import layer has a model of this id, so this file only adds to it and needs no `name` or
    /// `developer` of its own (an empty one is filled in from the layer).
    static func decode(
        _ node: YAMLNode?, id: String, file: String, imported: Bool = false,
        _ diagnostics: inout [Diagnostic]
    ) -> Model? {
        guard let node else {
            diagnostics.append(.error(SourceLocation(file: file), "model file is empty", fix: "add at least `name:` and `developer:`"))
            return nil
        }
        guard let reader = FieldReader(node, what: "model `\(id)`", keys: keys, diagnostics: &diagnostics) else { return nil }
        if let written = reader.id("id", &diagnostics), written != id {
            diagnostics.append(
                .error(
                    reader.keyLocation("id"), "`id: \(written)` does not match the file name `\(id)`",
                    fix: "rename the file or remove the `id` key"))
        }
        let name = reader.string("name", required: !imported, &diagnostics)
        let developer = reader.string("developer", required: !imported, &diagnostics)
        let sources = reader.strings("sources", &diagnostics).map(SourceReference.init)
        let modelSource = sources.first

        var model = Model(
            id: id, name: name ?? (imported ? "" : id), developer: developer ?? "",
            family: reader.string("family", &diagnostics),
            productType: reader.choice("product_type", as: ProductType.self, &diagnostics),
            releaseDate: reader.date("release_date", &diagnostics),
            knowledgeCutoff: reader.date("knowledge_cutoff", &diagnostics),
            license: license(reader.value("license"), &diagnostics),
            openness: reader.choice("openness", as: Openness.self, &diagnostics),
            commercialUse: reader.choice("commercial_use", as: CommercialUse.self, &diagnostics),
            parameters: parameters(reader.value("parameters"), source: modelSource, &diagnostics),
            architecture: reader.choice("architecture", as: Architecture.self, &diagnostics),
            contextWindow: reader.value("context_window").flatMap {
                FigureDecoder.integer($0, field: "context_window", defaultSource: modelSource, defaultDate: nil, &diagnostics)
            },
            maxOutput: reader.value("max_output").flatMap {
                FigureDecoder.integer($0, field: "max_output", defaultSource: modelSource, defaultDate: nil, &diagnostics)
            },
            inputModalities: [], outputModalities: [],
            languages: languages(reader.value("languages"), &diagnostics),
            capabilities: capabilities(reader.value("capabilities"), &diagnostics),
            bestFor: reader.strings("best_for", &diagnostics),
            decisionFit: reader.list("decision_fit", &diagnostics).compactMap {
                Scalars.choice($0, field: "decision_fit", as: DecisionTag.self, &diagnostics)
            },
            routes: reader.list("routes", &diagnostics).compactMap { route($0, &diagnostics) },
            benchmarkResults: results(reader.list("benchmarks", &diagnostics), &diagnostics),
            selfHosting: reader.list("self_hosting", &diagnostics).compactMap { selfHosting($0, &diagnostics) },
            sources: sources,
            lastReviewed: reader.date("last_reviewed", &diagnostics),
            notes: reader.string("notes", &diagnostics),
            location: node.location)
        if let modalities = reader.value("modalities"),
            let inner = FieldReader(modalities, what: "`modalities`", keys: ["input", "output"], diagnostics: &diagnostics)
        {
            model.inputModalities = inner.list("input", &diagnostics).compactMap {
                Scalars.choice($0, field: "modalities.input", as: Modality.self, &diagnostics)
            }
            model.outputModalities = inner.list("output", &diagnostics).compactMap {
                Scalars.choice($0, field: "modalities.output", as: Modality.self, &diagnostics)
            }
        }
        model.aliases = reader.list("aliases", &diagnostics).compactMap { node in
            Scalars.id(node, field: "aliases", &diagnostics).map { ModelAlias(id: $0, location: node.location) }
        }
        // Returned even without `name` or `developer` (already reported): the model file exists, so pages and
        // pairs that name it must not also be told it does not, and its other facts still get checked.
        return model
    }

    static func license(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> License? {
        guard let node else { return nil }
        if node.scalarText != nil {
            return Scalars.string(node, field: "license", &diagnostics).map { License(name: $0, osiApproved: nil, url: nil) }
        }
        guard let reader = FieldReader(node, what: "`license`", keys: ["name", "osi_approved", "url"], diagnostics: &diagnostics),
            let name = reader.string("name", required: true, &diagnostics)
        else { return nil }
        return License(name: name, osiApproved: reader.bool("osi_approved", &diagnostics), url: reader.url("url", &diagnostics))
    }

    static func parameters(_ node: YAMLNode?, source: SourceReference?, _ diagnostics: inout [Diagnostic]) -> Parameters? {
        guard let node,
            let reader = FieldReader(
                node, what: "`parameters`", keys: ["total_billions", "active_billions"],
                diagnostics: &diagnostics)
        else { return nil }
        let total = reader.value("total_billions").flatMap {
            FigureDecoder.decimal($0, field: "total_billions", defaultSource: source, defaultDate: nil, nonNegative: true, &diagnostics)
        }
        let active = reader.value("active_billions").flatMap {
            FigureDecoder.decimal($0, field: "active_billions", defaultSource: source, defaultDate: nil, nonNegative: true, &diagnostics)
        }
        if let total, let active, active.value > total.value {
            diagnostics.append(
                .error(
                    active.location, "`active_billions` (\(active.value)) is larger than `total_billions` (\(total.value))",
                    fix: "active parameters are a share of the total"))
        }
        return Parameters(totalBillions: total, activeBillions: active)
    }

    static func languages(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> Languages? {
        guard let node,
            let reader = FieldReader(
                node, what: "`languages`", keys: ["count", "primary", "source"],
                diagnostics: &diagnostics)
        else { return nil }
        return Languages(
            count: reader.integer("count", minimum: 1, &diagnostics),
            primary: reader.strings("primary", &diagnostics),
            source: reader.string("source", &diagnostics).map(SourceReference.init))
    }

    static func capabilities(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> [String: CapabilityState] {
        guard let node else { return [:] }
        guard let entries = node.entries else {
            diagnostics.append(.error(node.location, "`capabilities` must be a mapping such as `vision: yes`, found \(node.kindName)"))
            return [:]
        }
        var result: [String: CapabilityState] = [:]
        for entry in entries {
            let value = entry.value
            switch value.scalarText?.lowercased() {
            case "yes", "true": result[entry.key] = .yes
            case "no", "false": result[entry.key] = .no
            case "not-documented", "unknown": result[entry.key] = .notDocumented
            default:
                diagnostics.append(
                    .error(
                        value.location, "capability \(Scalars.code(entry.key)) cannot be \(Scalars.describe(value))",
                        fix: "use yes, no or not-documented"))
            }
        }
        return result
    }

    static func route(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> Route? {
        guard let reader = FieldReader(node, what: "a route", keys: routeKeys, diagnostics: &diagnostics) else { return nil }
        let provider = reader.id("provider", required: true, &diagnostics)
        let source = reader.string("source", &diagnostics).map(SourceReference.init)
        let asOf = reader.date("as_of", &diagnostics)
        func price(_ key: String, _ from: FieldReader = reader) -> Figure<Decimal>? {
            from.value(key).flatMap {
                FigureDecoder.decimal($0, field: key, defaultSource: source, defaultDate: asOf, nonNegative: true, &diagnostics)
            }
        }
        let tiers: [PriceTier] = reader.list("tiers", &diagnostics).compactMap { item in
            guard let tier = FieldReader(item, what: "a price tier", keys: tierKeys, diagnostics: &diagnostics),
                let above = tier.integer("above_tokens", required: true, minimum: 1, &diagnostics)
            else { return nil }
            return PriceTier(
                aboveTokens: above, input: price("input", tier), output: price("output", tier),
                cachedInput: price("cached_input", tier), cacheWrite: price("cache_write", tier),
                location: item.location)
        }
        func limit(_ key: String) -> Figure<Int>? {
            reader.value(key).flatMap {
                FigureDecoder.integer($0, field: key, defaultSource: source, defaultDate: asOf, &diagnostics)
            }
        }
        let priceKind = reader.choice("price_kind", as: PriceKind.self, &diagnostics)
        guard let provider else { return nil }
        return Route(
            provider: provider, modelID: reader.string("model_id", &diagnostics),
            input: price("input"), output: price("output"), cachedInput: price("cached_input"),
            cacheWrite: price("cache_write"), batchInput: price("batch_input"), batchOutput: price("batch_output"),
            tiers: tiers.sorted { $0.aboveTokens < $1.aboveTokens },
            contextWindow: limit("context_window"), maxOutput: limit("max_output"),
            note: reader.string("note", &diagnostics), source: source, asOf: asOf, location: node.location,
            priceKind: priceKind)
    }

    /// Entries naming the same benchmark and variant become one result with several sourced values.
    static func results(_ nodes: [YAMLNode], _ diagnostics: inout [Diagnostic]) -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        for node in nodes {
            guard let reader = FieldReader(node, what: "a benchmark result", keys: resultKeys, diagnostics: &diagnostics) else { continue }
            let benchmark = reader.id("benchmark", required: true, &diagnostics)
            let variant = reader.string("variant", &diagnostics)
            let source = reader.string("source", &diagnostics).map(SourceReference.init)
            let date = reader.date("date", &diagnostics)
            let note = reader.string("note", &diagnostics)
            let reportedBy = reader.choice("reported_by", as: BenchmarkReporter.self, &diagnostics)
            guard let scoreNode = reader.value("score") else {
                reader.missing("score", &diagnostics)
                continue
            }
            guard let benchmark,
                var score = FigureDecoder.decimal(
                    scoreNode, field: "score", defaultSource: source,
                    defaultDate: date, &diagnostics)
            else { continue }
            if let note {
                score.values = score.values.map {
                    var value = $0; value.note = value.note ?? note; return value
                }
            }
            if let index = results.firstIndex(where: { $0.benchmark == benchmark && $0.variant == variant }) {
                results[index].score.values.append(contentsOf: score.values)
            } else {
                results.append(
                    BenchmarkResult(
                        benchmark: benchmark, variant: variant, score: score, location: node.location,
                        reportedBy: reportedBy))
            }
        }
        return results
    }

    static func selfHosting(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> SelfHostingVariant? {
        guard let reader = FieldReader(node, what: "a self-hosting entry", keys: selfHostingKeys, diagnostics: &diagnostics) else {
            return nil
        }
        var speed: SpeedRange?
        if let value = reader.value("tokens_per_second") {
            if value.scalarText != nil {
                if let number = Scalars.decimal(value, field: "tokens_per_second", &diagnostics) {
                    speed = SpeedRange(low: number, high: number)
                }
            } else if let range = FieldReader(value, what: "`tokens_per_second`", keys: ["low", "high"], diagnostics: &diagnostics),
                let low = range.decimal("low", required: true, &diagnostics),
                let high = range.decimal("high", required: true, &diagnostics)
            {
                if low > high {
                    diagnostics.append(
                        .error(
                            value.location, "`tokens_per_second` has low \(low) above high \(high)",
                            fix: "swap the two values"))
                } else {
                    speed = SpeedRange(low: low, high: high)
                }
            }
        }
        let memory = reader.decimal("min_memory_gb", &diagnostics)
        if let memory, memory <= 0 {
            diagnostics.append(.error(reader.keyLocation("min_memory_gb"), "`min_memory_gb` must be positive, found \(memory)"))
        }
        return SelfHostingVariant(
            label: reader.string("label", &diagnostics), quantization: reader.string("quantization", &diagnostics),
            minimumMemoryGB: memory, memoryKind: reader.choice("memory", as: SelfHostingVariant.MemoryKind.self, &diagnostics),
            hardware: reader.string("hardware", &diagnostics), tokensPerSecond: speed,
            contextTokens: reader.integer("context_tokens", minimum: 1, &diagnostics),
            approximate: reader.bool("approximate", &diagnostics) ?? false, note: reader.string("note", &diagnostics),
            source: reader.string("source", &diagnostics).map(SourceReference.init),
            date: reader.date("date", &diagnostics), location: node.location)
    }
}
