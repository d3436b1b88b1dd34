import Foundation
import Testing
import VersusCore
@testable import VersusImport

/// The whole models.dev snapshot shared with the project (`../shared/data/models.dev-2026-06-10`): real data nobody
/// here wrote, imported into a fresh site. Skipped where the snapshot is not there.
@Suite(.enabled(if: ImportFixture.realSnapshotPresent, "../shared/data/models.dev-2026-06-10 is not on this machine"))
struct RealSnapshotTests {
    @Test func theWholeSnapshotImportsAndChecksClean() throws {
        let root = try ImportFixture.site()
        let result = try ImportFixture.run(ImportFixture.realSnapshot, into: root)
        #expect(result.catalogErrors.isEmpty, "\(result.catalogErrors.printed.prefix(20))")
        #expect(result.stats.models == 209)
        // About 2,500 of the 4,900 provider files link to a model; the rest are counted.
        #expect((2_300...2_700).contains(result.stats.linked), "\(result.summary)")
        #expect(result.stats.linked + result.stats.unlinked == result.stats.providerFiles)
        #expect(result.stats.unreadable == 2, "the two broken links: \(result.summary)")
        #expect(
            result.warnings.filter { $0.message.hasPrefix("broken link") }.map(\.file) == [
                "providers/vercel/models/moonshotai/kimi-k2.toml", "providers/zhipuai/models/glm-4.6v-flash.toml",
            ])

        // The seven models listed twice, "… (latest)" and a dated snapshot: the shorter id lists the other.
        #expect(result.stats.aliases == 7)
        #expect(
            result.aliases == [
                "claude-haiku-4-5-20251001": "claude-haiku-4-5", "claude-sonnet-4-20250514": "claude-sonnet-4-0",
                "claude-opus-4-20250514": "claude-opus-4-0", "claude-opus-4-1-20250805": "claude-opus-4-1",
                "claude-opus-4-5-20251101": "claude-opus-4-5", "claude-sonnet-4-5-20250929": "claude-sonnet-4-5",
                "devstral-medium-latest": "devstral-2512",
            ])
        #expect(result.summary.contains(" 7 models are aliases of another (claude-haiku-4-5-20251001 of claude-haiku-4-5, "))

        let checked = ImportFixture.check(root)
        #expect(checked.diagnostics.errors.isEmpty, "\(checked.diagnostics.errors.printed.prefix(20))")
        let catalog = try #require(checked.catalog)
        // 209 imported, 7 of them folded into the model that lists them.
        #expect(catalog.models.count == 202)
        #expect(
            Dictionary(catalog.models.flatMap { model in model.aliases.map { ($0.id, model.id) } }, uniquingKeysWith: { a, _ in a })
                == result.aliases)
        #expect(catalog.models.filter { $0.name.hasSuffix("(latest)") }.isEmpty)
        #expect(catalog.model("claude-opus-4-5")?.name == "Claude Opus 4.5" && catalog.model("devstral-2512")?.name == "Devstral 2")
        // Every canonical model has a route, but two whose only routes models.dev marks deprecated (the third,
        // devstral-medium-latest, is folded into devstral-2512).
        #expect(catalog.models.filter { $0.routes.isEmpty }.map(\.id) == ["devstral-medium-2507", "devstral-small-2507"])

        // The providers that sell subscriptions or plans, by name or id, by address (stepfun-ai), by the table.
        #expect(
            catalog.providers.values.filter { $0.priceKind == .plan }.map(\.id).sorted() == [
                "alibaba-coding-plan", "alibaba-coding-plan-cn", "alibaba-token-plan", "firepass", "github-copilot", "gitlab",
                "kimi-for-coding", "kuae-cloud-coding-plan", "minimax-cn-coding-plan", "minimax-coding-plan", "opencode-go",
                "stepfun-ai", "tencent-coding-plan", "umans-ai-coding-plan", "xiaomi-token-plan-ams", "xiaomi-token-plan-cn",
                "xiaomi-token-plan-sgp", "zai-coding-plan", "zhipuai-coding-plan",
            ])
        let routes = catalog.models.flatMap(\.routes)
        let plans = Set(catalog.providers.values.filter { $0.priceKind == .plan }.map(\.id))
        #expect(routes.filter { plans.contains($0.provider) }.allSatisfy { $0.priceKind == nil && $0.kind == .plan })
        // Free: every free variant (`:free`, `-free`) and every route priced 0 and 0 elsewhere; the rest pay as they go.
        for route in routes where !plans.contains(route.provider) {
            let variant = [":free", "-free"].contains { route.modelID?.hasSuffix($0) == true }
            let zero = route.input?.value == 0 && route.output?.value == 0
            #expect(route.priceKind == (variant || zero ? .free : nil), "\(route.provider) \(route.modelID ?? "")")
        }
        #expect(routes.filter { $0.priceKind == .free }.count == 76)

        // A second import of the same snapshot writes nothing.
        let before = try ImportFixture.files(under: root)
        let again = try ImportFixture.run(ImportFixture.realSnapshot, into: root)
        #expect(again.written.isEmpty && again.changes == nil)
        #expect(try ImportFixture.files(under: root) == before)
    }
}
