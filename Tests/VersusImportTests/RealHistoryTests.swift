import Foundation
import Testing
import VersusCore
@testable import VersusImport

/// `--history` on the shared bundle of models.dev's repository (2025-06-04 to 2026-06-10), against changes looked
/// up by hand with `git log -p --first-parent` (dates in UTC). Skipped on a machine without the bundle.
struct RealHistoryTests {
    static let bundle = ImportFixture.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/models.dev-history.bundle").path
    static let present = FileManager.default.fileExists(atPath: bundle)

    @Test(.enabled(if: present)) func realChangesLookedUpByHand() throws {
        let clone = try ImportFixture.temporaryFolder("bundle")
        defer { try? FileManager.default.removeItem(at: clone) }
        let checkout = clone.appendingPathComponent("models.dev")
        _ = try GitCommand(folder: "/").run(["clone", "-q", "-b", "versus-history", Self.bundle, checkout.path])
        let root = try ImportFixture.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ModelsDevImporter(checkout: checkout.path, root: root.path, history: true).run()
        // The bundle's tip has models that share a name (GLM under zai/ and zhipuai/), which the whole-site check
        // refuses without a hand-written alias; the history files themselves must read without a problem.
        #expect(!result.catalogErrors.contains { $0.location.file.contains("/history/") }, "\(result.catalogErrors.printed)")
        let outcome = try #require(result.history)
        #expect(outcome.fromScratch && outcome.commitsRead > 1_500)
        let loaded = CatalogLoader(root: root.path).load()
        #expect(!loaded.diagnostics.contains { $0.location.file.contains("/history/") })

        func route(_ provider: String, _ id: String) throws -> (PriceHistory, RouteHistory) {
            let found = loaded.histories.lazy.compactMap { history in
                history.routes.first { $0.provider == provider && $0.modelID == id }.map { (history, $0) }
            }.first
            return try #require(found, "no history of \(provider) \(id)")
        }
        func point(_ route: RouteHistory, _ commit: String) throws -> HistoryPoint {
            try #require(route.changes.first { $0.commit == commit }, "no change of commit \(commit)")
        }

        // DeepSeek's own route: listed at $0.27/$1.10 on 2025-06-10, up to $0.57/$1.68 on 2025-08-25 (V3.1), down
        // to $0.28/$0.42 on 2025-11-17, and to $0.14/$0.28 on 2026-04-25.
        let (deepseekHistory, deepseek) = try route("deepseek", "deepseek-chat")
        let first = try #require(deepseek.changes.first)
        #expect(first.commit == "788d887eb16aab23a32e89f9c0a7526b74c78acf" && first.date == ISODate("2025-06-10"))
        #expect(first.input == Decimal(string: "0.27") && first.output == Decimal(string: "1.1"))
        let rise = try point(deepseek, "6144f84d7962f739ff706f69384f6914ff925372")
        #expect(rise.date == ISODate("2025-08-25") && rise.input == Decimal(string: "0.57") && rise.output == Decimal(string: "1.68"))
        let cut = try point(deepseek, "b99f043b714f38137403ed3b1aaf7af61e3cb251")
        #expect(cut.date == ISODate("2025-11-17") && cut.input == Decimal(string: "0.28") && cut.output == Decimal(string: "0.42"))
        let latest = try point(deepseek, "f458b199942e7b5f565a14ce9455faf1d07146ad")
        #expect(latest.date == ISODate("2026-04-25") && latest.input == Decimal(string: "0.14") && latest.output == Decimal(string: "0.28"))
        #expect(
            deepseekHistory.commitURL(latest.commit)
                == "https://github.com/anomalyco/models.dev/commit/f458b199942e7b5f565a14ce9455faf1d07146ad")

        // Groq's Qwen3 32B was added on 2025-06-12 as `qwen%2Fqwen3-32b.toml` and moved to `qwen/qwen3-32b.toml` on
        // 2025-06-24: its history starts at the addition, under the new name.
        let (_, groq) = try route("groq", "qwen/qwen3-32b")
        let added = try #require(groq.changes.first)
        #expect(added.commit == "a4047f403cbd54b3498196a1ea441c43cf9bab32" && added.date == ISODate("2025-06-12"))
        #expect(added.input == Decimal(string: "0.29") && added.output == Decimal(string: "0.59"))
        #expect(groq.file == "providers/groq/models/qwen/qwen3-32b.toml")

        // Cloudflare AI Gateway's Claude Haiku 4.5: added 2025-12-07 at $1/$5, its file deleted on 2025-12-13, back on
        // 2025-12-22 with cache prices: the gap shows. (An edit on 2025-12-08 left the prices alone: no change.)
        let (_, haiku) = try route("cloudflare-ai-gateway", "anthropic/claude-haiku-4-5")
        #expect(
            haiku.changes.map(\.commit) == [
                "28caae468e9f4568d6ac846aa495de248598be05", "287e00198d102c7ba6aec9f725e27524ca4f68d3",
                "e46947673296ae0383c4ecb82faa77c43ecd50cb",
            ])
        let gone = try point(haiku, "287e00198d102c7ba6aec9f725e27524ca4f68d3")
        #expect(gone.removed && gone.date == ISODate("2025-12-13"))
        let back = try point(haiku, "e46947673296ae0383c4ecb82faa77c43ecd50cb")
        #expect(!back.removed && back.date == ISODate("2025-12-22") && back.input == 1 && back.cacheWrite == Decimal(string: "1.25"))

        // The same checkout again: nothing read, no byte changed.
        let before = try ImportFixture.files(under: root)
        let again = try #require(try ModelsDevImporter(checkout: checkout.path, root: root.path, history: true).run().history)
        #expect(again.commitsRead == 0 && again.written.isEmpty)
        #expect(try ImportFixture.files(under: root) == before)
    }
}
