import Foundation
import Testing
@testable import VersusCore

/// `Content/measurements/<model-id>/<date>-<host>.yaml`: read, checked, and shown on the model's pages.
@Suite(.serialized) struct MeasurementCatalogTests {
    /// A measurement as `versus generate` writes it, of `model`.
    static func file(
        model: String = "beta-two", date: String = "2026-11-25", host: String = "box", decode: String = "74.5",
        extra: String = ""
    ) -> String {
        """
        # Written by `versus generate`. Run the command again rather than editing this file.
        model: \(model)
        date: \(date)
        host: \(host)
        versus: "0.4.0"
        partial: false
        hardware:
          cpu: "Test CPU 3000"
          cores: 2
          memory_gb: 23.5
          os: "Debian GNU/Linux 12 (bookworm)"
        runtime:
          name: "llama.cpp llama-server"
          version: "b6000-abc123"
          model_file: "beta-two-Q4_K_M.gguf"
          quantization: "Q4_K_M"
          context_tokens: 2048
        request:
          api: openai
          endpoint: "http://127.0.0.1:8080/v1/chat/completions"
          model: "beta"
          temperature: 0
          seed: 1234
          max_tokens: 64
          ignore_eos: true
          cache_prompt: false
          warmup: 1
          runs: 1
          concurrency: [1]
          timeout_seconds: 120
        prompts:
          set: "builtin-1"
          sha256: "abc"
        warmup_ms: 812.5
        levels:
          - concurrency: 1
            requests: 1
            output_tokens_per_second: 70.1
            decode_tokens_per_second: {median: \(decode), p95: 75, stddev: 0.4}
            time_to_first_token_ms: {median: 48.25, p95: 50, stddev: 1}
            end_to_end_ms: {median: 900, p95: 910, stddev: 5}
            prompt_tokens_per_second: {median: 2410.6, p95: 2500, stddev: 30}
            server_decode_tokens_per_second: {median: 75, p95: 76, stddev: 0.3}
            client_vs_server_percent: -0.7\(extra)
        samples:
          - {workload: "short-chat", concurrency: 1, prompt_tokens: 110, output_tokens: 64, output_tokens_from: usage, finish_reason: "length", time_to_first_token_ms: 48.25, end_to_end_ms: 900, decode_tokens_per_second: 74.5, server: {prompt_tokens: 110, prompt_ms: 45.6, output_tokens: 64, output_ms: 853.3, cached_tokens: 0}}

        """
    }

    @Test func aMeasurementIsReadIntoTheCatalog() throws {
        let result = CatalogFixture.check(changing: ["measurements/beta-two/2026-11-25-box.yaml": Self.file()])
        expectCatalogWarnings(result, [])
        let catalog = try #require(result.catalog)
        let files = try #require(catalog.measurements["beta-two"])
        let m = try #require(files.first?.measurement)
        #expect(m.host == "box" && m.date == ISODate("2026-11-25") && m.runtime.quantization == "Q4_K_M" && m.request.api == .openai)
        #expect(
            m.headline?.decodeTokensPerSecond
                == Measurement.Stats(median: Decimal(string: "74.5")!, p95: 75, stddev: Decimal(string: "0.4")!))
        #expect(m.samples.first?.server?.outputMs == Decimal(string: "853.3"))
        #expect(m.location == SourceLocation(file: "Content/measurements/beta-two/2026-11-25-box.yaml", line: 2, column: 1))
        #expect(files.first?.text == Self.file())
    }

    @Test func badFilesAreErrorsWithTheirPlace() {
        let result = CatalogFixture.check(changing: [
            "measurements/beta-twoo/2026-11-25-box.yaml": Self.file(model: "beta-twoo"),
            "measurements/beta-two/2026-11-26-box.yaml": Self.file(),
            "measurements/alpha-one/2026-11-25-box.yaml": Self.file(
                model: "alpha-one", decode: "fast", extra: "\n    decode_tokens_per_secnd: 3"),
        ])
        expectCatalogErrors(
            result,
            [
                "Content/measurements/alpha-one/2026-11-25-box.yaml:39:40: error: `median` must be a number, found \"fast\" (write a plain number such as 1.75)",
                "Content/measurements/alpha-one/2026-11-25-box.yaml:45:5: error: unknown key `decode_tokens_per_secnd` in a level (did you mean `decode_tokens_per_second`?)",
                "Content/measurements/beta-two/2026-11-26-box.yaml:3:1: error: the file name `2026-11-26-box.yaml` does not match `date` and `host` (name it 2026-11-25-box.yaml)",
                "Content/measurements/beta-twoo/2026-11-25-box.yaml:2:1: error: measurement of unknown model `beta-twoo` (did you mean `beta-two`? rename the folder and `model:` to it)",
            ])
    }

    @Test func aMeasurementInAnotherModelsFolderIsAnError() {
        let result = CatalogFixture.check(changing: ["measurements/alpha-one/2026-11-25-box.yaml": Self.file()])
        expectCatalogErrors(
            result,
            [
                "Content/measurements/alpha-one/2026-11-25-box.yaml:2:1: error: `model: beta-two` does not match the folder `alpha-one/` it is in (move the file to Content/measurements/beta-two/, or correct `model`)"
            ])
    }

    @Test func aMeasurementOfAnAliasBelongsToItsModel() async throws {
        var files = IncrementalBuildTests.files
        files["Content/models/alpha.yaml"] = IncrementalBuildTests.model("Alpha", input: "1") + "\naliases: [alpha-0501]\n"
        files["Content/measurements/alpha-0501/2026-11-25-box.yaml"] = Self.file(model: "alpha-0501")
        let root = try IncrementalBuildTests.site(files)
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog, "\(result.diagnostics.errors)")
        #expect(catalog.measurements["alpha"]?.map(\.measurement.model) == ["alpha-0501"])
        _ = try await IncrementalBuildTests.build(root)
        let output = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        let page = try SiteBuildTests.page(output, "models/alpha/index.html")
        #expect(page.contains("href=\"/measurements/alpha-0501/2026-11-25-box.yaml\""))
        #expect(output["measurements/alpha-0501/2026-11-25-box.yaml"] != nil)
    }

    // MARK: Pages

    static let measured = "Content/measurements/alpha/2026-11-25-box.yaml"

    @Test func modelAndPairPagesShowMeasuredRowsAndTheMeasurementsPageListsThem() async throws {
        let root = try IncrementalBuildTests.site(IncrementalBuildTests.files.merging([Self.measured: Self.file(model: "alpha")]) { $1 })
        _ = try await IncrementalBuildTests.build(root)
        let files = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        let modelPage = try SiteBuildTests.page(files, "models/alpha/index.html")
        let row =
            "Measured llama.cpp llama-server b6000-abc123, quantization Q4_K_M, 2K context Not measured Test CPU 3000 (2 cores), 23.5 GB RAM 74.5 tokens/s decode; first token in 48 ms; prompt 2,411 tokens/s Measurement file , 2026-11-25"
        #expect(SiteBuildTests.text(modelPage).contains(row))
        #expect(modelPage.contains("<tbody class=\"measured\">") && modelPage.contains("href=\"/measurements/alpha/2026-11-25-box.yaml\""))
        for path in IncrementalBuildTests.pairsOfAlpha {
            let page = try SiteBuildTests.page(files, path)
            #expect(SiteBuildTests.text(page).contains("Alpha " + row), "\(path) has no measured row")
        }
        // A pair without a measured model has no such row.
        #expect(!(try SiteBuildTests.page(files, "compare/beta-vs-gamma/index.html")).contains("measured"))
        // The raw file is published as it was written, and the page lists it with a chart that needs no script.
        #expect(files["measurements/alpha/2026-11-25-box.yaml"] == Data(Self.file(model: "alpha").utf8))
        let page = try SiteBuildTests.page(files, "measurements/index.html")
        #expect(page.contains("<svg class=\"chart\" role=\"img\"") && page.contains("<title id=\"measurements-chart-title\">"))
        #expect(page.contains(">74.5 tokens/s</text>"))
        #expect(
            SiteBuildTests.text(page).contains(
                "Alpha Test CPU 3000 (2 cores), 23.5 GB RAM llama.cpp llama-server b6000-abc123 Q4_K_M 74.5 tokens/s 48 ms 2,411 tokens/s 2026-11-25 2026-11-25-box.yaml"
            ))
        #expect(String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self).contains("/measurements/</loc>"))
        for path in ["models/alpha/index.html", "measurements/index.html", IncrementalBuildTests.pairsOfAlpha[0]] {
            let report = HTMLChecker.check(try SiteBuildTests.page(files, path))
            #expect(report.problems.isEmpty && report.externalResources.isEmpty, "\(path): \(report.problems)")
            for link in report.links where link.hasPrefix("/") && !link.hasPrefix("//") {
                let target = String(link.dropFirst().split(separator: "#", omittingEmptySubsequences: false)[0])
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                #expect(files[file] != nil, "\(path) links to \(link), which the build did not write")
            }
        }
    }

    @Test func aChangedMeasurementRerendersExactlyThePagesThatShowIt() async throws {
        let root = try IncrementalBuildTests.site()
        _ = try await IncrementalBuildTests.build(root)
        try IncrementalBuildTests.write([Self.measured: Self.file(model: "alpha")], into: root)
        let added = try await IncrementalBuildTests.build(root)
        // The first measurement adds "Measured locally" to every page's menu, so every page is written again.
        for path in IncrementalBuildTests.pairsOfAlpha + [
            "measurements/alpha/2026-11-25-box.yaml", "measurements/index.html",
            "models/alpha/index.html", "sitemap.xml", "index.html", "models/beta/index.html",
            "compare/beta-vs-gamma/index.html",
        ] {
            #expect(added.renderedPaths.contains(path), "\(path) was not rendered")
        }
        let home = try String(contentsOf: root.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("<li><a href=\"/measurements/\">Measured locally</a></li>"))
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)

        try IncrementalBuildTests.write([Self.measured: Self.file(model: "alpha", decode: "80")], into: root)
        let changed = try await IncrementalBuildTests.build(root)
        #expect(
            changed.renderedPaths == IncrementalBuildTests.pairsOfAlpha
                + ["measurements/alpha/2026-11-25-box.yaml", "measurements/index.html", "models/alpha/index.html"])
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)

        try IncrementalBuildTests.write([Self.measured: nil], into: root)
        let removed = try await IncrementalBuildTests.build(root)
        #expect(removed.deletedPaths == ["measurements/alpha/2026-11-25-box.yaml", "measurements/index.html"])
        #expect(!(try String(contentsOf: root.appendingPathComponent("public/index.html"), encoding: .utf8)).contains("Measured locally"))
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)
    }
}
