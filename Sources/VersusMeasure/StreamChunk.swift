import Foundation

/// What one event of a chat stream says, whichever API sent it.
struct ChunkFacts: Sendable, Equatable {
    /// The text the chunk carries: `content` plus `reasoning_content` (or Ollama's `message.content` and `thinking`).
    var text = ""
    var finishReason: String?
    var promptTokens: Int?
    /// The server's count of output tokens: `usage.completion_tokens`, or Ollama's `eval_count`.
    var outputTokens: Int?
    var server = ServerTimings()
    /// Ollama's last line (`done: true`); the OpenAI API ends with `[DONE]` instead.
    var done = false
    /// An error the server sent inside the stream.
    var error: String?
}

/// The server's own figures of one request, as sent (milliseconds; Ollama's nanoseconds converted).
struct ServerTimings: Sendable, Equatable {
    var promptTokens: Int?
    var promptMs: Double?
    var outputTokens: Int?
    var outputMs: Double?
    var cachedTokens: Int?
    var loadMs: Double?

    var isEmpty: Bool { self == ServerTimings() }

    /// Output tokens per second by the server's clock.
    var decodeTokensPerSecond: Double? {
        guard let outputTokens, let outputMs, outputMs > 0, outputTokens > 0 else { return nil }
        return Double(outputTokens) / outputMs * 1000
    }

    var promptTokensPerSecond: Double? {
        guard let promptTokens, let promptMs, promptMs > 0, promptTokens > 0 else { return nil }
        return Double(promptTokens) / promptMs * 1000
    }
}

/// The stream payloads of the two APIs, decoded leniently: servers add and leave out fields freely.
enum StreamChunk {
    struct Malformed: Error {
        var payload: String
    }

    private struct OpenAI: Decodable {
        struct Choice: Decodable {
            struct Delta: Decodable {
                var content: String?
                var reasoning_content: String?
                var reasoning: String?
            }
            var delta: Delta?
            var finish_reason: String?
        }
        struct Usage: Decodable {
            var prompt_tokens: Int?
            var completion_tokens: Int?
        }
        /// llama-server's figures of the request, on its last chunks.
        struct Timings: Decodable {
            var prompt_n: Int?
            var prompt_ms: Double?
            var predicted_n: Int?
            var predicted_ms: Double?
            var cache_n: Int?
        }
        var choices: [Choice]?
        var usage: Usage?
        var timings: Timings?
        var error: ErrorBody?
    }

    private struct Ollama: Decodable {
        struct Message: Decodable {
            var content: String?
            var thinking: String?
        }
        var message: Message?
        var done: Bool?
        var done_reason: String?
        var load_duration: Double?
        var prompt_eval_count: Int?
        var prompt_eval_duration: Double?
        var eval_count: Int?
        var eval_duration: Double?
        var error: String?
    }

    static func openAI(_ payload: String) throws -> ChunkFacts {
        guard let chunk = try? JSONDecoder().decode(OpenAI.self, from: Data(payload.utf8)) else { throw Malformed(payload: payload) }
        var facts = ChunkFacts()
        for choice in chunk.choices ?? [] {
            facts.text += (choice.delta?.reasoning_content ?? choice.delta?.reasoning ?? "") + (choice.delta?.content ?? "")
            if let reason = choice.finish_reason { facts.finishReason = reason }
        }
        facts.promptTokens = chunk.usage?.prompt_tokens
        facts.outputTokens = chunk.usage?.completion_tokens
        if let timings = chunk.timings {
            facts.server = ServerTimings(
                promptTokens: timings.prompt_n, promptMs: timings.prompt_ms, outputTokens: timings.predicted_n,
                outputMs: timings.predicted_ms, cachedTokens: timings.cache_n)
        }
        facts.error = chunk.error?.message
        return facts
    }

    static func ollama(_ line: String) throws -> ChunkFacts {
        guard let chunk = try? JSONDecoder().decode(Ollama.self, from: Data(line.utf8)) else { throw Malformed(payload: line) }
        var facts = ChunkFacts()
        facts.text = (chunk.message?.thinking ?? "") + (chunk.message?.content ?? "")
        facts.done = chunk.done ?? false
        facts.finishReason = chunk.done_reason
        facts.error = chunk.error
        if facts.done {
            facts.promptTokens = chunk.prompt_eval_count
            facts.outputTokens = chunk.eval_count
            // Ollama reports durations in nanoseconds.
            facts.server = ServerTimings(
                promptTokens: chunk.prompt_eval_count, promptMs: chunk.prompt_eval_duration.map { $0 / 1e6 },
                outputTokens: chunk.eval_count, outputMs: chunk.eval_duration.map { $0 / 1e6 },
                loadMs: chunk.load_duration.map { $0 / 1e6 })
        }
        return facts
    }
}

/// The message of an error body: OpenAI's `{"error": {"message": …}}`, Ollama's `{"error": "…"}`, vLLM's
/// `{"message": …}`, or the text itself.
struct ErrorBody: Decodable, Sendable {
    var message: String?

    init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            message = text
            return
        }
        struct Object: Decodable { var message: String? }
        message = try? decoder.singleValueContainer().decode(Object.self).message
    }

    /// The message in an HTTP error body, or its first line when it is not JSON.
    static func message(in body: String) -> String? {
        struct Envelope: Decodable {
            var error: ErrorBody?
            var message: String?
            var detail: String?
        }
        if let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(body.utf8)),
            let message = envelope.error?.message ?? envelope.message ?? envelope.detail
        {
            return message
        }
        let line = body.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingWhitespace ?? ""
        return line.isEmpty ? nil : String(line.prefix(200))
    }
}
