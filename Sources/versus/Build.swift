import ArgumentParser
import Foundation
import VersusCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds every comparison page and the site around them into public/.",
        discussion: "A failed build leaves the previous output untouched. Exit status: 0 on success, 1 on errors, 2 on usage errors.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: public/ in the site folder).")
    var output: String?

    func run() async throws {
        let started = Date()
        let rootURL = URL(fileURLWithPath: site.root).standardizedFileURL
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? rootURL.appendingPathComponent("public")
        if let problem = OutputGuard.problem(output: outputURL, root: rootURL) {
            printError("error: \(problem)")
            throw ExitCode(1)
        }

        let result = CatalogCheck.run(root: site.root)
        for diagnostic in result.diagnostics.errors { print(diagnostic) }
        let templates = TemplateSet.load(root: site.root)
        if case let .failure(error) = templates { for diagnostic in error.diagnostics { print(diagnostic) } }
        guard let catalog = result.catalog, case let .success(templateSet) = templates else {
            printError("build failed: nothing was written; \(outputURL.path) is unchanged")
            throw ExitCode(1)
        }
        let warnings = result.diagnostics.warnings.count
        do {
            let report = try await SiteBuilder(catalog: catalog, templates: templateSet).build(into: outputURL)
            let seconds = Date().timeIntervalSince(started)
            print("built \(report.pairPages) pair pages and \(report.otherPages) other pages (\(report.files) files) in \(String(format: "%.2f", seconds)) s → \(outputURL.path)"
                  + (warnings > 0 ? " (\(warnings) catalog warning\(warnings == 1 ? "" : "s"); run versus check)" : ""))
        } catch {
            printError("error: \(error)\nbuild failed: \(outputURL.path) is unchanged")
            throw ExitCode(1)
        }
    }
}

/// Refuses outputs that would replace the site's own files or an unrelated folder.
enum OutputGuard {
    static func problem(output: URL, root: URL) -> String? {
        let out = output.resolvingSymlinksInPath().path, site = root.resolvingSymlinksInPath().path
        if out == site || site.hasPrefix(out + "/") || out == "/" {
            return "--output \(output.path) would replace the site folder itself; choose a folder such as public/"
        }
        for protected in ["Content", "Templates", "Sources", ".git"] where out == site + "/" + protected || out.hasPrefix(site + "/" + protected + "/") {
            return "--output \(output.path) is inside \(protected)/; choose a folder such as public/"
        }
        let manager = FileManager.default
        if let names = try? manager.contentsOfDirectory(atPath: out), !names.isEmpty,
           !names.contains("index.html") && !names.contains("404.html") {
            return "\(output.path) already holds files that Versus did not write; the build replaces the whole folder, so empty it or choose another"
        }
        return nil
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
