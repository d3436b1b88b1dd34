import Foundation
import Testing
@testable import VersusCore

/// How problems are reported: one line each in a fixed format, all of a run together, sorted by place.
@Suite struct DiagnosticReportTests {
    @Test func descriptionFormat() {
        let location = VersusCore.SourceLocation(file: "Content/models/a.yaml", line: 12, column: 7)
        #expect(
            Diagnostic.error(location, "`input` must be a number", fix: "write 1.75").description
                == "Content/models/a.yaml:12:7: error: `input` must be a number (write 1.75)")
        #expect(
            Diagnostic.warning(location, "route `x` has prices without a source").description
                == "Content/models/a.yaml:12:7: warning: route `x` has prices without a source")
        #expect(Diagnostic.error(location, "no fix given", fix: "").description == "Content/models/a.yaml:12:7: error: no fix given")
        #expect(VersusCore.SourceLocation(file: "Content").description == "Content:1:1")
    }

    @Test func sortedByFileThenLineThenColumnThenErrorsFirst() {
        func at(_ file: String, _ line: Int, _ column: Int) -> VersusCore.SourceLocation {
            VersusCore.SourceLocation(file: file, line: line, column: column)
        }
        let shuffled: [Diagnostic] = [
            .warning(at("b.yaml", 1, 1), "w"),
            .error(at("a.yaml", 10, 1), "ten"),
            .error(at("a.yaml", 9, 5), "nine five"),
            .error(at("a.yaml", 9, 12), "nine twelve"),
            .error(at("b.yaml", 1, 1), "e"),
            .error(at("a.yaml", 2, 1), "two"),
        ]
        #expect(
            shuffled.sorted().printed == [
                "a.yaml:2:1: error: two",
                "a.yaml:9:5: error: nine five",
                "a.yaml:9:12: error: nine twelve",
                "a.yaml:10:1: error: ten",
                "b.yaml:1:1: error: e",
                "b.yaml:1:1: warning: w",
            ])
        #expect(DiagnosticsError(shuffled).diagnostics == shuffled.sorted())
    }

    /// One run with problems in every file reports all of them, errors and warnings, already sorted.
    @Test func everyProblemOfARunIsReportedTogetherAndSorted() {
        let result = CatalogFixture.check(changing: [
            "site.yaml": "title: T\nbase_url: https://example.test\npairs: [alpha-one-vs-nobody]\nlanguag: en\n",
            "sources.yaml": CatalogFixture.valid["sources.yaml"]! + "\n- id: alpha-launch\n  title: Again\n",
            "providers/router.yaml": "name: Router\nkind: rooter\n",
            "models/alpha-one.yaml": CatalogWarningTests.alphaOne(
                replacing: "last_reviewed: 2026-06-01", with: "last_reviewed: 2024-01-01"),
            "models/beta-two.yaml": CatalogWarningTests.betaTwo(
                replacing: "context_window: 262144", with: "context_window: 262144\nmax_output: 300000"),
            "models/gamma.yaml":
                "name: Gamma\ndeveloper: Lab\nrelease_date: Feb 5\nroutes:\n  - provider: alpha\n    input: -1\n    output: 2\n",
            "comparisons/alpha-one-vs-beta-two.md": "---\ntitle: [unclosed\n---\n",
        ])
        #expect(
            result.diagnostics.printed == [
                "Content/comparisons/alpha-one-vs-beta-two.md:2:8: error: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence (it is still open where the YAML ends) (close the quote or bracket that starts here)",
                "Content/models/alpha-one.yaml:1:1: warning: model `alpha-one` was last reviewed on 2024-01-01, 911 days ago (the limit is 180) (check its facts again and update `last_reviewed`)",
                "Content/models/beta-two.yaml:5:13: error: `max_output` (300000) is larger than `context_window` (262144) (the output limit cannot exceed the context window; check both figures)",
                "Content/models/gamma.yaml:1:1: warning: model `gamma` has no `last_reviewed` date (add `last_reviewed: YYYY-MM-DD` after checking its facts)",
                "Content/models/gamma.yaml:3:15: error: `release_date` must be an ISO date, found \"Feb 5\" (write YYYY-MM-DD, or YYYY-MM when only the month is known)",
                "Content/models/gamma.yaml:5:5: warning: route `alpha` has prices without a source (add `source:` with an id from sources.yaml or an https:// address)",
                "Content/models/gamma.yaml:6:12: error: `input` cannot be negative, found -1 (prices are USD per 1M tokens; leave the key out when unknown)",
                "Content/providers/router.yaml:2:7: error: `kind` cannot be \"rooter\" (did you mean `router`?)",
                "Content/site.yaml:3:9: error: alpha-one-vs-nobody names a model that does not exist: `nobody` (model ids are the file names under Content/models/)",
                "Content/site.yaml:4:1: error: unknown key `languag` in site.yaml (did you mean `language`?)",
                "Content/sources.yaml:9:3: error: duplicate source id `alpha-launch` (first defined at Content/sources.yaml:1) (ids must be unique; rename or remove one)",
            ])
        #expect(result.diagnostics == result.diagnostics.sorted())
        #expect(result.catalog == nil)
    }

    @Test func theSameProblemIsNotReportedTwice() {
        let result = CatalogFixture.check(changing: ["models/gamma.yaml": "name: Gamma\ndeveloper: Lab\nsources: [nowhere, nowhere]\n"])
        #expect(
            result.diagnostics.errors.printed == [
                "Content/models/gamma.yaml:1:1: error: unknown source `nowhere` (a source is an id from Content/sources.yaml or an https:// address)"
            ])
    }
}
