import ArgumentParser
import Foundation

@main
struct Versus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versus",
        abstract: "Builds static comparison pages for every pair of AI models in a catalog.",
        version: VersionText.line,
        subcommands: [Check.self, Build.self, Serve.self, Import.self, Generate.self])

    /// Usage errors exit with status 2; everything else as the command decides.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every subcommand shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder holding Content/ and Templates/ (default: the current folder).")
    var root: String = "."
}
