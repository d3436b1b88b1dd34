import Foundation
import Synchronization
import Testing
@testable import VersusCore

/// Files no editor meant to write: each gives one clear diagnostic, never a crash, a hang or a huge allocation.
/// Most are written to a real temporary folder and read through the real file system.
@Suite struct HostileInputTests {
    /// A deterministic generator, so a failure can be reproduced byte for byte.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Writes the valid fixture plus `extra` to a temporary site and checks it from disk.
    static func checkOnDisk(_ extra: [String: Data], fileSystem: (FileSystem) -> FileSystem = { $0 })
        throws -> (result: CatalogValidator.Result, root: URL)
    {
        let root = try CatalogFixture.temporaryFolder()
        try CatalogFixture.write(CatalogFixture.valid, under: root)
        try CatalogFixture.write(extra, under: root)
        let result = CatalogCheck.run(root: root.path, fileSystem: fileSystem(.local), today: CatalogFixture.today)
        return (result, root)
    }

    // MARK: Markup in values

    @Test func htmlAndQuotesInNamesLoadUnchanged() throws {
        let name = #"<script>alert("x")</script> & 'Quoted' "Model" </title>"#
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": """
            name: '<script>alert("x")</script> & ''Quoted'' "Model" </title>'
            developer: "<b>Lab</b> & \\"Co\\""
            best_for: ["<img src=x onerror=alert(1)>"]
            last_reviewed: 2026-06-01
            """,
            "providers/evil.yaml": "name: \"<a href='javascript:alert(1)'>Evil</a>\"\nkind: gateway\n",
            "sources.yaml": CatalogFixture.valid["sources.yaml"]! + "\n- id: tricky\n  title: </a><script>x</script>\n",
            "comparisons/alpha-one-vs-gamma.md": "---\ntitle: \"\\\"><svg onload=alert(1)>\"\n---\n<script>alert(1)</script>\n",
        ])
        expectCatalogWarnings(result, [])
        let catalog = try #require(result.catalog)
        #expect(catalog.model("gamma")?.name == name)
        #expect(catalog.model("gamma")?.developer == #"<b>Lab</b> & "Co""#)
        #expect(catalog.model("gamma")?.bestFor == ["<img src=x onerror=alert(1)>"])
        #expect(catalog.providers["evil"]?.name == "<a href='javascript:alert(1)'>Evil</a>")
        #expect(catalog.sources["tricky"]?.title == "</a><script>x</script>")
        let editorial = try #require(catalog.editorials[PairID("alpha-one", "gamma")])
        #expect(editorial.title == #""><svg onload=alert(1)>"#)
        #expect(editorial.body == "<script>alert(1)</script>\n", "the loader keeps the body; the renderer drops raw HTML")
    }

    @Test func theCharactersVersusUsesInternallyAreRefusedInCatalogText() {
        // U+E000 opens a source token on pages; U+F0000 is a stamp's stand-in. Either in a name, a title or a note
        // would be read as Versus's own marks ("Anthropic [Anthropic] [?]"), so the file is refused where it holds one.
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": "name: Gamma\ndeveloper: \"Lab\\uE000 1\"\nlast_reviewed: 2026-06-01\n",
            "sources.yaml": CatalogFixture.valid["sources.yaml"]! + "\n- id: odd\n  title: Odd \u{F0000} title\n",
            "comparisons/alpha-one-vs-beta-two.md": "---\ntitle: Fine\n---\nA body with \u{E002}7\u{E003} inside.\n",
        ])
        let errors = result.diagnostics.errors.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(
            errors.contains {
                $0.hasPrefix("Content/comparisons/alpha-one-vs-beta-two.md:4:13 the text holds the private-use character U+E002")
            }, "\(errors)")
        #expect(errors.contains { $0.contains("sources.yaml:") && $0.contains("U+F0000") }, "\(errors)")
        // An escape in a quoted YAML text makes the character only when parsed: refused all the same, at the value.
        #expect(
            errors.contains { $0.hasPrefix("Content/models/gamma.yaml:2:12 the text holds the private-use character U+E000") }, "\(errors)")
        #expect(result.catalog == nil)
        #expect(StandIns.first(in: "plain text, é, 日本, 🙂") == nil)
        #expect(StandIns.first(in: "a\nbc\u{10FFFD}")! == (2, 3, Unicode.Scalar(0x10FFFD)!))
    }

    @Test func controlCharactersAreShownSafelyInMessages() {
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml":
                "name: Gamma\ndeveloper: Lab\nopenness: \"open\\u0007\\nweights\"\nproduct_type: \"a\\u2028b\\rc\\u202Ed\"\n"
        ])
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:3:11: error: `openness` cannot be \"open?\\nweights\" (did you mean `open-weights`?)",
                "Content/models/gamma.yaml:4:15: error: `product_type` cannot be \"a?b\\rc?d\" (use one of: coding-specialized, general, reasoning, multimodal, lightweight, agentic, embedding, reranking, safety-classifier, speech)",
            ])
    }

    /// Text from the catalog never breaks a diagnostic over two lines, so no file can forge a line of its own.
    @Test func everyDiagnosticStaysOnOneLine() throws {
        let forged = "x\nContent/site.yaml:1:1: error: forged"
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": """
            name: Gamma
            developer: Lab
            "\(forged.replacingOccurrences(of: "\n", with: "\\n"))": 1
            capabilities:
              "vision\\u2028": yes
            sources: ["nowhere\\r\\nat all"]
            benchmarks:
              - benchmark: arena-elo
                variant: "a\\nb"
                score: 1200
                source: alpha-launch
              - benchmark: arena-elo
                variant: "a\\nb"
                score: 1300
                source: beta-card
            """,
            "site.yaml": "title: T\nbase_url: https://example.test\npairs: [\"alpha-one-vs-\\u202Egamma\"]\n",
        ])
        let printed = result.diagnostics.printed.joined(separator: "\n")
        #expect(!printed.contains("\u{2028}") && !printed.contains("\u{202E}") && !printed.contains("\r"))
        #expect(printed.split(separator: "\n").count == result.diagnostics.count, "\(printed)")
        #expect(
            result.diagnostics.errors.printed == [
                "Content/models/gamma.yaml:1:1: error: model `gamma` sets unknown capability `vision?` (did you mean `vision`?)",
                "Content/models/gamma.yaml:1:1: error: unknown source `nowhere\\r\\nat all` (a source is an id from Content/sources.yaml or an https:// address)",
                "Content/models/gamma.yaml:3:1: error: unknown key `x\\nContent/site.yaml:1:1: error: forged` in model `gamma` (the keys of model `gamma` are: id, name, developer, family, product_type, release_date, knowledge_cutoff, license, openness, commercial_use, parameters, architecture, context_window, max_output, modalities, languages, capabilities, best_for, decision_fit, routes, benchmarks, self_hosting, sources, last_reviewed, notes, aliases)",
                "Content/site.yaml:3:9: error: alpha-one-vs-?gamma names a model that does not exist: `?gamma` (did you mean `gamma`?) (model ids are the file names under Content/models/)",
            ])
        #expect(
            result.diagnostics.warnings.printed.contains {
                $0.hasPrefix(
                    "Content/models/gamma.yaml:10:12: warning: sources disagree on the `arena-elo` (a\\nb) score: 1200 (alpha-launch) vs 1300 (beta-card)"
                )
            }, "\(printed)")

        let root = try CatalogFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try CatalogFixture.write(CatalogFixture.valid, under: root)
        try CatalogFixture.write(
            [
                "comparisons/alpha-one-vs-\nContent:1:1: error: forged.md": "Body\n",
                "models/line\nbreak.yaml": "name: X\ndeveloper: Y\n",
                "notes\r.txt": "x",
            ], under: root)
        let onDisk = CatalogCheck.run(root: root.path, today: CatalogFixture.today)
        let rule = "(ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters)"
        #expect(
            onDisk.diagnostics.printed == [
                "Content/comparisons/alpha-one-vs-\\nContent:1:1: error: forged.md:1:1: error: file name \"alpha-one-vs-\\nContent:1:1: error: forged\" is not a valid id \(rule)",
                "Content/models/line\\nbreak.yaml:1:1: error: file name \"line\\nbreak\" is not a valid id \(rule)",
                "Content/notes\\r.txt:1:1: warning: not part of the catalog; ignored (Content/ holds site.yaml, sources.yaml, benchmarks.yaml, providers/, models/, comparisons/, changes/ and imports/)",
            ])
    }

    // MARK: Size

    /// A 50 MB file is refused from its size alone: the loader never reads it.
    @Test func fiftyMegabyteFileIsRefusedWithoutReadingIt() throws {
        let root = try CatalogFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try CatalogFixture.write(CatalogFixture.valid, under: root)
        let big = root.appendingPathComponent("Content/models/huge.yaml")
        #expect(FileManager.default.createFile(atPath: big.path, contents: Data("name: Huge\n".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()

        let reads = Mutex<[String]>([])
        var watched = FileSystem.local
        let read = watched.read
        watched.read = { path in
            reads.withLock { $0.append(path) }
            return try read(path)
        }
        let result = CatalogCheck.run(root: root.path, fileSystem: watched, today: CatalogFixture.today)
        expectCatalogErrors(
            result,
            [
                "Content/models/huge.yaml:1:1: error: file is 50 MB; catalog files may be at most 4 MB (split it into smaller files, or check that this is really a catalog file)"
            ])
        let paths = reads.withLock { $0 }
        #expect(!paths.contains { $0.hasSuffix("huge.yaml") }, "the 50 MB file was read: \(paths)")
        #expect(paths.contains { $0.hasSuffix("alpha-one.yaml") }, "the other files were still read")
    }

    /// When the size cannot be known beforehand (or lies), what was read is checked too.
    @Test func oversizedDataIsRefusedAfterReading() {
        var files = CatalogFixture.valid.mapValues { Data($0.utf8) }
        files["models/gamma.yaml"] = Data(repeating: UInt8(ascii: "#"), count: YAMLParser.maximumFileSize + 1)
        var fileSystem = FileSystem.memory(data: Dictionary(uniqueKeysWithValues: files.map { ("site/Content/\($0.key)", $0.value) }))
        fileSystem.fileSize = { _ in nil }
        let result = CatalogCheck.run(root: "site", fileSystem: fileSystem, today: CatalogFixture.today)
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:1:1: error: file is more than 4 MB; catalog files may be at most 4 MB (split it into smaller files, or check that this is really a catalog file)"
            ])
        #expect(
            YAMLParser.parse(Data(count: YAMLParser.maximumFileSize + 1), file: "x.yaml").failureDescription
                == "x.yaml:1:1: error: file is more than 4 MB; catalog files may be at most 4 MB (split it into smaller files, or check that this is really a catalog file)"
        )
    }

    @Test func linksToDevicesAndHugeFilesAreNotFollowedIntoEndlessReads() throws {
        let root = try CatalogFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try CatalogFixture.write(CatalogFixture.valid, under: root)
        let models = root.appendingPathComponent("Content/models")
        let outside = root.appendingPathComponent("outside.yaml")
        #expect(FileManager.default.createFile(atPath: outside.path, contents: nil))
        let handle = try FileHandle(forWritingTo: outside)
        try handle.truncate(atOffset: 10 * 1024 * 1024)
        try handle.close()
        try FileManager.default.createSymbolicLink(
            atPath: models.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(
            atPath: models.appendingPathComponent("link.yaml").path, withDestinationPath: outside.path)
        try FileManager.default.createDirectory(at: models.appendingPathComponent("folder.yaml"), withIntermediateDirectories: false)

        let result = CatalogCheck.run(root: root.path, today: CatalogFixture.today)
        expectCatalogErrors(
            result,
            [
                "Content/models/folder.yaml:1:1: error: is a folder, not a file (move what it holds out of Content/, or rename it)",
                "Content/models/link.yaml:1:1: error: file is 10 MB; catalog files may be at most 4 MB (split it into smaller files, or check that this is really a catalog file)",
                "Content/models/zero.yaml:1:1: error: is not a regular file (a device, pipe or socket) (remove it from Content/)",
            ])
    }

    // MARK: Nesting

    @Test func tenThousandOpenBrackets() throws {
        let (result, root) = try Self.checkOnDisk([
            "models/gamma.yaml": Data(("name: Gamma\ndeveloper: Lab\nbest_for: " + String(repeating: "[", count: 10_000) + "\n").utf8)
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:3:1: error: nesting is more than 64 levels deep (at least 65 here) (catalog files need only a few levels; flatten this structure)"
            ])
    }

    @Test func tenThousandLevelBlockList() throws {
        let (result, root) = try Self.checkOnDisk([
            "models/gamma.yaml": Data(("name: Gamma\ndeveloper: Lab\nbest_for:\n" + String(repeating: "- ", count: 10_000) + "x\n").utf8)
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:4:1: error: nesting is more than 64 levels deep (at least 65 here) (catalog files need only a few levels; flatten this structure)"
            ])
    }

    /// One space more on each line (a file of 500 kB); the estimate counts two spaces a level, so it stops at 130.
    @Test func thousandIndentedLevels() {
        var text = "name: Gamma\ndeveloper: Lab\nlicense:\n"
        for level in 1...1_000 { text += String(repeating: " ", count: level) + "a:\n" }
        let result = CatalogFixture.check(changing: ["models/gamma.yaml": text])
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:133:1: error: nesting is more than 64 levels deep (at least 65 here) (catalog files need only a few levels; flatten this structure)"
            ])
    }

    static let hiddenNesting =
        "name: Gamma\ndeveloper: Lab\nbest_for: [\"x\n\", " + String(repeating: "[", count: 990)
        + String(repeating: "]", count: 990) + "]\n"

    /// Brackets hidden from the quick depth estimate behind a quoted text that spans two lines still end in a
    /// diagnostic: up to the YAML reader's own limit of 1,000 levels the tree is built and the exact check finds
    /// the 65th level; beyond it the reader stops.
    @Test func nestingHiddenBehindAMultiLineQuote() {
        expectCatalogErrors(
            CatalogFixture.check(changing: ["models/gamma.yaml": Self.hiddenNesting]),
            [
                "Content/models/gamma.yaml:4:67: error: nesting is more than 64 levels deep (catalog files need only a few levels; flatten this structure)"
            ])
        let farOver =
            "name: Gamma\ndeveloper: Lab\nbest_for: [\"x\n\", " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "]\n"
        expectCatalogErrors(
            CatalogFixture.check(changing: ["models/gamma.yaml": farOver]),
            [
                "Content/models/gamma.yaml:4:4: error: nesting is deeper than the YAML reader allows (catalog files need only a few levels; flatten this structure)"
            ])
    }

    /// The YAML library recurses once per level, a few kilobytes each; the check must not overflow the 512 KB
    /// stack of a secondary thread (the size macOS gives them) even at the library's limit.
    @Test func deepNestingIsSafeOnASmallStack() {
        final class Outcome: Sendable { let lines = Mutex<[String]>([]) }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let files = CatalogFixture.catalog(["models/gamma.yaml": Self.hiddenNesting])
        let thread = Thread {
            let lines = CatalogFixture.check(files).diagnostics.errors.printed
            outcome.lines.withLock { $0 = lines }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        #expect(
            outcome.lines.withLock { $0 } == [
                "Content/models/gamma.yaml:4:67: error: nesting is more than 64 levels deep (catalog files need only a few levels; flatten this structure)"
            ])
    }

    @Test func nestingCheckIgnoresBracketsInQuotesAndComments() {
        let brackets = String(repeating: "[", count: 100)
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": "name: \"\(brackets)\"\ndeveloper: '\(brackets)'\nnotes: plain # \(brackets)\nlast_reviewed: 2026-06-01\n"
        ])
        expectCatalogWarnings(result, [])
    }

    // MARK: Binary and encodings

    @Test func randomBytesWithNULs() throws {
        var generator = SplitMix64(state: 42)
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[100] = 0
        let (result, root) = try Self.checkOnDisk([
            "models/gamma.yaml": Data(bytes),
            "comparisons/alpha-one-vs-beta-two.md": Data(bytes.reversed()),
            "sources.yaml": Data([0x2D, 0x20, 0x00]),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/alpha-one-vs-beta-two.md:1:1: error: file contains NUL bytes: it is binary, not text (remove it or save it as UTF-8 text)",
                "Content/models/gamma.yaml:1:1: error: file contains NUL bytes: it is binary, not text (remove it or save it as UTF-8 text)",
                "Content/sources.yaml:1:1: error: file contains NUL bytes: it is binary, not text (remove it or save it as UTF-8 text)",
            ])
    }

    @Test func invalidUTF8() throws {
        var generator = SplitMix64(state: 7)
        let noise = (0..<2048).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
        let (result, root) = try Self.checkOnDisk([
            "models/gamma.yaml": Data("name: Gamma\ndeveloper: ".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8),
            "providers/noise.yaml": Data(noise),
            "site.yaml": Data([0xEF, 0xBB, 0xBF, 0xFF]) + Data("title: T\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:1:1: error: file is not valid UTF-8 text (save it as UTF-8)",
                "Content/providers/noise.yaml:1:1: error: file is not valid UTF-8 text (save it as UTF-8)",
                "Content/site.yaml:1:1: error: file is not valid UTF-8 text (save it as UTF-8)",
            ])
    }

    @Test func fuzzedCatalogFilesNeverCrash() {
        // Cut and corrupt the fixture's own files at random: whatever comes out, the check finishes with diagnostics.
        var generator = SplitMix64(state: 2026)
        let alphabet = Array(":-[]{}&*!|>'\"#%@`,? \n\t\u{0}é".unicodeScalars)
        for round in 0..<300 {
            var files = CatalogFixture.valid
            let path = files.keys.sorted()[round % files.count]
            var scalars = Array(files[path]!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...6, using: &generator) where !scalars.isEmpty {
                let index = Int.random(in: 0..<scalars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: scalars[index] = alphabet.randomElement(using: &generator)!
                case 1: scalars.insert(alphabet.randomElement(using: &generator)!, at: index)
                default: scalars.removeSubrange(index..<min(scalars.count, index + Int.random(in: 1...20, using: &generator)))
                }
            }
            files[path] = String(String.UnicodeScalarView(scalars))
            let result = CatalogFixture.check(files)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
                #expect(!diagnostic.message.isEmpty)
            }
            #expect(result.catalog != nil || result.diagnostics.hasErrors, "no catalog but no error either (round \(round))")
        }
    }

    // MARK: Missing and empty

    @Test func missingContentFolder() throws {
        let root = try CatalogFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = CatalogCheck.run(root: root.path, today: CatalogFixture.today)
        expectCatalogErrors(
            result,
            [
                "Content:1:1: error: there is no Content/ folder in \(root.path) (run versus in a site folder, or pass --root DIR)"
            ])
    }

    @Test func emptyContentFolder() throws {
        let root = try CatalogFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: false)
        try Data().write(to: root.appendingPathComponent("Content/.DS_Store"))
        let result = CatalogCheck.run(root: root.path, today: CatalogFixture.today)
        expectCatalogErrors(
            result,
            [
                "Content:1:1: error: Content/ is empty (add at least Content/site.yaml; see docs/catalog.md)"
            ])
    }

    @Test func contentIsAFile() throws {
        let root = try CatalogFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("title: T\n".utf8).write(to: root.appendingPathComponent("Content"))
        let result = CatalogCheck.run(root: root.path, today: CatalogFixture.today)
        expectCatalogErrors(
            result,
            [
                "Content:1:1: error: there is no Content/ folder in \(root.path) (run versus in a site folder, or pass --root DIR)"
            ])
    }

    @Test func missingSiteYAML() {
        let result = CatalogFixture.check(changing: ["site.yaml": nil])
        expectCatalogErrors(
            result,
            [
                "Content/site.yaml:1:1: error: Content/site.yaml is missing (create it with at least `title:` and `base_url:`)"
            ])
    }

    @Test func emptyFiles() throws {
        let (result, root) = try Self.checkOnDisk([
            "site.yaml": Data(),
            "models/gamma.yaml": Data("\n\n# only a comment\n".utf8),
            "providers/blank.yaml": Data("   \n".utf8),
            "comparisons/alpha-one-vs-gamma.md": Data(),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        expectCatalogErrors(
            result,
            [
                "Content/models/gamma.yaml:1:1: error: model file is empty (add at least `name:` and `developer:`)",
                "Content/providers/blank.yaml:1:1: error: provider file is empty (add at least `name:` and `kind:`)",
                "Content/site.yaml:1:1: error: site.yaml is empty (add at least `title:` and `base_url:`)",
            ])
    }

    @Test func emptySourcesAndBenchmarksMeanThereAreNone() {
        let result = CatalogFixture.check(changing: ["sources.yaml": "", "benchmarks.yaml": "# none yet\n"])
        #expect(
            result.diagnostics.errors.printed.contains(
                "Content/models/alpha-one.yaml:43:5: error: result names unknown benchmark `swe-bench-verified` (benchmarks are listed in Content/benchmarks.yaml)"
            ))
        #expect(
            result.diagnostics.errors.printed.contains(
                "Content/models/beta-two.yaml:1:1: error: unknown source `beta-card` (a source is an id from Content/sources.yaml or an https:// address)"
            ))
    }

    // MARK: Anchors and aliases

    @Test func billionLaughs() {
        var text = "name: Gamma\ndeveloper: Lab\nnotes: &a0 \"lol\"\n"
        for level in 1...9 {
            text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var result: CatalogValidator.Result?
        let elapsed = clock.measure { result = CatalogFixture.check(changing: ["models/gamma.yaml": text]) }
        expectCatalogErrors(
            result!,
            [
                "Content/models/gamma.yaml:3:8: error: YAML anchors and aliases (&name, *name) are not supported in the catalog (write the value out where it is used)"
            ])
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func singleAnchorAndAliasAreRefused() {
        let result = CatalogFixture.check(changing: [
            "models/gamma.yaml": "name: Gamma\ndeveloper: &lab Lab\nfamily: *lab\nlast_reviewed: 2026-06-01\n",
            "comparisons/alpha-one-vs-beta-two.md": "---\ntldr: &t [a]\nfaq: []\n---\nBody\n",
        ])
        expectCatalogErrors(
            result,
            [
                "Content/comparisons/alpha-one-vs-beta-two.md:2:7: error: YAML anchors and aliases (&name, *name) are not supported in the catalog (write the value out where it is used)",
                "Content/models/gamma.yaml:2:12: error: YAML anchors and aliases (&name, *name) are not supported in the catalog (write the value out where it is used)",
            ])
    }

    @Test func aliasToAnUndefinedAnchor() {
        let result = CatalogFixture.check(changing: ["models/gamma.yaml": "name: Gamma\ndeveloper: *nowhere\n"])
        #expect(result.diagnostics.errors.count == 1)
        #expect(
            result.diagnostics.errors.first?.location == VersusCore.SourceLocation(file: "Content/models/gamma.yaml", line: 2, column: 12))
    }
}

extension Result where Success == YAMLNode?, Failure == DiagnosticsError {
    var failureDescription: String? {
        if case let .failure(error) = self { return error.description }
        return nil
    }
}
