import Foundation
import VersusCore

/// The table `versus generate` prints at the end, one row per concurrency.
public enum GenerateSummary {
    public static func lines(_ m: Measurement) -> [String] {
        var lines: [String] = []
        let runtime = [m.runtime.name, m.runtime.version].compactMap { $0 }.joined(separator: " ")
        let quantization = m.runtime.quantization.map { ", \($0)" } ?? ""
        lines.append("\(m.model) on \(runtime)\(quantization); \(hardware(m.hardware))")
        lines.append(
            "prompts \(m.promptSet) (sha256 \(m.promptSHA256.prefix(12))…), \(m.request.runs) run\(m.request.runs == 1 ? "" : "s") each, up to \(m.request.maxTokens) output tokens\(m.partial ? "; PARTIAL: interrupted" : "")"
        )
        let header = [
            "concurrency", "requests", "decode tok/s median (p95)", "first token ms median (p95)", "end-to-end ms median",
            "prompt tok/s (server)", "server decode tok/s", "client vs server", "total output tok/s",
        ]
        var rows = [header]
        for level in m.levels {
            rows.append([
                String(level.concurrency), String(level.requests),
                level.decodeTokensPerSecond.map { "\($0.median) (\($0.p95))" } ?? "-",
                level.timeToFirstTokenMs.map { "\($0.median) (\($0.p95))" } ?? "-",
                level.endToEndMs.map { "\($0.median)" } ?? "-",
                level.promptTokensPerSecond.map { "\($0.median)" } ?? "-",
                level.serverDecodeTokensPerSecond.map { "\($0.median)" } ?? "-",
                level.clientVersusServerPercent.map { ($0 > 0 ? "+" : "") + "\($0)%" } ?? "-",
                level.outputTokensPerSecond.map { "\($0)" } ?? "-",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append(
                row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").trimmingWhitespace)
        }
        return lines
    }

    static func hardware(_ h: Measurement.Hardware) -> String {
        var parts: [String] = []
        if let cpu = h.cpu { parts.append(cpu + (h.cores.map { " (\($0) cores)" } ?? "")) }
        if let memory = h.memoryGB { parts.append("\(memory) GB RAM") }
        if let gpu = h.gpu { parts.append(gpu + (h.gpuMemoryGB.map { " \($0) GB" } ?? "")) }
        return parts.isEmpty ? "hardware not documented" : parts.joined(separator: ", ")
    }
}
