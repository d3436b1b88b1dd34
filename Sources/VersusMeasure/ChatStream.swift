import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization
import VersusCore

/// One chat request to send: the prompt and every parameter that keeps runs comparable.
struct ChatRequest: Sendable {
    var prompt: String
    var maxTokens: Int
    var temperature: Double
    var seed: Int
    /// Sent only to servers known to accept them (llama-server, vLLM): other servers may refuse unknown fields.
    var ignoreEOS: Bool
    var noPromptCache: Bool
}

/// What the client saw of one streamed answer. Times are seconds since the request was handed to the client.
struct StreamRecord: Sendable, Equatable {
    var firstText: Double?
    var lastText: Double?
    /// Chunks that carried text: the fallback count of output tokens when the server gives none.
    var textChunks = 0
    var finishReason: String?
    var promptTokens: Int?
    var outputTokens: Int?
    var server = ServerTimings()
    /// Seconds until the whole response had arrived (usage chunk and `[DONE]` included); not a reported figure.
    var closed: Double = 0
}

/// When the last text chunk of a stream arrived, and how many there were: what the timeout watches.
final class StreamProgress: Sendable {
    let state: Mutex<(last: ContinuousClock.Instant, chunks: Int)>

    init(_ start: ContinuousClock.Instant) {
        state = Mutex((start, 0))
    }
}

/// Streams chat answers from one endpoint and times them with a monotonic clock.
struct ChatStream: Sendable {
    let client: HTTPClient
    let endpoint: Endpoint
    let model: String
    /// The longest wait for the first text chunk, and then between text chunks.
    let timeout: Duration

    func send(_ request: ChatRequest) async throws -> StreamRecord {
        var http = HTTPClientRequest(url: endpoint.chatURL)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "Accept", value: endpoint.api == .openai ? "text/event-stream" : "application/x-ndjson")
        http.body = .bytes(ByteBuffer(bytes: body(request)))
        let prepared = http

        let clock = ContinuousClock()
        let progress = StreamProgress(clock.now)
        let timeout = self.timeout
        let shown = endpoint.chatURL
        return try await withThrowingTaskGroup(of: StreamRecord?.self) { group in
            group.addTask { try await read(prepared, clock: clock, progress: progress) }
            group.addTask {
                while true {
                    let (last, chunks) = progress.state.withLock { ($0.last, $0.chunks) }
                    let deadline = last + timeout
                    if clock.now >= deadline {
                        let seconds = Int(timeout.components.seconds)
                        throw chunks == 0
                            ? MeasureError.noToken(endpoint: shown, seconds: seconds)
                            : MeasureError.stalled(endpoint: shown, seconds: seconds, chunks: chunks)
                    }
                    try await Task.sleep(until: deadline, clock: clock)
                }
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw CancellationError()
        }
    }

    private func body(_ request: ChatRequest) -> [UInt8] {
        var json: [String: Any] = [
            "model": model, "stream": true,
            "messages": [["role": "user", "content": request.prompt]],
        ]
        switch endpoint.api {
        case .openai:
            json["stream_options"] = ["include_usage": true]
            json["temperature"] = request.temperature
            json["seed"] = request.seed
            json["max_tokens"] = request.maxTokens
            if request.ignoreEOS { json["ignore_eos"] = true }
            if request.noPromptCache { json["cache_prompt"] = false }
        case .ollama:
            json["options"] = ["temperature": request.temperature, "seed": request.seed, "num_predict": request.maxTokens]
        }
        return Array((try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data())
    }

    private func read(_ http: HTTPClientRequest, clock: ContinuousClock, progress: StreamProgress) async throws -> StreamRecord {
        let shown = endpoint.chatURL
        var response: HTTPClientResponse?
        var start = clock.now
        for attempt in 1...2 {
            // The clock starts just before the request is handed to the client.
            start = clock.now
            progress.state.withLock { $0.last = start }
            do {
                response = try await client.execute(http, deadline: .now() + .hours(24))
                break
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let reason = Endpoint.reason(error)
                // A kept-alive connection that the server closed after the previous answer fails before any byte of
                // this one arrives (seen with llama-server): the request goes once more, on a new connection.
                if attempt == 1 && reason != Endpoint.refused { continue }
                throw MeasureError.cannotConnect(endpoint: shown, reason: reason)
            }
        }
        guard let response else { throw MeasureError.cannotConnect(endpoint: shown, reason: "no answer") }
        guard response.status.code == 200 else {
            let bytes = (try? await response.body.collect(upTo: 64 * 1024)).map { String(buffer: $0) } ?? ""
            throw await endpoint.failure(status: Int(response.status.code), body: bytes, model: model, client: client)
        }
        var record = StreamRecord()
        var sse = SSEReader(), lines = LineReader()
        var finished = false
        func seconds(_ instant: ContinuousClock.Instant) -> Double {
            let duration = instant - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        func take(_ payload: String, at instant: ContinuousClock.Instant) throws {
            if endpoint.api == .openai && payload.trimmingWhitespace == "[DONE]" {
                finished = true
                return
            }
            let facts: ChunkFacts
            do {
                facts = endpoint.api == .openai ? try StreamChunk.openAI(payload) : try StreamChunk.ollama(payload)
            } catch {
                throw MeasureError.malformed(endpoint: shown, payload: payload)
            }
            if let message = facts.error { throw MeasureError.serverError(endpoint: shown, message: message) }
            if !facts.text.isEmpty {
                let at = seconds(instant)
                if record.firstText == nil { record.firstText = at }
                record.lastText = at
                record.textChunks += 1
                let count = record.textChunks
                progress.state.withLock { $0 = (instant, count) }
            }
            if let reason = facts.finishReason { record.finishReason = reason }
            if let tokens = facts.promptTokens { record.promptTokens = tokens }
            if let tokens = facts.outputTokens { record.outputTokens = tokens }
            if !facts.server.isEmpty { record.server = facts.server }
            if facts.done { finished = true }
        }
        do {
            reading: for try await buffer in response.body {
                let now = clock.now
                let payloads = endpoint.api == .openai ? sse.feed(buffer.readableBytesView) : lines.feed(buffer.readableBytesView)
                for payload in payloads {
                    try take(payload, at: now)
                    if finished { break reading }
                }
            }
            if !finished, let rest = endpoint.api == .openai ? sse.finish() : lines.finish() {
                try take(rest, at: clock.now)
            }
        } catch let error as MeasureError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw MeasureError.endedEarly(endpoint: shown, chunks: record.textChunks)
        }
        record.closed = seconds(clock.now)
        // An OpenAI stream may end without `[DONE]` (the end of the stream ends it too) but not before the answer
        // finished: without a finish_reason the server stopped half-way.
        if !finished && record.finishReason == nil {
            throw MeasureError.endedEarly(endpoint: shown, chunks: record.textChunks)
        }
        if record.textChunks == 0 { throw MeasureError.emptyAnswer(endpoint: shown, finishReason: record.finishReason) }
        return record
    }
}
