import Foundation
import Testing

/// `versus generate` as a person runs it: the built executable against a scripted server, on a copy of a fixture
/// site. A failed run exits non-zero and leaves no file; a good one writes a file that `versus check` accepts.
@Suite(.serialized) struct GenerateCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let binary: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["VERSUS_BINARY"], !path.isEmpty { candidates.append(URL(fileURLWithPath: path)) }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("versus"))
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("versus"))
        }
        candidates.append(repository.appendingPathComponent(".build/debug/versus"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// A copy of the valid fixture site (models small, medium, large).
    static func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("versus-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("Tests/VersusCoreTests/Fixtures/valid-site/Content"),
            to: root.appendingPathComponent("Content"))
        return root
    }

    /// Runs `versus`; `interruptAfter` sends SIGINT once stderr shows that many finished requests.
    static func versus(_ arguments: [String], interruptAfter: Int? = nil) async throws -> Run {
        let binary = try #require(Self.binary, "cannot find the versus executable; run `swift build` first or set VERSUS_BINARY")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("versus-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outputURL = folder.appendingPathComponent("stdout"), errorsURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorsURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let interruptAfter {
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning, Date() < deadline {
                let text = (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? ""
                if text.contains("request \(interruptAfter) of ") { kill(process.processIdentifier, SIGINT); break }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        try output.close()
        try errors.close()
        return Run(
            status: process.terminationStatus, output: try String(contentsOf: outputURL, encoding: .utf8),
            errors: try String(contentsOf: errorsURL, encoding: .utf8))
    }

    static func answer(_ index: Int) -> Script {
        Script(steps: [
            .after(index >= 2 ? 3_000 : 5, Events.chunk("x")), .after(5, Events.chunk("y", finish: "length")),
            .after(0, Events.usage(prompt: 4, completion: 2)), .after(0, Events.done),
        ])
    }

    static func measurements(_ root: URL) -> [String] {
        let folder = root.appendingPathComponent("Content/measurements/small")
        return (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }) ?? []
    }

    @Test func writesAFileThatChecksAndRefusesUnknownModels() async throws {
        let server = ScriptedServer { path, index in path == "/v1/chat/completions" ? Self.answer(0) : nil }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let root = try Self.site()
        let run = try await Self.versus([
            "generate", "--endpoint", base, "--model", "m", "--for", "small", "--runs", "1", "--warmup", "0",
            "--root", root.path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("concurrency  requests  decode tok/s median (p95)"))
        let files = Self.measurements(root)
        #expect(files.count == 1 && run.output.contains("wrote \(root.path)/Content/measurements/small/\(files.first ?? "")"))
        #expect(run.errors.contains("request 3 of 3 (code, concurrency 1)"))
        let check = try await Self.versus(["check", "--root", root.path, "--quiet"])
        #expect(check.status == 0, "\(check.output)")

        let unknown = try await Self.versus(["generate", "--endpoint", base, "--model", "m", "--for", "smal", "--root", root.path])
        #expect(
            unknown.status == 1
                && unknown.errors.contains("--for smal is not a model of \(root.path)/Content/models/ (did you mean small?)"))
        let dry = try await Self.versus([
            "generate", "--endpoint", base, "--model", "m", "--for", "medium", "--runs", "1", "--warmup", "0",
            "--dry-run", "--root", root.path,
        ])
        #expect(dry.status == 0 && dry.output.contains("model: medium\ndate: "))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/measurements/medium").path))
    }

    @Test func aFailedRunExitsNonZeroAndWritesNothing() async throws {
        let server = ScriptedServer { path, _ in
            path == "/v1/chat/completions" ? .json(500, #"{"error":{"message":"out of memory"}}"#) : nil
        }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let root = try Self.site()
        let run = try await Self.versus(["generate", "--endpoint", base, "--model", "m", "--for", "small", "--root", root.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("error: \(base)/v1/chat/completions answered HTTP 500: out of memory: check the server's log"))
        #expect(Self.measurements(root).isEmpty)
        let usage = try await Self.versus([
            "generate", "--endpoint", "localhost:8080", "--model", "m", "--for", "small", "--root", root.path,
        ])
        #expect(usage.status == 2)
    }

    /// Ctrl-C after two requests: nothing written and status 130; with --keep-partial, the two, marked partial.
    @Test(arguments: [false, true]) func ctrlC(keepPartial: Bool) async throws {
        let server = ScriptedServer { path, index in path == "/v1/chat/completions" ? Self.answer(index) : nil }
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let root = try Self.site()
        let run = try await Self.versus(
            [
                "generate", "--endpoint", base, "--model", "m", "--for", "small", "--runs", "2", "--warmup", "0",
                "--root", root.path,
            ] + (keepPartial ? ["--keep-partial"] : []), interruptAfter: 2)
        #expect(run.status == 130, "\(run.errors)")
        if keepPartial {
            let file = try #require(Self.measurements(root).first)
            let text = try String(contentsOf: root.appendingPathComponent("Content/measurements/small/\(file)"), encoding: .utf8)
            #expect(text.contains("partial: true") && text.contains("    requests: 2\n"))
            let check = try await Self.versus(["check", "--root", root.path, "--quiet"])
            #expect(check.status == 0, "\(check.output)")
        } else {
            #expect(Self.measurements(root).isEmpty)
            #expect(run.errors.contains("interrupted after 2 of 6 requests; nothing written (pass --keep-partial"))
        }
    }
}
