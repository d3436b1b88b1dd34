import Foundation
import Mustache
import Testing
@testable import VersusCore

/// Pages rendered through stamps must be, byte for byte, what swift-mustache renders; shapes a stamp cannot stand
/// for must go to the engine.
@Suite struct TemplateStampTests {
    /// A stamp set over templates given as text ("page" is the stamped page template).
    static func stampSet(_ templates: [String: String]) throws -> StampSet {
        _ = FastHTMLEscaping.registered
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in templates { parsed[name] = try MustacheTemplate(string: FastHTMLEscaping.pragma + text) }
        return StampSet(library: MustacheLibrary(templates: parsed), templateNames: Array(templates.keys), pages: ["page"])
    }

    /// Renders each view through stamps and by the engine, expects the same bytes, and returns the stamp shapes.
    @discardableResult
    static func expectSameAsEngine(
        _ templates: [String: String], _ views: [[String: Any]],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (stamped: Int, engine: Int) {
        let set = try stampSet(templates)
        let cache = try #require(set.pages["page"])
        // Twice over: the first pass records shapes, the second fills the stamps it made.
        for _ in 0..<2 {
            for view in views {
                var out: [UInt8] = []
                cache.render(try #require(ViewFields(any: view), sourceLocation: sourceLocation), in: set, into: &out)
                let engine = set.library.render(view, withTemplate: "page") ?? ""
                #expect(String(decoding: out, as: UTF8.self) == engine, sourceLocation: sourceLocation)
            }
        }
        return cache.shapes
    }

    @Test func textIsEscapedOrNotAsTheTemplateSays() throws {
        let templates = ["page": "<p title=\"{{title}}\">{{{html}}}</p>{{#flag}}<b>{{title}}</b>{{/flag}}\n"]
        let views: [[String: Any]] = [
            ["title": "A & B <c> \"d\" 'e'", "html": "<i>raw</i>", "flag": true],
            ["title": "plain", "html": "x", "flag": true],
            ["title": "\u{F0000}<aB\u{100000}<aB&lt;aB", "html": "\u{F0001}<aB", "flag": false],
            ["title": "", "html": "", "flag": false],
        ]
        let shapes = try Self.expectSameAsEngine(templates, views)
        #expect(shapes.stamped == 3 && shapes.engine == 0, "\(shapes)")  // the first two views share a shape
    }

    @Test func listsOfEveryLengthAndNestedObjects() throws {
        let templates = [
            "page":
                "{{#items}}<li>{{name}}{{#tags}} [{{.}}]{{/tags}} of {{owner.name}}</li>{{/items}}{{^items}}none{{/items}} {{count(items)}}\n"
        ]
        let views: [[String: Any]] = [
            ["items": [] as [Any], "owner": ["name": "O"]],
            ["items": [["name": "a", "tags": ["x", "y"] as [Any]]] as [Any], "owner": ["name": "O"]],
            [
                "items": [["name": "b", "tags": [] as [Any]], ["name": "c", "tags": ["z"] as [Any], "owner": ["name": "inner"]]] as [Any],
                "owner": ["name": "P & Q"],
            ],
        ]
        try Self.expectSameAsEngine(templates, views)
    }

    @Test func emptyTextIsPartOfTheShape() throws {
        let templates = ["page": "{{#empty(note)}}no note{{/empty(note)}}{{^empty(note)}}note: {{note}}{{/empty(note)}}\n"]
        let shapes = try Self.expectSameAsEngine(templates, [["note": ""], ["note": "hello"], ["note": "other"]])
        #expect(shapes.stamped == 2, "\(shapes)")
    }

    @Test func transformedTextIsLeftToTheEngine() throws {
        let templates = ["page": "{{uppercased(name)}} {{reversed(name)}}\n"]
        let shapes = try Self.expectSameAsEngine(templates, [["name": "ab"], ["name": "Cd"], ["name": "XY"]])
        #expect(shapes.stamped == 0 && shapes.engine >= 1, "\(shapes)")
    }

    /// A view holds text, flags, numbers, lists and objects only; a recording that meets any other value stops, so
    /// that no stamp stands for it.
    @Test func valuesOfOtherKindsAreNoView() throws {
        struct Opaque: CustomStringConvertible { var description: String { "opaque" } }
        #expect(ViewFields(any: ["thing": Opaque(), "n": 1]) == nil)
        #expect(ViewFields(any: ["list": [1, Opaque()] as [Any]]) == nil)
        let recorder = StampRecorder()
        _ = recorder.answer("text", at: [.key("a")], parent: -1)
        _ = recorder.answer(Opaque(), at: [.key("thing")], parent: -1)
        #expect(recorder.usableGuards == 1)
        // Numbers are part of the shape: each count renders through its own stamp.
        let shapes = try Self.expectSameAsEngine(
            ["page": "{{n}} {{x}}\n"], [["n": 1, "x": 0.5], ["n": 2, "x": 0.5], ["n": 1, "x": 0.5]])
        #expect(shapes.stamped == 2 && shapes.engine == 0, "\(shapes)")
    }

    @Test func sectionsRenderOnTheirOwnAtTheTopOfAPage() throws {
        let templates = [
            "page": "<main>\n{{>sections/a}}\n{{>sections/b}}\n</main>\n",
            "sections/a": "{{#list}}<p>{{.}}</p>{{/list}}\n",
            "sections/b": "<h2>{{title}}</h2>\n",
        ]
        let views: [[String: Any]] = [
            ["list": ["1"] as [Any], "title": "T"],
            ["list": ["1", "2", "3"] as [Any], "title": "U"],
            ["list": [] as [Any], "title": "<V>"],
        ]
        let set = try Self.stampSet(templates)
        for view in views + views {
            var out: [UInt8] = []
            set.pages["page"]!.render(try #require(ViewFields(any: view)), in: set, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == set.library.render(view, withTemplate: "page"))
        }
        // One page shape however long the list is: the list lives in its section.
        #expect(set.pages["page"]!.shapes.stamped == 1)
        #expect(set.shapes["sections/a"]?.stamped == 3)
    }

    @Test func sectionsInsideALoopOrIndentedAreLeftToTheEngine() throws {
        let inLoop = ["page": "{{#rows}}{{>sections/row}}{{/rows}}\n", "sections/row": "<td>{{cell}}</td>\n"]
        let shapes = try Self.expectSameAsEngine(
            inLoop,
            [
                ["rows": [["cell": "a"], ["cell": "b"]] as [Any]],
                ["rows": [["cell": "c"]] as [Any]],
            ])
        #expect(shapes.stamped == 0, "\(shapes)")
        let indented = ["page": "<ul>\n  {{>sections/items}}\n</ul>\n", "sections/items": "<li>{{a}}</li>\n<li>{{b}}</li>\n"]
        try Self.expectSameAsEngine(indented, [["a": "1", "b": "2"], ["a": "3", "b": "4"]])
    }

    @Test func blocksAndPartialsOfTheLayout() throws {
        let templates = [
            "layout":
                "<title>{{$title}}{{meta.title}}{{/title}}</title>\n{{$content}}{{/content}}\n{{#meta.feed}}<link href=\"{{.}}\">{{/meta.feed}}\n",
            "page": "{{<layout}}{{$content}}\n{{>sections/body}}\n{{/content}}{{/layout}}\n",
            "sections/body": "{{>partials/row}}{{^meta.feed}}no feed{{/meta.feed}}\n",
            "partials/row": "<tr><th>{{meta.title}}</th></tr>\n",
        ]
        try Self.expectSameAsEngine(
            templates,
            [
                ["meta": ["title": "A", "feed": "/f.xml"]], ["meta": ["title": "B"]],
                ["meta": ["title": "C", "feed": "/g.xml"]],
            ])
    }

    /// The whole bundled site, once through stamps and once by the engine alone: the same bytes in every file.
    @Test(.enabled(if: BundledCatalog.present, "Content/site.yaml is not in the repository yet"))
    func bundledSiteIsTheSameWithAndWithoutStamps() async throws {
        let root = SiteBuildTests.repository
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog)
        let templates = try TemplateSet.load(root: root.path).get()
        let folder = try SiteBuildTests.temporaryFolder()
        let report = try await SiteBuilder(catalog: catalog, templates: templates).build(into: folder.appendingPathComponent("stamped"))
        _ = try await SiteBuilder(catalog: catalog, templates: templates.withoutStamps()).build(
            into: folder.appendingPathComponent("engine"))
        let stamped = try SiteBuildTests.files(in: folder.appendingPathComponent("stamped"))
        let engine = try SiteBuildTests.files(in: folder.appendingPathComponent("engine"))
        #expect(stamped.count == engine.count && stamped.count == report.files)
        for (path, data) in engine { #expect(stamped[path] == data, "\(path) differs") }
        let shapes = try #require(templates.stamps?.shapes)
        #expect(shapes["pages/pair"]?.stamped == 1 || shapes["pages/pair"]?.stamped == 2, "\(shapes)")
        #expect(shapes.values.allSatisfy { $0.engine == 0 }, "a shape of the bundled templates fell back to the engine: \(shapes)")
        #expect(shapes.values.map(\.stamped).reduce(0, +) < report.pairPages * shapes.count / 2, "stamps are hardly reused: \(shapes)")
    }

    @Test func hostileSiteIsTheSameWithAndWithoutStamps() async throws {
        var files = SiteBuildTests.hostile
        files["Content/models/evil.yaml"] = files["Content/models/evil.yaml"]!.replacingOccurrences(of: "?b=<c>", with: "")
        // The stamps' own stand-in characters (U+F0000…) cannot reach them from the catalog any more: the loader
        // refuses them (`StandIns`, tested in HostileInputTests). Text that looks like markup still must.
        files["Content/models/plain.yaml"] = "name: \"Plain <aB <aB &lt;aB \u{EFFFD}\"\ndeveloper: Lab\n"
        let root = try SiteBuildTests.fixtureSite(files)
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog, "\(result.diagnostics.errors)")
        let templates = try TemplateSet.load(root: root.path).get()
        _ = try await SiteBuilder(catalog: catalog, templates: templates).build(into: root.appendingPathComponent("stamped"))
        _ = try await SiteBuilder(catalog: catalog, templates: templates.withoutStamps()).build(into: root.appendingPathComponent("engine"))
        let stamped = try SiteBuildTests.files(in: root.appendingPathComponent("stamped"))
        let engine = try SiteBuildTests.files(in: root.appendingPathComponent("engine"))
        #expect(stamped == engine)
        let page = try SiteBuildTests.page(stamped, "compare/evil-vs-plain/index.html")
        #expect(page.contains("Plain &lt;aB &lt;aB &amp;lt;aB \u{EFFFD}"))
        #expect(!page.contains("<script>alert"))
    }

    /// Stamps written by one process and read back by the next (`.versus/stamps`): the bundled site built with
    /// stamps restored is the engine's byte for byte and records no shape again; another generator, other
    /// templates, or a damaged file restore nothing.
    @Test(.enabled(if: BundledCatalog.present, "Content/site.yaml is not in the repository yet"))
    func stampsKeptBetweenProcessesRenderTheSamePages() async throws {
        let root = SiteBuildTests.repository
        let catalog = try #require(CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!).catalog)
        let first = try TemplateSet.load(root: root.path).get()
        let folder = try SiteBuildTests.temporaryFolder()
        _ = try await SiteBuilder(catalog: catalog, templates: first).build(into: folder.appendingPathComponent("first"))
        let data = try #require(first.stampData(generator: "versus test"))
        let recorded = first.stampShapes
        #expect(recorded > 0)

        let second = try TemplateSet.load(root: root.path).get()
        #expect(second.restoreStamps(data, generator: "versus test"))
        #expect(second.stampShapes == recorded)
        _ = try await SiteBuilder(catalog: catalog, templates: second).build(into: folder.appendingPathComponent("second"))
        #expect(second.stampShapes == recorded, "a restored set recorded shapes again")
        _ = try await SiteBuilder(catalog: catalog, templates: second.withoutStamps()).build(into: folder.appendingPathComponent("engine"))
        let restored = try SiteBuildTests.files(in: folder.appendingPathComponent("second"))
        let engine = try SiteBuildTests.files(in: folder.appendingPathComponent("engine"))
        #expect(restored.count == engine.count)
        for (path, bytes) in engine { #expect(restored[path] == bytes, "\(path) differs") }
        // The same file again gives the same bytes: what a later process writes back is stable.
        #expect(second.stampData(generator: "versus test") == data)

        // Refused: another generator; damaged bytes anywhere (a cut, a flipped byte in the body).
        let fresh = try TemplateSet.load(root: root.path).get()
        #expect(!fresh.restoreStamps(data, generator: "versus other"))
        #expect(!fresh.restoreStamps(data.prefix(data.count - 1), generator: "versus test"))
        for offset in [20, data.count / 3, data.count / 2, data.count - 70, data.count - 1] {
            var flipped = data
            flipped[offset] ^= 0x01
            #expect(!fresh.restoreStamps(flipped, generator: "versus test"), "a flip at \(offset) was read back")
        }
        #expect(fresh.stampShapes == 0)
    }

    /// A file written by someone else with a right key and checksum but counts no file could hold (negative, or more
    /// items than bytes left) restores nothing, and does not stop the process.
    @Test func stampsWithImpossibleCountsAreRefused() throws {
        let root = try SiteBuildTests.fixtureSite(SiteBuildTests.hostile)
        let templates = try TemplateSet.load(root: root.path).get()
        let key = StampFile.key(generator: "g", sources: templates.sources)
        // Zigzag varints: 1 is -1, 0xFE 0x01 is 127.
        for counts in [[UInt8(1)], [0xFE, 0x01], [2, 0, 0, 1]] {
            let body = Data(StampFile.magic + Array(key.hex.utf8) + counts)
            #expect(!templates.restoreStamps(body + Data(Fingerprint.of(body).hex.utf8), generator: "g"), "\(counts)")
        }
        #expect(templates.stampShapes == 0)
    }

    /// Other templates (one byte more in a section) give another key: nothing is restored.
    @Test func stampsOfOtherTemplatesAreNotRestored() throws {
        let root = try SiteBuildTests.fixtureSite(SiteBuildTests.hostile)
        let templates = try TemplateSet.load(root: root.path).get()
        let data = try #require(templates.stampData(generator: "g"))
        let section = root.appendingPathComponent("Templates/sections").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: section).sorted().first)
        let file = URL(fileURLWithPath: section).appendingPathComponent(name)
        try (String(contentsOf: file, encoding: .utf8) + " ").write(to: file, atomically: true, encoding: .utf8)
        let changed = try TemplateSet.load(root: root.path).get()
        #expect(!changed.restoreStamps(data, generator: "g"))
        #expect(try TemplateSet.load(root: root.path).get().stampData(generator: "g") != data)
    }
}
