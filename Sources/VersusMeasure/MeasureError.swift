/// Why a measurement stopped. Each message is one line that names the endpoint and says what to check.
public enum MeasureError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotConnect(endpoint: String, reason: String)
    case notFound(endpoint: String)
    case unknownModel(endpoint: String, model: String, message: String?, known: [String])
    case http(endpoint: String, status: Int, message: String?)
    case endedEarly(endpoint: String, chunks: Int)
    case malformed(endpoint: String, payload: String)
    case noToken(endpoint: String, seconds: Int)
    case stalled(endpoint: String, seconds: Int, chunks: Int)
    case emptyAnswer(endpoint: String, finishReason: String?)
    case serverError(endpoint: String, message: String)
    case interrupted(completed: Int, planned: Int)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotConnect(endpoint, reason):
            return "cannot connect to \(endpoint) (\(reason)): is the server running? Start it, or check the host and port in --endpoint"
        case let .notFound(endpoint):
            return
                "\(endpoint) answered 404 Not Found: check --endpoint (the server's base address, such as http://127.0.0.1:8080) and --api (openai or ollama)"
        case let .unknownModel(endpoint, model, message, known):
            var text = "\(endpoint) does not know the model \"\(model)\""
            if let message { text += " (\(message))" }
            text +=
                known.isEmpty
                ? ": check --model against the server's model list" : ": check --model; the server has \(known.joined(separator: ", "))"
            return text
        case let .http(endpoint, status, message):
            return
                "\(endpoint) answered HTTP \(status)\(message.map { ": \($0)" } ?? " with no message"): check the server's log and the request options"
        case let .endedEarly(endpoint, chunks):
            return
                "the stream from \(endpoint) ended after \(chunks) text chunk\(chunks == 1 ? "" : "s") without finishing (no finish_reason, [DONE] or done): the server may have crashed or dropped the connection; check its log"
        case let .malformed(endpoint, payload):
            return
                "\(endpoint) sent something that is not a JSON chunk: \(Self.shown(payload)); check --api (openai or ollama) and that the endpoint is a chat server"
        case let .noToken(endpoint, seconds):
            return
                "\(endpoint) sent no text within \(seconds) s: the model may still be loading or too slow; raise --timeout or check the server"
        case let .stalled(endpoint, seconds, chunks):
            return
                "\(endpoint) stopped sending after \(chunks) text chunks and \(seconds) s of silence: check the server's log, or raise --timeout"
        case let .emptyAnswer(endpoint, finishReason):
            return
                "\(endpoint) answered with no text (finish_reason \(finishReason ?? "none")): check --model and that the model has a chat template"
        case let .serverError(endpoint, message):
            return "\(endpoint) reported an error in the stream: \(message); check the server's log"
        case let .interrupted(completed, planned):
            return
                "interrupted after \(completed) of \(planned) requests; nothing written (pass --keep-partial to keep the completed requests, marked partial)"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }

    static func shown(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        return "\"" + (flat.count > 80 ? String(flat.prefix(80)) + "…" : flat) + "\""
    }
}
