import ArgumentParser
import Foundation
import VersusCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Builds the site into public/.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = CatalogCheck.run(root: site.root)
        for diagnostic in result.diagnostics.errors { print(diagnostic) }
        if result.catalog == nil { throw ExitCode(1) }
        print("versus build: pages are not built yet; the catalog is valid.")
    }
}
