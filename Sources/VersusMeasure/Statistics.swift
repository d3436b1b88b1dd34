import Foundation
import Histogram
import VersusCore

/// Median, 95th percentile and standard deviation of a figure over its samples. Percentiles come from an
/// HdrHistogram at three significant digits (within 0.1% of the sample), the standard deviation from the values.
enum Statistics {
    /// `scale` turns a value into the histogram's whole units (1,000 keeps three decimals).
    static func stats(_ values: [Double], places: Int, scale: Double = 1000) -> Measurement.Stats? {
        let values = values.filter { $0.isFinite && $0 >= 0 }
        guard !values.isEmpty else { return nil }
        var histogram = Histogram<UInt64>(numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
        for value in values { _ = histogram.record(UInt64((value * scale).rounded())) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        // The histogram answers with the top of a bucket; report the sample in that bucket, so a percentile is
        // always a value that was measured.
        func sample(at percentile: Double) -> Double {
            let value = histogram.valueAtPercentile(percentile)
            return values.sorted().first { histogram.valuesAreEquivalent(UInt64(($0 * scale).rounded()), value) } ?? Double(value) / scale
        }
        return Measurement.Stats(
            median: decimal(sample(at: 50), places: places), p95: decimal(sample(at: 95), places: places),
            stddev: decimal(variance.squareRoot(), places: places))
    }

    /// A figure as the file writes it: rounded to `places` decimals, the same digits on every machine.
    static func decimal(_ value: Double, places: Int) -> Decimal {
        Decimal(string: String(format: "%.\(places)f", value), locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }
}
