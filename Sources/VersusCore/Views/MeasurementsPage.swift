import Foundation

/// `/measurements/`: every measurement of the catalog, listed by model and by hardware, with a chart of decode speed.
public struct MeasurementsPageView: Sendable, TemplateView {
    public struct Entry: Sendable, TemplateView {
        public var model: String
        public var modelHref: String
        public var hardware: String
        public var runtime: String
        public var quantization: String
        public var decode: String
        public var firstToken: String
        public var prompt: String
        public var date: String
        public var href: String
        public var fileName: String
        public var note: String?
    }

    public var meta: PageMeta
    public var intro: String
    public var chartSVG: String
    public var byModel: [Entry]
    public var byHardware: [Entry]
}

struct MeasurementsPageBuilder {
    let catalog: Catalog
    let routes: SiteRoutes

    func page() -> MeasurementsPageView {
        let measured = catalog.allMeasurements.compactMap { file -> (Measurement, Model)? in
            guard let id = catalog.canonicalID(file.measurement.model), let model = catalog.model(id) else { return nil }
            return (file.measurement, model)
        }
        let entries = measured.map { entry($0.0, model: $0.1) }
        let byHardware = entries.sorted { ($0.hardware, $0.model, $0.date, $0.fileName) < ($1.hardware, $1.model, $1.date, $1.fileName) }
        let count = entries.count, models = Set(measured.map(\.1.id)).count
        let intro =
            "\(count) measurement\(count == 1 ? "" : "s") of \(models) model\(models == 1 ? "" : "s"), each made with the versus generate command on the editor's own machine: the figures are the client's, timed over a local stream, beside the server's own. Each links to its raw file, which lists the hardware, the server and every request parameter."
        return MeasurementsPageView(
            meta: routes.meta(
                title: "Local measurements | \(catalog.site.title)",
                description: "Decode speed, time to first token and prompt speed of models measured on local hardware.",
                path: routes.measurements, site: catalog.site, bodyClass: "measurements"),
            intro: intro, chartSVG: MeasurementChart.svg(measured), byModel: entries, byHardware: byHardware)
    }

    private func entry(_ m: Measurement, model: Model) -> MeasurementsPageView.Entry {
        let level = m.headline
        return MeasurementsPageView.Entry(
            model: model.name, modelHref: routes.model(model.id), hardware: MeasuredRows.hardware(m.hardware),
            runtime: [m.runtime.name, m.runtime.version].compactMap { $0 }.joined(separator: " "),
            quantization: m.runtime.quantization ?? Format.notDocumented,
            decode: level?.decodeTokensPerSecond.map { "\(Format.number($0.median, places: 1)) tokens/s" } ?? Format.notDocumented,
            firstToken: level?.timeToFirstTokenMs.map { MeasuredRows.milliseconds($0.median) } ?? Format.notDocumented,
            prompt: level?.promptTokensPerSecond.map { "\(Format.number($0.median, places: 0)) tokens/s" } ?? Format.notDocumented,
            date: m.date.description, href: routes.measurementFile(m), fileName: m.fileName, note: m.partial ? "Interrupted run" : nil)
    }
}

/// A horizontal bar per measurement of its median decode speed, fastest first; inline SVG, readable without script.
enum MeasurementChart {
    static func svg(_ measured: [(Measurement, Model)]) -> String {
        let bars = measured.compactMap { m, model -> (String, Decimal)? in
            guard let speed = m.headline?.decodeTokensPerSecond?.median else { return nil }
            return ("\(model.name), \(m.host), \(m.date)", speed)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let labelWidth = 260, barWidth = 300, rowHeight = 24, top = 8
        let height = top + max(bars.count, 1) * rowHeight + 4
        let highest = bars.map(\.1).max() ?? 1
        var svg =
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 110) \(height)\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"measurements-chart-title\">"
        svg += "<title id=\"measurements-chart-title\">Median decode speed of each measurement, in tokens per second</title>"
        if bars.isEmpty { svg += "<text x=\"0\" y=\"20\">No measurement has a decode speed.</text>" }
        for (index, (label, speed)) in bars.enumerated() {
            let y = top + index * rowHeight
            let width = highest > 0 ? NSDecimalNumber(decimal: speed * Decimal(barWidth) / highest).intValue : 0
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(BenchmarkChart.escape(truncate(label)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(width, 1))\" height=\"14\" class=\"bar-a\"/>"
            svg += "<text x=\"\(labelWidth + max(width, 1) + 4)\" y=\"\(y + 14)\">\(Format.number(speed, places: 1)) tokens/s</text>"
        }
        return svg + "</svg>"
    }

    static func truncate(_ text: String) -> String { text.count > 40 ? String(text.prefix(39)) + "…" : text }
}
