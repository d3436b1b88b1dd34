import Foundation
import TestSupport
import Testing
import VersusCore
@testable import VersusImport

/// The fixture checkouts, temporary site folders, and a way to run the importer on them.
enum ImportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let older = folder.appendingPathComponent("snapshot-2026-05-01").path
    static let newer = folder.appendingPathComponent("snapshot-2026-06-01").path

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The shared models.dev snapshot next to the repository (`../shared/data/…`), when this machine has it.
    static let realSnapshot = repository.deletingLastPathComponent().appendingPathComponent("shared/data/models.dev-2026-06-10").path
    static let realSnapshotPresent = FileManager.default.fileExists(atPath: realSnapshot + "/models")

    static let siteYAML = "title: Import test\nbase_url: https://versus.example.test\n"

    /// A fresh site folder holding `Content/site.yaml` and `files` (paths relative to Content/).
    static func site(_ files: [String: String] = [:]) throws -> URL {
        let root = try temporaryFolder("site")
        var all = files
        if all["site.yaml"] == nil { all["site.yaml"] = siteYAML }
        for (path, text) in all {
            let url = root.appendingPathComponent("Content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// A copy of a fixture checkout that a test may change (add links to, for instance).
    static func copy(_ checkout: String) throws -> URL {
        let target = try temporaryFolder("checkout").appendingPathComponent("models.dev")
        try FileManager.default.copyItem(atPath: checkout, toPath: target.path)
        return target
    }

    /// A checkout written for one test: `files` by path relative to it (`models/<lab>/<name>.toml`, `providers/…`).
    static func checkout(_ files: [String: String]) throws -> URL {
        let root = try temporaryFolder("checkout").appendingPathComponent("models.dev")
        for folder in ["models", "providers"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// A new empty folder, removed when the test process exits.
    static func temporaryFolder(_ kind: String) throws -> URL {
        try TemporaryFolders.make("versus-import-tests-\(kind)")
    }

    static func run(_ checkout: String, into root: URL, asOf: String? = nil) throws -> ImportResult {
        try ModelsDevImporter(checkout: checkout, root: root.path, asOf: asOf.flatMap(ISODate.init)).run()
    }

    /// The whole catalog of a site as `versus check` sees it.
    static func check(_ root: URL) -> CatalogValidator.Result {
        CatalogCheck.run(root: root.path, today: ISODate(year: 2026, month: 6, day: 15))
    }

    /// Every file under a folder, by path relative to it.
    static func files(under root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let prefix = root.resolvingSymlinksInPath().path + "/"
        let enumerator = FileManager.default.enumerator(
            at: root.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.resolvingSymlinksInPath().path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return result
    }

    static func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}

extension Array where Element == Diagnostic {
    var printed: [String] { map(\.description) }
}
