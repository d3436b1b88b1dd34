import AsyncHTTPClient
import Foundation
import NIOCore
import VersusCore

/// Everything `versus generate` was asked to do.
public struct GenerateOptions: Sendable {
    public var endpoint: Endpoint
    /// The name the server knows the model by (`--model`).
    public var servedModel: String
    /// The catalog id the measurement is filed under (`--for`).
    public var catalogModel: String
    public var prompts: PromptSet
    public var runs: Int
    public var warmup: Int
    /// Replaces every workload's output length when set.
    public var maxTokens: Int?
    public var concurrency: [Int]
    public var timeoutSeconds: Int
    public var keepPartial: Bool
    public var seed: Int
    public var date: ISODate
    public var host: String

    public init(
        endpoint: Endpoint, servedModel: String, catalogModel: String, prompts: PromptSet = .builtin, runs: Int = 3,
        warmup: Int = 1, maxTokens: Int? = nil, concurrency: [Int] = [1], timeoutSeconds: Int = 120,
        keepPartial: Bool = false, seed: Int = 1234, date: ISODate, host: String
    ) {
        self.endpoint = endpoint
        self.servedModel = servedModel
        self.catalogModel = catalogModel
        self.prompts = prompts
        self.runs = runs
        self.warmup = warmup
        self.maxTokens = maxTokens
        self.concurrency = concurrency
        self.timeoutSeconds = timeoutSeconds
        self.keepPartial = keepPartial
        self.seed = seed
        self.date = date
        self.host = host
    }

    /// Requests counted in the figures: every workload, `runs` times, at each concurrency as many at once.
    public var plannedRequests: Int { prompts.workloads.count * runs * concurrency.reduce(0, +) }
}

/// Where a run is: reported after each request.
public struct GenerateProgress: Sendable {
    public var completed: Int
    public var planned: Int
    public var workload: String
    public var concurrency: Int
    /// The client's decode speed of the request just finished.
    public var tokensPerSecond: Double?
}

/// Measures one model on one server: warm-up, then every workload at every concurrency, then the summary.
public enum GenerateRun {
    public static func run(
        _ options: GenerateOptions, hardware: Measurement.Hardware,
        progress: @escaping @Sendable (GenerateProgress) -> Void = { _ in }
    ) async throws -> Measurement {
        var configuration = HTTPClient.Configuration()
        // One kept-alive connection per concurrent stream; a refused connection fails at once instead of retrying.
        configuration.connectionPool = .init(
            idleTimeout: .seconds(120),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, options.concurrency.max() ?? 1))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = .init(connect: .seconds(10))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let result = try await withTaskExecutorPreference(StreamExecutor()) {
                try await measure(options, hardware: hardware, client: client, progress: progress)
            }
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private static func measure(
        _ options: GenerateOptions, hardware: Measurement.Hardware, client: HTTPClient,
        progress: @escaping @Sendable (GenerateProgress) -> Void
    ) async throws -> Measurement {
        let info = await ServerInfo.probe(options.endpoint, model: options.servedModel, client: client)
        let stream = ChatStream(
            client: client, endpoint: options.endpoint, model: options.servedModel,
            timeout: .seconds(options.timeoutSeconds))
        // A prefix no earlier request had, so no server answers from a cached prompt.
        let nonce = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var counter = 0
        func request(_ workload: Workload) -> ChatRequest {
            counter += 1
            return ChatRequest(
                prompt: "(Request \(nonce)-\(counter).) " + workload.prompt,
                maxTokens: options.maxTokens ?? workload.outputTokens, temperature: 0, seed: options.seed,
                ignoreEOS: info.acceptsIgnoreEOS, noPromptCache: info.acceptsCachePrompt)
        }

        var warmupMs: Double?
        for _ in 0..<options.warmup {
            guard let workload = options.prompts.workloads.first else { break }
            let record = try await stream.send(request(workload))
            warmupMs = max(warmupMs ?? 0, record.closed * 1000)
        }

        var samples: [Measurement.Sample] = []
        var levels: [Measurement.Level] = []
        let planned = options.plannedRequests
        do {
            for concurrency in options.concurrency {
                var wall = 0.0
                var levelSamples: [Measurement.Sample] = []
                for workload in options.prompts.workloads {
                    for _ in 0..<options.runs {
                        try Task.checkCancellation()
                        let requests = (0..<concurrency).map { _ in request(workload) }
                        let clock = ContinuousClock(), started = clock.now
                        let records = try await withThrowingTaskGroup(of: StreamRecord.self) { group in
                            for each in requests { group.addTask { try await stream.send(each) } }
                            var all: [StreamRecord] = []
                            for try await record in group { all.append(record) }
                            return all
                        }
                        let elapsed = clock.now - started
                        wall += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                        for record in records {
                            let sample = SampleFigures.sample(record, workload: workload.name, concurrency: concurrency)
                            levelSamples.append(sample)
                            samples.append(sample)
                            progress(
                                GenerateProgress(
                                    completed: samples.count, planned: planned, workload: workload.name,
                                    concurrency: concurrency,
                                    tokensPerSecond: sample.decodeTokensPerSecond.map { NSDecimalNumber(decimal: $0).doubleValue }))
                        }
                    }
                }
                levels.append(SampleFigures.level(levelSamples, concurrency: concurrency, wallSeconds: wall))
            }
        } catch is CancellationError {
            guard options.keepPartial, !samples.isEmpty else { throw MeasureError.interrupted(completed: samples.count, planned: planned) }
            // Levels cut short are summarised over the requests they finished.
            let done = Set(levels.map(\.concurrency))
            for concurrency in options.concurrency where !done.contains(concurrency) {
                let cut = samples.filter { $0.concurrency == concurrency }
                if !cut.isEmpty { levels.append(SampleFigures.level(cut, concurrency: concurrency, wallSeconds: nil)) }
            }
            return measurement(options, info: info, hardware: hardware, warmupMs: warmupMs, levels: levels, samples: samples, partial: true)
        }
        return measurement(options, info: info, hardware: hardware, warmupMs: warmupMs, levels: levels, samples: samples, partial: false)
    }

    private static func measurement(
        _ options: GenerateOptions, info: ServerInfo, hardware: Measurement.Hardware, warmupMs: Double?,
        levels: [Measurement.Level], samples: [Measurement.Sample], partial: Bool
    ) -> Measurement {
        let request = Measurement.Request(
            api: options.endpoint.api, endpoint: options.endpoint.chatURL, model: options.servedModel, temperature: 0, seed: options.seed,
            maxTokens: options.maxTokens ?? options.prompts.workloads.map(\.outputTokens).max() ?? 256,
            ignoreEOS: info.acceptsIgnoreEOS, cachePrompt: !info.acceptsCachePrompt, warmup: options.warmup, runs: options.runs,
            concurrency: options.concurrency, timeoutSeconds: options.timeoutSeconds)
        return Measurement(
            model: options.catalogModel, date: options.date, host: options.host, versus: Generator.version,
            partial: partial, hardware: hardware, runtime: info.runtime, request: request,
            promptSet: options.prompts.name, promptSHA256: options.prompts.sha256,
            warmupMs: warmupMs.map { Statistics.decimal($0, places: 1) }, levels: levels, samples: samples,
            location: SourceLocation(file: ""))
    }
}

/// The figures of one request and of one level, by the definitions the issue and docs/measurements.md give.
enum SampleFigures {
    static func sample(_ record: StreamRecord, workload: String, concurrency: Int) -> Measurement.Sample {
        let first = record.firstText ?? 0, last = record.lastText ?? first
        let tokens = record.outputTokens ?? record.textChunks
        // Decode speed leaves out the first token: its time is the time to first token.
        var decode: Decimal?
        if tokens > 1, last > first { decode = Statistics.decimal(Double(tokens - 1) / (last - first), places: 2) }
        let s = record.server
        let server = Measurement.ServerFigures(
            promptTokens: s.promptTokens, promptMs: s.promptMs.map { Statistics.decimal($0, places: 2) }, outputTokens: s.outputTokens,
            outputMs: s.outputMs.map { Statistics.decimal($0, places: 2) }, cachedTokens: s.cachedTokens,
            loadMs: s.loadMs.map { Statistics.decimal($0, places: 2) })
        return Measurement.Sample(
            workload: workload, concurrency: concurrency, promptTokens: record.promptTokens ?? s.promptTokens,
            outputTokens: tokens, outputTokensFrom: record.outputTokens == nil ? .counted : .usage,
            finishReason: record.finishReason, timeToFirstTokenMs: Statistics.decimal(first * 1000, places: 2),
            endToEndMs: Statistics.decimal(last * 1000, places: 2), decodeTokensPerSecond: decode,
            server: server.isEmpty ? nil : server)
    }

    static func level(_ samples: [Measurement.Sample], concurrency: Int, wallSeconds: Double?) -> Measurement.Level {
        func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
        let decode = Statistics.stats(samples.compactMap { $0.decodeTokensPerSecond.map(double) }, places: 2)
        let serverDecode = Statistics.stats(
            samples.compactMap { sample -> Double? in
                guard let server = sample.server, let n = server.outputTokens, let ms = server.outputMs, ms > 0, n > 0 else { return nil }
                return Double(n) / double(ms) * 1000
            }, places: 2)
        let prompt = Statistics.stats(
            samples.compactMap { sample -> Double? in
                guard let server = sample.server, let n = server.promptTokens, let ms = server.promptMs, ms > 0, n > 0 else { return nil }
                return Double(n) / double(ms) * 1000
            }, places: 2)
        var aggregate: Decimal?
        if let wallSeconds, wallSeconds > 0 {
            aggregate = Statistics.decimal(Double(samples.map(\.outputTokens).reduce(0, +)) / wallSeconds, places: 2)
        }
        var difference: Decimal?
        if let decode, let serverDecode, serverDecode.median > 0 {
            difference = Statistics.decimal(
                (double(decode.median) - double(serverDecode.median)) / double(serverDecode.median) * 100, places: 1)
        }
        return Measurement.Level(
            concurrency: concurrency, requests: samples.count, outputTokensPerSecond: aggregate,
            decodeTokensPerSecond: decode,
            timeToFirstTokenMs: Statistics.stats(samples.map { double($0.timeToFirstTokenMs) }, places: 2),
            endToEndMs: Statistics.stats(samples.map { double($0.endToEndMs) }, places: 2),
            promptTokensPerSecond: prompt, serverDecodeTokensPerSecond: serverDecode,
            clientVersusServerPercent: difference)
    }
}
