import Foundation
import Testing
@testable import VersusCore

/// Every class of error `versus check` reports, each on a small change to the valid fixture catalog,
/// asserting the exact text printed: file, line, column, message and fix.
@Suite struct CatalogErrorTests {
    static let model = "Content/models/gamma.yaml"

    /// The valid catalog plus `models/gamma.yaml` holding `text`.
    static func withModel(_ text: String) -> CatalogValidator.Result {
        CatalogFixture.check(changing: ["models/gamma.yaml": text])
    }

    // MARK: Malformed YAML

    @Test func badIndentation() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            context_window: 1000
              max_output: 500
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):4:13: error: malformed YAML: mapping values are not allowed in this context (check indentation, colons and quotes on this line or the one before)"
            ])
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        let result = Self.withModel(
            """
            name: "Gamma
            developer: Gamma Labs
            last_reviewed: 2026-06-01
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):1:7: error: malformed YAML: found unexpected end of stream while scanning a quoted scalar (it is still open where the YAML ends) (close the quote or bracket that starts here)"
            ])
    }

    @Test func unclosedBracketIsReportedWhereItOpens() {
        let result = Self.withModel("name: Gamma\ndeveloper: Gamma Labs\nbest_for: [chat, code\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):3:11: error: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence (it is still open where the YAML ends) (close the quote or bracket that starts here)"
            ])
    }

    @Test func tabIndentation() {
        let result = Self.withModel("name: Gamma\ndeveloper: Gamma Labs\nlicense:\n\tname: MIT\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):4:1: error: malformed YAML: found character that cannot start any token while scanning for the next token (check indentation, colons and quotes on this line or the one before)"
            ])
    }

    @Test func secondDocumentInOneFile() {
        let result = Self.withModel("name: Gamma\ndeveloper: Gamma Labs\n---\nname: Delta\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):3:1: error: malformed YAML: expected a single document in the stream but found another document (a catalog file holds one YAML document; remove this `---` line or split the file)"
            ])
    }

    @Test func duplicateKeyIsReportedAtTheRepeat() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            # a comment between
            context_window: 1000
            name: Gamma 2
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):5:1: error: key `name` appears more than once in the same mapping (first at line 1) (keep one of them)"
            ])
    }

    /// Also shows that a sources.yaml that cannot be read does not make every citation an error too.
    @Test func duplicateKeyInsideAListItem() {
        let result = CatalogFixture.check(changing: [
            "sources.yaml": """
            - id: one
              title: One
              title: Again
            - id: two
              title: Two
            """
        ])
        expectCatalogErrors(
            result,
            [
                "Content/sources.yaml:3:3: error: key `title` appears more than once in the same mapping (first at line 2) (keep one of them)"
            ])
    }

    @Test func duplicateKeyInAFlowMappingFallsBackToTheFirst() {
        let result = Self.withModel("name: Gamma\ndeveloper: Gamma Labs\nlicense: {name: MIT, name: BSD}\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):3:11: error: key `name` appears more than once in the same mapping (keep one of them)"
            ])
    }

    // MARK: Wrong types

    @Test func wrongTypes() {
        let result = Self.withModel(
            """
            name: [Gamma]
            developer: Gamma Labs
            context_window: lots
            max_output: 1.5
            capabilities: [vision]
            routes:
              provider: alpha
            modalities:
              input: text
            best_for: {a: b}
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):1:7: error: `name` must be text, found a list",
                "\(Self.model):3:17: error: `context_window` must be a whole number, found \"lots\" (write digits only, such as 400000)",
                "\(Self.model):4:13: error: `max_output` must be a whole number, found \"1.5\" (write digits only, such as 400000)",
                "\(Self.model):5:15: error: `capabilities` must be a mapping such as `vision: yes`, found a list",
                "\(Self.model):7:3: error: `routes` must be a list, found a mapping of keys (write each item on its own line starting with `- `)",
                "\(Self.model):10:11: error: `best_for` must be a list, found a mapping of keys (write each item on its own line starting with `- `)",
            ])
    }

    @Test func wrongTypesInOtherFiles() {
        let result = CatalogFixture.check(changing: [
            "providers/router.yaml": "name: Router\nkind: router\nopenai_compatible: maybe\nurl: ftp://router.example.test\n",
            "sources.yaml": "id: lonely\ntitle: Not a list\n",
            "benchmarks.yaml": "- just a name\n",
            "site.yaml": "title: T\nbase_url: example.test\nreview_max_age_days: 0\nallow_raw_html: \"true\"\npair_route_rows: 0\n",
        ])
        expectCatalogErrors(
            result,
            [
                "Content/benchmarks.yaml:1:3: error: a benchmark must be a mapping of `key: value` lines, found a single value",
                "Content/providers/router.yaml:3:20: error: `openai_compatible` must be true or false, found \"maybe\"",
                "Content/providers/router.yaml:4:6: error: `url` must be an http:// or https:// address, found \"ftp://router.example.test\"",
                "Content/site.yaml:2:11: error: `base_url` must be an http:// or https:// address, found \"example.test\"",
                "Content/site.yaml:3:22: error: `review_max_age_days` must be at least 1, found 0",
                "Content/site.yaml:4:17: error: `allow_raw_html` must be true or false, found \"true\"",
                "Content/site.yaml:5:18: error: `pair_route_rows` must be at least 1, found 0",
                "Content/sources.yaml:1:1: error: sources.yaml must be a list of sources, found a mapping of keys (start each source with `- id: …`)",
            ])
        // The models cite sources and benchmarks these broken files lost: that is not reported a second time.
    }

    @Test func wrongChoices() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            openness: open-weight
            product_type: chatbot
            decision_fit: [coding, astrology]
            modalities:
              input: [text, smell]
            capabilities:
              vision: maybe
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):3:11: error: `openness` cannot be \"open-weight\" (did you mean `open-weights`?)",
                "\(Self.model):4:15: error: `product_type` cannot be \"chatbot\" (use one of: coding-specialized, general, reasoning, multimodal, lightweight, agentic, embedding, reranking, safety-classifier, speech)",
                "\(Self.model):5:24: error: `decision_fit` cannot be \"astrology\" (use one of: coding, rag, agents, vision, multilingual, math, reasoning, chat, budget, local, long-context, tool-use)",
                "\(Self.model):7:17: error: `modalities.input` cannot be \"smell\" (use one of: text, image, audio, video, pdf, ui)",
                "\(Self.model):9:11: error: capability `vision` cannot be \"maybe\" (use yes, no or not-documented)",
            ])
    }

    // MARK: Unknown keys

    @Test func unknownKeySuggestsTheNearestKnownKey() {
        let result = Self.withModel("name: Gamma\ndeveloper: Gamma Labs\ncontex_window: 400000\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):3:1: error: unknown key `contex_window` in model `gamma` (did you mean `context_window`?)"
            ])
    }

    @Test func unknownKeyWithNothingNearListsTheKeys() {
        let result = CatalogFixture.check(changing: ["providers/router.yaml": "name: Router\nkind: router\nheadquarters: Paris\n"])
        expectCatalogErrors(
            result,
            [
                "Content/providers/router.yaml:3:1: error: unknown key `headquarters` in provider `router` (the keys of provider `router` are: id, name, kind, url, openai_compatible, price_kind)"
            ])
    }

    @Test func unknownKeysInNestedMappings() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            routes:
              - provider: alpha
                imput: 1
                source: alpha-launch
            benchmarks:
              - benchmark: arena-elo
                scor: 1200
                source: alpha-launch
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):5:5: error: unknown key `imput` in a route (did you mean `input`?)",
                "\(Self.model):8:5: error: a benchmark result has no `score` (add `score: …`)",
                "\(Self.model):9:5: error: unknown key `scor` in a benchmark result (did you mean `score`?)",
            ])
    }

    @Test func unknownKeyInSiteAndFrontMatter() {
        let result = CatalogFixture.check(changing: [
            "site.yaml": "title: T\nbase_url: https://example.test\nbaseurl: https://example.test\n",
            "comparisons/alpha-one-vs-beta-two.md": "---\ntitle: T\ntl_dr: [x]\n---\nBody\n",
        ])
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/alpha-one-vs-beta-two.md:3:1: error: unknown key `tl_dr` in the front matter (did you mean `tldr`?)",
                "Content/site.yaml:3:1: error: unknown key `baseurl` in site.yaml (did you mean `base_url`?)",
            ])
    }

    // MARK: Missing required keys

    @Test func missingRequiredKeys() {
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": "name: Gamma\nroutes:\n  - input: 1\n",
            "providers/router.yaml": "name: Router\n",
            "sources.yaml": CatalogFixture.valid["sources.yaml"]! + "\n- id: untitled\n",
            "benchmarks.yaml": CatalogFixture.valid["benchmarks.yaml"]! + "\n- id: nameless\n",
            "site.yaml": "title: Only a title\n",
        ])
        expectCatalogErrors(
            result,
            [
                "Content/benchmarks.yaml:11:3: error: a benchmark has no `category` (add `category: …`)",
                "Content/benchmarks.yaml:11:3: error: a benchmark has no `name` (add `name: …`)",
                "\(Self.model):1:1: error: model `gamma` has no `developer` (add `developer: …`)",
                "\(Self.model):3:5: error: a route has no `provider` (add `provider: …`)",
                "Content/providers/router.yaml:1:1: error: provider `router` has no `kind` (add `kind: …`)",
                "Content/site.yaml:1:1: error: site.yaml has no `base_url` (add `base_url: …`)",
                "Content/sources.yaml:9:3: error: a source has no `title` (add `title: …`)",
            ])
    }

    @Test func emptyValueOfARequiredKeyCountsAsMissing() {
        let result = Self.withModel("name:\ndeveloper: \"  \"\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):1:1: error: model `gamma` has no `name` (add `name: …`)",
                "\(Self.model):2:12: error: `developer` is empty (give it a value or remove the key)",
            ])
    }

    // MARK: Duplicate ids

    @Test func duplicateBenchmarkAndSourceIDs() {
        let result = CatalogFixture.check(changing: [
            "sources.yaml": CatalogFixture.valid["sources.yaml"]! + "\n- id: beta-card\n  title: Beta card again\n",
            "benchmarks.yaml": CatalogFixture.valid["benchmarks.yaml"]!
                + "\n- id: arena-elo\n  name: Arena again\n  category: preference\n",
        ])
        expectCatalogErrors(
            result,
            [
                "Content/benchmarks.yaml:11:3: error: duplicate benchmark id `arena-elo` (first defined at Content/benchmarks.yaml:7) (ids must be unique; rename or remove one)",
                "Content/sources.yaml:9:3: error: duplicate source id `beta-card` (first defined at Content/sources.yaml:6) (ids must be unique; rename or remove one)",
            ])
    }

    @Test func duplicateCapabilityRowsRoutesAndEditorials() {
        var site = CatalogFixture.valid["site.yaml"]!
        site = site.replacingOccurrences(of: "pairs: all", with: "  - id: vision\n    name: Sight")
        var beta = CatalogFixture.valid["models/beta-two.yaml"]!
        beta = beta.replacingOccurrences(
            of: "self_hosting:",
            with: """
                  - provider: router
                    input: 0.5
                    source: beta-card
                self_hosting:
                """)
        let result = CatalogFixture.check(changing: [
            "site.yaml": site,
            "models/beta-two.yaml": beta,
            "comparisons/beta-two-vs-alpha-one.md": "Second page for the same pair.\n",
        ])
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/beta-two-vs-alpha-one.md:1:1: error: a second editorial file for alpha-one-vs-beta-two (the first is Content/comparisons/alpha-one-vs-beta-two.md) (merge the two files into one)",
                "Content/models/beta-two.yaml:10:5: error: route `router` is listed twice for model `beta-two` (first at line 6) (merge them; keep disagreeing prices as several values of one figure)",
                "Content/site.yaml:14:5: error: capability `vision` is listed twice (first at line 10) (remove one of them)",
            ])
    }

    @Test func providerIDMustMatchItsFileName() {
        let result = CatalogFixture.check(changing: ["providers/router.yaml": "id: other-router\nname: Router\nkind: router\n"])
        expectCatalogErrors(
            result,
            [
                "Content/providers/router.yaml:1:1: error: `id: other-router` does not match the file name `router` (rename the file or remove the `id` key)"
            ])
    }

    // MARK: Unknown references

    @Test func unknownProviderBenchmarkSourceAndCapability() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            capabilities:
              visoin: yes
              teleportation: no
            routes:
              - provider: alpah
                input: 1
                output: 2
                source: alpha-lunch
            benchmarks:
              - benchmark: swe-bench-verifed
                score: 50
                source: https://gamma.example.test/evals
            self_hosting:
              - label: Local
                source: nowhere-at-all
            sources: [beta-crad]
            last_reviewed: 2026-06-01
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):1:1: error: model `gamma` sets unknown capability `teleportation` (the capability rows are set in site.yaml: vision, function-calling)",
                "\(Self.model):1:1: error: model `gamma` sets unknown capability `visoin` (did you mean `vision`?)",
                "\(Self.model):1:1: error: unknown source `beta-crad` (did you mean `beta-card`?)",
                "\(Self.model):7:5: error: route names unknown provider `alpah` (did you mean `alpha`?)",
                "\(Self.model):7:5: error: unknown source `alpha-lunch` (did you mean `alpha-launch`?)",
                "\(Self.model):8:12: error: unknown source `alpha-lunch` (did you mean `alpha-launch`?)",
                "\(Self.model):9:13: error: unknown source `alpha-lunch` (did you mean `alpha-launch`?)",
                "\(Self.model):12:5: error: result names unknown benchmark `swe-bench-verifed` (did you mean `swe-bench-verified`?)",
                "\(Self.model):16:5: error: unknown source `nowhere-at-all` (a source is an id from Content/sources.yaml or an https:// address)",
            ])
    }

    /// sources.yaml with an error in one entry still defines the others, so a misspelt citation is still reported.
    @Test func unknownSourceIsReportedWhenSourcesYAMLHasAnErrorElsewhere() {
        let sources = CatalogFixture.valid["sources.yaml"]!.replacingOccurrences(of: "date: 2026-03", with: "date: March")
        let result = CatalogFixture.check(changing: [
            "sources.yaml": sources,
            "models/gamma.yaml": "name: Gamma\ndeveloper: Gamma Labs\nsources: [alpha-lunch]\n",
        ])
        expectCatalogErrors(
            result,
            [
                "\(Self.model):1:1: error: unknown source `alpha-lunch` (did you mean `alpha-launch`?)",
                "Content/sources.yaml:8:9: error: `date` must be an ISO date, found \"March\" (write YYYY-MM-DD, or YYYY-MM when only the month is known)",
            ])
    }

    @Test func unknownSourceOfOneValueOfAFigure() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            context_window:
              - value: 1000
                source: beta-card
              - value: 1000
                source: gamma-blog
            last_reviewed: 2026-06-01
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):6:12: error: unknown source `gamma-blog` (a source is an id from Content/sources.yaml or an https:// address)"
            ])
    }

    // MARK: Prices and limits

    @Test func negativeAndNonNumericPrices() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            routes:
              - provider: alpha
                input: "$1.75"
                output: ~0.18
                cached_input: -0.5
                batch_input: $2
                batch_output: 1,5
                tiers:
                  - above_tokens: 200000
                    input: -3
                source: alpha-launch
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):5:12: error: `input` must be a number, found \"$1.75\" (write the number alone; mark an estimate with `approximate: true` as docs/catalog.md shows)",
                "\(Self.model):6:13: error: `output` must be a number, found \"~0.18\" (write the number alone; mark an estimate with `approximate: true` as docs/catalog.md shows)",
                "\(Self.model):7:19: error: `cached_input` cannot be negative, found -0.5 (prices are USD per 1M tokens; leave the key out when unknown)",
                "\(Self.model):8:18: error: `batch_input` must be a number, found \"$2\" (write the number alone; mark an estimate with `approximate: true` as docs/catalog.md shows)",
                "\(Self.model):9:19: error: `batch_output` must be a number, found \"1,5\" (write a plain number such as 1.75)",
                "\(Self.model):12:16: error: `input` cannot be negative, found -3 (prices are USD per 1M tokens; leave the key out when unknown)",
            ])
    }

    @Test func approximatePriceIsWrittenAsASourcedValue() throws {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            routes:
              - provider: router
                input:
                  value: 0.18
                  approximate: true
                output: 0.9
                source: beta-card
            last_reviewed: 2026-06-01
            """)
        expectCatalogWarnings(result, [])
        let price = try #require(result.catalog?.model("gamma")?.routes.first?.input?.primary)
        #expect(price.approximate && price.value == Decimal(string: "0.18") && price.source == .registered("beta-card"))
    }

    @Test func maxOutputAboveContextWindow() {
        let result = Self.withModel("name: Gamma\ndeveloper: Gamma Labs\ncontext_window: 128000\nmax_output: 200000\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):4:13: error: `max_output` (200000) is larger than `context_window` (128000) (the output limit cannot exceed the context window; check both figures)"
            ])
    }

    @Test func activeParametersAboveTotal() {
        let result = Self.withModel("name: Gamma\ndeveloper: Gamma Labs\nparameters:\n  total_billions: 7\n  active_billions: 70\n")
        expectCatalogErrors(
            result,
            [
                "\(Self.model):5:20: error: `active_billions` (70) is larger than `total_billions` (7) (active parameters are a share of the total)"
            ])
    }

    // MARK: Dates

    @Test func nonISODates() {
        let result = Self.withModel(
            """
            name: Gamma
            developer: Gamma Labs
            release_date: 2026-13-01
            knowledge_cutoff: Feb 5
            last_reviewed: 2026-02-30
            routes:
              - provider: alpha
                input: 1
                source: alpha-launch
                as_of: 05/02/2026
            """)
        expectCatalogErrors(
            result,
            [
                "\(Self.model):3:15: error: `release_date` must be an ISO date, found \"2026-13-01\" (write YYYY-MM-DD, or YYYY-MM when only the month is known)",
                "\(Self.model):4:19: error: `knowledge_cutoff` must be an ISO date, found \"Feb 5\" (write YYYY-MM-DD, or YYYY-MM when only the month is known)",
                "\(Self.model):5:16: error: `last_reviewed` must be an ISO date, found \"2026-02-30\" (write YYYY-MM-DD, or YYYY-MM when only the month is known)",
                "\(Self.model):10:12: error: `as_of` must be an ISO date, found \"05/02/2026\" (write YYYY-MM-DD, or YYYY-MM when only the month is known)",
            ])
    }

    @Test func isoDateParsing() {
        #expect(ISODate("2026-02-05") == ISODate(year: 2026, month: 2, day: 5))
        #expect(ISODate("2025-08") == ISODate(year: 2025, month: 8))
        #expect(ISODate("2024-02-29") != nil)
        for bad in [
            "2026-13-01", "2026-00-10", "2026-02-29", "2026-04-31", "Feb 5", "2026-2-5", "26-02-05", "2026-02-05T00:00",
            "2026", "", "-2026-01-01", "２０２６-01-01",
        ] {
            #expect(ISODate(bad) == nil, "\(bad)")
        }
    }

    // MARK: Ids

    @Test func invalidIDsInFileNames() {
        let result = CatalogFixture.check(changing: [
            "models/Bad_Name.yaml": "name: Bad\ndeveloper: Lab\n",
            "models/-dash.yaml": "name: Dash\ndeveloper: Lab\n",
            "models/a..b.yaml": "name: Dots\ndeveloper: Lab\n",
            "models/sp ace.yaml": "name: Space\ndeveloper: Lab\n",
            "models/\(String(repeating: "x", count: 81)).yaml": "name: Long\ndeveloper: Lab\n",
            "providers/Open AI.yaml": "name: Open AI\nkind: first-party\n",
        ])
        let rule = "(ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters)"
        expectCatalogErrors(
            result,
            [
                "Content/models/-dash.yaml:1:1: error: file name \"-dash\" is not a valid id \(rule)",
                "Content/models/Bad_Name.yaml:1:1: error: file name \"Bad_Name\" is not a valid id \(rule)",
                "Content/models/a..b.yaml:1:1: error: file name \"a..b\" is not a valid id \(rule)",
                "Content/models/sp ace.yaml:1:1: error: file name \"sp ace\" is not a valid id \(rule)",
                "Content/models/\(String(repeating: "x", count: 81)).yaml:1:1: error: file name \"\(String(repeating: "x", count: 60))…\" is not a valid id \(rule)",
                "Content/providers/Open AI.yaml:1:1: error: file name \"Open AI\" is not a valid id \(rule)",
            ])
    }

    @Test func invalidIDsInIDFields() {
        let result = CatalogFixture.check(changing: [
            "sources.yaml": CatalogFixture.valid["sources.yaml"]!
                + "\n- id: ../../etc/passwd\n  title: Escape\n- id: Beta Card\n  title: Spaces\n",
            "benchmarks.yaml": CatalogFixture.valid["benchmarks.yaml"]! + "\n- id: swe_bench\n  name: Underscore\n  category: coding\n",
            "models/gamma.yaml": "id: gamma/../..\nname: Gamma\ndeveloper: Gamma Labs\nroutes:\n  - provider: Alpha\n",
        ])
        let rule = "(ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters)"
        expectCatalogErrors(
            result,
            [
                "Content/benchmarks.yaml:11:7: error: `id` \"swe_bench\" is not a valid id \(rule)",
                "\(Self.model):1:5: error: `id` \"gamma/../..\" is not a valid id \(rule)",
                "\(Self.model):5:15: error: `provider` \"Alpha\" is not a valid id \(rule)",
                "Content/sources.yaml:9:7: error: `id` \"../../etc/passwd\" is not a valid id \(rule)",
                "Content/sources.yaml:11:7: error: `id` \"Beta Card\" is not a valid id \(rule)",
            ])
    }

    @Test func identifierRule() {
        for good in ["a", "gpt-5-3-codex", "qwen3-5-397b-a17b", String(repeating: "a", count: 80)] {
            #expect(Identifier.isValid(good), "\(good)")
        }
        for bad in ["", "-a", "a-", "A", "a_b", "a.b", "..", ".", "a/b", "a b", "é", String(repeating: "a", count: 81), "a\u{0}b"] {
            #expect(!Identifier.isValid(bad), "\(bad)")
        }
    }

    // MARK: Comparisons and pairs

    @Test func editorialNamingAModelThatDoesNotExist() {
        let result = CatalogFixture.check(changing: [
            "comparisons/alpha-one-vs-beta-tow.md": "Body\n",
            "comparisons/alpha-one-and-beta-two.md": "Body\n",
        ])
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/alpha-one-and-beta-two.md:1:1: error: \"alpha-one-and-beta-two\" does not name a pair as `a-vs-b` (name the two model ids joined by -vs-)",
                "Content/comparisons/alpha-one-vs-beta-tow.md:1:1: error: alpha-one-vs-beta-tow names a model that does not exist: `beta-tow` (did you mean `beta-two`?) (model ids are the file names under Content/models/)",
            ])
    }

    @Test func editorialChoiceOutsideThePair() {
        let page = CatalogFixture.valid["comparisons/alpha-one-vs-beta-two.md"]!.replacingOccurrences(
            of: "choose: beta-two",
            with: "choose: gamma")
        let result = CatalogFixture.check(changing: ["comparisons/alpha-one-vs-beta-two.md": page])
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/alpha-one-vs-beta-two.md:7:5: error: `choose: gamma` is not one of this page's models (use alpha-one or beta-two)"
            ])
    }

    @Test func editorialFrontMatterThatNeverEnds() {
        let result = CatalogFixture.check(changing: ["comparisons/alpha-one-vs-beta-two.md": "---\ntitle: Open\n\nBody without an end\n"])
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/alpha-one-vs-beta-two.md:1:1: error: front matter starts with `---` but never ends (close it with a line holding only `---`)"
            ])
    }

    @Test func editorialFrontMatterErrorsKeepTheirLineNumbers() {
        let result = CatalogFixture.check(changing: [
            "comparisons/alpha-one-vs-beta-two.md": "---\r\ntitle: T\r\nfaq:\r\n  - question: Q?\r\n---\r\nBody\r\n"
        ])
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/alpha-one-vs-beta-two.md:4:5: error: a `faq` entry has no `answer` (add `answer: …`)"
            ])
    }

    @Test func sitePairsNamingUnknownModels() {
        let result = CatalogFixture.check(changing: [
            "site.yaml": """
            title: T
            base_url: https://example.test
            pairs:
              - alpha-one-vs-beta-two
              - alpha-one-vs-gamma
              - alpha-on-vs-beta-tw
              - alpha-one
            """
        ])
        expectCatalogErrors(
            result,
            [
                "Content/site.yaml:5:5: error: alpha-one-vs-gamma names a model that does not exist: `gamma` (model ids are the file names under Content/models/)",
                "Content/site.yaml:6:5: error: alpha-on-vs-beta-tw names a model that does not exist: `alpha-on` (did you mean `alpha-one`?), `beta-tw` (did you mean `beta-two`?) (model ids are the file names under Content/models/)",
                "Content/site.yaml:7:5: error: pair \"alpha-one\" is not written as `a-vs-b` (name the two model ids joined by -vs-, such as gpt-5-mini-vs-qwen3-5-flash)",
            ])
    }

    @Test func aModelWithAnErrorStillCountsAsExisting() {
        // The broken model's own error is the only one: pages and pairs naming it are not told it does not exist.
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": "name: [Gamma]\ndeveloper: Gamma Labs\nlast_reviewed: 2026-06-01\n",
            "comparisons/alpha-one-vs-gamma.md": "Body\n",
            "site.yaml": "title: T\nbase_url: https://example.test\npairs: [alpha-one-vs-gamma]\n",
        ])
        expectCatalogErrors(result, ["\(Self.model):1:7: error: `name` must be text, found a list"])
    }
}
