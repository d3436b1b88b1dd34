import Foundation
import Testing
@testable import VersusCore

/// The sitemaps, search index, redirects and other files made whole from the catalog are kept between builds under
/// the key of what they read (`MadeFiles`). Kept files must be exactly what making them anew gives, after any change.
@Suite struct MadeFilesTests {
    typealias Site = IncrementalBuildTests

    /// The plan of the incremental tests' site with `changes` applied, planned with `kept` files.
    static func plan(_ changes: [String: String?] = [:], kept: MadeFiles?, memory: Remembered<PlannedPairs>? = nil) async throws -> SitePlan
    {
        let root = try Site.site()
        defer { try? FileManager.default.removeItem(at: root) }
        try Site.write(changes, into: root)
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog, "catalog errors: \(result.diagnostics.errors)")
        let templates = try TemplateSet.load(root: root.path).get()
        return await SitePlan.make(
            digest: CatalogDigest(catalog), templates: templates, generator: "versus tests", kept: kept, memory: memory)
    }

    static let unpricedDelta = """
        name: Delta
        developer: Delta Labs
        decision_fit: [rag]
        sources: [price-page]
        last_reviewed: 2026-06-01
        """

    /// Changes that alter what the files say, each with what it alters.
    static let changes: [(String, [String: String?])] = [
        ("a model's name (search index, titles)", ["Content/models/alpha.yaml": Site.model("Alpha Prime", input: "1")]),
        ("an alias (redirects, alias pages)", ["Content/models/alpha.yaml": Site.model("Alpha", input: "1") + "\naliases: [alpha-0501]\n"]),
        (
            "a review date (sitemap)",
            [
                "Content/models/beta.yaml": Site.model("Beta", input: "2").replacingOccurrences(
                    of: "last_reviewed: 2026-06-01", with: "last_reviewed: 2026-07-01")
            ]
        ),
        ("no price, context window or results (thin pairs leave the sitemap)", ["Content/models/delta.yaml": unpricedDelta]),
        (
            "an editorial's title, with an alias (its redirect stub names the title)",
            [
                "Content/comparisons/alpha-vs-beta.md": "---\ntitle: Beta or Alpha\n---\nNotes.\n",
                "Content/models/alpha.yaml": Site.model("Alpha", input: "1") + "\naliases: [alpha-0501]\n",
            ]
        ),
        ("the base URL (every address)", ["Content/site.yaml": "title: Incremental\nbase_url: https://other.example.test/docs/\n"]),
        ("a removed model (every list of models)", ["Content/models/gamma.yaml": nil]),
    ]

    @Test func keptFilesAreWhatMakingThemAnewGives() async throws {
        let base = try await Self.plan(kept: nil)
        for (what, change) in Self.changes {
            let fresh = try await Self.plan(change, kept: nil)
            let reused = try await Self.plan(change, kept: base.madeFiles)
            #expect(reused.madeFiles.files == fresh.madeFiles.files, "\(what): kept files differ from files made anew")
            #expect(fresh.madeFiles.key != base.madeFiles.key, "\(what): the key missed the change")
        }
    }

    @Test func aPriceChangeKeepsTheFiles() async throws {
        let base = try await Self.plan(kept: nil)
        let change = ["Content/models/alpha.yaml": Site.model("Alpha", input: "1.5")]
        let fresh = try await Self.plan(change, kept: nil)
        #expect(fresh.madeFiles.key == base.madeFiles.key)
        #expect(fresh.madeFiles.files == base.madeFiles.files)
        #expect(fresh.madeFiles.files.contains { $0.path == "sitemap.xml" })
    }

    @Test func theFilesRoundTripAndADamagedCopyReadsAsNone() async throws {
        let made = try await Self.plan(kept: nil).madeFiles
        let folder = try SiteBuildTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("files")
        try made.write(to: url)
        #expect(MadeFiles.read(from: url) == made)

        let data = try Data(contentsOf: url)
        for offset in [0, 30, data.count / 2, data.count - 40, data.count - 1] {
            var damaged = data
            damaged[offset] ^= 0x20
            try damaged.write(to: url)
            #expect(MadeFiles.read(from: url) == nil, "a byte flipped at \(offset) was not noticed")
        }
        try data.prefix(data.count - 10).write(to: url)
        #expect(MadeFiles.read(from: url) == nil)
        try Data().write(to: url)
        #expect(MadeFiles.read(from: url) == nil)
        #expect(MadeFiles.read(from: folder.appendingPathComponent("missing")) == nil)

        // A file whose checksum holds but whose path would leave the output is refused all the same.
        let hostile = MadeFiles(key: made.key, files: [("../outside.txt", Data("x".utf8))])
        try hostile.write(to: url)
        #expect(MadeFiles.read(from: url) == nil)
    }

    @Test func aBuildKeepsTheFilesAndACleanBuildMakesThemAnew() async throws {
        let root = try Site.site()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Site.build(root)
        let url = root.appendingPathComponent(".versus/manifest-public.files")
        let first = try #require(MadeFiles.read(from: url))
        #expect(first.files.contains { $0.path == "search.json" })
        // A kept file with a wrong byte but the right key would be published as it is: `--clean` reads none.
        let tampered = MadeFiles(
            key: first.key, files: first.files.map { ($0.path, $0.path == "robots.txt" ? Data("tampered\n".utf8) : $0.data) })
        try tampered.write(to: url)
        _ = try await Site.build(root, clean: true)
        let robots = try String(contentsOf: root.appendingPathComponent("public/robots.txt"), encoding: .utf8)
        #expect(!robots.contains("tampered"))
        #expect(MadeFiles.read(from: url) == first)
    }
}
