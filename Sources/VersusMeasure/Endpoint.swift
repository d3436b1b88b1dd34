import AsyncHTTPClient
import Foundation
import NIOCore
import VersusCore

/// The server to measure: its base address and which API it speaks.
public struct Endpoint: Sendable, Equatable {
    public var base: String
    public var api: Measurement.API

    /// `url` is the server's base address; a trailing `/`, `/v1` or the chat path itself is taken off.
    public init?(_ url: String, api: Measurement.API) {
        var base = url.trimmingWhitespace
        guard base.hasPrefix("http://") || base.hasPrefix("https://"), base.count > 8 else { return nil }
        for suffix in ["/v1/chat/completions", "/api/chat", "/"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/v1") { base.removeLast(3) }
        self.base = base
        self.api = api
    }

    public var chatURL: String { base + (api == .openai ? "/v1/chat/completions" : "/api/chat") }

    /// A GET of a JSON document; nil when the server has no such document or cannot be reached.
    func json(_ path: String, client: HTTPClient, seconds: Int64 = 5) async -> [String: Any]? {
        var request = HTTPClientRequest(url: base + path)
        request.method = .GET
        guard let response = try? await client.execute(request, timeout: .seconds(seconds)), response.status.code == 200,
            let body = try? await response.body.collect(upTo: 4 * 1024 * 1024)
        else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
    }

    /// The models the server lists (`/v1/models`, or Ollama's `/api/tags`).
    func models(client: HTTPClient) async -> [String] {
        switch api {
        case .openai:
            let list = await json("/v1/models", client: client)?["data"] as? [[String: Any]] ?? []
            return list.compactMap { $0["id"] as? String }.sorted()
        case .ollama:
            let list = await json("/api/tags", client: client)?["models"] as? [[String: Any]] ?? []
            return list.compactMap { ($0["name"] ?? $0["model"]) as? String }.sorted()
        }
    }

    /// The error for an answer other than 200: a missing path, a model the server does not have, or anything else
    /// with the body's own message.
    func failure(status: Int, body: String, model: String, client: HTTPClient) async -> MeasureError {
        let message = ErrorBody.message(in: body)
        let lower = (message ?? "").lowercased()
        let aboutModel =
            lower.contains("model")
            && ["not found", "does not exist", "unknown", "no such", "not exist", "try pulling"]
                .contains { lower.contains($0) }
        if aboutModel || (status == 404 && lower.contains(model.lowercased())) {
            return .unknownModel(endpoint: chatURL, model: model, message: message, known: Array(await models(client: client).prefix(8)))
        }
        if status == 404 { return .notFound(endpoint: chatURL) }
        return .http(endpoint: chatURL, status: status, message: message)
    }

    static let refused = "connection refused"

    /// A connection error in a few words.
    static func reason(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") { return refused }
        if text.contains("connectTimeout") { return "no answer to the connection attempt" }
        if text.contains("Name") || text.contains("resolve") || text.contains("DNS") { return "the host name does not resolve" }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
