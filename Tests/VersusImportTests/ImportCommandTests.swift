import Foundation
import Testing
import VersusCore

/// `versus import models.dev` as a user runs it: output, options and exit statuses.
@Suite struct ImportCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The `versus` executable built next to the test bundle; `VERSUS_BINARY` overrides the search.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["VERSUS_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("versus"))
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("versus"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func versus(_ arguments: [String]) throws -> Run {
        let binary = try #require(Self.binary, "cannot find the versus executable; run `swift build` first or set VERSUS_BINARY")
        let folder = try ImportFixture.temporaryFolder("run")
        let outputURL = folder.appendingPathComponent("stdout"), errorsURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorsURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return Run(
            status: process.terminationStatus, output: try String(contentsOf: outputURL, encoding: .utf8),
            errors: try String(contentsOf: errorsURL, encoding: .utf8))
    }

    @Test func importsPrintsWarningsAndTheSummary() throws {
        let root = try ImportFixture.site()
        let run = try Self.versus(["import", "models.dev", ImportFixture.older, "--root", root.path, "--snapshot-date", "2026-05-01"])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 14)
        #expect(
            lines.first
                == "models/alpha/alpha-one.toml: warning: `modalities.input` names \"hologram\", not a modality the catalog knows; ignored")
        #expect(lines.last?.hasPrefix("Imported 6 models with 7 routes from 3 providers (models.dev snapshot of 2026-05-01).") == true)

        let newer = try Self.versus(["import", "models.dev", ImportFixture.newer, "--root", root.path, "--as-of", "2026-06-01", "--quiet"])
        #expect(newer.status == 0, "\(newer.output)\(newer.errors)")
        #expect(newer.output.split(separator: "\n").map(String.init).dropLast() == ArraySlice(ChangeReportTests.expectedLines))

        let check = try Self.versus(["check", "--root", root.path])
        #expect(check.status == 0 && check.output.isEmpty, "\(check.output)")
    }

    @Test func usageAndFailures() throws {
        let root = try ImportFixture.site()
        let badDate = try Self.versus(["import", "models.dev", ImportFixture.older, "--root", root.path, "--as-of", "2026-5-1"])
        #expect(badDate.status == 2 && badDate.errors.contains("--as-of must be a date written YYYY-MM-DD"))
        let notACheckout = try Self.versus(["import", "models.dev", root.path, "--root", root.path])
        #expect(notACheckout.status == 1)
        #expect(notACheckout.errors == "error: \(root.path) is not a models.dev checkout: it has no models/ and providers/ folders\n")
        // A hand-written file that clashes with the import: the import is written, and the exit status says so.
        let clash = try ImportFixture.site(["models/alpha-one.yaml": "name: Alpha One\ndeveloper: Alpha\nmax_output: 500000\n"])
        let run = try Self.versus(["import", "models.dev", ImportFixture.older, "--root", clash.path, "--quiet"])
        #expect(run.status == 1)
        #expect(
            run.output.contains("Content/models/alpha-one.yaml:3:13: error: `max_output` (500000) is larger than `context_window` (400000)")
        )
        #expect(run.output.hasSuffix("The catalog now has 1 error: run versus check.\n"))
    }
}
