import Foundation
import TestSupport
import Testing
@testable import VersusCore

/// Builds real sites with the repository's templates and checks what a reader would get.
@Suite(.serialized) struct SiteBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        try TemporaryFolders.make("versus-tests")
    }

    /// Builds the site folder at `root` into `output`; returns the diagnostics when the catalog has errors.
    static func build(root: URL, into output: URL) async throws -> SiteBuilder.Report {
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog, "catalog errors: \(result.diagnostics.errors)")
        let templates = try TemplateSet.load(root: root.path).get()
        return try await SiteBuilder(catalog: catalog, templates: templates).build(into: output)
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return result
    }

    static func page(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "no \(path)"), as: UTF8.self)
    }

    /// Visible text with tags removed and entities decoded, whitespace collapsed.
    static func text(_ html: String) -> String {
        var out = "", inTag = false
        for character in html {
            if character == "<" { inTag = true; out.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        out = out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: The bundled catalog

    @Test(.enabled(if: BundledCatalog.present, "Content/site.yaml is not in the repository yet"))
    func bundledSiteIsCompleteValidAndLinked() async throws {
        let output = try Self.temporaryFolder().appendingPathComponent("public")
        let report = try await Self.build(root: Self.repository, into: output)
        let files = try Self.files(in: output)
        let models = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Content/models").path)
            .filter { $0.hasSuffix(".yaml") }.count
        #expect(report.pairPages == models * (models - 1) / 2)
        let pairPages = files.keys.filter { $0.hasPrefix("compare/") && $0.hasSuffix("/index.html") }
        #expect(pairPages.count == report.pairPages)
        for required in [
            "index.html", "404.html", "sitemap.xml", "robots.txt", "_redirects", "benchmarks/index.html",
            "assets/versus.css", "assets/versus.js",
        ] {
            #expect(files[required] != nil, "missing \(required)")
        }
        #expect(files.keys.filter { $0.hasPrefix("models/") }.count == models)

        // Every page parses, loads nothing from other hosts, and every internal link resolves to a file.
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let report = HTMLChecker.check(html)
            #expect(report.problems.isEmpty, "\(path): \(report.problems.prefix(5))")
            #expect(report.externalResources.isEmpty, "\(path) loads \(report.externalResources)")
            for link in report.links {
                if link.hasPrefix("#") {
                    #expect(report.ids.contains(String(link.dropFirst())), "\(path): no element for \(link)")
                    continue
                }
                var target = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                #expect(target.hasPrefix("/"), "\(path): link \(link) is not site-relative")
                target.removeFirst()
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                #expect(files[target] != nil, "\(path): link \(link) leads nowhere")
            }
            #expect(html.contains("<link rel=\"canonical\" href=\"https://"), "\(path) has no canonical link")
            #expect(html.contains("property=\"og:title\""), "\(path) has no Open Graph title")
        }
        let sitemap = try Self.page(files, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://versus.example.com/compare/"))
        let redirects = try Self.page(files, "_redirects")
        #expect(
            redirects.contains("/compare/qwen3-5-122b-a10b-vs-gpt-5-3-codex-spark/ /compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/ 301"))
    }

    @Test(.enabled(if: BundledCatalog.present, "Content/site.yaml is not in the repository yet"))
    func seedMonthlyCostsComeOutExactly() async throws {
        let output = try Self.temporaryFolder().appendingPathComponent("public")
        _ = try await Self.build(root: Self.repository, into: output)
        let files = try Self.files(in: output)
        let spark = Self.text(try Self.page(files, "compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/index.html"))
        #expect(spark.contains("$728"))
        #expect(spark.contains("No price in the catalog"))
        #expect(!spark.contains("$0 "))
        let gpt52 = Self.text(try Self.page(files, "compare/gpt-5-2-codex-vs-qwen3-5-4b/index.html"))
        #expect(gpt52.contains("$4,900"))
        let gpt51 = Self.text(try Self.page(files, "compare/gpt-5-1-codex-vs-qwen3-5-4b/index.html"))
        #expect(gpt51.contains("$3,500"))
        #expect(gpt51.contains("Not documented"))
    }

    @Test(.enabled(if: BundledCatalog.present, "Content/site.yaml is not in the repository yet"))
    func twoBuildsAreByteIdentical() async throws {
        let folder = try Self.temporaryFolder()
        _ = try await Self.build(root: Self.repository, into: folder.appendingPathComponent("one"))
        _ = try await Self.build(root: Self.repository, into: folder.appendingPathComponent("two"))
        let one = try Self.files(in: folder.appendingPathComponent("one"))
        let two = try Self.files(in: folder.appendingPathComponent("two"))
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, data) in one { #expect(two[path] == data, "\(path) differs between builds") }
    }

    // MARK: Fixture sites

    static func fixtureSite(_ files: [String: String]) throws -> URL {
        let root = try temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        return root
    }

    static let hostile: [String: String] = [
        "Content/site.yaml": "title: \"<b>Site</b>\"\nbase_url: https://example.test\n",
        "Content/providers/p.yaml": "name: \"<img src=x onerror=alert(1)>\"\nkind: router\nurl: \"https://example.test/?a=1&b=2\"\n",
        "Content/models/evil.yaml": """
        name: "<script>alert('x')</script>"
        developer: "Bad & \\"Co\\""
        best_for: ["</td><td>injected"]
        routes:
          - provider: p
            input: 1
            output: 2
            source: "https://example.test/a?b=<c>"
        """,
        "Content/models/plain.yaml": "name: Plain\ndeveloper: Lab\n",
        "Content/comparisons/evil-vs-plain.md":
            "---\ntitle: Editorial\n---\nHello <script>alert(2)</script> **bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    ]

    @Test func hostileNamesAreEscapedEverywhere() async throws {
        let root = try Self.fixtureSite(Self.hostile)
        let output = root.appendingPathComponent("public")
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        // The web address with `<` is refused as a source by the check, so drop it and build.
        #expect(result.diagnostics.errors.isEmpty || result.diagnostics.errors.allSatisfy { $0.location.file.hasSuffix("evil.yaml") })
        var files = Self.hostile
        files["Content/models/evil.yaml"] = files["Content/models/evil.yaml"]!.replacingOccurrences(of: "?b=<c>", with: "")
        let clean = try Self.fixtureSite(files)
        _ = try await Self.build(root: clean, into: output)
        let built = try Self.files(in: output)
        for (path, data) in built where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path) contains a live script")
            #expect(!html.contains("<img src=x"), "\(path) contains a live image")
            #expect(!html.contains("</td><td>injected"), "\(path) lets a name break a table")
            #expect(HTMLChecker.check(html).problems.isEmpty, "\(path): \(HTMLChecker.check(html).problems.prefix(3))")
        }
        let pair = try Self.page(built, "compare/evil-vs-plain/index.html")
        #expect(pair.contains("&lt;script&gt;alert("))
        #expect(pair.contains("<strong>bold</strong>"))
        #expect(pair.contains("<table>"))
        #expect(pair.contains("raw HTML omitted"))
    }

    @Test func failedBuildLeavesThePreviousOutputAlone() async throws {
        let root = try Self.fixtureSite([
            "Content/site.yaml": "title: T\nbase_url: https://example.test\n",
            "Content/models/a.yaml": "name: A\ndeveloper: L\n",
            "Content/models/b.yaml": "name: B\ndeveloper: L\n",
        ])
        let output = root.appendingPathComponent("public")
        _ = try await Self.build(root: root, into: output)
        let before = try Self.files(in: output)
        #expect(before["compare/a-vs-b/index.html"] != nil)
        // Break a template: loading fails before anything is written.
        try Data("{{#broken}}".utf8).write(to: root.appendingPathComponent("Templates/pages/pair.mustache"))
        #expect(throws: DiagnosticsError.self) { try TemplateSet.load(root: root.path).get() }
        // A writer that fails half-way through leaves the old output in place.
        let writer = SiteWriter(output: output)
        try writer.begin()
        try writer.write("index.html", "partial")
        #expect(throws: SiteWriter.WriteError.self) { try writer.write("../escape.html", "x") }
        writer.abandon()
        #expect(try Self.files(in: output) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
    }
}

/// Template problems are reported with the template's own file, line and column, and escaping is the usual five.
@Suite struct TemplateLoadingTests {
    @Test func aBrokenTemplateNamesItsFileAndLine() throws {
        let root = try SiteBuildTests.fixtureSite(["Content/site.yaml": "title: T\nbase_url: https://example.test\n"])
        try Data("<p>\n{{#open}}\n<b>\n".utf8).write(to: root.appendingPathComponent("Templates/pages/404.mustache"))
        guard case let .failure(error) = TemplateSet.load(root: root.path) else {
            Issue.record("a template with an unclosed section loaded")
            return
        }
        let printed = error.diagnostics.map(\.description)
        #expect(printed.count == 1)
        #expect(printed.first?.hasPrefix("Templates/pages/404.mustache:") == true, "\(printed)")
        #expect(printed.first?.contains("error: template error") == true)
        try Data("<p>{{/never}}</p>\n".utf8).write(to: root.appendingPathComponent("Templates/pages/404.mustache"))
        guard case let .failure(second) = TemplateSet.load(root: root.path) else {
            Issue.record("a template closing an unopened section loaded")
            return
        }
        #expect(second.diagnostics.first?.location.line == 1, "\(second.diagnostics)")
    }

    @Test func aMissingPartialOrIncludeIsAnErrorAtItsTag() async throws {
        let root = try SiteBuildTests.fixtureSite(["Content/site.yaml": "title: T\nbase_url: https://example.test\n"])
        let templates = root.appendingPathComponent("Templates")
        // A deleted partial, a misspelt section include: each silently dropped part of every page before.
        try FileManager.default.removeItem(at: templates.appendingPathComponent("partials/html-row.mustache"))
        let pair = templates.appendingPathComponent("pages/pair.mustache")
        let text = try String(contentsOf: pair, encoding: .utf8)
        try text.replacingOccurrences(of: "{{>sections/pair-specs}}", with: "{{>sections/pair-spces}}").write(
            to: pair, atomically: true, encoding: .utf8)
        guard case let .failure(error) = TemplateSet.load(root: root.path) else {
            Issue.record("templates naming missing partials loaded")
            return
        }
        let printed = error.diagnostics.map(\.description)
        #expect(printed.count == 3, "\(printed)")
        #expect(
            printed.contains { $0.hasPrefix("Templates/partials/html-row.mustache:1:1: error: required template is missing") }, "\(printed)"
        )
        #expect(
            printed.contains {
                $0.hasPrefix("Templates/pages/pair.mustache:") && $0.contains("error: `sections/pair-spces` names no template")
                    && $0.contains("did you mean `sections/pair-specs`?")
            }, "\(printed)")
        #expect(
            printed.contains { $0.hasPrefix("Templates/sections/pair-cost.mustache:43:1: error: `partials/html-row` names no template") },
            "\(printed)")
        // The line and column are the tag's.
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("{{>sections/pair-specs}}") }! + 1
        #expect(error.diagnostics.contains { $0.location.file == "Templates/pages/pair.mustache" && $0.location.line == line })
    }

    @Test func escapingMatchesTheFiveHTMLReplacements() {
        #expect(FastHTMLEscaping.escape("plain text, no change") == "plain text, no change")
        #expect(FastHTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(FastHTMLEscaping.escape("<\u{0338}script>") == "&lt;\u{0338}script&gt;")
        #expect(FastHTMLEscaping.escape("日本語 <b>") == "日本語 &lt;b&gt;")
    }
}

@Suite struct JSONLDTests {
    @Test func stringsCannotEndTheScriptElementOrBreakJSON() throws {
        let text = "a\"b\\c\nd</script>&e\u{2028}f\u{2029}g\u{01}h\té😀"
        let literal = JSONLD.string(text)
        #expect(literal == "\"a\\\"b\\\\c\\nd\\u003c/script\\u003e\\u0026e\\u2028f\\u2029g\\u0001h\\té😀\"")
        // It reads back as the same text.
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
        #expect(JSONLD.string("") == "\"\"" && JSONLD.string("plain") == "\"plain\"" && JSONLD.string("<") == "\"\\u003c\"")
    }

    @Test func anFAQPageReadsBackAsItsQuestions() throws {
        #expect(JSONLD.faqPage([]) == nil)
        let questions = [
            Question(question: "Is <b>A</b> & \"B\" cheaper?", answer: "Yes.\u{2028}Line\\two"),
            Question(question: "Plain?", answer: "日本語 😀"),
        ]
        let page = try #require(JSONLD.faqPage(questions))
        #expect(!page.contains("<") && !page.contains("&"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(page.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "FAQPage")
        let entities = try #require(object["mainEntity"] as? [[String: Any]])
        #expect(entities.map { $0["name"] as? String } == questions.map(\.question))
        #expect(entities.map { ($0["acceptedAnswer"] as? [String: Any])?["text"] as? String } == questions.map(\.answer))
    }
}

@Suite struct TokenFormatTests {
    /// Whole-number formatting of token counts gives exactly what Decimal arithmetic gives.
    @Test func wholeNumbersMatchDecimalArithmetic() {
        var values = [
            0, 1, 999, 1_000, 1_499, 1_500, 1_999, 999_499, 999_500, 999_999, 1_000_000, 1_004_999, 1_005_000,
            1_048_576, 1_995_000, 2_000_000, 131_072, 262_144, 400_000, 10_000_000, 1_234_567_890,
        ]
        var seed: UInt64 = 42
        for _ in 0..<5_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            values.append(Int(seed >> 34))
        }
        for value in values {
            #expect(Format.tokens(value) == Format.decimalTokens(value), "\(value)")
        }
    }
}
