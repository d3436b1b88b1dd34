import ArgumentParser
import Foundation
import VersusCore
import VersusMeasure

struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures a model served on this machine and writes Content/measurements/<model-id>/<date>-<host>.yaml.",
        discussion: """
            Streams the built-in prompt set (or --prompts) to an OpenAI-compatible server (llama-server, vLLM, LM Studio) \
            or Ollama, times every answer, and writes one measurement file with the server's own figures, the hardware \
            and every request parameter; docs/measurements.md describes it. Exit status: 0 when written, 1 when the run \
            failed (nothing written), 2 on usage errors, 130 when interrupted.
            """)

    @Option(name: .long, help: "The server's base address, such as http://127.0.0.1:8080.")
    var endpoint: String

    @Option(name: .long, help: "The model name to send in each request, as the server knows it.")
    var model: String

    @Option(name: .customLong("for"), help: "The catalog id of the model measured: the file goes under Content/measurements/<id>/.")
    var catalogModel: String

    @Option(name: .long, help: "openai (POST /v1/chat/completions) or ollama (POST /api/chat).")
    var api: String = "openai"

    @Option(name: .long, help: "A file of prompts separated by lines of ---, instead of the built-in set.")
    var prompts: String?

    @Option(name: .long, help: "Timed requests per workload and concurrency.")
    var runs: Int = 3

    @Option(name: .long, help: "Untimed requests before the runs (the model loads during them).")
    var warmup: Int = 1

    @Option(name: .customLong("max-tokens"), help: "Output tokens asked of every request (default: each workload's own).")
    var maxTokens: Int?

    @Option(name: .long, help: "Streams at once, as a list such as 1,4.")
    var concurrency: String = "1"

    @Option(name: .long, help: "Seconds to wait for the first text chunk, and then between chunks.")
    var timeout: Int = 120

    @Flag(name: .customLong("dry-run"), help: "Print the measurement file instead of writing it.")
    var dryRun = false

    @Flag(name: .customLong("keep-partial"), help: "On Ctrl-C, write the completed requests, marked partial.")
    var keepPartial = false

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard Measurement.API(rawValue: api) != nil else { throw ValidationError("--api must be openai or ollama, not \(api)") }
        guard Endpoint(endpoint, api: .openai) != nil else {
            throw ValidationError("--endpoint must be an http:// or https:// address such as http://127.0.0.1:8080, not \(endpoint)")
        }
        guard Identifier.isValid(catalogModel) else { throw ValidationError("--for must be a catalog model id: \(Identifier.rule)") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup cannot be negative") }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        guard levels != nil else {
            throw ValidationError("--concurrency must be whole numbers from 1 to 256 separated by commas, such as 1,4")
        }
    }

    var levels: [Int]? {
        let parts = concurrency.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 256 }) else { return nil }
        var seen = Set<Int>()
        return parts.compactMap { $0 }.filter { seen.insert($0).inserted }
    }

    func run() async throws {
        let api = Measurement.API(rawValue: api)!
        let endpoint = Endpoint(endpoint, api: api)!
        // The model must be in the catalog before anything is measured: a measurement of an unknown id would not check.
        let check = CatalogCheck.run(root: site.root)
        if let catalog = check.catalog, catalog.canonicalID(catalogModel) == nil {
            let near = catalog.suggestedModelID(for: catalogModel)
            printError(
                "error: --for \(catalogModel) is not a model of \(site.root)/Content/models/\(near.map { " (did you mean \($0)?)" } ?? "")")
            throw ExitCode(1)
        }
        let promptSet: PromptSet
        do {
            promptSet = try prompts.map { try PromptSet.load($0, maxTokens: maxTokens) } ?? .builtin
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        let options = GenerateOptions(
            endpoint: endpoint, servedModel: model, catalogModel: catalogModel, prompts: promptSet, runs: runs,
            warmup: warmup, maxTokens: maxTokens, concurrency: levels!, timeoutSeconds: timeout,
            keepPartial: keepPartial, date: ISODate.today(), host: MachineInfo.hostID())
        printError("measuring \(model) at \(endpoint.chatURL): \(options.plannedRequests) requests after \(warmup) warm-up")
        let interactive = isatty(STDERR_FILENO) != 0
        let task = Task {
            try await GenerateRun.run(options, hardware: MachineInfo.hardware()) { progress in
                let speed = progress.tokensPerSecond.map { String(format: "%.1f tokens/s", $0) } ?? "no decode speed"
                let line =
                    "request \(progress.completed) of \(progress.planned) (\(progress.workload), concurrency \(progress.concurrency)): \(speed)"
                FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
            }
        }
        let interrupt = Interrupt.onSIGINT { task.cancel() }
        defer { interrupt.cancel() }
        let measurement: Measurement
        do {
            measurement = try await task.value
            if interactive { printError("") }
        } catch let error as MeasureError {
            if interactive { printError("") }
            printError("error: \(error)")
            if case .interrupted = error { throw ExitCode(130) }
            throw ExitCode(1)
        }
        let text = MeasurementYAML.text(measurement)
        for line in GenerateSummary.lines(measurement) { print(line) }
        if dryRun {
            print("")
            print(text, terminator: "")
            return
        }
        let path = MeasurementWriter.path(root: site.root, for: measurement)
        do {
            try MeasurementWriter.write(text, to: path)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        print("wrote \(path)")
        if measurement.partial { throw ExitCode(130) }
    }
}

/// Ctrl-C cancels the run instead of ending the process, so it can say what it kept.
enum Interrupt {
    static func onSIGINT(_ handler: @escaping @Sendable () -> Void) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
        return source
    }
}

/// Foundation has a `Measurement` of its own (units); here the name means the catalog's.
typealias Measurement = VersusCore.Measurement
