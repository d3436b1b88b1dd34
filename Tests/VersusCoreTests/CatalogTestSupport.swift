import Foundation
import TestSupport
import Testing
@testable import VersusCore

/// Small catalogs for the loader and validator tests, kept in memory, plus helpers to check them
/// and to compare what they report.
enum CatalogFixture {
    /// The day review dates are measured against, so that results never depend on when the tests run.
    static let today = ISODate(year: 2026, month: 6, day: 30)

    /// The site folder of every in-memory catalog; files are keyed relative to `<root>/Content/`.
    static let root = "site"

    /// A small catalog with no errors and no warnings; each test changes one or two files of it.
    static let valid: [String: String] = [
        "site.yaml": """
        title: Versus test
        base_url: https://versus.example.test/
        language: en
        review_max_age_days: 180
        traffic_levels:
          - name: Prototype
            input_millions: 10
            output_millions: 2
        capabilities:
          - id: vision
            name: Vision
          - id: function-calling
            name: Function calling
        pairs: all
        """,
        "sources.yaml": """
        - id: alpha-launch
          title: Alpha launch post
          reports: maker
          url: https://alpha.example.test/launch
          date: 2026-02-05
        - id: beta-card
          title: Beta model card
          date: 2026-03
        """,
        "benchmarks.yaml": """
        - id: swe-bench-verified
          name: SWE-bench Verified
          category: coding
          unit: percent
          higher_is_better: true
          aliases: [SWE-bench Verified, swe_bench_verified]
        - id: arena-elo
          name: Arena
          category: preference
          unit: elo
        """,
        "providers/alpha.yaml": """
        name: Alpha API
        kind: first-party
        url: https://alpha.example.test
        openai_compatible: true
        """,
        "providers/router.yaml": """
        name: Router
        kind: router
        """,
        "models/alpha-one.yaml": """
        name: Alpha One
        developer: Alpha Labs
        family: Alpha
        product_type: coding-specialized
        release_date: 2026-02-05
        knowledge_cutoff: 2025-08
        license:
          name: Proprietary
          osi_approved: false
        openness: proprietary
        commercial_use: conditional
        parameters:
          total_billions: 397
          active_billions: 17
        architecture: mixture-of-experts
        context_window: 400000
        max_output: 128000
        modalities:
          input: [text, image]
          output: [text]
        languages:
          count: 201
          primary: [English]
          source: alpha-launch
        capabilities:
          vision: yes
          function-calling: no
        best_for: [coding agents, code review]
        decision_fit: [coding, agents]
        routes:
          - provider: alpha
            model_id: alpha-one
            input: 1.75
            output: 14
            cached_input: 0.175
            tiers:
              - above_tokens: 200000
                input: 3.5
                output: 21
            source: alpha-launch
            as_of: 2026-02-05
        benchmarks:
          - benchmark: swe-bench-verified
            score: 77.3
            variant: Agent harness
            source: alpha-launch
            date: 2026-02-05
        sources: [alpha-launch]
        last_reviewed: 2026-06-01
        notes: Internal note.
        """,
        "models/beta-two.yaml": """
        name: Beta Two
        developer: Beta AI
        openness: open-weights
        context_window: 262144
        routes:
          - provider: router
            input: 0.4
            output: 2.4
            source: https://router.example.test/beta-two
        self_hosting:
          - label: GGUF Q4
            quantization: Q4
            min_memory_gb: 24
            memory: vram
            tokens_per_second: {low: 60, high: 100}
            source: beta-card
        sources: [beta-card]
        last_reviewed: 2026-05-20
        """,
        "comparisons/alpha-one-vs-beta-two.md": """
        ---
        title: Alpha One or Beta Two
        tldr:
          - Alpha One leads on coding.
        when_to_use:
          - situation: You must keep data on your own machines
            choose: beta-two
            why: Open weights.
        faq:
          - question: Can both run behind one client?
            answer: Yes, through the router.
        ---
        Hand-written **Markdown**.
        """,
    ]

    /// The valid catalog with some files replaced or added (`nil` removes a file).
    static func catalog(_ changes: [String: String?] = [:]) -> [String: String] {
        var files = valid
        for (path, text) in changes { files[path] = text }
        return files
    }

    /// An in-memory file system holding `files` under `site/Content/`.
    static func fileSystem(_ files: [String: String]) -> FileSystem {
        .memory(Dictionary(uniqueKeysWithValues: files.map { ("\(root)/Content/\($0.key)", $0.value) }))
    }

    /// Loads and validates `files` as the catalog of an in-memory site.
    static func check(_ files: [String: String], today: ISODate = CatalogFixture.today) -> CatalogValidator.Result {
        CatalogCheck.run(root: root, fileSystem: fileSystem(files), today: today)
    }

    /// Loads and validates the valid catalog with `changes` applied.
    static func check(changing changes: [String: String?], today: ISODate = CatalogFixture.today) -> CatalogValidator.Result {
        check(catalog(changes), today: today)
    }

    /// Loads without validating.
    static func load(_ files: [String: String]) -> LoadedCatalog {
        CatalogLoader(root: root, fileSystem: fileSystem(files)).load()
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolders.make("versus-catalog-tests")
    }

    /// Writes `files` (relative to `<folder>/Content/`) to disk.
    static func write(_ files: [String: Data], under folder: URL) throws {
        for (path, data) in files {
            let url = folder.appendingPathComponent("Content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    static func write(_ files: [String: String], under folder: URL) throws {
        try write(files.mapValues { Data($0.utf8) }, under: folder)
    }

    /// The repository this test file belongs to.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fixture site committed under `Tests/VersusCoreTests/Fixtures/`.
    static func site(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
    }
}

extension Array where Element == Diagnostic {
    /// Every diagnostic as `versus check` prints it.
    var printed: [String] { map(\.description) }
}

/// Expects the errors of a run to be exactly `expected` (as printed), in order, and lists everything reported otherwise.
func expectCatalogErrors(
    _ result: CatalogValidator.Result, _ expected: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let actual = result.diagnostics.errors.printed
    #expect(
        actual == expected, "all diagnostics:\n\(result.diagnostics.printed.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    #expect(result.catalog == nil, "a catalog with errors must not validate", sourceLocation: sourceLocation)
}

/// Expects the warnings of a run to be exactly `expected` (as printed), with no errors.
func expectCatalogWarnings(
    _ result: CatalogValidator.Result, _ expected: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(
        result.diagnostics.errors.isEmpty, "unexpected errors:\n\(result.diagnostics.errors.printed.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    #expect(
        result.diagnostics.warnings.printed == expected,
        "all diagnostics:\n\(result.diagnostics.printed.joined(separator: "\n"))", sourceLocation: sourceLocation)
    #expect(result.catalog != nil, "warnings alone must not stop the catalog", sourceLocation: sourceLocation)
}
