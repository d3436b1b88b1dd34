import Foundation
import Synchronization
import Testing
@testable import VersusCore
@testable import VersusMeasure

/// Each fault of a server ends the run with one message that names the endpoint and what to check, and no file.
@Suite(.serialized) struct FaultTests {
    static func failure(_ scripts: @escaping ScriptedServer.Scripts, api: Measurement.API = .openai, timeout: Int = 3)
        async throws -> MeasureError
    {
        let server = ScriptedServer(scripts)
        let base = try await server.start()
        defer { Task { await server.stop() } }
        do {
            _ = try await GenerateRun.run(FigureTests.options(base, api: api, timeout: timeout), hardware: Measurement.Hardware())
        } catch let error as MeasureError {
            // Every message names the endpoint it was talking to.
            #expect(error.description.contains(base + (api == .openai ? "/v1/chat/completions" : "/api/chat")))
            return error
        }
        Issue.record("the run did not fail")
        throw CancellationError()
    }

    static func chat(_ script: Script) -> ScriptedServer.Scripts {
        { path, _ in path == "/v1/chat/completions" ? script : nil }
    }

    @Test func serverNotRunning() async throws {
        // A port that was free a moment ago: nothing listens there.
        let server = ScriptedServer { _, _ in nil }
        let base = try await server.start()
        await server.stop()
        do {
            _ = try await GenerateRun.run(FigureTests.options(base), hardware: Measurement.Hardware())
            Issue.record("the run did not fail")
        } catch let error as MeasureError {
            guard case .cannotConnect = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("\(base)/v1/chat/completions"))
            #expect(error.description.contains("is the server running?"))
        }
    }

    @Test func wrongPath() async throws {
        let error = try await Self.failure { _, _ in nil }
        #expect(error == .notFound(endpoint: error.endpointForTests))
        #expect(error.description.contains("answered 404 Not Found: check --endpoint"))
    }

    @Test func unknownModelListsTheServersModels() async throws {
        let error = try await Self.failure { path, _ in
            switch path {
            case "/v1/chat/completions": return .json(404, #"{"error":{"message":"The model `m` does not exist.","type":"NotFoundError"}}"#)
            case "/v1/models": return .json(200, #"{"data":[{"id":"gemma-3-270m"},{"id":"qwen3-0.6b"}]}"#)
            default: return nil
            }
        }
        guard case let .unknownModel(_, model, message, known) = error else { Issue.record("\(error)"); return }
        #expect(model == "m" && message == "The model `m` does not exist." && known == ["gemma-3-270m", "qwen3-0.6b"])
        #expect(error.description.contains("check --model; the server has gemma-3-270m, qwen3-0.6b"))
    }

    @Test func ollamaUnknownModel() async throws {
        let error = try await Self.failure(
            { path, _ in
                path == "/api/chat" ? .json(404, #"{"error":"model \"m\" not found, try pulling it first"}"#) : nil
            }, api: .ollama)
        guard case .unknownModel = error else { Issue.record("\(error)"); return }
    }

    @Test func httpErrorShowsStatusAndMessage() async throws {
        let error = try await Self.failure(Self.chat(.json(503, #"{"error":{"message":"Loading model","code":503}}"#)))
        #expect(error == .http(endpoint: error.endpointForTests, status: 503, message: "Loading model"))
        #expect(error.description.hasSuffix("answered HTTP 503: Loading model: check the server's log and the request options"))
    }

    @Test func streamStopsHalfWay() async throws {
        let error = try await Self.failure(Self.chat(Script(steps: [.after(0, Events.chunk("a")), .after(20, Events.chunk("b"))])))
        #expect(error == .endedEarly(endpoint: error.endpointForTests, chunks: 2))
        #expect(error.description.contains("ended after 2 text chunks without finishing"))
    }

    @Test func malformedJSON() async throws {
        let error = try await Self.failure(Self.chat(Script(steps: [.after(0, "data: {\"choices\": [oops\n\n")])))
        guard case let .malformed(_, payload) = error else { Issue.record("\(error)"); return }
        #expect(payload == "{\"choices\": [oops")
        #expect(error.description.contains("check --api"))
    }

    @Test func notAnEventStream() async throws {
        let error = try await Self.failure(Self.chat(Script(contentType: "text/html", steps: [.after(0, "<html>hello</html>\n\n")])))
        // An HTML page has no `data:` lines: no event, no finish.
        #expect(error == .endedEarly(endpoint: error.endpointForTests, chunks: 0))
    }

    @Test func ollamaMalformedLine() async throws {
        let error = try await Self.failure(
            { path, _ in
                path == "/api/chat"
                    ? Script(contentType: "application/x-ndjson", steps: [.after(0, Events.ollama("a")), .after(0, "not json\n")]) : nil
            }, api: .ollama)
        guard case .malformed = error else { Issue.record("\(error)"); return }
    }

    @Test func noTokenBeforeTheTimeout() async throws {
        let error = try await Self.failure(
            Self.chat(Script(steps: [.after(0, Events.chunk("", role: true)), .after(5_000, Events.chunk("late"))])),
            timeout: 1)
        #expect(error == .noToken(endpoint: error.endpointForTests, seconds: 1))
        #expect(error.description.contains("sent no text within 1 s"))
    }

    @Test func stallAfterSomeTokens() async throws {
        let error = try await Self.failure(
            Self.chat(Script(steps: [.after(0, Events.chunk("a")), .after(5_000, Events.chunk("b"))])), timeout: 1)
        #expect(error == .stalled(endpoint: error.endpointForTests, seconds: 1, chunks: 1))
    }

    @Test func emptyAnswer() async throws {
        let error = try await Self.failure(
            Self.chat(
                Script(steps: [
                    .after(0, Events.chunk("", role: true)),
                    .after(0, Events.chunk(nil, finish: "stop")), .after(0, Events.done),
                ])))
        #expect(error == .emptyAnswer(endpoint: error.endpointForTests, finishReason: "stop"))
        #expect(error.description.contains("answered with no text"))
    }

    @Test func errorInsideTheStream() async throws {
        let error = try await Self.failure(
            Self.chat(
                Script(steps: [
                    .after(0, Events.chunk("a")),
                    .after(0, "data: {\"error\":{\"message\":\"context size exceeded\"}}\n\n"),
                ])))
        #expect(error == .serverError(endpoint: error.endpointForTests, message: "context size exceeded"))
    }

    /// Ctrl-C cancels the run: without --keep-partial nothing is kept; with it, the completed requests, marked partial.
    @Test(arguments: [false, true]) func interruption(keepPartial: Bool) async throws {
        let server = ScriptedServer { path, index in
            path == "/v1/chat/completions"
                ? Script(steps: [
                    .after(index == 0 ? 0 : 2_000, Events.chunk("x")), .after(10, Events.chunk("y", finish: "length")),
                    .after(0, Events.done),
                ])
                : nil
        }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let completed = Mutex(0)
        let options = FigureTests.options(base, runs: 3, keepPartial: keepPartial)
        let task = Task {
            try await GenerateRun.run(options, hardware: Measurement.Hardware()) { progress in
                completed.withLock { $0 = progress.completed }
            }
        }
        while completed.withLock({ $0 }) < 1 { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        do {
            let m = try await task.value
            #expect(keepPartial)
            #expect(m.partial && m.samples.count == 1 && m.levels.first?.requests == 1)
            #expect(MeasurementYAML.text(m).contains("partial: true"))
        } catch let error as MeasureError {
            #expect(!keepPartial)
            #expect(error == .interrupted(completed: 1, planned: 3))
            #expect(error.description.contains("nothing written (pass --keep-partial"))
        }
    }
}

extension MeasureError {
    /// The endpoint a message names, for comparing whole errors in tests.
    var endpointForTests: String {
        switch self {
        case let .cannotConnect(endpoint, _), let .notFound(endpoint), let .unknownModel(endpoint, _, _, _), let .http(endpoint, _, _),
            let .endedEarly(endpoint, _), let .malformed(endpoint, _), let .noToken(endpoint, _), let .stalled(endpoint, _, _),
            let .emptyAnswer(endpoint, _), let .serverError(endpoint, _):
            return endpoint
        case .interrupted, .cannotWrite:
            return ""
        }
    }
}
