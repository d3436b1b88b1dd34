import Foundation
import Testing
@testable import VersusCore

/// `versus check` warns when a hand-written comparison states a figure the catalog contradicts, at the line that
/// states it; a note that agrees with the catalog gets no warning.
@Suite struct EditorialCheckTests {
    /// Alpha ($1 / $2 on api, 128K context, 70% on Bench) against Beta ($2 / $2, 80%), with a note per test.
    static func check(note: String) -> [Diagnostic] {
        var files = ClaimRuleTests.files()
        files["Content/models/beta.yaml"] = IncrementalBuildTests.model("Beta", input: "2", score: "80")
        files["Content/comparisons/alpha-vs-beta.md"] = note
        let fs = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) }))
        let result = CatalogCheck.run(root: "site", fileSystem: fs, today: ISODate("2026-06-30")!)
        #expect(result.catalog != nil, "a contradicting note is a warning, not an error")
        return result.diagnostics.filter { $0.location.file.hasSuffix("comparisons/alpha-vs-beta.md") }
    }

    @Test func aNoteThatAgreesWithTheCatalogIsQuiet() {
        let note = """
            ---
            title: Alpha or Beta
            when_to_use:
              - situation: Hard coding tasks
                choose: beta
                why: The highest Bench score in the catalog.
            ---
            | | Alpha | Beta |
            |---|---|---|
            | Bench | 70% | about 80 |
            | Context window | 128K | 131,072 |
            | Price per 1M tokens, in / out | $1 / $2 | $2 / $2 |
            """
        #expect(Self.check(note: note).isEmpty)
    }

    @Test func eachContradictionIsAWarningAtItsLine() throws {
        let note = """
            ---
            title: Alpha or Beta
            when_to_use:
              - situation: Hard coding tasks
                choose: alpha
                why: The best Bench score in the catalog.
            ---
            | | Alpha | Beta |
            |---|---|---|
            | Bench | 75% | 80% |
            | Other bench | 12 | not reported |
            | Context / maximum output | 200K / not documented | 128K |
            | Price per 1M tokens, in / out | $1 / $3 | no direct route listed |
            """
        let warnings = Self.check(note: note)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        let printed = warnings.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(printed.contains("6:14 the note calls Alpha's Bench score (70) the best in the catalog, but Beta has 80"), "\(printed)")
        #expect(printed.contains("10:11 the note's table gives Alpha 75% on Bench, but the catalog has 70"), "\(printed)")
        #expect(printed.contains("11:17 the note's table gives Alpha 12 on Other bench, a score the catalog does not have"), "\(printed)")
        #expect(printed.contains("12:30 the note's table gives Alpha a context window of 200K, but the catalog has 128K"), "\(printed)")
        #expect(
            printed.contains("13:35 the note's table gives Alpha's price as $1 / $3, which no route of the model in the catalog charges"),
            "\(printed)")
        #expect(
            printed.contains {
                $0.hasPrefix(
                    "13:45 the note's table says \"no direct route listed\" for Beta's price, but the catalog has 1 pay-as-you-go route")
            }, "\(printed)")
        #expect(warnings.count == 6, "\(printed)")
        #expect(warnings.allSatisfy { $0.fix?.isEmpty == false })
    }

    @Test func aKnownOutputLimitIsNotUndocumented() {
        var files = ClaimRuleTests.files()
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "1")
            .replacingOccurrences(of: "context_window: 128000", with: "context_window: 128000\nmax_output: 16000")
        files["Content/comparisons/alpha-vs-beta.md"] =
            "---\ntitle: Alpha or Beta\n---\n| | Alpha | Beta |\n|---|---|---|\n| Context / maximum output | 128K / not documented | 128K / not documented |\n"
        let fs = FileSystem.memory(Dictionary(uniqueKeysWithValues: files.map { ("site/\($0.key)", $0.value) }))
        let result = CatalogCheck.run(root: "site", fileSystem: fs, today: ISODate("2026-06-30")!)
        let notes = result.diagnostics.filter { $0.location.file.hasSuffix("alpha-vs-beta.md") }.map(\.message)
        #expect(notes == ["the note's table says Alpha's maximum output is not documented, but the catalog has 16K"])
    }

    @Test func theBundledNotesHoldOnTheBundledCatalog() {
        let result = CatalogCheck.run(root: SiteBuildTests.repository.path, today: ISODate("2026-11-24")!)
        #expect(
            !result.diagnostics.contains { $0.location.file.contains("Content/comparisons/") },
            "\(result.diagnostics.filter { $0.location.file.contains("comparisons") }.printed)")
    }
}
