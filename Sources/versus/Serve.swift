import ArgumentParser
import Foundation
import VersusCore
import VersusServe

extension SiteBuild.Outcome {
    var problems: [String] {
        if case let .failed(problems) = self { return problems.isEmpty ? ["the build failed"] : problems }
        return []
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Builds the site and serves it on this machine, rebuilding it and reloading open pages when Content/ or Templates/ change.",
        discussion: """
            Rebuilds are incremental: only pages whose inputs changed are made again. A build that fails prints its \
            errors and leaves the last good site in place. The server answers on 127.0.0.1 unless --host says \
            otherwise; it holds the site folder's lock, so `versus build` waits for it to stop (Ctrl-C).
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 makes the preview reachable from other machines.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 1313

    @Flag(name: .customLong("no-reload"), help: "Do not add the live-reload script to pages.")
    var noReload = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535; got \(port)") }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: site.root).standardizedFileURL
        let output = root.appendingPathComponent("public")
        let lock = try SiteBuild.claim(root: root, output: output)
        defer { withExtendedLifetime(lock) {} }

        // Parsed files and templates stay in memory between rebuilds: a save reloads only what changed.
        let memory = BuildMemory(root: root)
        let first = await SiteBuild.run(root: root, output: output, memory: memory)
        if first != .built {
            printError("serve: the first build failed; fix the errors above and save: the site is rebuilt on every change")
        }
        // Standard output is buffered when it is not a terminal; a log should follow the rebuilds as they happen.
        fflush(nil)
        let server = PreviewServer(
            output: output, watching: [root.appendingPathComponent("Content"), root.appendingPathComponent("Templates")],
            host: host, port: port, liveReload: !noReload, problems: first.problems
        ) { changes in
            print("\(changes.summary) changed, rebuilding…")
            // Paths as the loaders name them (`Content/models/a.yaml`); a batch that stands for everything (or names a
            // watched folder itself) leaves the rebuild to look at every file.
            let prefix = root.path + "/"
            let relative =
                changes.everything ? nil : changes.paths.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil }
            let known = relative.flatMap { list in list.allSatisfy { $0.contains("/") } ? list : nil }
            let outcome = await SiteBuild.run(root: root, output: output, memory: memory, changed: known)
            fflush(nil)
            return outcome.problems
        }
        let host = self.host
        do {
            try await server.run { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                print("serving \(output.path) at http://\(shown):\(port)/ (watching Content/ and Templates/; Ctrl-C stops)")
                fflush(nil)
            }
        } catch {
            printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }
}
