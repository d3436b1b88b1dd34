import Foundation

/// Reads `Content/measurements/<model-id>/<date>-<host>.yaml`, the file `versus generate` writes. Every mapping's
/// keys are checked (an unknown key is an error with "did you mean"), every figure must be a number, and the file's
/// place must agree with what it says: its folder is the `model`, its name the `date` and the `host`.
enum MeasurementDecoder {
    static let keys = [
        "model", "date", "host", "versus", "partial", "hardware", "runtime", "request", "prompts", "warmup_ms",
        "levels", "samples",
    ]
    static let hardwareKeys = ["cpu", "cores", "memory_gb", "gpu", "gpu_memory_gb", "os"]
    static let runtimeKeys = ["name", "version", "model_file", "quantization", "context_tokens"]
    static let requestKeys = [
        "api", "endpoint", "model", "temperature", "seed", "max_tokens", "ignore_eos", "cache_prompt",
        "warmup", "runs", "concurrency", "timeout_seconds",
    ]
    static let promptKeys = ["set", "sha256"]
    static let levelKeys = [
        "concurrency", "requests", "output_tokens_per_second", "decode_tokens_per_second",
        "time_to_first_token_ms", "end_to_end_ms", "prompt_tokens_per_second",
        "server_decode_tokens_per_second", "client_vs_server_percent",
    ]
    static let statsKeys = ["median", "p95", "stddev"]
    static let sampleKeys = [
        "workload", "concurrency", "prompt_tokens", "output_tokens", "output_tokens_from", "finish_reason",
        "time_to_first_token_ms", "end_to_end_ms", "decode_tokens_per_second", "server",
    ]
    static let serverKeys = ["prompt_tokens", "prompt_ms", "output_tokens", "output_ms", "cached_tokens", "load_ms"]

    /// `folder` is the model id the file sits under, `name` its file name without `.yaml`.
    static func decode(
        _ node: YAMLNode?, folder: String, name: String, file: String,
        _ diagnostics: inout [Diagnostic]
    ) -> Measurement? {
        guard let node else {
            diagnostics.append(
                .error(
                    SourceLocation(file: file), "measurement file is empty",
                    fix: "remove it, or run `versus generate` again to write it"))
            return nil
        }
        guard let reader = FieldReader(node, what: "a measurement", keys: keys, diagnostics: &diagnostics) else { return nil }
        let model = reader.id("model", required: true, &diagnostics)
        let date = reader.date("date", required: true, &diagnostics)
        let host = reader.id("host", required: true, &diagnostics)
        if let model, model != folder {
            diagnostics.append(
                .error(
                    reader.keyLocation("model"), "`model: \(model)` does not match the folder `\(folder)/` it is in",
                    fix: "move the file to Content/measurements/\(model)/, or correct `model`"))
        }
        if let date, date.day == nil {
            diagnostics.append(.error(reader.keyLocation("date"), "`date` must be a whole day, found \(date)", fix: "write YYYY-MM-DD"))
        }
        if let date, let host, "\(date)-\(host)" != name {
            diagnostics.append(
                .error(
                    reader.keyLocation("date"), "the file name `\(Scalars.visible(name)).yaml` does not match `date` and `host`",
                    fix: "name it \(date)-\(host).yaml"))
        }
        let versus = reader.string("versus", required: true, &diagnostics)
        let partial = reader.bool("partial", &diagnostics) ?? false
        var hardware: Measurement.Hardware?, runtime: Measurement.Runtime?, request: Measurement.Request?
        if let section = section("hardware", of: reader, keys: hardwareKeys, &diagnostics) {
            hardware = Self.hardware(section, &diagnostics)
        }
        if let section = section("runtime", of: reader, keys: runtimeKeys, required: true, &diagnostics) {
            runtime = Self.runtime(section, &diagnostics)
        }
        if let section = section("request", of: reader, keys: requestKeys, required: true, &diagnostics) {
            request = Self.request(section, &diagnostics)
        }
        let prompts = section("prompts", of: reader, keys: promptKeys, required: true, &diagnostics)
        let promptSet = prompts?.string("set", required: true, &diagnostics)
        let promptHash = prompts?.string("sha256", required: true, &diagnostics)
        let warmup = nonNegative("warmup_ms", of: reader, &diagnostics)
        let levels = reader.list("levels", &diagnostics).compactMap { level($0, &diagnostics) }
        let samples = reader.list("samples", &diagnostics).compactMap { sample($0, &diagnostics) }
        if !reader.has("levels") {
            reader.missing("levels", &diagnostics, fix: "run `versus generate` again: the file lost its summary")
        }
        guard let model, let date, let host, let versus, let runtime, let request, let promptSet, let promptHash else { return nil }
        return Measurement(
            model: model, date: date, host: host, versus: versus, partial: partial,
            hardware: hardware ?? Measurement.Hardware(), runtime: runtime, request: request,
            promptSet: promptSet, promptSHA256: promptHash, warmupMs: warmup, levels: levels, samples: samples,
            location: reader.keyLocation("model"))
    }

    private static func section(
        _ key: String, of reader: FieldReader, keys: [String], required: Bool = false,
        _ diagnostics: inout [Diagnostic]
    ) -> FieldReader? {
        guard let value = reader.value(key) else {
            if required { reader.missing(key, &diagnostics) }
            return nil
        }
        return FieldReader(value, what: "`\(key)`", keys: keys, diagnostics: &diagnostics)
    }

    private static func nonNegative(_ key: String, of reader: FieldReader, _ diagnostics: inout [Diagnostic]) -> Decimal? {
        guard let value = reader.decimal(key, &diagnostics) else { return nil }
        if value < 0 {
            diagnostics.append(.error(reader.keyLocation(key), "`\(key)` cannot be negative, found \(value)"))
            return nil
        }
        return value
    }

    private static func hardware(_ reader: FieldReader, _ diagnostics: inout [Diagnostic]) -> Measurement.Hardware {
        Measurement.Hardware(
            cpu: reader.string("cpu", &diagnostics), cores: reader.integer("cores", minimum: 1, &diagnostics),
            memoryGB: nonNegative("memory_gb", of: reader, &diagnostics), gpu: reader.string("gpu", &diagnostics),
            gpuMemoryGB: nonNegative("gpu_memory_gb", of: reader, &diagnostics), os: reader.string("os", &diagnostics))
    }

    private static func runtime(_ reader: FieldReader, _ diagnostics: inout [Diagnostic]) -> Measurement.Runtime? {
        let name = reader.string("name", required: true, &diagnostics)
        let runtime = Measurement.Runtime(
            name: name ?? "", version: reader.string("version", &diagnostics),
            modelFile: reader.string("model_file", &diagnostics),
            quantization: reader.string("quantization", &diagnostics),
            contextTokens: reader.integer("context_tokens", minimum: 1, &diagnostics))
        return name == nil ? nil : runtime
    }

    private static func request(_ reader: FieldReader, _ diagnostics: inout [Diagnostic]) -> Measurement.Request? {
        let api = reader.choice("api", as: Measurement.API.self, required: true, &diagnostics)
        let endpoint = reader.url("endpoint", required: true, &diagnostics)
        let model = reader.string("model", required: true, &diagnostics)
        let temperature = nonNegative("temperature", of: reader, &diagnostics)
        let seed = reader.integer("seed", &diagnostics)
        let maxTokens = reader.integer("max_tokens", required: true, minimum: 1, &diagnostics)
        let ignoreEOS = reader.bool("ignore_eos", &diagnostics) ?? false
        let cachePrompt = reader.bool("cache_prompt", &diagnostics) ?? true
        let warmup = reader.integer("warmup", &diagnostics) ?? 0
        let runs = reader.integer("runs", required: true, minimum: 1, &diagnostics)
        let concurrency = reader.list("concurrency", &diagnostics).compactMap {
            Scalars.integer($0, field: "concurrency", minimum: 1, &diagnostics)
        }
        let timeout = reader.integer("timeout_seconds", minimum: 1, &diagnostics)
        guard let api, let endpoint, let model, let maxTokens, let runs else { return nil }
        return Measurement.Request(
            api: api, endpoint: endpoint, model: model, temperature: temperature ?? 0, seed: seed ?? 0,
            maxTokens: maxTokens, ignoreEOS: ignoreEOS, cachePrompt: cachePrompt, warmup: warmup, runs: runs,
            concurrency: concurrency.isEmpty ? [1] : concurrency, timeoutSeconds: timeout ?? 0)
    }

    private static func stats(_ key: String, of reader: FieldReader, _ diagnostics: inout [Diagnostic]) -> Measurement.Stats? {
        guard let value = reader.value(key),
            let stats = FieldReader(value, what: "`\(key)`", keys: statsKeys, diagnostics: &diagnostics)
        else { return nil }
        let median = stats.decimal("median", required: true, &diagnostics)
        let p95 = stats.decimal("p95", required: true, &diagnostics)
        let stddev = stats.decimal("stddev", required: true, &diagnostics)
        guard let median, let p95, let stddev else { return nil }
        for (name, figure) in [("median", median), ("p95", p95), ("stddev", stddev)] where figure < 0 {
            diagnostics.append(.error(stats.keyLocation(name), "`\(key)` \(name) cannot be negative, found \(figure)"))
            return nil
        }
        return Measurement.Stats(median: median, p95: p95, stddev: stddev)
    }

    private static func level(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> Measurement.Level? {
        guard let reader = FieldReader(node, what: "a level", keys: levelKeys, diagnostics: &diagnostics) else { return nil }
        let concurrency = reader.integer("concurrency", required: true, minimum: 1, &diagnostics)
        let requests = reader.integer("requests", required: true, &diagnostics)
        let level = Measurement.Level(
            concurrency: concurrency ?? 1, requests: requests ?? 0,
            outputTokensPerSecond: nonNegative("output_tokens_per_second", of: reader, &diagnostics),
            decodeTokensPerSecond: stats("decode_tokens_per_second", of: reader, &diagnostics),
            timeToFirstTokenMs: stats("time_to_first_token_ms", of: reader, &diagnostics),
            endToEndMs: stats("end_to_end_ms", of: reader, &diagnostics),
            promptTokensPerSecond: stats("prompt_tokens_per_second", of: reader, &diagnostics),
            serverDecodeTokensPerSecond: stats("server_decode_tokens_per_second", of: reader, &diagnostics),
            clientVersusServerPercent: reader.decimal("client_vs_server_percent", &diagnostics))
        return concurrency == nil || requests == nil ? nil : level
    }

    private static func sample(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> Measurement.Sample? {
        guard let reader = FieldReader(node, what: "a sample", keys: sampleKeys, diagnostics: &diagnostics) else { return nil }
        let workload = reader.string("workload", required: true, &diagnostics)
        let concurrency = reader.integer("concurrency", required: true, minimum: 1, &diagnostics)
        let output = reader.integer("output_tokens", required: true, &diagnostics)
        let from = reader.choice("output_tokens_from", as: Measurement.TokenSource.self, required: true, &diagnostics)
        let ttft = nonNegative("time_to_first_token_ms", of: reader, &diagnostics)
        let e2e = nonNegative("end_to_end_ms", of: reader, &diagnostics)
        if !reader.has("time_to_first_token_ms") { reader.missing("time_to_first_token_ms", &diagnostics) }
        if !reader.has("end_to_end_ms") { reader.missing("end_to_end_ms", &diagnostics) }
        var server: Measurement.ServerFigures?
        if let value = reader.value("server"),
            let figures = FieldReader(value, what: "`server`", keys: serverKeys, diagnostics: &diagnostics)
        {
            server = Measurement.ServerFigures(
                promptTokens: figures.integer("prompt_tokens", &diagnostics), promptMs: nonNegative("prompt_ms", of: figures, &diagnostics),
                outputTokens: figures.integer("output_tokens", &diagnostics), outputMs: nonNegative("output_ms", of: figures, &diagnostics),
                cachedTokens: figures.integer("cached_tokens", &diagnostics), loadMs: nonNegative("load_ms", of: figures, &diagnostics))
        }
        let promptTokens = reader.integer("prompt_tokens", &diagnostics)
        let finish = reader.string("finish_reason", &diagnostics)
        let decode = nonNegative("decode_tokens_per_second", of: reader, &diagnostics)
        guard let workload, let concurrency, let output, let from, let ttft, let e2e else { return nil }
        return Measurement.Sample(
            workload: workload, concurrency: concurrency, promptTokens: promptTokens, outputTokens: output,
            outputTokensFrom: from, finishReason: finish, timeToFirstTokenMs: ttft, endToEndMs: e2e,
            decodeTokensPerSecond: decode, server: server)
    }
}
