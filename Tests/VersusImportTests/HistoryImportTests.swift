import Foundation
import Testing
@testable import VersusCore
@testable import VersusImport

/// `versus import models.dev DIR --history` on a small git repository written by the test: commits that add,
/// change, rename, remove and restore routes, and one that changes a price routes inherit through `base_model`.
struct HistoryImportTests {
    static let model = """
        name = "Alpha"
        last_updated = "2026-01-01"
        attachment = false
        reasoning = false
        tool_call = true
        open_weights = false

        [limit]
        context = 200_000
        output = 32_000

        [modalities]
        input = ["text"]
        output = ["text"]

        """

    static func cost(_ input: String, _ output: String) -> String { "[cost]\ninput = \(input)\noutput = \(output)\n" }

    /// A git repository in a temporary folder; each commit dated at noon UTC of its day.
    struct Repository {
        let url: URL

        init() throws {
            url = try ImportFixture.temporaryFolder("history").appendingPathComponent("models.dev")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try git(["init", "-q", "-b", "main"])
        }

        func git(_ arguments: [String], date: String? = nil) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", url.path, "-c", "user.name=Test", "-c", "user.email=test@example.test"] + arguments
            var environment = ProcessInfo.processInfo.environment
            if let date {
                environment["GIT_AUTHOR_DATE"] = "\(date)T12:00:00Z"
                environment["GIT_COMMITTER_DATE"] = "\(date)T12:00:00Z"
            }
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }

        func write(_ files: [String: String]) throws {
            for (path, text) in files {
                let file = url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
        }

        func commit(_ date: String, _ message: String) throws {
            try git(["add", "-A"])
            try git(["commit", "-q", "-m", message], date: date)
        }
    }

    static let layer = "Content/imports/models-dev"

    /// Six commits: January adds three routes, February changes a price, March renames a route (and changes its
    /// price), April removes one, May restores it, and a change of the model's own price moves the route that
    /// inherits it.
    static func repository() throws -> Repository {
        let repo = try Repository()
        try repo.write([
            "models/acme/alpha.toml": model + cost("3", "12"),
            "providers/hosty/provider.toml": "name = \"Hosty\"\n",
            "providers/hosty/models/alpha.toml": "base_model = \"acme/alpha\"\n" + cost("1", "4"),
            "providers/router/provider.toml": "name = \"Router\"\n",
            "providers/router/models/acme/alpha.toml": "base_model = \"acme/alpha\"\n" + cost("2", "8"),
            "providers/router/models/acme/alpha:free.toml": "base_model = \"acme/alpha\"\n" + cost("0", "0"),
            "providers/heir/provider.toml": "name = \"Heir\"\n",
            "providers/heir/models/alpha.toml": "base_model = \"acme/alpha\"\n",
        ])
        try repo.commit("2026-01-05", "add alpha")
        try repo.write(["providers/hosty/models/alpha.toml": "base_model = \"acme/alpha\"\n" + cost("0.8", "3.2")])
        try repo.commit("2026-02-01", "hosty cuts its price")
        try repo.git(["mv", "providers/router/models/acme/alpha.toml", "providers/router/models/acme/alpha-2026.toml"])
        try repo.write(["providers/router/models/acme/alpha-2026.toml": "base_model = \"acme/alpha\"\n" + cost("1.5", "8")])
        try repo.commit("2026-03-01", "router renames its route")
        try repo.git(["rm", "-q", "providers/hosty/models/alpha.toml"])
        try repo.commit("2026-04-01", "hosty drops alpha")
        try repo.write(["providers/hosty/models/alpha.toml": "base_model = \"acme/alpha\"\n" + cost("0.7", "3")])
        try repo.commit("2026-05-01", "hosty brings alpha back")
        try repo.write(["models/acme/alpha.toml": model + cost("2.5", "10")])
        try repo.commit("2026-05-10", "alpha's list price falls")
        return repo
    }

    static func run(_ repo: Repository, into root: URL) throws -> ImportResult {
        try ModelsDevImporter(checkout: repo.url.path, root: root.path, asOf: ISODate("2026-06-01"), history: true).run()
    }

    /// Commit links lead to the GitHub repository the checkout came from, or to models.dev's own.
    @Test func commitLinksFollowTheCheckoutsGitHubOrigin() throws {
        #expect(HistoryImporter.githubRepository("https://github.com/someone/models.dev.git") == "https://github.com/someone/models.dev")
        #expect(HistoryImporter.githubRepository("git@github.com:someone/models.dev.git") == "https://github.com/someone/models.dev")
        #expect(HistoryImporter.githubRepository("ssh://git@github.com/someone/fork/") == "https://github.com/someone/fork")
        for other in [
            "/tmp/md", "https://gitlab.com/a/b", "https://github.com/a", "https://github.com/a/b/c", "https://github.com/a/\"><b>",
            "https://github.com/../b",
        ] {
            #expect(HistoryImporter.githubRepository(other) == nil, "\(other)")
        }
        let repo = try Self.repository()
        try repo.git(["remote", "add", "origin", "https://github.com/someone/models.dev.git"])
        let root = try ImportFixture.site()
        let result = try Self.run(repo, into: root)
        #expect(result.catalogErrors.isEmpty, "\(result.catalogErrors.printed)")
        let history = try #require(ImportFixture.check(root).catalog?.histories["alpha"])
        #expect(history.repository == "https://github.com/someone/models.dev")
    }

    @Test func addsChangesRenamesRemovesAndRestores() throws {
        let repo = try Self.repository()
        let root = try ImportFixture.site()
        let result = try Self.run(repo, into: root)
        #expect(result.catalogErrors.isEmpty, "\(result.catalogErrors.printed)")
        let outcome = try #require(result.history)
        #expect(outcome.fromScratch && outcome.commitsRead == 6 && outcome.models == 1)

        let catalog = try #require(ImportFixture.check(root).catalog)
        let history = try #require(catalog.histories["alpha"])
        #expect(history.repository == "https://github.com/anomalyco/models.dev")
        func changes(_ provider: String, _ id: String) throws -> [HistoryPoint] {
            try #require(history.routes.first { $0.provider == provider && $0.modelID == id }).changes
        }
        func prices(_ points: [HistoryPoint]) -> [String] {
            points.map { point in
                point.removed
                    ? "\(point.date) removed"
                    : "\(point.date) \(point.input.map { "\($0)" } ?? "?")/\(point.output.map { "\($0)" } ?? "?")"
            }
        }
        // Changed, removed, restored: the gap shows.
        #expect(
            prices(try changes("hosty", "alpha"))
                == ["2026-01-05 1/4", "2026-02-01 0.8/3.2", "2026-04-01 removed", "2026-05-01 0.7/3"])
        // Renamed: the history follows the file to its new name.
        let router = try changes("router", "acme/alpha-2026")
        #expect(prices(router) == ["2026-01-05 2/8", "2026-03-01 1.5/8"])
        #expect(history.routes.first { $0.modelID == "acme/alpha-2026" }?.file == "providers/router/models/acme/alpha-2026.toml")
        // Inherited through base_model: the model's own price change moves it.
        #expect(prices(try changes("heir", "alpha")) == ["2026-01-05 3/12", "2026-05-10 2.5/10"])
        // A free variant is marked free, and never becomes the cheapest price.
        let free = try changes("router", "acme/alpha:free")
        #expect(free.count == 1 && free[0].priceKind == .free)

        // Each change cites its commit.
        let log = try String(decoding: GitCommand(folder: repo.url.path).run(["log", "--format=%H %s"]), as: UTF8.self)
        let cut = try #require(log.split(separator: "\n").first { $0.hasSuffix("hosty cuts its price") }?.prefix(40))
        #expect(try changes("hosty", "alpha")[1].commit == String(cut))
        #expect(history.commitURL(String(cut)) == "https://github.com/anomalyco/models.dev/commit/\(cut)")

        // The cheapest price follows the headline costs' rule, route by route: on 2026-02-01 Hosty's $0.80 is under
        // half the median ($2) of the day's three priced routes, so Hosty's route is left out of the trend
        // altogether (its $1 of January too): a route whose price is no headline never moves the cheapest price.
        let trend = PriceTrend(history, providers: catalog.providers)
        #expect(
            trend.steps.map { "\($0.date) \($0.input.map { "\($0.value)" } ?? "?")/\($0.output.map { "\($0.value)" } ?? "?")" }
                == ["2026-01-05 2/8", "2026-03-01 1.5/8"])
        let fell = try #require(trend.movement(\.input, windowDays: 365))
        #expect(fell.from == 2 && fell.to == Decimal(string: "1.5") && fell.lastChanged == ISODate("2026-03-01"))
        #expect(trend.leftOut == [PriceTrend.RouteKey(provider: "hosty", modelID: "alpha")])
        // The model page's table of that route says so.
        let alpha = try #require(catalog.model("alpha"))
        let view = try #require(PriceHistorySection.view(alpha, history: history, catalog: catalog))
        #expect(
            view.routes.filter { $0.summary.contains("left out of the cheapest price") }.map(\.summary)
                == [
                    "Hosty (alpha): 4 entries since 2026-01-05; left out of the cheapest price (once under half the median of the day's routes)"
                ])
    }

    @Test func reReadsOnlyNewCommitsAndChangesNoByteTwice() throws {
        let repo = try Self.repository()
        let root = try ImportFixture.site()
        _ = try Self.run(repo, into: root)
        let before = try ImportFixture.files(under: root)
        let again = try #require(try Self.run(repo, into: root).history)
        #expect(!again.fromScratch && again.commitsRead == 0 && again.written.isEmpty)
        #expect(try ImportFixture.files(under: root) == before)

        try repo.write(["providers/router/models/acme/alpha-2026.toml": "base_model = \"acme/alpha\"\n" + Self.cost("1.2", "6")])
        try repo.commit("2026-06-01", "router cuts its price")
        let next = try #require(try Self.run(repo, into: root).history)
        #expect(!next.fromScratch && next.commitsRead == 1)
        // The same files as an import that reads the whole history at once.
        let fresh = try ImportFixture.site()
        _ = try Self.run(repo, into: fresh)
        let history = "\(Self.layer)/history"
        let incremental = try ImportFixture.files(under: root.appendingPathComponent(history))
        let whole = try ImportFixture.files(under: fresh.appendingPathComponent(history))
        #expect(incremental == whole)
        #expect(String(decoding: incremental["alpha.yaml"] ?? Data(), as: UTF8.self).contains("date: 2026-06-01"))
    }

    /// Routes that left models.dev before the checkout's last commit keep their history: linked to today's model by
    /// the `base_model` or `name` their file last gave, their cheaper days count in the cheapest-price trend, so a
    /// "fell since" line does not overstate a fall. A route whose provider left too, or whose model is gone, is left
    /// out; so is one whose last file links to no model.
    @Test func routesThatLeftKeepTheirHistory() throws {
        let repo = try Repository()
        try repo.write([
            "models/acme/alpha.toml": Self.model + Self.cost("3", "12"),
            "models/acme/beta.toml": Self.model.replacingOccurrences(of: "Alpha", with: "Beta") + Self.cost("5", "20"),
            "providers/hosty/provider.toml": "name = \"Hosty\"\n",
            "providers/hosty/models/alpha.toml": "base_model = \"acme/alpha\"\n" + Self.cost("1", "4"),
            // Linked by name, not base_model.
            "providers/hosty/models/alpha-cheap.toml": "name = \"Alpha\"\n" + Self.cost("0.5", "2"),
            "providers/hosty/models/alpha-old.toml": "base_model = \"acme/alpha\"\n" + Self.cost("0.9", "3.6"),
            "providers/hosty/models/beta.toml": "base_model = \"acme/beta\"\n" + Self.cost("4", "16"),
            "providers/hosty/models/mystery.toml": "name = \"Nobody Knows\"\n" + Self.cost("0.1", "0.1"),
            // Served another product first: it becomes Alpha's route on 2026-03-01, its price unchanged.
            "providers/hosty/models/acme-latest.toml": "name = \"Acme Classic\"\n" + Self.cost("1.1", "4.4"),
            "providers/gone/provider.toml": "name = \"Gone\"\n",
            "providers/gone/models/alpha.toml": "base_model = \"acme/alpha\"\n" + Self.cost("0.2", "0.8"),
        ])
        try repo.commit("2026-01-05", "add alpha and beta")
        try repo.git(["rm", "-q", "providers/hosty/models/alpha-cheap.toml", "providers/hosty/models/mystery.toml"])
        try repo.commit("2026-02-01", "hosty drops its cheap alpha")
        try repo.write([
            "providers/hosty/models/alpha-old.toml": "base_model = \"acme/alpha\"\nstatus = \"deprecated\"\n"
                + Self.cost("0.9", "3.6"),
            "providers/hosty/models/acme-latest.toml": "base_model = \"acme/alpha\"\n" + Self.cost("1.1", "4.4"),
        ])
        try repo.commit("2026-03-01", "hosty deprecates the old alpha")
        try repo.git(["rm", "-q", "-r", "providers/gone"])
        try repo.commit("2026-04-01", "the gone provider leaves")
        try repo.git(["rm", "-q", "models/acme/beta.toml", "providers/hosty/models/beta.toml"])
        try repo.commit("2026-05-01", "beta leaves")

        let root = try ImportFixture.site()
        let result = try Self.run(repo, into: root)
        #expect(result.catalogErrors.isEmpty, "\(result.catalogErrors.printed)")
        let check = ImportFixture.check(root)
        #expect(!check.diagnostics.contains { $0.location.file.contains("/history/") }, "\(check.diagnostics)")
        let catalog = try #require(check.catalog)
        #expect(catalog.histories["beta"] == nil)
        let history = try #require(catalog.histories["alpha"])
        func prices(_ id: String) -> [String]? {
            history.routes.first { $0.provider == "hosty" && $0.modelID == id }?.changes.map { point in
                point.removed ? "\(point.date) removed" : "\(point.date) \(point.input.map { "\($0)" } ?? "?")"
            }
        }
        #expect(prices("alpha-cheap") == ["2026-01-05 0.5", "2026-02-01 removed"])
        #expect(prices("alpha-old") == ["2026-01-05 0.9", "2026-03-01 removed"])
        #expect(prices("alpha") == ["2026-01-05 1"])
        #expect(history.routes.map(\.provider).allSatisfy { $0 == "hosty" }, "the gone provider's route is left out")
        // The days the file served "Acme Classic" are not Alpha's: its track starts the day it became Alpha's route,
        // with the prices then in force, citing that commit.
        #expect(prices("acme-latest") == ["2026-03-01 1.1"])
        #expect(history.routes.count == 4)

        // The cheapest input was $0.50 until the cheap route left: today's $1 is a rise, not "unchanged".
        let trend = PriceTrend(history, providers: catalog.providers)
        #expect(
            trend.steps.map { "\($0.date) \($0.input.map { "\($0.value)" } ?? "?")" } == [
                "2026-01-05 0.5", "2026-02-01 0.9", "2026-03-01 1",
            ])
        let moved = try #require(trend.movement(\.input, windowDays: 365))
        #expect(moved.from == Decimal(string: "0.5") && moved.to == 1)
        // The pair-page line says why it last changed, and cites the commit that deprecated the route.
        let alpha = try #require(catalog.model("alpha"))
        let line = try #require(PriceMoves.line(alpha, history: history, catalog: catalog))
        #expect(
            line.text
                == "Alpha's cheapest pay-as-you-go input price rose 100% since 2026-01-05 ($0.5 to $1 per 1M tokens), and its cheapest pay-as-you-go output price rose 100% since 2026-01-05 ($2 to $4 per 1M tokens); last changed on 2026-03-01, when Hosty's route left models.dev",
            "\(line.text)")
        let log = try String(decoding: GitCommand(folder: repo.url.path).run(["log", "--format=%H %s"]), as: UTF8.self)
        let deprecation = try #require(log.split(separator: "\n").first { $0.hasSuffix("deprecates the old alpha") })
        #expect(line.commit == String(deprecation.prefix(7)))
        let latest = try #require(history.routes.first { $0.modelID == "acme-latest" })
        #expect(latest.changes.first?.commit == String(deprecation.prefix(40)))

        // Resumed from the state file, the same files.
        let fresh = try ImportFixture.site()
        _ = try Self.run(repo, into: fresh)
        _ = try Self.run(repo, into: fresh)
        #expect(
            try ImportFixture.files(under: fresh.appendingPathComponent("\(Self.layer)/history"))
                == ImportFixture.files(under: root.appendingPathComponent("\(Self.layer)/history")))
    }

    /// A file whose earlier name fitted two models (models.dev has a "GLM-4.6" of Z.ai and of Zhipu AI) keeps those
    /// days once `base_model` says which; a file that named another product before does not.
    @Test func anEarlierIdentityThatFitsSeveralModelsStillCounts() {
        func model(_ id: String, _ name: String) -> UpstreamModel {
            UpstreamModel(
                id: id, lab: String(id.split(separator: "/")[0]), name: String(id.split(separator: "/")[1]),
                file: "models/\(id).toml", data: ["name": .string(name)])
        }
        let owners = HistoryImporter.RouteOwners(
            current: [:], linker: RouteLinker(models: [model("zai/glm-4.6", "GLM-4.6"), model("zhipuai/glm-4.6", "GLM-4.6")]),
            modelIDs: ["zai/glm-4.6": "glm-4-6", "zhipuai/glm-4.6": "glm-4-6-zhipuai"], providerIDs: ["router": "router"])
        let owner = HistoryImporter.RouteOwner(model: "glm-4-6", provider: "router", modelID: "z/glm-46")
        let path = "providers/router/models/z/glm-46.toml"
        var track = RouteTrack()
        track.record(RouteIdentity(baseModel: nil, name: "GLM 4.6"), date: "2025-10-01", commit: "a")
        track.record(RouteIdentity(baseModel: "zai/glm-4.6", name: nil), date: "2026-06-03", commit: "b")
        #expect(owners.since(of: path, track, owner: owner) == nil)
        var reused = RouteTrack()
        reused.record(RouteIdentity(baseModel: nil, name: "Study Mode"), date: "2025-10-01", commit: "a")
        reused.record(RouteIdentity(baseModel: "zai/glm-4.6", name: nil), date: "2026-06-03", commit: "b")
        #expect(owners.since(of: path, reused, owner: owner)?.date == "2026-06-03")
    }

    @Test func checkReportsBadHistoryFilesAtTheirLines() throws {
        let root = try ImportFixture.site([
            "imports/models-dev/source.yaml": "id: models-dev\ntitle: models.dev\ndate: 2026-06-01\n",
            "imports/models-dev/models/alpha.yaml": "name: Alpha\ndeveloper: Acme\nroutes:\n  - provider: hosty\n",
            "imports/models-dev/providers/hosty.yaml": "name: Hosty\nkind: inference-host\n",
            "imports/models-dev/history/alpha.yaml": """
            model: alpha
            repository: https://github.com/anomalyco/models.dev
            routes:
              - provider: hosty
                changes:
                  - date: 2026-03-01
                    commit: \(String(repeating: "a", count: 40))
                    input: 1
                    output: 4
                  - date: 2026-02-01
                    commit: \(String(repeating: "b", count: 40))
                    input: 1
                    output: 4
                  - date: 2026-04-01
                    commit: zz
                    output: -4

            """,
        ])
        let result = ImportFixture.check(root)
        let errors = result.diagnostics.errors.map { "\($0.location.file):\($0.location.line): \($0.message)" }
        let file = "Content/imports/models-dev/history/alpha.yaml"
        // Every problem in one run, each at its line.
        #expect(errors.contains { $0.hasPrefix("\(file):10:") && $0.contains("before the change above it") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(file):15:") && $0.contains("full commit hash") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(file):16:") && $0.contains("cannot be negative") }, "\(errors)")
        #expect(errors.count == 3, "\(errors)")
    }
}
