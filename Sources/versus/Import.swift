import ArgumentParser
import Foundation
import VersusCore
import VersusImport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Imports an open catalog into its own layer under Content/imports/.",
        subcommands: [ImportModelsDev.self])
}

struct ImportModelsDev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models.dev",
        abstract: "Imports a checkout of the models.dev catalog into Content/imports/models-dev/.",
        discussion: """
            Writes only the import layer (and, when a previous import changed, Content/changes/<date>.yaml); \
            hand-written files are never touched and their values come first. Prints one warning per oddity of the \
            data, the change report, and a summary. Exit status: 0 when the catalog checks without errors afterwards, \
            1 when it does not or the import failed, 2 on usage errors.
            """)

    @Argument(help: "The checkout: a folder holding models.dev's models/ and providers/.")
    var folder: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The catalog folder inside the site folder.")
    var content: String = CatalogLoader.contentFolder

    @Option(
        name: [.customLong("as-of"), .customLong("snapshot-date")],
        help: "The snapshot's date, carried by every imported value (default: the newest last_updated in it).")
    var asOf: String?

    @Flag(
        name: .long,
        help:
            "Also read every route's price history from the checkout's git history (DIR must be a git checkout); a later run reads only the new commits."
    )
    var history = false

    @Flag(name: .long, help: "Print no warnings, only the change report and the summary.")
    var quiet = false

    func validate() throws {
        if let asOf, ISODate(asOf)?.day == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, not \(asOf)")
        }
    }

    func run() throws {
        let importer = ModelsDevImporter(
            checkout: folder, root: site.root, content: content, asOf: asOf.flatMap(ISODate.init), history: history)
        let result: ImportResult
        do {
            result = try importer.run()
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        if !quiet { for warning in result.warnings { print(warning) } }
        if let changes = result.changes { for line in ChangeReportFormat.lines(changes) { print(line) } }
        for error in result.catalogErrors { print(error) }
        print(result.summary)
        if let history = result.history { print(history.summary) }
        if !result.catalogErrors.isEmpty { throw ExitCode(1) }
    }
}
