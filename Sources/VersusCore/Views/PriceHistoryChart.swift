import Foundation

/// An inline SVG step chart of a model's cheapest pay-as-you-go input and output price over time (`PriceTrend`).
/// No script. The input line is solid, the output line dashed, so neither needs its colour to be told apart; each
/// change is a point with its date and value in a `<title>`. The page lists the same changes as text beside it.
enum PriceHistoryChart {
    static let width = 640, height = 240
    static let left = 64, right = 16, top = 28, bottom = 28

    static func svg(_ trend: PriceTrend, modelName: String, id: String) -> String? {
        let steps = trend.steps
        guard let first = steps.first, let end = trend.end else { return nil }
        let values = steps.flatMap { [$0.input?.value, $0.output?.value].compactMap { $0 } }
        guard let highest = values.max(), highest > 0 else { return nil }
        let startDay = first.date.dayNumber
        let span = max(1, end.dayNumber - startDay)
        let plotWidth = Double(width - left - right), plotHeight = Double(height - top - bottom)
        let ceiling = NSDecimalNumber(decimal: highest).doubleValue * 1.1
        func x(_ date: ISODate) -> Double { Double(left) + plotWidth * Double(date.dayNumber - startDay) / Double(span) }
        func y(_ value: Decimal) -> Double { Double(top) + plotHeight * (1 - NSDecimalNumber(decimal: value).doubleValue / ceiling) }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }

        let title = "Cheapest pay-as-you-go price of \(modelName) per 1M tokens, \(first.date) to \(end)"
        var svg =
            "<svg class=\"chart price-chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title>"
        svg += "<desc id=\"\(id)-desc\">Solid line: input price; dashed line: output price. Each change is listed below the chart.</desc>"
        // Axes: zero, the highest price, the first and last day.
        let baseline = f(y(0))
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(width - right)\" y2=\"\(baseline)\"/>"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(baseline)\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(f(y(0) + 4))\" text-anchor=\"end\">$0</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(f(y(highest) + 4))\" text-anchor=\"end\">\(escape(Format.price(highest)))</text>"
        svg += "<line class=\"grid\" x1=\"\(left)\" y1=\"\(f(y(highest)))\" x2=\"\(width - right)\" y2=\"\(f(y(highest)))\"/>"
        svg += "<text x=\"\(left)\" y=\"\(height - 8)\">\(first.date)</text>"
        svg += "<text x=\"\(width - right)\" y=\"\(height - 8)\" text-anchor=\"end\">\(end)</text>"
        svg +=
            "<line x1=\"\(left + 4)\" y1=\"12\" x2=\"\(left + 28)\" y2=\"12\" class=\"line-in\"/><text x=\"\(left + 34)\" y=\"16\">Input</text>"
        svg +=
            "<line x1=\"\(left + 104)\" y1=\"12\" x2=\"\(left + 128)\" y2=\"12\" class=\"line-out\"/><text x=\"\(left + 134)\" y=\"16\">Output</text>"

        for (side, cls, word) in [(\PriceTrend.Step.input, "line-in", "input"), (\PriceTrend.Step.output, "line-out", "output")] {
            var path = "", points = ""
            var previous: Decimal?
            for (index, step) in steps.enumerated() {
                let next = index + 1 < steps.count ? steps[index + 1].date : end
                guard let price = step[keyPath: side] else {
                    previous = nil
                    continue
                }
                let py = f(y(price.value))
                // A step line: across at this price until the next change, the rise or fall drawn at the change.
                path += (previous == nil ? "M" : "L") + "\(f(x(step.date))) \(py) L\(f(x(next))) \(py) "
                if previous != price.value {
                    points +=
                        "<circle class=\"\(cls)-point\" cx=\"\(f(x(step.date)))\" cy=\"\(py)\" r=\"3\"><title>\(step.date): cheapest \(word) \(escape(Format.price(price.value)))</title></circle>"
                }
                previous = price.value
            }
            if !path.isEmpty { svg += "<path class=\"\(cls)\" d=\"\(path.trimmingCharacters(in: .whitespaces))\"/>" }
            svg += points
        }
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String { FastHTMLEscaping.escape(text) }
}
