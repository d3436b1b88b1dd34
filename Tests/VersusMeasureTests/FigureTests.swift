import Foundation
import Testing
@testable import VersusCore
@testable import VersusMeasure

/// The figures of a run against scripted answers whose delays the tests choose. A busy machine can only delay a
/// chunk, never hurry it, so lower bounds are tight and upper bounds wide: the tests tell each definition from its
/// usual mistakes (a role-only chunk taken as the first token, the usage chunk taken as the end) even when the
/// suite shares two cores with the rest. The arithmetic of each figure is checked exactly by `SampleFiguresTests`.
@Suite(.serialized) struct FigureTests {
    static let oneWorkload = PromptSet(name: "test", workloads: [Workload(name: "w", prompt: "Say something.", outputTokens: 8)])

    static func options(
        _ base: String, api: Measurement.API = .openai, runs: Int = 1, warmup: Int = 0, concurrency: [Int] = [1],
        timeout: Int = 3, keepPartial: Bool = false
    ) -> GenerateOptions {
        GenerateOptions(
            endpoint: Endpoint(base, api: api)!, servedModel: "m", catalogModel: "tiny", prompts: oneWorkload, runs: runs,
            warmup: warmup, concurrency: concurrency, timeoutSeconds: timeout, keepPartial: keepPartial,
            date: ISODate(year: 2026, month: 11, day: 25), host: "testhost")
    }

    static func value(_ decimal: Decimal?) -> Double { decimal.map { NSDecimalNumber(decimal: $0).doubleValue } ?? .nan }

    /// Decode speed as defined, (n − 1) over the time from the first to the last text chunk, checked against the
    /// sample's own first-token and end-to-end times, so it holds however slowly a loaded machine ran the script;
    /// and never faster than the script's spacing allows.
    static func expectDecodeRate(ttft: Decimal, endToEnd: Decimal, rate: Decimal?, tokens: Int, atMost: Double) {
        let span = (value(endToEnd) - value(ttft)) / 1000
        let expected = Double(tokens - 1) / span
        #expect(abs(value(rate) - expected) <= max(0.05 * expected, 0.1), "\(value(rate)) tokens/s, \(expected) from the sample's times")
        #expect(value(rate) <= atMost)
    }

    /// A role-only chunk at once, the first text after 300 ms, four more 100 ms apart, the usage chunk 1.5 s later.
    static let timedStream: [Step] = [
        .after(0, Events.chunk("", role: true)),
        .after(300, Events.chunk("Hello")),
        .after(100, Events.chunk(" there")),
        .after(100, Events.chunk(",")),
        .after(100, Events.chunk(" friend")),
        .after(100, Events.chunk(".", finish: "length")),
        .after(
            1_500,
            Events.usage(
                prompt: 12, completion: 5,
                timings: #"{"prompt_n":12,"prompt_ms":6.0,"predicted_n":5,"predicted_ms":400.0,"predicted_per_second":12.5,"cache_n":0}"#)),
        .after(0, Events.done),
    ]

    @Test func timeToFirstTokenDecodeSpeedAndEndToEnd() async throws {
        let server = ScriptedServer { path, _ in path == "/v1/chat/completions" ? Script(steps: Self.timedStream) : nil }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let m = try await GenerateRun.run(Self.options(base), hardware: Measurement.Hardware())
        let sample = try #require(m.samples.first)
        // The role-only chunk does not count: the first token is the first text, 300 ms in.
        #expect((290...1_500).contains(Self.value(sample.timeToFirstTokenMs)))
        // 5 tokens from usage; (5 − 1) over the 400 ms from first to last text chunk = 10 tokens/s.
        #expect(sample.outputTokens == 5 && sample.outputTokensFrom == .usage)
        Self.expectDecodeRate(
            ttft: sample.timeToFirstTokenMs, endToEnd: sample.endToEndMs, rate: sample.decodeTokensPerSecond,
            tokens: 5, atMost: 12)
        // End to end stops at the last text chunk (about 700 ms), not at the usage chunk (2.2 s).
        #expect((690...2_000).contains(Self.value(sample.endToEndMs)))
        #expect(sample.finishReason == "length" && sample.promptTokens == 12)
        // llama-server's timings, kept beside the client's figures.
        #expect(sample.server == Measurement.ServerFigures(promptTokens: 12, promptMs: 6, outputTokens: 5, outputMs: 400, cachedTokens: 0))
        let level = try #require(m.headline)
        #expect(Self.value(level.serverDecodeTokensPerSecond?.median) == 12.5)
        #expect(Self.value(level.promptTokensPerSecond?.median) == 2000)
        #expect(level.clientVersusServerPercent != nil)
    }

    @Test func countsChunksWhenTheServerGivesNoUsage() async throws {
        let steps: [Step] = [
            .after(0, Events.chunk("a")), .after(100, Events.chunk("b")), .after(100, Events.chunk("c")),
            .after(100, Events.chunk(nil, finish: "stop")), .after(0, Events.done),
        ]
        let server = ScriptedServer { path, _ in path == "/v1/chat/completions" ? Script(steps: steps) : nil }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let m = try await GenerateRun.run(Self.options(base), hardware: Measurement.Hardware())
        let sample = try #require(m.samples.first)
        #expect(sample.outputTokens == 3 && sample.outputTokensFrom == .counted)
        // (3 − 1) over 200 ms on an idle machine.
        Self.expectDecodeRate(
            ttft: sample.timeToFirstTokenMs, endToEnd: sample.endToEndMs, rate: sample.decodeTokensPerSecond,
            tokens: 3, atMost: 12)
        #expect(sample.server == nil)
        #expect(MeasurementYAML.text(m).contains("output_tokens_from: counted"))
    }

    @Test func reasoningContentCountsAsText() async throws {
        let steps: [Step] = [
            .after(0, Events.chunk(nil, role: true)), .after(200, Events.chunk(nil, reasoning: "thinking")),
            .after(100, Events.chunk("answer", finish: "stop")), .after(0, Events.done),
        ]
        let server = ScriptedServer { path, _ in path == "/v1/chat/completions" ? Script(steps: steps) : nil }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let sample = try #require(try await GenerateRun.run(Self.options(base), hardware: Measurement.Hardware()).samples.first)
        #expect((190...1_500).contains(Self.value(sample.timeToFirstTokenMs)))
        #expect(sample.outputTokens == 2)
    }

    @Test func ollamaNativeStreamAndItsNanosecondFigures() async throws {
        let steps: [Step] = [
            .after(250, Events.ollama("One")), .after(100, Events.ollama(" two")), .after(100, Events.ollama(" three")),
            .after(100, Events.ollama(" four")),
            .after(50, Events.ollamaDone(promptCount: 20, promptNs: 10_000_000, evalCount: 4, evalNs: 320_000_000, loadNs: 5_000_000)),
        ]
        let server = ScriptedServer { path, _ in
            switch path {
            case "/api/chat": return Script(contentType: "application/x-ndjson", steps: steps)
            case "/api/version": return .json(200, #"{"version":"0.9.1"}"#)
            default: return nil
            }
        }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let m = try await GenerateRun.run(Self.options(base, api: .ollama), hardware: Measurement.Hardware())
        let sample = try #require(m.samples.first)
        #expect((240...1_500).contains(Self.value(sample.timeToFirstTokenMs)))
        #expect(sample.outputTokens == 4 && sample.outputTokensFrom == .usage)
        // (4 − 1) over 300 ms on an idle machine.
        Self.expectDecodeRate(
            ttft: sample.timeToFirstTokenMs, endToEnd: sample.endToEndMs, rate: sample.decodeTokensPerSecond,
            tokens: 4, atMost: 12)
        #expect(sample.server == Measurement.ServerFigures(promptTokens: 20, promptMs: 10, outputTokens: 4, outputMs: 320, loadMs: 5))
        #expect(Self.value(m.headline?.serverDecodeTokensPerSecond?.median) == 12.5)
        #expect(Self.value(m.headline?.promptTokensPerSecond?.median) == 2000)
        #expect(m.runtime.name == "Ollama" && m.runtime.version == "0.9.1")
        let request = try #require(server.received.first)
        #expect(request.contains("\"num_predict\":8") && request.contains("\"seed\":1234") && request.contains("\"temperature\":0"))
    }

    @Test func eventsSplitAcrossReadsAndCommentsAndBareDataFields() async throws {
        let steps: [Step] = [
            .after(0, ": keep-alive\n\n"), .after(0, "data:{\"choices\":[{\"delta\":{\"content\":\"Hel"),
            .after(60, "lo\"},\"finish_reason\":null}]}\r\n"), .after(30, "\r\n"),
            .after(100, "data: {\"choices\":[{\"delta\":{\"content\":\" you\"},\"finish_reason\":\"stop\"}]}\n\n"),
            .after(0, ": bye\n"), .after(0, Events.done),
        ]
        let server = ScriptedServer { path, _ in path == "/v1/chat/completions" ? Script(steps: steps) : nil }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let sample = try #require(try await GenerateRun.run(Self.options(base), hardware: Measurement.Hardware()).samples.first)
        #expect(sample.outputTokens == 2 && sample.finishReason == "stop")
        // The first token is the event completed by the second read, not the first bytes.
        #expect(Self.value(sample.timeToFirstTokenMs) >= 80)
    }

    @Test func streamWithoutDoneEndsAtEndOfStream() async throws {
        let steps: [Step] = [
            .after(0, Events.chunk("a")), .after(50, Events.chunk("b", finish: "stop")),
            .after(0, "data: " + #"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#),
        ]
        let server = ScriptedServer { path, _ in path == "/v1/chat/completions" ? Script(steps: steps) : nil }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let sample = try #require(try await GenerateRun.run(Self.options(base), hardware: Measurement.Hardware()).samples.first)
        // The last event had no blank line after it: it still counts, so usage gives the tokens.
        #expect(sample.outputTokens == 2 && sample.outputTokensFrom == .usage && sample.promptTokens == 3)
    }

    @Test func warmupIsNotCountedAndLevelsCoverEveryConcurrency() async throws {
        let server = ScriptedServer { path, _ in
            switch path {
            case "/v1/chat/completions":
                return Script(steps: [
                    .after(20, Events.chunk("x")), .after(20, Events.chunk("y", finish: "length")),
                    .after(0, Events.usage(prompt: 4, completion: 2)), .after(0, Events.done),
                ])
            case "/props":
                return .json(
                    200,
                    #"{"build_info":"b9999-abc","model_path":"/m/gemma-3-270m-it-Q4_K_M.gguf","default_generation_settings":{"n_ctx":2048}}"#
                )
            default: return nil
            }
        }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let m = try await GenerateRun.run(Self.options(base, runs: 2, warmup: 1, concurrency: [1, 3]), hardware: Measurement.Hardware())
        #expect(m.samples.count == 2 + 6)
        #expect(server.received.count == 1 + 8)
        #expect(m.levels.map(\.concurrency) == [1, 3] && m.levels.map(\.requests) == [2, 6])
        #expect(m.levels.allSatisfy { $0.outputTokensPerSecond != nil })
        #expect(m.warmupMs != nil)
        #expect(
            m.runtime
                == Measurement.Runtime(
                    name: "llama.cpp llama-server", version: "b9999-abc", modelFile: "gemma-3-270m-it-Q4_K_M.gguf",
                    quantization: "Q4_K_M", contextTokens: 2048))
        // llama-server takes ignore_eos and cache_prompt; every prompt starts with a prefix no other request had.
        let bodies = server.received
        #expect(
            bodies.allSatisfy {
                $0.contains("\"ignore_eos\":true") && $0.contains("\"cache_prompt\":false") && $0.contains("\"include_usage\":true")
            })
        let prefixes = bodies.compactMap { body in
            body.range(of: #"\(Request [0-9a-f]+-[0-9]+\.\)"#, options: .regularExpression).map { String(body[$0]) }
        }
        #expect(prefixes.count == bodies.count && Set(prefixes).count == bodies.count)
        #expect(m.request.cachePrompt == false && m.request.ignoreEOS)
    }
}

/// The arithmetic of each figure, from what the client saw of a stream, exactly.
@Suite struct SampleFiguresTests {
    @Test func figuresFollowTheirDefinitions() {
        var record = StreamRecord(firstText: 0.3, lastText: 0.7, textChunks: 5, finishReason: "length", promptTokens: 12, outputTokens: 5)
        record.closed = 0.9
        let sample = SampleFigures.sample(record, workload: "w", concurrency: 1)
        #expect(sample.timeToFirstTokenMs == 300 && sample.endToEndMs == 700)
        // (5 − 1) / (0.7 − 0.3): neither 5 / 0.4 nor 5 / 0.7.
        #expect(sample.decodeTokensPerSecond == 10)
        #expect(sample.outputTokensFrom == .usage && sample.promptTokens == 12)
        // Without usage the text chunks are counted; a single token has no decode interval.
        record.outputTokens = nil
        record.textChunks = 3
        #expect(SampleFigures.sample(record, workload: "w", concurrency: 1).decodeTokensPerSecond == 5)
        #expect(SampleFigures.sample(record, workload: "w", concurrency: 1).outputTokensFrom == .counted)
        record.textChunks = 1
        record.lastText = 0.3
        #expect(SampleFigures.sample(record, workload: "w", concurrency: 1).decodeTokensPerSecond == nil)
    }

    @Test func levelsSumUpTheirSamples() {
        let samples = [10, 20, 30].map { speed in
            Measurement.Sample(
                workload: "w", concurrency: 2, promptTokens: 10, outputTokens: 100, outputTokensFrom: .usage, finishReason: "length",
                timeToFirstTokenMs: 50, endToEndMs: 1_000, decodeTokensPerSecond: Decimal(speed),
                server: Measurement.ServerFigures(promptTokens: 10, promptMs: 5, outputTokens: 100, outputMs: Decimal(100_000 / speed)))
        }
        let level = SampleFigures.level(samples, concurrency: 2, wallSeconds: 2)
        #expect(level.requests == 3 && level.outputTokensPerSecond == 150)
        #expect(level.decodeTokensPerSecond?.median == 20 && level.serverDecodeTokensPerSecond?.median == 20)
        #expect(level.promptTokensPerSecond?.median == 2_000 && level.clientVersusServerPercent == 0)
    }
}
