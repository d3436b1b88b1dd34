import Foundation
import VersusCore

/// The text of a measurement file, in the layout `MeasurementDecoder` reads (docs/measurements.md). Key order is
/// fixed and numbers are written as the file's decimals, so the same measurement always gives the same bytes.
public enum MeasurementYAML {
    /// The first line of every file the command writes: how it tells its own files from hand-written ones.
    public static let header = "# Written by `versus generate`. Run the command again rather than editing this file."

    public static func text(_ m: Measurement) -> String {
        var out = [header]
        out.append("model: \(m.model)")
        out.append("date: \(m.date)")
        out.append("host: \(m.host)")
        out.append("versus: \(quoted(m.versus))")
        out.append("partial: \(m.partial)")
        let h = m.hardware
        out.append("hardware:")
        out += fields([
            ("cpu", h.cpu.map(quoted)), ("cores", h.cores.map(String.init)), ("memory_gb", h.memoryGB.map(number)),
            ("gpu", h.gpu.map(quoted)), ("gpu_memory_gb", h.gpuMemoryGB.map(number)), ("os", h.os.map(quoted)),
        ])
        let r = m.runtime
        out.append("runtime:")
        out += fields([
            ("name", quoted(r.name)), ("version", r.version.map(quoted)), ("model_file", r.modelFile.map(quoted)),
            ("quantization", r.quantization.map(quoted)), ("context_tokens", r.contextTokens.map(String.init)),
        ])
        let q = m.request
        out.append("request:")
        out += fields([
            ("api", q.api.rawValue), ("endpoint", quoted(q.endpoint)), ("model", quoted(q.model)),
            ("temperature", number(q.temperature)), ("seed", String(q.seed)), ("max_tokens", String(q.maxTokens)),
            ("ignore_eos", String(q.ignoreEOS)), ("cache_prompt", String(q.cachePrompt)), ("warmup", String(q.warmup)),
            ("runs", String(q.runs)), ("concurrency", "[" + q.concurrency.map(String.init).joined(separator: ", ") + "]"),
            ("timeout_seconds", String(q.timeoutSeconds)),
        ])
        out.append("prompts:")
        out += fields([("set", quoted(m.promptSet)), ("sha256", quoted(m.promptSHA256))])
        if let warmup = m.warmupMs { out.append("warmup_ms: \(number(warmup))") }
        out.append("levels:")
        for level in m.levels {
            let lines = fields(
                [
                    ("concurrency", String(level.concurrency)), ("requests", String(level.requests)),
                    ("output_tokens_per_second", level.outputTokensPerSecond.map(number)),
                    ("decode_tokens_per_second", level.decodeTokensPerSecond.map(stats)),
                    ("time_to_first_token_ms", level.timeToFirstTokenMs.map(stats)),
                    ("end_to_end_ms", level.endToEndMs.map(stats)),
                    ("prompt_tokens_per_second", level.promptTokensPerSecond.map(stats)),
                    ("server_decode_tokens_per_second", level.serverDecodeTokensPerSecond.map(stats)),
                    ("client_vs_server_percent", level.clientVersusServerPercent.map(number)),
                ], indent: "    ")
            out.append("  - " + lines[0].dropFirst(4))
            out += lines.dropFirst()
        }
        out.append(m.samples.isEmpty ? "samples: []" : "samples:")
        for s in m.samples {
            var parts: [(String, String?)] = [
                ("workload", quoted(s.workload)), ("concurrency", String(s.concurrency)),
                ("prompt_tokens", s.promptTokens.map(String.init)), ("output_tokens", String(s.outputTokens)),
                ("output_tokens_from", s.outputTokensFrom.rawValue), ("finish_reason", s.finishReason.map(quoted)),
                ("time_to_first_token_ms", number(s.timeToFirstTokenMs)), ("end_to_end_ms", number(s.endToEndMs)),
                ("decode_tokens_per_second", s.decodeTokensPerSecond.map(number)),
            ]
            if let server = s.server, !server.isEmpty {
                parts.append(
                    (
                        "server",
                        flow([
                            ("prompt_tokens", server.promptTokens.map(String.init)), ("prompt_ms", server.promptMs.map(number)),
                            ("output_tokens", server.outputTokens.map(String.init)), ("output_ms", server.outputMs.map(number)),
                            ("cached_tokens", server.cachedTokens.map(String.init)), ("load_ms", server.loadMs.map(number)),
                        ])
                    ))
            }
            out.append("  - " + flow(parts))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func fields(_ pairs: [(String, String?)], indent: String = "  ") -> [String] {
        pairs.compactMap { key, value in value.map { "\(indent)\(key): \($0)" } }
    }

    private static func flow(_ pairs: [(String, String?)]) -> String {
        "{" + pairs.compactMap { key, value in value.map { "\(key): \($0)" } }.joined(separator: ", ") + "}"
    }

    private static func stats(_ s: Measurement.Stats) -> String {
        "{median: \(number(s.median)), p95: \(number(s.p95)), stddev: \(number(s.stddev))}"
    }

    static func number(_ value: Decimal) -> String { YAMLScalars.number(value) }

    /// Always double-quoted: the file's text values come from servers and machines, and read alike that way.
    static func quoted(_ text: String) -> String { YAMLScalars.quoted(text, plainWhenSafe: false) }
}

/// Puts a measurement file in place: under a temporary name first, then renamed, so a reader never sees half a
/// file; and never over a file the command did not write.
public enum MeasurementWriter {
    /// `Content/measurements/<model>/<date>-<host>.yaml` under `root`.
    public static func path(root: String, content: String = CatalogLoader.contentFolder, for measurement: Measurement) -> String {
        let base = root.isEmpty ? "." : root
        return "\(base)/\(content)/\(CatalogLoader.measurementsFolder)/\(measurement.model)/\(measurement.fileName)"
    }

    public static func write(_ text: String, to path: String) throws {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if let existing = try? String(contentsOfFile: path, encoding: .utf8), !existing.hasPrefix(MeasurementYAML.header) {
            throw MeasureError.cannotWrite(
                path: path, reason: "a file that `versus generate` did not write is already there; move it away or rename it")
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = "\(folder)/.\((path as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: temporary)
                throw MeasureError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as MeasureError {
            throw error
        } catch {
            throw MeasureError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
