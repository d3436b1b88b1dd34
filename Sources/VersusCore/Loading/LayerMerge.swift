/// Merges an import layer (`Content/imports/<layer>/`) under the hand-written catalog. The layer never overrides
/// an editor:
///
/// - an entry only the layer has is taken as it is;
/// - for a figure both hold (a price, a limit, a score), the hand-written values come first and the layer's are
///   appended as further sourced values, so pages show both and `versus check` warns when they disagree;
/// - for any other field (text, dates, choices, lists, capabilities) a hand-written value wins and the layer's
///   fills only what the editor left out;
/// - routes merge by provider and model id (a hand-written route without a model id takes the layer's only route
///   for that provider), tiers by threshold, benchmark results by benchmark and variant, models, providers,
///   benchmarks and sources by id.
///
/// Every value keeps the place it was read from, so diagnostics still name the right file and line.
enum LayerMerge {
    static func merge(_ layer: LoadedCatalog, into catalog: inout LoadedCatalog) {
        catalog.diagnostics += layer.diagnostics
        catalog.layers.merge(layer.layers) { first, _ in first }
        catalog.histories += layer.histories
        // Only entries from before this layer are merged into: two entries of the layer itself with one id stay
        // two, for validation to report.
        let sourceCount = catalog.sources.count, benchmarkCount = catalog.benchmarks.count
        for source in layer.sources {
            if let index = catalog.sources[..<sourceCount].firstIndex(where: { $0.id == source.id }) {
                catalog.sources[index] = merged(catalog.sources[index], source)
            } else {
                catalog.sources.append(source)
            }
        }
        for benchmark in layer.benchmarks {
            if let index = catalog.benchmarks[..<benchmarkCount].firstIndex(where: { $0.id == benchmark.id }) {
                catalog.benchmarks[index] = merged(catalog.benchmarks[index], benchmark)
            } else {
                catalog.benchmarks.append(benchmark)
            }
        }
        var providerIndex = Dictionary(catalog.providers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for provider in layer.providers {
            if let index = providerIndex[provider.id] {
                catalog.providers[index] = merged(catalog.providers[index], provider)
            } else {
                providerIndex[provider.id] = catalog.providers.count
                catalog.providers.append(provider)
            }
        }
        var modelIndex = Dictionary(catalog.models.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for model in layer.models {
            if let index = modelIndex[model.id] {
                catalog.models[index] = merged(catalog.models[index], model)
            } else {
                modelIndex[model.id] = catalog.models.count
                catalog.models.append(model)
            }
        }
    }

    static func merged(_ hand: Source, _ layer: Source) -> Source {
        var result = hand
        result.url = hand.url ?? layer.url
        result.publisher = hand.publisher ?? layer.publisher
        result.date = hand.date ?? layer.date
        result.reports = hand.reports ?? layer.reports
        return result
    }

    static func merged(_ hand: Benchmark, _ layer: Benchmark) -> Benchmark {
        var result = hand
        result.url = hand.url ?? layer.url
        result.aliases = hand.aliases + layer.aliases.filter { !hand.aliases.contains($0) }
        return result
    }

    static func merged(_ hand: Provider, _ layer: Provider) -> Provider {
        var result = hand
        result.url = hand.url ?? layer.url
        result.openAICompatible = hand.openAICompatible ?? layer.openAICompatible
        result.priceKind = hand.priceKind ?? layer.priceKind
        return result
    }

    static func merged(_ hand: Model, _ layer: Model) -> Model {
        var result = hand
        // A hand-written file that only adds to an imported model may leave out its name and developer.
        if hand.name.isEmpty { result.name = layer.name }
        if hand.developer.isEmpty { result.developer = layer.developer }
        result.family = hand.family ?? layer.family
        result.productType = hand.productType ?? layer.productType
        result.releaseDate = hand.releaseDate ?? layer.releaseDate
        result.knowledgeCutoff = hand.knowledgeCutoff ?? layer.knowledgeCutoff
        result.license = hand.license ?? layer.license
        result.openness = hand.openness ?? layer.openness
        result.commercialUse = hand.commercialUse ?? layer.commercialUse
        if hand.parameters != nil || layer.parameters != nil {
            result.parameters = Parameters(
                totalBillions: merged(hand.parameters?.totalBillions, layer.parameters?.totalBillions),
                activeBillions: merged(hand.parameters?.activeBillions, layer.parameters?.activeBillions))
        }
        result.architecture = hand.architecture ?? layer.architecture
        result.contextWindow = merged(hand.contextWindow, layer.contextWindow)
        result.maxOutput = merged(hand.maxOutput, layer.maxOutput)
        if hand.inputModalities.isEmpty { result.inputModalities = layer.inputModalities }
        if hand.outputModalities.isEmpty { result.outputModalities = layer.outputModalities }
        result.languages = hand.languages ?? layer.languages
        result.capabilities = layer.capabilities.merging(hand.capabilities) { _, handWritten in handWritten }
        if hand.bestFor.isEmpty { result.bestFor = layer.bestFor }
        if hand.decisionFit.isEmpty { result.decisionFit = layer.decisionFit }
        result.routes = merged(hand.routes, layer.routes)
        result.benchmarkResults = merged(hand.benchmarkResults, layer.benchmarkResults)
        result.selfHosting = hand.selfHosting + layer.selfHosting
        result.sources = hand.sources + layer.sources.filter { !hand.sources.contains($0) }
        result.lastReviewed = hand.lastReviewed ?? layer.lastReviewed
        result.notes = hand.notes ?? layer.notes
        result.aliases = hand.aliases + layer.aliases.filter { alias in !hand.aliases.contains { $0.id == alias.id } }
        return result
    }

    /// The hand-written values first, then the layer's; a layer value the editor already wrote with the same source is
    /// not repeated.
    static func merged<T>(_ hand: Figure<T>?, _ layer: Figure<T>?) -> Figure<T>? {
        guard let hand else { return layer }
        guard let layer else { return hand }
        let added = layer.values.filter { value in
            !hand.values.contains { $0.value == value.value && $0.source == value.source && $0.approximate == value.approximate }
        }
        return Figure(hand.values + added)
    }

    static func merged(_ hand: [Route], _ layer: [Route]) -> [Route] {
        var result = hand
        var unmatched: [Route] = []
        var taken = Set<Int>()
        for route in layer {
            let exact = result.indices.first {
                !taken.contains($0) && result[$0].provider == route.provider && result[$0].modelID == route.modelID
            }
            if let index = exact {
                taken.insert(index)
                result[index] = merged(result[index], route)
            } else {
                unmatched.append(route)
            }
        }
        // A hand-written route that gives no model id stands for the provider's route of this model: it takes the
        // layer's route for that provider when there is exactly one.
        for route in unmatched {
            let open = result.indices.filter { !taken.contains($0) && result[$0].provider == route.provider && result[$0].modelID == nil }
            let sameProvider = unmatched.filter { $0.provider == route.provider }
            if open.count == 1, sameProvider.count == 1, let index = open.first, index < hand.count {
                taken.insert(index)
                result[index] = merged(result[index], route)
            } else {
                result.append(route)
            }
        }
        // A hand-written route that says only that a provider serves the model (no model id, no price, no limit) is
        // said again, with ids and prices, by the layer's routes at that provider: it is left out, so that the
        // provider is not listed once more with nothing documented.
        let layerProviders = Set(layer.map(\.provider))
        return result.indices.filter { index in
            !(index < hand.count && !taken.contains(index) && result[index].isBare && layerProviders.contains(result[index].provider))
        }.map { result[$0] }
    }

    static func merged(_ hand: Route, _ layer: Route) -> Route {
        var result = hand
        result.modelID = hand.modelID ?? layer.modelID
        result.input = merged(hand.input, layer.input)
        result.output = merged(hand.output, layer.output)
        result.cachedInput = merged(hand.cachedInput, layer.cachedInput)
        result.cacheWrite = merged(hand.cacheWrite, layer.cacheWrite)
        result.batchInput = merged(hand.batchInput, layer.batchInput)
        result.batchOutput = merged(hand.batchOutput, layer.batchOutput)
        result.contextWindow = merged(hand.contextWindow, layer.contextWindow)
        result.maxOutput = merged(hand.maxOutput, layer.maxOutput)
        var tiers = hand.tiers
        for tier in layer.tiers {
            if let index = tiers.firstIndex(where: { $0.aboveTokens == tier.aboveTokens }) {
                tiers[index].input = merged(tiers[index].input, tier.input)
                tiers[index].output = merged(tiers[index].output, tier.output)
                tiers[index].cachedInput = merged(tiers[index].cachedInput, tier.cachedInput)
                tiers[index].cacheWrite = merged(tiers[index].cacheWrite, tier.cacheWrite)
            } else {
                tiers.append(tier)
            }
        }
        result.tiers = tiers.sorted { $0.aboveTokens < $1.aboveTokens }
        result.note = hand.note ?? layer.note
        result.source = hand.source ?? layer.source
        result.asOf = hand.asOf ?? layer.asOf
        result.priceKind = hand.priceKind ?? layer.priceKind
        return result
    }

    static func merged(_ hand: [BenchmarkResult], _ layer: [BenchmarkResult]) -> [BenchmarkResult] {
        var result = hand
        for entry in layer {
            if let index = result.firstIndex(where: { $0.benchmark == entry.benchmark && $0.variant == entry.variant }) {
                result[index].score = merged(result[index].score, entry.score)!
            } else {
                result.append(entry)
            }
        }
        return result
    }
}
