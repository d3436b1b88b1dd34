import Foundation
import Testing
@testable import VersusCore

/// What three pair pages of the bundled catalog say, checked against what its data implies: trade-offs, switching
/// friction and the FAQ. Each expectation follows from figures in `Content/` (noted beside it).
@Suite(.serialized) struct BundledPairTests {
    /// The bundled site, built into a temporary folder.
    static func site() async throws -> [String: Data] {
        let output = try SiteBuildTests.temporaryFolder().appendingPathComponent("public")
        _ = try await SiteBuildTests.build(root: SiteBuildTests.repository, into: output)
        return try SiteBuildTests.files(in: output)
    }

    /// The visible text of one section of a pair page.
    static func section(_ site: [String: Data], _ pair: String, _ id: String) throws -> String {
        let html = try SiteBuildTests.page(site, "compare/\(pair)/index.html")
        let start = try #require(html.range(of: "<section id=\"\(id)\""), "\(pair) has no \(id) section")
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return SiteBuildTests.text(String(html[start.lowerBound..<end.upperBound]))
    }

    @Test func gpt53CodexAgainstQwen35Flagship() async throws {
        let site = try await Self.site()
        let pair = "gpt-5-3-codex-vs-qwen3-5-397b-a17b"
        let tradeOffs = try Self.section(site, pair, "trade-offs")
        // 1M against 400K tokens of context; Apache 2.0 open weights; Terminal-Bench 2.0 77.3 against 52.5.
        #expect(tradeOffs.contains("its 1M-token context window holds more than GPT-5.3 Codex's 400K"))
        #expect(tradeOffs.contains("the weights are open, GPT-5.3 Codex's are not"))
        #expect(tradeOffs.contains("Terminal-Bench 2.0 (77.3% vs 52.5%)"))
        // Only GPT-5.3 Codex has a priced route, so only it has a monthly cost.
        #expect(
            tradeOffs.contains("$4,900 a month at the reference traffic, while Qwen3.5-397B-A17B has no pay-as-you-go price in the catalog")
        )
        let friction = try Self.section(site, pair, "switching")
        #expect(friction.contains("The catalog lists no provider route for Qwen3.5-397B-A17B yet"))
        #expect(friction.contains("No provider in the catalog serves both"))
        #expect(friction.contains("Prompts above 400K tokens will not fit"))
        let faq = try Self.section(site, pair, "faq")
        #expect(faq.contains("Qwen3.5-397B-A17B, with 1,000,000 tokens against 400,000 tokens for GPT-5.3 Codex"))
        #expect(faq.contains("Qwen3.5-397B-A17B has open weights under the Apache 2.0 licence"))
        #expect(faq.contains("The catalog lists no provider for Qwen3.5-397B-A17B, and its open weights can run on your own hardware"))
    }

    @Test func claudeOpusAgainstSonnet() async throws {
        let site = try await Self.site()
        let pair = "claude-opus-4-6-vs-claude-sonnet-4-6"
        let tradeOffs = try Self.section(site, pair, "trade-offs")
        // $5 / $25 against $3 / $15 per 1M tokens at 1,000M in + 225M out: $10,625 and $6,375.
        #expect(tradeOffs.contains("Cost matters: about $6,375 a month at the reference traffic against $10,625"))
        #expect(!tradeOffs.contains("context window holds more"), "both have the same context window")
        let friction = try Self.section(site, pair, "switching")
        #expect(
            friction.contains(
                "Both run on Amazon Bedrock, Anthropic API and Google Cloud Vertex AI; on those providers the switch is a change of model id"
            ))
        #expect(!friction.contains("No provider in the catalog serves both"))
        let faq = try Self.section(site, pair, "faq")
        #expect(faq.contains("Neither: both accept 1,000,000 tokens of context"))
        #expect(faq.contains("Claude Opus 4.6 comes to $10,625 a month on Anthropic API"))
        #expect(faq.contains("Claude Sonnet 4.6 comes to $6,375 a month on Anthropic API"))
        #expect(faq.contains("Claude Opus 4.6 is proprietary; its weights are not published"))
    }

    @Test func gpt52CodexAgainstQwen35MidSize() async throws {
        let site = try await Self.site()
        let pair = "gpt-5-2-codex-vs-qwen3-5-122b-a10b"
        let tradeOffs = try Self.section(site, pair, "trade-offs")
        // $1.75 / $14 against $0.26 / $2.08: $4,900 and $728 a month; 3 routes against 1; tagged for RAG.
        #expect(tradeOffs.contains("Cost matters: about $728 a month at the reference traffic against $4,900"))
        #expect(tradeOffs.contains("3 providers offer it in the catalog, only one offers GPT-5.2 Codex"), "\(tradeOffs)")
        #expect(tradeOffs.contains("The job is RAG work"), "\(tradeOffs)")
        let friction = try Self.section(site, pair, "switching")
        #expect(friction.contains("No provider in the catalog serves both"))
        // Each documents a capability the other's record does not mention: to confirm, never "you gain".
        #expect(friction.contains("Confirm you can do without code execution: Qwen3.5-122B-A10B does not document it."))
        #expect(friction.contains("Confirm you can do without structured outputs: GPT-5.2 Codex does not document it."))
        #expect(!friction.contains("You gain"))
        let faq = try Self.section(site, pair, "faq")
        // GPT-5.2 Codex documents no context window, so the page does not ask which is larger.
        #expect(!faq.contains("larger context window"))
        #expect(faq.contains("Qwen3.5-122B-A10B is listed on OpenRouter, Alibaba Cloud PAI-EAS and Novita AI"))
        #expect(faq.contains("GPT-5.2 Codex comes to $4,900 a month on Vercel AI Gateway"))
    }
}
