import Foundation

/// A model's cheapest representative pay-as-you-go input and output price over time, from its price history: a step
/// each day the cheapest of either moved. Only days a route was sold per token to anyone count
/// (`HistoryPoint.isPayAsYouGo`): a free tier's or a plan's 0 never becomes a cheapest price; a day no route had a
/// pay-as-you-go price is unknown.
///
/// Each side leaves out, for the whole history, a route whose price on that side was on some day under half the
/// median of that day's priced routes (three or more): the rule the pages' headline prices follow
/// (`CostCalculator.representativeFloor`), applied to a route once and for all. Applied day by day instead, the
/// arrival of a third route would switch the rule on and move the cheapest price with no price having changed.
public struct PriceTrend: Sendable, Hashable {
    /// The cheapest price on one side from `date` on, with the route and the change that set it.
    public struct Price: Sendable, Hashable {
        public var value: Decimal
        public var provider: String
        /// The route's id at the provider, as its history names it.
        public var modelID: String? = nil
        public var commit: String
        public var date: ISODate
    }

    public struct Step: Sendable, Hashable {
        public var date: ISODate
        /// nil: no route had a pay-as-you-go price from this day on.
        public var input: Price?
        public var output: Price?
    }

    /// Oldest first; consecutive steps differ.
    public var steps: [Step]
    /// The routes (by provider and model id) left out of the input or the output side: on some day under half the
    /// median of that day's priced routes.
    public var leftOut: Set<RouteKey> = []

    public struct RouteKey: Sendable, Hashable {
        public var provider: String
        public var modelID: String?
    }
    /// The last day the history covers: its newest change of any route.
    public var end: ISODate?

    public init(_ history: PriceHistory, providers: [String: Provider]) {
        let routes = history.routes.filter { !$0.changes.isEmpty }
        let dates = Set(routes.flatMap { $0.changes.map(\.date) }).sorted()
        // Each day's pay-as-you-go prices, by route index.
        var days: [(date: ISODate, prices: [(route: Int, input: Price, output: Price)])] = []
        var cursor = Array(repeating: -1, count: routes.count)
        for date in dates {
            var prices: [(route: Int, input: Price, output: Price)] = []
            for (index, route) in routes.enumerated() {
                while cursor[index] + 1 < route.changes.count, route.changes[cursor[index] + 1].date <= date { cursor[index] += 1 }
                guard cursor[index] >= 0 else { continue }
                let point = route.changes[cursor[index]]
                guard point.isPayAsYouGo(provider: providers[route.provider]), let i = point.input, let o = point.output else { continue }
                func price(_ value: Decimal) -> Price {
                    Price(value: value, provider: route.provider, modelID: route.modelID, commit: point.commit, date: point.date)
                }
                prices.append((index, price(i), price(o)))
            }
            days.append((date, prices))
        }
        // The routes left out of each side: under the representative floor on some day.
        var outInput = Set<Int>(), outOutput = Set<Int>()
        for day in days {
            if let floor = CostCalculator.representativeFloor(day.prices.map(\.input.value)) {
                for entry in day.prices where entry.input.value < floor { outInput.insert(entry.route) }
            }
            if let floor = CostCalculator.representativeFloor(day.prices.map(\.output.value)) {
                for entry in day.prices where entry.output.value < floor { outOutput.insert(entry.route) }
            }
        }
        var steps: [Step] = []
        for day in days {
            let input = Self.cheapest(day.prices.filter { !outInput.contains($0.route) }.map(\.input))
            let output = Self.cheapest(day.prices.filter { !outOutput.contains($0.route) }.map(\.output))
            let step = Step(date: day.date, input: input, output: output)
            if let last = steps.last, last.input?.value == input?.value, last.output?.value == output?.value,
                (last.input == nil) == (input == nil), (last.output == nil) == (output == nil)
            {
                continue
            }
            if steps.isEmpty && input == nil && output == nil { continue }
            steps.append(step)
        }
        self.steps = steps
        self.end = dates.last
        self.leftOut = Set(outInput.union(outOutput).map { RouteKey(provider: routes[$0].provider, modelID: routes[$0].modelID) })
    }

    /// The lowest price of one side on one day; the first in route order wins a tie.
    static func cheapest(_ prices: [Price]) -> Price? {
        var best: Price?
        for price in prices where best.map({ price.value < $0.value }) ?? true { best = price }
        return best
    }

    /// The step in force on `date`.
    public func step(on date: ISODate) -> Step? { steps.last { $0.date <= date } }

    /// How one side's cheapest price moved: from the first known value since `since` (or the first of all) to the
    /// latest, and when it last changed. nil when it never moved or is unknown today.
    public struct Movement: Sendable, Hashable {
        public var from: Decimal
        public var to: Decimal
        /// The day the earlier price was in force.
        public var since: ISODate
        public var lastChanged: ISODate
        public var lastCommit: String
        public var lastProvider: String
        /// The cheapest price the last change set (the route, and the change of that route it came from; an older
        /// change when the price took over because a cheaper route left), and the one it replaced.
        public var holder: Price?
        public var replaced: Price?
    }

    /// `side`'s cheapest price over the last `windowDays` days of the history: the price in force when the window
    /// opened (or the first known one, in a shorter history) against the latest. nil when it did not move, or when
    /// either is unknown.
    public func movement(_ side: KeyPath<Step, Price?>, windowDays: Int) -> Movement? {
        guard let end, let last = steps.last, let latest = last[keyPath: side] else { return nil }
        let opening = end.dayNumber - windowDays
        var start = steps.lastIndex { $0.date.dayNumber <= opening } ?? 0
        while start < steps.count, steps[start][keyPath: side] == nil { start += 1 }
        guard start < steps.count, let first = steps[start][keyPath: side], first.value != latest.value else { return nil }
        // The day the latest value took over: the first step of the last run of equal values.
        var changed = steps.count - 1
        while changed > 0, let price = steps[changed - 1][keyPath: side], price.value == latest.value { changed -= 1 }
        let step = steps[changed]
        return Movement(
            from: first.value, to: latest.value, since: steps[start].date, lastChanged: step.date,
            lastCommit: step[keyPath: side]?.commit ?? latest.commit, lastProvider: latest.provider,
            holder: step[keyPath: side], replaced: changed > 0 ? steps[changed - 1][keyPath: side] : nil)
    }
}
