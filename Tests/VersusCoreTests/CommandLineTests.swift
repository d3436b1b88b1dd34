import Foundation
import Testing
@testable import VersusCore

/// Runs the built `versus` executable and checks its exit status and output: 0 on a valid site,
/// 1 on catalog errors, 2 on usage errors.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The `versus` executable built alongside this test bundle. `VERSUS_BINARY` overrides the search.
    static let binary: URL? = {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["VERSUS_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        // SwiftPM puts executables, test bundles and resource bundles in one products folder.
        candidates.append(Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("versus"))
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("versus"))
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("versus"))
        }
        candidates.append(CatalogFixture.repository.appendingPathComponent(".build/debug/versus"))
        return candidates.first { manager.isExecutableFile(atPath: $0.path) }
    }()

    static func versus(_ arguments: String...) throws -> Run {
        try versus(arguments)
    }

    /// Runs `versus` in the temporary folder; output goes to files, so a full pipe can never block it.
    static func versus(_ arguments: [String]) throws -> Run {
        let binary = try #require(Self.binary, "cannot find the versus executable; run `swift build` first or set VERSUS_BINARY")
        let folder = try CatalogFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout"), errorsURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorsURL)
        defer { try? output.close(); try? errors.close() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            errors: String(decoding: try Data(contentsOf: errorsURL), as: UTF8.self))
    }

    @Test func validSiteExitsZero() throws {
        let run = try Self.versus("check", "--root", CatalogFixture.site("valid-site").path)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(!run.output.contains("error:"), "\(run.output)")
        // Warnings depend on today's date (the fixture's review dates age); errors never do.
        #expect(run.errors.hasPrefix("0 errors, "), "\(run.errors)")
        #expect(run.errors.hasSuffix("; 3 models, 3 pairs\n"), "\(run.errors)")
    }

    /// `--version`: the version, and the commit when the binary was built in a git checkout, as this one was when the
    /// repository has `.git`.
    @Test func versionNamesTheVersionAndTheCommit() throws {
        let run = try Self.versus("--version")
        #expect(run.status == 0, "\(run.errors)")
        let line = run.output.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix(Generator.identity), "\(line)")
        if FileManager.default.fileExists(atPath: CatalogFixture.repository.appendingPathComponent(".git").path) {
            #expect(line.wholeMatch(of: /versus [0-9.]+ \(commit [0-9a-f]{12}(-modified)?\)/) != nil, "\(line)")
        } else {
            #expect(line == Generator.identity, "\(line)")
        }
    }

    @Test func catalogErrorsExitOne() throws {
        let run = try Self.versus("check", "--root", CatalogFixture.site("broken-site").path)
        #expect(run.status == 1)
        #expect(
            run.output == """
                Content/models/broken.yaml:1:1: warning: model `broken` has no `last_reviewed` date (add `last_reviewed: YYYY-MM-DD` after checking its facts)
                Content/models/broken.yaml:3:1: error: unknown key `contex_window` in model `broken` (did you mean `context_window`?)
                Content/models/broken.yaml:5:5: error: route names unknown provider `fixture-ap` (did you mean `fixture-api`?)
                Content/models/broken.yaml:6:12: error: `input` must be a number, found "$1.75" (write the number alone; mark an estimate with `approximate: true` as docs/catalog.md shows)

                """)
        #expect(run.errors == "3 errors, 1 warning\n")
    }

    @Test func checkReportsTemplateErrorsAndBuildKeepsTheOutput() throws {
        let root = try SiteBuildTests.fixtureSite(["Content/site.yaml": "title: T\nbase_url: https://example.test\n"])
        let built = try Self.versus("build", "--root", root.path)
        #expect(built.status == 0, "\(built.errors)")
        let before = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("Templates/partials/html-row.mustache"))
        let checked = try Self.versus("check", "--root", root.path)
        #expect(checked.status == 1)
        #expect(
            checked.output.contains("Templates/sections/pair-cost.mustache:43:1: error: `partials/html-row` names no template"),
            "\(checked.output)")
        let failed = try Self.versus("build", "--root", root.path)
        #expect(failed.status == 1 && failed.errors.contains("build failed: nothing was written"))
        #expect(try SiteBuildTests.files(in: root.appendingPathComponent("public")) == before)
    }

    @Test func buildWithoutStampsWritesTheSameSite() throws {
        let root = try SiteBuildTests.fixtureSite(["Content/site.yaml": "title: T\nbase_url: https://example.test\n"])
        #expect(try Self.versus("build", "--root", root.path, "--output", root.appendingPathComponent("a").path).status == 0)
        #expect(try Self.versus("build", "--root", root.path, "--no-stamps", "--output", root.appendingPathComponent("b").path).status == 0)
        #expect(
            try SiteBuildTests.files(in: root.appendingPathComponent("a")) == SiteBuildTests.files(in: root.appendingPathComponent("b")))
    }

    @Test func quietPrintsErrorsOnly() throws {
        let run = try Self.versus("check", "--quiet", "--root", CatalogFixture.site("broken-site").path)
        #expect(run.status == 1)
        #expect(run.output.split(separator: "\n").count == 3)
        #expect(!run.output.contains("warning:"))
    }

    @Test func missingSiteFolderExitsOne() throws {
        let run = try Self.versus("check", "--root", "/nonexistent/versus-site")
        #expect(run.status == 1)
        #expect(
            run.output
                == "Content:1:1: error: there is no Content/ folder in /nonexistent/versus-site (run versus in a site folder, or pass --root DIR)\n"
        )
    }

    @Test(arguments: [["check", "--bogus"], ["check", "--root"], ["frobnicate"], ["check", "extra-argument"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let run = try Self.versus(arguments)
        #expect(run.status == 2, "\(arguments): \(run.errors)")
        #expect(run.errors.contains("Error: "), "\(run.errors)")
        #expect(run.errors.contains("Usage: versus"), "\(run.errors)")
        #expect(run.output.isEmpty)
    }

    @Test func helpExitsZero() throws {
        let run = try Self.versus("check", "--help")
        #expect(run.status == 0)
        #expect(run.output.contains("--root <root>"))
    }
}
