import Foundation
import Synchronization

/// Runs the `git` command-line tool in a checkout and returns what it printed. The only place the importer starts
/// a process; no network: every command it runs reads the local repository.
struct GitCommand: Sendable {
    /// The checkout's folder.
    var folder: String

    struct Failure: Error, Sendable, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `git -C folder arguments…`, feeding `input` to its standard input; its standard output, or a failure
    /// holding what it wrote to standard error.
    func run(_ arguments: [String], input: Data? = nil) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "core.quotepath=off"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run git: \(error.localizedDescription)")
        }
        // Standard input is written on a thread of its own while the output is read, so that neither pipe fills up.
        let writer = input.map { data in
            let thread = Thread {
                try? feed.fileHandleForWriting.write(contentsOf: data)
                try? feed.fileHandleForWriting.close()
            }
            thread.start()
            return thread
        }
        _ = writer
        let errorReader = ErrorCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = errorReader.finish()
        guard process.terminationStatus == 0 else {
            let shown = message.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(
                message:
                    "git \(arguments.prefix(2).joined(separator: " ")) failed: \(shown.isEmpty ? "exit status \(process.terminationStatus)" : shown)"
            )
        }
        return data
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class ErrorCollector: Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let text = SendableBox()

        init(_ handle: FileHandle) {
            let text = self.text, done = self.done
            Thread {
                text.set(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self))
                done.signal()
            }.start()
        }

        func finish() -> String {
            done.wait()
            return text.get()
        }
    }

    private final class SendableBox: Sendable {
        private let value = Mutex<String>("")
        func set(_ text: String) { value.withLock { $0 = text } }
        func get() -> String { value.withLock { $0 } }
    }
}
