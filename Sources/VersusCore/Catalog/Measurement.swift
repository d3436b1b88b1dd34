import Foundation

/// `Content/measurements/<model-id>/<date>-<host>.yaml`: one run of `versus generate` against a model served on
/// the editor's own machine. Written by the command, read like every other catalog file. Every figure the client
/// timed sits beside the figures the server reported, with the hardware, the runtime and every request parameter,
/// so a reader can judge and repeat it. A value the run could not find out is nil ("not documented"), never zero.
public struct Measurement: Sendable, Hashable, Encodable {
    public enum API: String, Sendable, CaseIterable, Encodable {
        /// `POST /v1/chat/completions` with `stream: true` (llama-server, vLLM, LM Studio, Ollama's compatible API).
        case openai
        /// Ollama's native `POST /api/chat`, newline-delimited JSON.
        case ollama
    }

    /// Where a sample's output token count came from.
    public enum TokenSource: String, Sendable, CaseIterable, Encodable {
        /// The server's own count: `usage.completion_tokens`, or Ollama's `eval_count`.
        case usage
        /// The number of text chunks the client received: only when the server gave no count.
        case counted
    }

    /// Median, 95th percentile and standard deviation of one figure over the samples of a level.
    public struct Stats: Sendable, Hashable, Encodable {
        public var median: Decimal
        public var p95: Decimal
        public var stddev: Decimal

        public init(median: Decimal, p95: Decimal, stddev: Decimal) {
            self.median = median
            self.p95 = p95
            self.stddev = stddev
        }
    }

    public struct Hardware: Sendable, Hashable, Encodable {
        public var cpu: String?
        public var cores: Int?
        public var memoryGB: Decimal?
        public var gpu: String?
        public var gpuMemoryGB: Decimal?
        public var os: String?

        public init(
            cpu: String? = nil, cores: Int? = nil, memoryGB: Decimal? = nil, gpu: String? = nil,
            gpuMemoryGB: Decimal? = nil, os: String? = nil
        ) {
            self.cpu = cpu
            self.cores = cores
            self.memoryGB = memoryGB
            self.gpu = gpu
            self.gpuMemoryGB = gpuMemoryGB
            self.os = os
        }
    }

    /// The server that ran the model, and what it revealed of the model it ran.
    public struct Runtime: Sendable, Hashable, Encodable {
        public var name: String
        public var version: String?
        public var modelFile: String?
        public var quantization: String?
        public var contextTokens: Int?

        public init(
            name: String, version: String? = nil, modelFile: String? = nil, quantization: String? = nil,
            contextTokens: Int? = nil
        ) {
            self.name = name
            self.version = version
            self.modelFile = modelFile
            self.quantization = quantization
            self.contextTokens = contextTokens
        }
    }

    /// Every parameter the requests were sent with.
    public struct Request: Sendable, Hashable, Encodable {
        public var api: API
        public var endpoint: String
        /// The model name sent in each request (`--model`), which need not be the catalog id.
        public var model: String
        public var temperature: Decimal
        public var seed: Int
        public var maxTokens: Int
        public var ignoreEOS: Bool
        public var cachePrompt: Bool
        public var warmup: Int
        public var runs: Int
        public var concurrency: [Int]
        public var timeoutSeconds: Int

        public init(
            api: API, endpoint: String, model: String, temperature: Decimal, seed: Int, maxTokens: Int,
            ignoreEOS: Bool, cachePrompt: Bool, warmup: Int, runs: Int, concurrency: [Int], timeoutSeconds: Int
        ) {
            self.api = api
            self.endpoint = endpoint
            self.model = model
            self.temperature = temperature
            self.seed = seed
            self.maxTokens = maxTokens
            self.ignoreEOS = ignoreEOS
            self.cachePrompt = cachePrompt
            self.warmup = warmup
            self.runs = runs
            self.concurrency = concurrency
            self.timeoutSeconds = timeoutSeconds
        }
    }

    /// What the server said about one request: llama-server's `timings`, Ollama's `*_count` and `*_duration`.
    public struct ServerFigures: Sendable, Hashable, Encodable {
        public var promptTokens: Int?
        public var promptMs: Decimal?
        public var outputTokens: Int?
        public var outputMs: Decimal?
        public var cachedTokens: Int?
        public var loadMs: Decimal?

        public init(
            promptTokens: Int? = nil, promptMs: Decimal? = nil, outputTokens: Int? = nil, outputMs: Decimal? = nil,
            cachedTokens: Int? = nil, loadMs: Decimal? = nil
        ) {
            self.promptTokens = promptTokens
            self.promptMs = promptMs
            self.outputTokens = outputTokens
            self.outputMs = outputMs
            self.cachedTokens = cachedTokens
            self.loadMs = loadMs
        }

        public var isEmpty: Bool { self == ServerFigures() }
    }

    /// One timed request.
    public struct Sample: Sendable, Hashable, Encodable {
        public var workload: String
        public var concurrency: Int
        public var promptTokens: Int?
        public var outputTokens: Int
        public var outputTokensFrom: TokenSource
        public var finishReason: String?
        public var timeToFirstTokenMs: Decimal
        public var endToEndMs: Decimal
        /// nil with a single output token: there is no interval to divide by.
        public var decodeTokensPerSecond: Decimal?
        public var server: ServerFigures?

        public init(
            workload: String, concurrency: Int, promptTokens: Int?, outputTokens: Int, outputTokensFrom: TokenSource,
            finishReason: String?, timeToFirstTokenMs: Decimal, endToEndMs: Decimal, decodeTokensPerSecond: Decimal?,
            server: ServerFigures?
        ) {
            self.workload = workload
            self.concurrency = concurrency
            self.promptTokens = promptTokens
            self.outputTokens = outputTokens
            self.outputTokensFrom = outputTokensFrom
            self.finishReason = finishReason
            self.timeToFirstTokenMs = timeToFirstTokenMs
            self.endToEndMs = endToEndMs
            self.decodeTokensPerSecond = decodeTokensPerSecond
            self.server = server
        }
    }

    /// The summary of the samples sent at one concurrency.
    public struct Level: Sendable, Hashable, Encodable {
        public var concurrency: Int
        public var requests: Int
        /// Output tokens of every request at this level over the wall time from the first send to the last answer.
        public var outputTokensPerSecond: Decimal?
        public var decodeTokensPerSecond: Stats?
        public var timeToFirstTokenMs: Stats?
        public var endToEndMs: Stats?
        /// The server's figure: prompt tokens over its prompt time.
        public var promptTokensPerSecond: Stats?
        /// The server's figure: output tokens over its decode time.
        public var serverDecodeTokensPerSecond: Stats?
        /// How far the client's median decode speed is from the server's, in percent of the server's.
        public var clientVersusServerPercent: Decimal?

        public init(
            concurrency: Int, requests: Int, outputTokensPerSecond: Decimal? = nil, decodeTokensPerSecond: Stats? = nil,
            timeToFirstTokenMs: Stats? = nil, endToEndMs: Stats? = nil, promptTokensPerSecond: Stats? = nil,
            serverDecodeTokensPerSecond: Stats? = nil, clientVersusServerPercent: Decimal? = nil
        ) {
            self.concurrency = concurrency
            self.requests = requests
            self.outputTokensPerSecond = outputTokensPerSecond
            self.decodeTokensPerSecond = decodeTokensPerSecond
            self.timeToFirstTokenMs = timeToFirstTokenMs
            self.endToEndMs = endToEndMs
            self.promptTokensPerSecond = promptTokensPerSecond
            self.serverDecodeTokensPerSecond = serverDecodeTokensPerSecond
            self.clientVersusServerPercent = clientVersusServerPercent
        }
    }

    /// The catalog id of the model measured (an alias id is allowed and stands for its model).
    public var model: String
    public var date: ISODate
    /// The machine's name as the file name carries it.
    public var host: String
    /// The version of `versus` that measured.
    public var versus: String
    /// True when the run was interrupted and only its completed requests were kept (`--keep-partial`).
    public var partial: Bool
    public var hardware: Hardware
    public var runtime: Runtime
    public var request: Request
    /// The prompt set's name and the SHA-256 of its text.
    public var promptSet: String
    public var promptSHA256: String
    /// The longest warm-up request, which includes loading the model when the server loads it lazily.
    public var warmupMs: Decimal?
    public var levels: [Level]
    public var samples: [Sample]
    /// Where the file was read from; the `model:` line when decoded.
    public var location: SourceLocation

    public init(
        model: String, date: ISODate, host: String, versus: String, partial: Bool, hardware: Hardware,
        runtime: Runtime, request: Request, promptSet: String, promptSHA256: String, warmupMs: Decimal?,
        levels: [Level], samples: [Sample], location: SourceLocation
    ) {
        self.model = model
        self.date = date
        self.host = host
        self.versus = versus
        self.partial = partial
        self.hardware = hardware
        self.runtime = runtime
        self.request = request
        self.promptSet = promptSet
        self.promptSHA256 = promptSHA256
        self.warmupMs = warmupMs
        self.levels = levels
        self.samples = samples
        self.location = location
    }

    /// The file's name: `<date>-<host>.yaml`.
    public var fileName: String { "\(date)-\(host).yaml" }

    /// The level the pages show: a single stream when it was measured, the lowest concurrency otherwise.
    public var headline: Level? {
        levels.first { $0.concurrency == 1 } ?? levels.min { $0.concurrency < $1.concurrency }
    }
}

/// A measurement file as read: the decoded values, and its text, which the site publishes as it is.
public struct MeasurementFile: Sendable, Hashable, Encodable {
    public var measurement: Measurement
    public var text: String

    public init(measurement: Measurement, text: String) {
        self.measurement = measurement
        self.text = text
    }
}

extension Catalog {
    /// The model id (or alias) closest to a misspelt `id`, for "did you mean".
    public func suggestedModelID(for id: String) -> String? {
        Suggestion.closest(to: id, in: models.map(\.id) + aliases.keys.sorted())
    }
}
