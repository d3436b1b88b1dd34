import Foundation

/// An inline SVG bar chart of the benchmarks both models report, scaled per benchmark. No script, no external file.
enum BenchmarkChart {
    static func svg(rows: [BenchmarkComparison.Row], a: Model, b: Model) -> String? {
        let rows = rows.filter { $0.benchmark.unit == .percent }
        guard !rows.isEmpty else { return nil }
        let labelWidth = 170, barWidth = 300, rowHeight = 34, top = 28
        let height = top + rows.count * rowHeight + 6
        var svg =
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"chart-title\">"
        svg += "<title id=\"chart-title\">\(escape("Scores on shared percentage benchmarks: \(a.name) and \(b.name)"))</title>"
        svg += "<rect x=\"0\" y=\"4\" width=\"12\" height=\"12\" class=\"bar-a\"/><text x=\"18\" y=\"15\">\(escape(a.name))</text>"
        svg +=
            "<rect x=\"\(labelWidth + 40)\" y=\"4\" width=\"12\" height=\"12\" class=\"bar-b\"/><text x=\"\(labelWidth + 58)\" y=\"15\">\(escape(b.name))</text>"
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            svg += "<text x=\"0\" y=\"\(y + 18)\">\(escape(truncate(row.benchmark.name)))</text>"
            for (offset, result, cls) in [(0, row.a, "bar-a"), (14, row.b, "bar-b")] {
                guard let value = result?.score.value else { continue }
                let clamped = min(max(value, 0), 100)
                let width = NSDecimalNumber(decimal: clamped * Decimal(barWidth) / 100).intValue
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4 + offset)\" width=\"\(max(width, 1))\" height=\"12\" class=\"\(cls)\"/>"
                svg +=
                    "<text x=\"\(labelWidth + max(width, 1) + 4)\" y=\"\(y + 14 + offset)\">\(Format.score(value, unit: .percent))</text>"
            }
        }
        return svg + "</svg>"
    }

    static func truncate(_ text: String) -> String { text.count > 24 ? String(text.prefix(23)) + "…" : text }

    /// Text for an SVG element or attribute: the site's one HTML escaper (every `<` byte, even one a combining mark
    /// joins to the next character, which a loop over characters missed).
    static func escape(_ text: String) -> String { FastHTMLEscaping.escape(text) }
}
