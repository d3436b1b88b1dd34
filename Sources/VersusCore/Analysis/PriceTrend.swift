import Foundation

/// A model's cheapest pay-as-you-go input and output price over time, from its price history: a step each day the
/// cheapest of either moved. Only days a route was sold per token to anyone count (`HistoryPoint.isPayAsYouGo`): a
/// free tier's or a plan's 0 never becomes a cheapest price; a day no route had a pay-as-you-go price is unknown.
public struct PriceTrend: Sendable, Hashable {
    /// The cheapest price on one side from `date` on, with the route and the change that set it.
    public struct Price: Sendable, Hashable {
        public var value: Decimal
        public var provider: String
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
    /// The last day the history covers: its newest change of any route.
    public var end: ISODate?

    public init(_ history: PriceHistory, providers: [String: Provider]) {
        let routes = history.routes.filter { !$0.changes.isEmpty }
        let dates = Set(routes.flatMap { $0.changes.map(\.date) }).sorted()
        var cursor = Array(repeating: -1, count: routes.count)
        var steps: [Step] = []
        for date in dates {
            var input: Price?, output: Price?
            for (index, route) in routes.enumerated() {
                while cursor[index] + 1 < route.changes.count, route.changes[cursor[index] + 1].date <= date { cursor[index] += 1 }
                guard cursor[index] >= 0 else { continue }
                let point = route.changes[cursor[index]]
                guard point.isPayAsYouGo(provider: providers[route.provider]), let i = point.input, let o = point.output else { continue }
                if input.map({ i < $0.value }) ?? true {
                    input = Price(value: i, provider: route.provider, commit: point.commit, date: point.date)
                }
                if output.map({ o < $0.value }) ?? true {
                    output = Price(value: o, provider: route.provider, commit: point.commit, date: point.date)
                }
            }
            let step = Step(date: date, input: input, output: output)
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
        var changed = last
        for step in steps.reversed() {
            guard let price = step[keyPath: side], price.value == latest.value else { break }
            changed = step
        }
        return Movement(
            from: first.value, to: latest.value, since: steps[start].date, lastChanged: changed.date,
            lastCommit: changed[keyPath: side]?.commit ?? latest.commit, lastProvider: latest.provider)
    }
}
