import Foundation
import Testing
@testable import VersusCore

/// The thresholds of `ClaimRules`: differences too small to matter are not called wins, derived figures are computed
/// from the figures shown, and a reseller far below everyone else does not set the headline.
@Suite struct ClaimRuleTests {
    static func route(_ provider: String, _ input: String, _ output: String) -> String {
        "  - provider: \(provider)\n    model_id: m-\(provider)\n    input: \(input)\n    output: \(output)\n    source: price-page\n"
    }

    /// Alpha at $1 / $2 on api; Beta's price, context window and routes set per test.
    static func files(
        betaInput: String = "2", betaContext: String = "128000", betaRoutes: String = "",
        alphaRoutes: String = ""
    ) -> [String: String] {
        var files = IncrementalBuildTests.files
        files["Content/comparisons/alpha-vs-beta.md"] = nil
        for provider in ["north", "south", "east", "west", "cheap"] {
            files["Content/providers/\(provider).yaml"] = "name: \(provider.capitalized) Cloud\nkind: cloud\n"
        }
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "1")
            .replacingOccurrences(of: "routes:\n", with: "routes:\n" + alphaRoutes)
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: betaInput)
            .replacingOccurrences(of: "context_window: 128000", with: "context_window: \(betaContext)")
            .replacingOccurrences(of: "routes:\n", with: "routes:\n" + betaRoutes)
        return files
    }

    static func analysis(_ files: [String: String]) throws -> PairAnalysis {
        let fs = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) }))
        let result = CatalogCheck.run(root: "site", fileSystem: fs, today: ISODate("2026-06-30")!)
        let catalog = try #require(result.catalog, "\(result.diagnostics.printed)")
        return PairAnalysis(pair: PairID("alpha", "beta"), digest: CatalogDigest(catalog))
    }

    @Test func aCostWithinTenPercentIsNoWin() throws {
        // Alpha: 1,000 × $1 + 225 × $2 = $1,450. Beta at $1.1 in: $1,550, 6.9% more: no cheaper side, no verdict.
        let close = try Self.analysis(Self.files(betaInput: "1.1"))
        #expect(close.cost.cheaper == nil && close.cost.ratio == nil)
        #expect(
            !close.verdict.contains {
                if case .cheaper = $0 { return true }; return false
            })
        #expect(
            !close.tradeOffs.a.contains {
                if case .cheaper = $0 { return true }; return false
            })
        // Beta at $1.2 in: $1,650, 13.8% more: Alpha is cheaper, but 1.1× is not worth a ratio.
        let apart = try Self.analysis(Self.files(betaInput: "1.2"))
        #expect(apart.cost.cheaper == .a && apart.cost.difference == 200 && apart.cost.ratio == nil)
        // Beta at $3 in: $3,450, 2.4×: the ratio is stated.
        let far = try Self.analysis(Self.files(betaInput: "3"))
        #expect(far.cost.ratio.map { $0 > 2.37 && $0 < 2.38 } == true)
    }

    @Test func theDifferenceIsTheDifferenceOfTheAmountsShown() throws {
        // Alpha $1,450; Beta at $1.0004 in: $1,450.40, shown as $1,450: the two are the same as shown.
        let same = try Self.analysis(Self.files(betaInput: "1.0004"))
        #expect(same.cost.difference == 0)
        // Beta at $2.0005 in: $2,450.50 is shown as $2,451 (half up): the difference is $1,001, not $1,000.50.
        let rounded = try Self.analysis(Self.files(betaInput: "2.0005"))
        #expect(Format.money(rounded.cost.b!.monthly) == "$2,451")
        #expect(rounded.cost.difference == 1_001)
    }

    @Test func aContextWindowFivePercentLargerIsNotCalledLarger() throws {
        #expect(try Self.analysis(Self.files(betaContext: "134400")).largerContext == nil)  // 5% more
        #expect(try Self.analysis(Self.files(betaContext: "160000")).largerContext == .b)  // 25% more
    }

    @Test func aDisputedLimitIsLargerOnlyWhateverTheSource() throws {
        // Beta's window is 1M by one source and 128K by another: against Alpha's 128K it is not called larger.
        let disputed = "\n  - value: 1000000\n    source: price-page\n  - value: 128000\n    source: https://other.example.test/beta"
        let contested = try Self.analysis(Self.files(betaContext: disputed))
        #expect(contested.largerContext == nil && !contested.verdict.contains(.largerContext(.b)))
        // 1M by one source and 512K by another: larger either way.
        let agreed = "\n  - value: 1000000\n    source: price-page\n  - value: 512000\n    source: https://other.example.test/beta"
        let larger = try Self.analysis(Self.files(betaContext: agreed))
        #expect(larger.largerContext == .b)
        // The trade-off states what every source allows: at least 512K against 128K.
        let reason = try #require(
            larger.tradeOffs.b.first {
                if case .largerContext = $0 { return true }; return false
            })
        #expect(
            Phrases.tradeOff(reason, own: larger.b.model, other: larger.a.model)
                == "You need long prompts: by every source its context window holds at least 512K tokens, more than the 128K any source gives Alpha."
        )
    }

    @Test func moreProvidersMeansTwiceAsManyDistinctProviders() throws {
        // Beta: api plus north three times (regional ids of one provider): two providers against one.
        let regional =
            Self.route("north", "2", "2") + Self.route("north", "2", "2").replacingOccurrences(of: "m-north", with: "m-north-eu")
            + Self.route("north", "2", "2").replacingOccurrences(of: "m-north", with: "m-north-us")
        let two = try Self.analysis(Self.files(betaRoutes: regional))
        #expect(
            two.tradeOffs.b.contains {
                if case .moreProviders(2, 1) = $0 { return true }; return false
            })
        // Three against two is no clear lead.
        let threeToTwo = try Self.analysis(
            Self.files(
                betaRoutes: regional + Self.route("south", "2", "2"),
                alphaRoutes: Self.route("east", "1", "2")))
        #expect(
            !threeToTwo.tradeOffs.b.contains {
                if case .moreProviders = $0 { return true }; return false
            })
        // One provider against none is no fallback: a fallback needs a second provider.
        var files = Self.files()
        files["Content/models/beta.yaml"] = "name: Beta\ndeveloper: Beta Labs\ncontext_window: 128000\nlast_reviewed: 2026-06-01\n"
        let oneToNone = try Self.analysis(files)
        #expect(
            !oneToNone.tradeOffs.a.contains {
                if case .moreProviders = $0 { return true }; return false
            })
    }

    @Test func aResellerFarBelowTheOthersDoesNotSetTheHeadline() async throws {
        // Alpha on api ($1 / $2: $1,450), north and south at the same, and `cheap` at $0.1 / $0.2 ($145): under half
        // the median, so the headline stays $1,450 and the table flags the reseller.
        let routes = Self.route("north", "1", "2") + Self.route("south", "1", "2") + Self.route("cheap", "0.1", "0.2")
        let analysis = try Self.analysis(Self.files(alphaRoutes: routes))
        #expect(analysis.cost.a?.monthly == 1_450)
        #expect(analysis.a.cheapestOutput?.price == 2)
        let root = try IncrementalBuildTests.site(Self.files(alphaRoutes: routes))
        _ = try await IncrementalBuildTests.build(root)
        let html = String(decoding: try Data(contentsOf: root.appendingPathComponent("public/models/alpha/index.html")), as: UTF8.self)
        let pricing = try PriceTableTests.pricing(html)
        let row = try #require(pricing.components(separatedBy: "<tr>").first { $0.contains("Cheap Cloud") })
        #expect(
            row.contains("under half the median of this model&#39;s routes, so not used for headline costs")
                || row.contains("under half the median of this model's routes, so not used for headline costs"), "\(row)")
        // Fewer than three priced routes: nothing is representative or not, the cheapest is the headline.
        let two = try Self.analysis(Self.files(alphaRoutes: Self.route("cheap", "0.1", "0.2")))
        #expect(two.cost.a?.monthly == 145)
    }

    @Test func functionCallingImpliesToolUseAndUndocumentedIsNoReason() throws {
        var files = Self.files()
        files["Content/models/alpha.yaml"] =
            files["Content/models/alpha.yaml"]! + "\ncapabilities:\n  function-calling: yes\n  code-execution: yes\n"
        files["Content/models/beta.yaml"] =
            files["Content/models/beta.yaml"]! + "\ncapabilities:\n  function-calling: yes\n  tool-use: no\n  code-execution: no\n"
        let analysis = try Self.analysis(files)
        // Alpha states function calling, so tool use follows; Beta states tool use as no, which stands.
        #expect(analysis.a.model.capability("tool-use") == .yes)
        #expect(analysis.b.model.capability("tool-use") == .no)
        // Beta states it lacks code execution: a reason for Alpha. Vision is documented for neither: no reason at all.
        #expect(
            analysis.tradeOffs.a.contains {
                if case let .capabilitiesOtherLacks(list) = $0 {
                    return list.map(\.id) == ["tool-use", "code-execution"]
                }; return false
            })
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2")
        let undocumented = try Self.analysis(files)
        #expect(
            !undocumented.tradeOffs.a.contains {
                if case .capabilitiesOtherLacks = $0 { return true }; return false
            })
    }

    @Test func linesWithNothingToSayAreLeftOut() async throws {
        // Alpha and Beta: no review date on Beta, prices as of 2026-06-01; one benchmark each, the same one.
        var files = Self.files()
        files["Content/models/beta.yaml"] = files["Content/models/beta.yaml"]!
            .replacingOccurrences(of: "last_reviewed: 2026-06-01", with: "")
            .replacingOccurrences(of: "source: price-page\n    as_of: 2026-06-01", with: "source: price-page\n    as_of: 2026-06-03")
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        let pair = String(
            decoding: try Data(contentsOf: root.appendingPathComponent("public/compare/alpha-vs-beta/index.html")), as: UTF8.self)
        #expect(pair.contains("Prices as of 2026-06-03."))
        #expect(!pair.contains("Last reviewed: Not documented") && !pair.contains("records no advantage"))
        #expect(!pair.contains("say more about its record") && !pair.contains("undocumented type"))
        // Rows that neither record fills are left out of the two-model tables; a row one record fills stays.
        #expect(!pair.contains("<th scope=\"row\">Product type</th>") && !pair.contains("<th scope=\"row\">Parameters</th>"))
        #expect(pair.contains("<th scope=\"row\">Context window</th>") && pair.contains("<th scope=\"row\">Developer</th>"))
        let model = String(decoding: try Data(contentsOf: root.appendingPathComponent("public/models/alpha/index.html")), as: UTF8.self)
        #expect(model.contains("Last reviewed: 2026-06-01."))
        #expect(Format.gap(1, unit: .percent) == "1 pt" && Format.gap(2.5, unit: .percent) == "2.5 pts")
        #expect(Phrases.reviewed([]) == "")
    }

    @Test func aBenchmarkLeadNeedsAMarginAndExactScores() throws {
        func row(_ betaScore: String) throws -> BenchmarkComparison.Row {
            var files = Self.files()
            files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2", score: betaScore)
            return try #require(try Self.analysis(files).benchmarks.shared.first)
        }
        // Alpha scores 70% on a percentage benchmark.
        #expect(try row("70.5").leader == nil && (try row("70.5").noCall) == "Too close to call")
        #expect(try row("71").leader == .b && (try row("71").noCall) == nil)
        let estimate = "\n      value: 75\n      approximate: true"
        #expect(try row(estimate).leader == nil && (try row(estimate).noCall) == "No call: an estimated score")
        #expect(try row("70").noCall == "Tie")
        #expect(ClaimRules.benchmarkMargin(.elo, scale: 1400) == 10 && ClaimRules.benchmarkMargin(.score, scale: 50) == 1)
    }

    @Test func aBenchmarkLeadNeedsTheSameKindOfReporter() async throws {
        // Alpha's 70% is its maker's figure; Beta's 80% is set per case.
        func row(_ reportedBy: String, source reports: String? = nil) throws -> BenchmarkComparison.Row {
            var files = Self.files()
            files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2", score: "80", reportedBy: reportedBy)
            if let reports {
                // The result states nothing; its source says who it reports.
                files["Content/models/beta.yaml"] = files["Content/models/beta.yaml"]!
                    .replacingOccurrences(of: "    reported_by: \(reportedBy)\n", with: "")
                files["Content/sources.yaml"]! += "  reports: \(reports)\n"
            }
            return try #require(try Self.analysis(files).benchmarks.shared.first)
        }
        #expect(try row("maker").leader == .b)
        #expect(try row("independent").leader == nil)
        #expect(try row("independent").noCall == "No call: a leaderboard's score against the maker's own")
        #expect(try row("rival").noCall == "No call: the maker's own against a rival maker's run")
        #expect(try row("maker", source: "maker").leader == .b)
        #expect(try row("maker", source: "independent").noCall == "No call: a leaderboard's score against the maker's own")

        // A score nobody is named for is shown, never leads, and `versus check` says where to add it.
        var files = Self.files()
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2", score: "80")
            .replacingOccurrences(of: "    reported_by: maker\n", with: "")
        let fs = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) }))
        let result = CatalogCheck.run(root: "site", fileSystem: fs, today: ISODate("2026-06-30")!)
        let warning = try #require(result.diagnostics.first { $0.message.contains("who ran the benchmark") })
        #expect(warning.location.file.hasSuffix("Content/models/beta.yaml") && warning.location.line == 13, "\(warning.location)")
        #expect(warning.fix?.contains("reported_by: maker") == true)
        let analysis = try Self.analysis(files)
        #expect(analysis.benchmarks.shared.first?.noCall == "No call: who ran a score is not recorded")

        // An unknown kind is an error naming the field.
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2", reportedBy: "vendor")
        let bad = CatalogCheck.run(
            root: "site", fileSystem: FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) })),
            today: ISODate("2026-06-30")!)
        let error = try #require(bad.diagnostics.errors.first)
        #expect(error.location.file.hasSuffix("Content/models/beta.yaml") && error.message.contains("reported_by"), "\(error)")

        // The pages say who ran each score: the pair table's cells, the benchmark page's column.
        let site = try IncrementalBuildTests.site(
            Self.files().merging(
                [
                    "Content/models/beta.yaml":
                        IncrementalBuildTests.model("Beta", input: "2", score: "80", reportedBy: "independent")
                ], uniquingKeysWith: { $1 }))
        _ = try await SiteBuildTests.build(root: site, into: site.appendingPathComponent("public"))
        let pair = try String(contentsOf: site.appendingPathComponent("public/compare/alpha-vs-beta/index.html"), encoding: .utf8)
        #expect(pair.contains("maker&#39;s figure") && pair.contains("independent</small>"))
        #expect(pair.contains("No call: a leaderboard&#39;s score against the maker&#39;s own"))
        let bench = try String(contentsOf: site.appendingPathComponent("public/benchmarks/bench/index.html"), encoding: .utf8)
        #expect(bench.contains("<td>The maker</td>") && bench.contains("<td>Independent</td>"))
    }

    @Test func modelsThatDoDifferentJobsAreNotRanked() async throws {
        // Beta is an embedding model at $2 in: cheaper or not, it does not replace Alpha, a chat model.
        var files = Self.files(betaContext: "8000")
        files["Content/models/beta.yaml"] = files["Content/models/beta.yaml"]! + "\nproduct_type: embedding\n"
        let analysis = try Self.analysis(files)
        #expect(analysis.verdict.first == .differentJobs)
        #expect(analysis.cost.cheaper == nil && analysis.cost.difference == nil && analysis.largerContext == nil)
        #expect(
            !analysis.tradeOffs.a.contains {
                if case .largerContext = $0 { return true }; return false
            })
        #expect(
            !analysis.tradeOffs.a.contains {
                if case .cheaper = $0 { return true }; return false
            })
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        let pair = String(
            decoding: try Data(contentsOf: root.appendingPathComponent("public/compare/alpha-vs-beta/index.html")), as: UTF8.self)
        #expect(pair.contains("Beta is an embedding model: it turns text into vectors for search and retrieval."))
        #expect(pair.contains("Different jobs: Alpha writes text, while Beta turns text into vectors"))
        #expect(pair.contains("do different jobs, so their monthly costs are shown side by side but not ranked"))
        #expect(pair.contains("with an 8K-token context window"))
        // An embedding model bills no output: its scorecard and cost card say so rather than "$0".
        files["Content/models/beta.yaml"] = files["Content/models/beta.yaml"]!.replacingOccurrences(
            of: "    output: 2\n", with: "    output: 0\n")
        let embedding = try Self.analysis(files)
        #expect(embedding.b.cheapestOutput == nil && embedding.b.headlineCost?.monthly == 2_000)
        #expect(
            !embedding.tradeOffs.a.contains {
                if case .moreProviders = $0 { return true }; return false
            })
        #expect(Phrases.article("11K") == "an" && Phrases.article("110K") == "a" && Phrases.article("speech model") == "a")
        // Two embedding models compare as usual.
        #expect(!PairAnalysis.differentJobs(analysis.b.model, analysis.b.model))
    }
}

/// Verdict and spec lines that used to say nothing or contradict the page.
@Suite struct VerdictLineTests {
    static func openModel(_ name: String, input: String, memory: String) -> String {
        IncrementalBuildTests.model(name, input: input)
            + "\nopenness: open-weights\nself_hosting:\n  - label: smallest\n    min_memory_gb: \(memory)\n    memory: vram\n"
    }

    @Test func bothOpenSaysWhichNeedsLessMemoryOrNothing() throws {
        var files = ClaimRuleTests.files()
        files["Content/models/alpha.yaml"] = Self.openModel("Alpha", input: "1", memory: "24")
        files["Content/models/beta.yaml"] = Self.openModel("Beta", input: "2", memory: "80")
        let apart = try ClaimRuleTests.analysis(files)
        #expect(apart.verdict.contains(.smallerSelfHost(.a, gigabytes: 24, otherGigabytes: 80)))
        let line = try #require(
            apart.verdict.first {
                if case .smallerSelfHost = $0 { return true }; return false
            })
        #expect(
            Phrases.verdict(line, a: apart.a.model, b: apart.b.model)
                == "Self-hosting: both have open weights; the smallest setup documented for Alpha needs 24 GB of memory, for Beta 80 GB.")
        // 24 against 30 GB is under 1.5×: no line, and never "both publish open weights".
        files["Content/models/beta.yaml"] = Self.openModel("Beta", input: "2", memory: "30")
        let close = try ClaimRuleTests.analysis(files)
        #expect(
            !close.verdict.contains {
                if case .smallerSelfHost = $0 { return true }; return false
            })
        #expect(!close.verdict.map { Phrases.verdict($0, a: close.a.model, b: close.b.model) }.contains { $0.contains("Self-hosting") })
    }

    @Test func visionAndImageInputGoTogether() throws {
        var files = ClaimRuleTests.files()
        files["Content/models/alpha.yaml"] =
            IncrementalBuildTests.model("Alpha", input: "1") + "\ncapabilities:\n  vision: yes\nmodalities:\n  input: [text]\n"
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2") + "\ncapabilities:\n  vision: yes\n"
        files["Content/models/gamma.yaml"] = IncrementalBuildTests.model("Gamma", input: "3") + "\nmodalities:\n  input: [text, image]\n"
        let analysis = try ClaimRuleTests.analysis(files)
        let alpha = analysis.a.model, beta = analysis.b.model
        #expect(alpha.inputModalities == [.text, .image])
        let fs = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) }))
        let catalog = try #require(CatalogCheck.run(root: "site", fileSystem: fs, today: ISODate("2026-06-30")!).catalog)
        #expect(catalog.model("gamma")?.capability("vision") == .yes)
        var ledger = SourceLedger(catalog: catalog)
        let input = SpecRows.cells(beta, ledger: &ledger).first { $0.0 == "Input" }?.1
        #expect(input?.text == "Images; the full list is not documented" && input?.muted == false)
    }
}
