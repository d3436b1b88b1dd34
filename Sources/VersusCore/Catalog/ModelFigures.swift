import Foundation

/// Every sourced figure of a model, named, in one list: the citations of its pages and its fingerprint
/// (`Model.sourceReferences`), the source checks and dispute warnings of validation, the dispute lines of its pages
/// and the count of its disputed figures all read `Model.figures`, so none can leave a figure out.
public struct NamedFigure: Sendable {
    /// Which figure it is.
    public enum Name: Sendable, Hashable {
        case contextWindow
        case maxOutput
        case totalParameters
        case activeParameters
        /// One of a route's own figures, by provider id.
        case route(provider: String, RouteFigure)
        /// A price that applies above a prompt length on a route.
        case tier(provider: String, aboveTokens: Int, RouteFigure)
        case score(benchmark: String, variant: String?)
    }

    /// A route's figures (a tier has the four prices).
    public enum RouteFigure: String, Sendable, Hashable, CaseIterable {
        case input = "input price"
        case output = "output price"
        case cachedInput = "cached input price"
        case cacheWrite = "cache write price"
        case batchInput = "batch input price"
        case batchOutput = "batch output price"
        case contextWindow = "context window"
        case maxOutput = "max output"

        public var isPrice: Bool { self != .contextWindow && self != .maxOutput }
    }

    /// The figure's values: token counts, or decimals (prices in USD per 1M tokens, billions of parameters, scores).
    public enum Values: Sendable {
        case tokens(Figure<Int>)
        case decimal(Figure<Decimal>)
    }

    public var name: Name
    public var values: Values

    public var isDisputed: Bool {
        switch values {
        case let .tokens(figure): return figure.isDisputed
        case let .decimal(figure): return figure.isDisputed
        }
    }

    /// The source of each value, in order (nil for a value without one).
    public var sources: [SourceReference?] {
        switch values {
        case let .tokens(figure): return figure.values.map(\.source)
        case let .decimal(figure): return figure.values.map(\.source)
        }
    }

    /// Where each value is written.
    public var locations: [SourceLocation] {
        switch values {
        case let .tokens(figure): return figure.values.map(\.location)
        case let .decimal(figure): return figure.values.map(\.location)
        }
    }

    public var location: SourceLocation { locations[0] }
}

extension Route {
    /// The route's figures, tiers included, in a fixed order.
    public var figures: [(NamedFigure.RouteFigure, Figure<Decimal>?, Figure<Int>?, aboveTokens: Int?)] {
        var list: [(NamedFigure.RouteFigure, Figure<Decimal>?, Figure<Int>?, aboveTokens: Int?)] = [
            (.input, input, nil, nil), (.output, output, nil, nil), (.cachedInput, cachedInput, nil, nil),
            (.cacheWrite, cacheWrite, nil, nil), (.batchInput, batchInput, nil, nil), (.batchOutput, batchOutput, nil, nil),
        ]
        for tier in tiers {
            list += [
                (.input, tier.input, nil, tier.aboveTokens), (.output, tier.output, nil, tier.aboveTokens),
                (.cachedInput, tier.cachedInput, nil, tier.aboveTokens), (.cacheWrite, tier.cacheWrite, nil, tier.aboveTokens),
            ]
        }
        list += [(.contextWindow, nil, contextWindow, nil), (.maxOutput, nil, maxOutput, nil)]
        return list
    }

    /// Every price the route gives, tiers included.
    var prices: [Figure<Decimal>] {
        figures.compactMap { $0.0.isPrice ? $0.1 : nil }
    }
}

extension Model {
    /// Every sourced figure of the model that is present, in a fixed order: its own limits and sizes, each route's
    /// figures in route order, then its benchmark scores.
    public var figures: [NamedFigure] {
        var list: [NamedFigure] = []
        func add(_ name: NamedFigure.Name, _ figure: Figure<Int>?) {
            if let figure { list.append(NamedFigure(name: name, values: .tokens(figure))) }
        }
        func add(_ name: NamedFigure.Name, _ figure: Figure<Decimal>?) {
            if let figure { list.append(NamedFigure(name: name, values: .decimal(figure))) }
        }
        add(.contextWindow, contextWindow)
        add(.maxOutput, maxOutput)
        add(.totalParameters, parameters?.totalBillions)
        add(.activeParameters, parameters?.activeBillions)
        for route in routes {
            for (kind, price, tokens, above) in route.figures {
                let name: NamedFigure.Name =
                    above.map { .tier(provider: route.provider, aboveTokens: $0, kind) }
                    ?? .route(provider: route.provider, kind)
                add(name, price)
                add(name, tokens)
            }
        }
        for result in benchmarkResults { add(.score(benchmark: result.benchmark, variant: result.variant), result.score) }
        return list
    }

    /// Every source the model's facts cite, once each: its figures' and the sources given beside them.
    var sourceReferences: Set<SourceReference> {
        var references = Set(sources)
        for figure in figures { references.formUnion(figure.sources.compactMap { $0 }) }
        if let source = languages?.source { references.insert(source) }
        for route in routes { if let source = route.source { references.insert(source) } }
        for variant in selfHosting { if let source = variant.source { references.insert(source) } }
        return references
    }
}
