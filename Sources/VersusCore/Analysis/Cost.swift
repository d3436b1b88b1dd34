import Foundation

/// What a month of traffic costs on one route.
public struct CostQuote: Sendable, Hashable {
    /// The route quoted: its figures carry the sources a page cites beside the amount.
    public var route: Route
    public var provider: String
    public var inputPrice: Decimal
    public var outputPrice: Decimal
    /// Input and output at the route's base (shortest-prompt) prices.
    public var monthly: Decimal
    /// Every input token billed at the cached-input price: a lower bound for cache-heavy workloads.
    public var monthlyAllCached: Decimal?
    /// Input and output at batch prices.
    public var monthlyBatch: Decimal?
}

public enum CostCalculator {
    public static func monthly(input: Decimal, output: Decimal, at traffic: TrafficLevel) -> Decimal {
        input * traffic.inputMillions + output * traffic.outputMillions
    }

    /// What a month costs on `route`: only for a pay-as-you-go route with both prices. A free tier or a plan has no
    /// monthly cost per token to quote, whatever prices its file lists.
    public static func quote(_ route: Route, at traffic: TrafficLevel) -> CostQuote? {
        guard route.kind == .payAsYouGo, let input = route.input?.value, let output = route.output?.value else { return nil }
        return CostQuote(
            route: route, provider: route.provider, inputPrice: input, outputPrice: output,
            monthly: monthly(input: input, output: output, at: traffic),
            monthlyAllCached: route.cachedInput.map { monthly(input: $0.value, output: output, at: traffic) },
            monthlyBatch: route.batchInput.flatMap { batchIn in
                route.batchOutput.map { monthly(input: batchIn.value, output: $0.value, at: traffic) }
            })
    }

    /// `routes` in the order price tables list them: pay-as-you-go routes with both prices by what the month costs
    /// at `traffic`, cheapest first; then other pay-as-you-go routes, free tiers, and plans; ties by provider id,
    /// then catalog order.
    public static func cheapestFirst(_ routes: [Route], at traffic: TrafficLevel) -> [Route] {
        func group(_ route: Route) -> Int {
            switch route.kind {
            case .payAsYouGo: return 0
            case .free: return 1
            case .plan: return 2
            }
        }
        let keyed = routes.enumerated().map { (offset, route) in
            (route: route, cost: quote(route, at: traffic)?.monthly, offset: offset, group: group(route))
        }
        return keyed.sorted { l, r in
            if l.group != r.group { return l.group < r.group }
            switch (l.cost, r.cost) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (l.route.provider, l.offset) < (r.route.provider, r.offset)
            }
        }.map(\.route)
    }

    /// The cheapest representative pay-as-you-go route with both an input and an output price; ties go to the
    /// provider id first in order. Representative: not below `ClaimRules.representativeFloor` of the median month
    /// of the model's pay-as-you-go routes (when it has `ClaimRules.representativeRoutes` or more).
    public static func cheapest(_ routes: [Route], at traffic: TrafficLevel) -> CostQuote? {
        // Only the month decides; the winner alone is quoted in full (cached and batch months too).
        let months = routes.compactMap { route -> (route: Route, monthly: Decimal)? in
            guard route.kind == .payAsYouGo, let input = route.input?.value, let output = route.output?.value else { return nil }
            return (route, monthly(input: input, output: output, at: traffic))
        }
        let floor = representativeFloor(months.map(\.monthly))
        let best = months.filter { floor == nil || $0.monthly >= floor! }
            .min { ($0.monthly, $0.route.provider) < ($1.monthly, $1.route.provider) }
        return best.flatMap { quote($0.route, at: traffic) }
    }

    /// The lowest value a headline figure may take among `values` (monthly costs, or prices of one kind), or nil
    /// when there are too few to tell what is representative.
    public static func representativeFloor(_ values: [Decimal]) -> Decimal? {
        guard values.count >= ClaimRules.representativeRoutes, let median = ClaimRules.median(values) else { return nil }
        return median * ClaimRules.representativeFloor
    }

    /// The routes whose month at `traffic` falls below the representative floor: shown, flagged, not headlined.
    public static func belowFloor(_ routes: [Route], at traffic: TrafficLevel) -> [Route] {
        let quotes = routes.compactMap { route in quote(route, at: traffic).map { (route, $0.monthly) } }
        guard let floor = representativeFloor(quotes.map(\.1)) else { return [] }
        return quotes.filter { $0.1 < floor }.map(\.0)
    }
}
