import Foundation

/// The thresholds a page's comparisons follow, in one place: below them a difference is real but too small to be
/// called an advantage, and the page states the figures without a winner. docs/catalog.md lists them for editors.
public enum ClaimRules {
    /// One model is called cheaper only when the dearer month costs at least this many times the cheaper (10% more).
    public static let cheaperRatio: Decimal = 1.1
    /// "N× as much" is written only from this ratio up; below it the difference in dollars says enough.
    public static let statedRatio: Decimal = 1.5
    /// A context window or output limit is called larger only from this ratio up (25% more).
    public static let limitRatio: Decimal = 1.25
    /// More providers is an advantage only with at least this many times as many distinct providers, and at least
    /// `providerMargin` more.
    public static let providerRatio = 2
    public static let providerMargin = 1
    /// A fallback needs a second provider: one provider against none is no fallback, whatever the ratio.
    public static let fallbackProviders = 2
    /// Headline costs leave out a pay-as-you-go route whose month costs less than this share of the median of the
    /// model's pay-as-you-go routes, when it has at least `representativeRoutes` of them: a reseller far below
    /// everyone else is shown and flagged in the route table, not taken as what the model costs.
    public static let representativeFloor: Decimal = 0.5
    public static let representativeRoutes = 3

    /// The smallest gap between two benchmark scores that names a leader: 1 point on a percentage, 10 on an Elo
    /// rating, 2% of the larger score on other scales. Smaller gaps are within what reruns, harnesses and sampling move.
    static func benchmarkMargin(_ unit: Benchmark.Unit, scale: Decimal) -> Decimal {
        switch unit {
        case .percent: return 1
        case .elo: return 10
        case .score: return (scale < 0 ? -scale : scale) * Decimal(string: "0.02")!
        }
    }

    /// Why two scores of one benchmark cannot be set against each other because of who ran them, in a few words
    /// for the table; nil when the same kind of reporter gave both. A maker's own figure and a leaderboard's differ
    /// in harness, prompts and attempts; a score whose reporter the catalog does not know matches neither.
    static func unlikeReporters(_ a: BenchmarkReporter?, _ b: BenchmarkReporter?) -> String? {
        guard let a, let b else { return "No call: who ran a score is not recorded" }
        guard a != b else { return nil }
        func kind(_ reporter: BenchmarkReporter) -> String {
            switch reporter {
            case .independent: return "a leaderboard's score"
            case .maker: return "the maker's own"
            case .rival: return "a rival maker's run"
            }
        }
        // Always in the order leaderboard, maker, rival, so one pair reads one way on every page.
        let order: [BenchmarkReporter] = [.independent, .maker, .rival]
        let (first, second) = order.firstIndex(of: a)! < order.firstIndex(of: b)! ? (a, b) : (b, a)
        return "No call: \(kind(first)) against \(kind(second))"
    }

    /// Which side's value is larger by at least `ratio` times, when both are known and positive.
    static func larger<T: BinaryInteger>(_ x: T?, _ y: T?, ratio: Decimal) -> Side? {
        guard let x, let y, x > 0, y > 0 else { return nil }
        let high = Decimal(Int(max(x, y))), low = Decimal(Int(min(x, y)))
        guard high >= low * ratio else { return nil }
        return x > y ? .a : .b
    }

    /// `larger` for figures that sources may dispute: the claim must hold whichever source is right, so the larger
    /// side's smallest value is set against the other side's largest (Qwen3.5-27B's 1M context window, which
    /// models.dev gives as 262K, is not called larger than a 262K window that another source gives as 1M).
    static func larger(_ x: Figure<Int>?, _ y: Figure<Int>?, ratio: Decimal) -> Side? {
        guard let x, let y, let side = larger(x.value, y.value, ratio: ratio) else { return nil }
        let (low, high) = side == .a ? (x.least, y.most) : (y.least, x.most)
        return larger(low, high, ratio: ratio) == .a ? side : nil
    }

    static func median(_ values: [Decimal]) -> Decimal? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
