import Foundation
import Testing
@testable import VersusCore
@testable import VersusMeasure

/// The file `versus generate` writes is the file `versus check` reads, byte for byte the same for the same run.
@Suite struct MeasurementFileTests {
    static func measurement(partial: Bool = false) -> Measurement {
        let stats = Measurement.Stats(median: Decimal(string: "74.52")!, p95: Decimal(string: "75.1")!, stddev: Decimal(string: "0.33")!)
        return Measurement(
            model: "tiny", date: ISODate(year: 2026, month: 11, day: 25), host: "box", versus: "0.4.0", partial: partial,
            hardware: Measurement.Hardware(cpu: "CPU \"quoted\" \\ name", cores: 2, memoryGB: Decimal(string: "23.5")!, os: "Linux"),
            runtime: Measurement.Runtime(
                name: "llama.cpp llama-server", version: "b1-x", modelFile: "tiny-Q4_K_M.gguf", quantization: "Q4_K_M",
                contextTokens: 2048),
            request: Measurement.Request(
                api: .openai, endpoint: "http://127.0.0.1:8080/v1/chat/completions", model: "tiny: latest",
                temperature: 0, seed: 1234, maxTokens: 64, ignoreEOS: true, cachePrompt: false, warmup: 1, runs: 1,
                concurrency: [1, 4], timeoutSeconds: 120),
            promptSet: "builtin-1", promptSHA256: PromptSet.builtin.sha256, warmupMs: Decimal(string: "812.5")!,
            levels: [
                Measurement.Level(
                    concurrency: 1, requests: 1, outputTokensPerSecond: 70, decodeTokensPerSecond: stats,
                    timeToFirstTokenMs: stats, endToEndMs: stats, promptTokensPerSecond: stats,
                    serverDecodeTokensPerSecond: stats, clientVersusServerPercent: Decimal(string: "-0.7")!),
                Measurement.Level(concurrency: 4, requests: 1, decodeTokensPerSecond: stats),
            ],
            samples: [
                Measurement.Sample(
                    workload: "short-chat", concurrency: 1, promptTokens: 110, outputTokens: 64, outputTokensFrom: .usage,
                    finishReason: "length", timeToFirstTokenMs: 48, endToEndMs: 900, decodeTokensPerSecond: 74,
                    server: Measurement.ServerFigures(
                        promptTokens: 110, promptMs: Decimal(string: "45.6")!, outputTokens: 64,
                        outputMs: 853, cachedTokens: 0)),
                Measurement.Sample(
                    workload: "code", concurrency: 4, promptTokens: nil, outputTokens: 1, outputTokensFrom: .counted,
                    finishReason: nil, timeToFirstTokenMs: 48, endToEndMs: 48, decodeTokensPerSecond: nil, server: nil),
            ],
            location: SourceLocation(file: "Content/measurements/tiny/2026-11-25-box.yaml", line: 2))
    }

    @Test func writtenFilesReadBackAsTheSameMeasurement() throws {
        let original = Self.measurement()
        let text = MeasurementYAML.text(original)
        #expect(text == MeasurementYAML.text(original))
        let node = try YAMLParser.parse(text, file: "Content/measurements/tiny/2026-11-25-box.yaml").get()
        var diagnostics: [Diagnostic] = []
        let read = MeasurementDecoder.decode(
            node, folder: "tiny", name: "2026-11-25-box", file: "Content/measurements/tiny/2026-11-25-box.yaml",
            &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(read == original)
    }

    @Test func theWriterReplacesOnlyItsOwnFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("versus-measure-\(UUID().uuidString)").path
        let measurement = Self.measurement()
        let path = MeasurementWriter.path(root: root, for: measurement)
        #expect(path == "\(root)/Content/measurements/tiny/2026-11-25-box.yaml")
        try MeasurementWriter.write("\(MeasurementYAML.header)\nfirst\n", to: path)
        try MeasurementWriter.write(MeasurementYAML.text(measurement), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == MeasurementYAML.text(measurement))
        // No temporary file is left beside it.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["2026-11-25-box.yaml"])
        try "model: tiny\n# notes by hand\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: MeasureError.self) { try MeasurementWriter.write(MeasurementYAML.text(measurement), to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "model: tiny\n# notes by hand\n")
    }

    @Test func summaryTableNamesEveryLevel() {
        let lines = GenerateSummary.lines(Self.measurement())
        #expect(lines[0] == "tiny on llama.cpp llama-server b1-x, Q4_K_M; CPU \"quoted\" \\ name (2 cores), 23.5 GB RAM")
        #expect(lines[2].hasPrefix("concurrency  requests  decode tok/s median (p95)"))
        #expect(lines[3].hasPrefix("1            1         74.52 (75.1)"))
        #expect(lines[3].contains("-0.7%"))
        #expect(lines.count == 5)
    }

    @Test func statisticsFromTheHistogram() throws {
        let stats = try #require(Statistics.stats([10, 20, 30, 40, 1000], places: 2))
        #expect(stats.median == 30)
        #expect(stats.p95 == 1000)
        #expect(stats.stddev == Decimal(string: "390.13")!)
        #expect(Statistics.stats([], places: 2) == nil)
        #expect(
            PromptSet.builtin.sha256 == PromptSet.builtin.sha256
                && PromptSet.builtin.workloads.map(\.name) == ["short-chat", "long-context", "code"])
    }

    @Test func promptFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("prompts-\(UUID().uuidString).txt").path
        try "# greet\nSay hello.\n---\nCount to five.\n---\n\n".write(toFile: path, atomically: true, encoding: .utf8)
        let set = try PromptSet.load(path, maxTokens: 32)
        #expect(
            set.workloads == [
                Workload(name: "greet", prompt: "Say hello.", outputTokens: 32),
                Workload(name: "prompt-2", prompt: "Count to five.", outputTokens: 32),
            ])
        #expect(throws: PromptFileError.self) { try PromptSet.load(path + ".missing", maxTokens: nil) }
    }
}
