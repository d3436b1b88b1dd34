import ArgumentParser
import Foundation
import VersusCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks the catalog under Content/ and reports every problem with its file and line.",
        discussion: "Exit status: 0 when there are no errors (warnings allowed), 1 on errors, 2 on usage errors.")

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Print errors only.")
    var quiet = false

    func run() throws {
        let result = CatalogCheck.run(root: site.root)
        var diagnostics = result.diagnostics
        // The templates too, when the site folder has them: a missing partial is an error of the build as well.
        let templates = URL(fileURLWithPath: site.root).appendingPathComponent(TemplateSet.folder).path
        if FileManager.default.fileExists(atPath: templates), case let .failure(error) = TemplateSet.load(root: site.root, stamps: false) {
            diagnostics = (diagnostics + error.diagnostics).sorted()
        }
        let shown = quiet ? diagnostics.errors : diagnostics
        for diagnostic in shown { print(diagnostic) }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        let models = result.catalog?.models.count
        var summary = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if let models { summary += "; \(models) models, \(models * (models - 1) / 2) pairs" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if errors > 0 { throw ExitCode(1) }
    }
}
