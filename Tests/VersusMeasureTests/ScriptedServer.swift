import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization
import VersusCore
import VersusMeasure

/// One write of a scripted answer: wait `delay`, then send `bytes` (a network read may get one write or part of one).
struct Step: Sendable {
    var delay: Duration
    var bytes: String

    static func after(_ milliseconds: Int, _ bytes: String) -> Step { Step(delay: .milliseconds(milliseconds), bytes: bytes) }
}

/// A scripted answer: status, content type and the timed writes of its body.
struct Script: Sendable {
    var status: Int = 200
    var contentType = "text/event-stream"
    var steps: [Step]

    static func json(_ status: Int, _ body: String) -> Script {
        Script(status: status, contentType: "application/json", steps: [.after(0, body)])
    }
}

/// An in-process HTTP server on a free loopback port that answers each path with a script, so the client's figures
/// can be checked against delays the test chose. `scripts` gets the path and how many requests that path has had
/// before (0 for the first), and returns nil for a 404.
final class ScriptedServer: Sendable {
    typealias Scripts = @Sendable (_ path: String, _ index: Int) -> Script?
    private let scripts: Scripts
    private let counts = Mutex<[String: Int]>([:])
    private let bodies = Mutex<[String]>([])
    private let task = Mutex<Task<Void, Error>?>(nil)

    init(_ scripts: @escaping Scripts) {
        self.scripts = scripts
    }

    /// The request bodies received on the chat paths, in order.
    var received: [String] { bodies.withLock { $0 } }

    /// Starts the server and returns its base address.
    func start() async throws -> String {
        var logger = Logger(label: "scripted-server")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { [self] request, _ in
            let path = request.uri.path
            let index = counts.withLock { counts -> Int in
                defer { counts[path, default: 0] += 1 }
                return counts[path, default: 0]
            }
            if request.method == .post {
                let body = try await request.body.collect(upTo: 1 << 20)
                if path.hasSuffix("/chat/completions") || path == "/api/chat" { bodies.withLock { $0.append(String(buffer: body)) } }
            }
            guard let script = scripts(path, index) else {
                return Response(
                    status: .notFound, headers: [.contentType: "text/plain"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "Not Found")))
            }
            let body = ResponseBody { writer in
                for step in script.steps {
                    if step.delay > .zero { try await Task.sleep(for: step.delay) }
                    try await writer.write(ByteBuffer(string: step.bytes))
                }
                try await writer.finish(nil)
            }
            return Response(status: HTTPResponse.Status(code: script.status), headers: [.contentType: script.contentType], body: body)
        }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        // The server's tasks get a thread of their own, so the delays it scripts hold on a busy machine.
        let executor = StreamExecutor(label: "scripted-server")
        task.withLock { $0 = Task { try await withTaskExecutorPreference(executor) { try await app.runService() } } }
        var iterator = ready.stream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return "http://127.0.0.1:\(port)"
    }

    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        _ = try? await running?.value
    }
}

/// Builders of OpenAI-style stream events and Ollama lines.
enum Events {
    static func chunk(_ content: String?, role: Bool = false, reasoning: String? = nil, finish: String? = nil) -> String {
        var delta: [String] = []
        if role { delta.append("\"role\":\"assistant\"") }
        if let content { delta.append("\"content\":\(quoted(content))") }
        if let reasoning { delta.append("\"reasoning_content\":\(quoted(reasoning))") }
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\(delta.joined(separator: ","))},\"finish_reason\":\(reason)}]}\n\n"
    }

    static func usage(prompt: Int, completion: Int, timings: String? = nil) -> String {
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":\(prompt),\"completion_tokens\":\(completion)}\(timings.map { ",\"timings\":\($0)" } ?? "")}\n\n"
    }

    static let done = "data: [DONE]\n\n"

    static func ollama(_ content: String) -> String {
        "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\(quoted(content))},\"done\":false}\n"
    }

    static func ollamaDone(promptCount: Int, promptNs: Int, evalCount: Int, evalNs: Int, loadNs: Int) -> String {
        "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"length\",\"total_duration\":1,\"load_duration\":\(loadNs),\"prompt_eval_count\":\(promptCount),\"prompt_eval_duration\":\(promptNs),\"eval_count\":\(evalCount),\"eval_duration\":\(evalNs)}\n"
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }
}

/// Foundation has a `Measurement` of its own (units); in these tests the name means the catalog's.
typealias Measurement = VersusCore.Measurement
