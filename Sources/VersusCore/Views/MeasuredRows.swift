import Foundation

/// A "Measured locally" row of the self-hosting table: one measurement file of `versus generate`, shown beside the
/// cited setups in the same columns, with its own badge and the raw file as its source.
public struct MeasuredRow: Sendable, TemplateView {
    public var model: String
    public var setup: String
    public var memory: String
    public var hardware: String
    public var speed: String
    public var href: String
    public var date: String
    /// "Interrupted run" for a file kept with `--keep-partial`; nil otherwise.
    public var note: String?
}

extension SiteRoutes {
    public var measurements: String { "\(base)/measurements/" }

    /// The measurement file as published, beside the page that lists every measurement.
    public func measurementFile(_ measurement: Measurement) -> String {
        "\(base)/measurements/\(measurement.model)/\(measurement.fileName)"
    }
}

enum MeasuredRows {
    static func rows(for model: Model, catalog: Catalog, routes: SiteRoutes) -> [MeasuredRow] {
        (catalog.measurements[model.id] ?? []).map { row($0.measurement, name: model.name, routes: routes) }
    }

    static func row(_ m: Measurement, name: String, routes: SiteRoutes) -> MeasuredRow {
        MeasuredRow(
            model: name, setup: setup(m), memory: "Not measured", hardware: hardware(m.hardware), speed: speed(m),
            href: routes.measurementFile(m), date: m.date.description, note: m.partial ? "Interrupted run" : nil)
    }

    /// The runtime, its version, the quantization and the context size.
    static func setup(_ m: Measurement) -> String {
        var parts = [[m.runtime.name, m.runtime.version].compactMap { $0 }.joined(separator: " ")]
        parts.append(m.runtime.quantization.map { "quantization \($0)" } ?? "quantization not documented")
        if let context = m.runtime.contextTokens { parts.append("\(Format.tokens(context)) context") }
        return parts.joined(separator: ", ")
    }

    static func hardware(_ h: Measurement.Hardware) -> String {
        var parts: [String] = []
        if let cpu = h.cpu {
            parts.append(cpu + (h.cores.map { " (\($0) cores)" } ?? ""))
        } else if let cores = h.cores {
            parts.append("\(cores) CPU cores")
        }
        if let memory = h.memoryGB { parts.append("\(Format.number(memory, places: 1)) GB RAM") }
        if let gpu = h.gpu { parts.append(gpu + (h.gpuMemoryGB.map { " (\(Format.number($0, places: 1)) GB)" } ?? "")) }
        return parts.isEmpty ? Format.notDocumented : parts.joined(separator: ", ")
    }

    static func speed(_ m: Measurement) -> String {
        guard let level = m.headline else { return Format.notDocumented }
        return [decode(level), firstToken(level), prompt(level)].joined(separator: "; ")
    }

    static func decode(_ level: Measurement.Level) -> String {
        level.decodeTokensPerSecond.map { "\(Format.number($0.median, places: 1)) tokens/s decode" } ?? "decode speed not documented"
    }

    static func firstToken(_ level: Measurement.Level) -> String {
        level.timeToFirstTokenMs.map { "first token in \(milliseconds($0.median))" } ?? "time to first token not documented"
    }

    static func prompt(_ level: Measurement.Level) -> String {
        level.promptTokensPerSecond.map { "prompt \(Format.number($0.median, places: 0)) tokens/s" } ?? "prompt speed not documented"
    }

    static func milliseconds(_ value: Decimal) -> String {
        value >= 1000 ? "\(Format.number(value / 1000, places: 2)) s" : "\(Format.number(value, places: 0)) ms"
    }
}
