import Foundation
import Testing
@testable import VersusCore

/// Template mistakes are build errors at the template's line and column, all of them in one run.
@Suite struct TemplateCheckTests {
    /// A fixture site whose templates are edited by `edits` (file → (old, new)); returns the load's messages.
    static func loadErrors(_ edits: [String: [(String, String)]], removing removed: [String] = []) throws -> [String] {
        let root = try SiteBuildTests.fixtureSite(["Content/site.yaml": "title: T\nbase_url: https://example.test\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("Templates")
        for (file, changes) in edits {
            let url = templates.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            for (old, new) in changes {
                let range = try #require(text.range(of: old), "\(file) has no `\(old)`")
                text.replaceSubrange(range, with: new)
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for file in removed { try FileManager.default.removeItem(at: templates.appendingPathComponent(file)) }
        guard case let .failure(error) = TemplateSet.load(root: root.path) else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func theBundledTemplatesPass() throws {
        #expect(try Self.loadErrors([:]) == [])
    }

    @Test func aMisspeltFieldIsAnErrorWithTheNearestName() throws {
        let errors = try Self.loadErrors(["sections/pair-specs.mustache": [("{{a.name}}", "{{a.nmae}}")]])
        #expect(
            errors == ["Templates/sections/pair-specs.mustache:7:37: error: `a.nmae`: `a` has no field `nmae` (did you mean `a.name`?)"])
    }

    @Test func aFieldNoViewHasIsAnError() throws {
        let errors = try Self.loadErrors(["sections/pair-verdict.mustache": [("{{", "{{verdcit}}{{")]])
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix(
                "Templates/sections/pair-verdict.mustache:1:1: error: `verdcit` names no field of the view of pages/pair or of any view around it (did you mean `verdict`?)"
            ) == true, "\(errors)")
        // Inside a loop the names of the item come first, then the page's.
        let inLoop = try Self.loadErrors(["sections/pair-faq.mustache": [("{{question}}", "{{questoin}}")]])
        #expect(
            inLoop.count == 1
                && inLoop[0].contains(
                    "error: `questoin` names no field of an item of `faq` or of any view around it (did you mean `question`?)"),
            "\(inLoop)")
    }

    @Test func aMisspeltSectionIncludeNamesTheTemplateAndStillChecksIt() throws {
        // The include is wrong, and so is a field inside the section it meant: one run reports both.
        let errors = try Self.loadErrors([
            "pages/pair.mustache": [("{{>sections/pair-specs}}", "{{>sections/pair-spces}}")],
            "sections/pair-specs.mustache": [("{{a.name}}", "{{a.nmae}}")],
        ])
        #expect(
            errors == [
                "Templates/pages/pair.mustache:10:1: error: `sections/pair-spces` names no template: there is no Templates/sections/pair-spces.mustache (did you mean `sections/pair-specs`?)",
                "Templates/sections/pair-specs.mustache:7:37: error: `a.nmae`: `a` has no field `nmae` (did you mean `a.name`?)",
            ])
    }

    @Test func aDeletedPartialIsAnErrorAtEachInclude() throws {
        let errors = try Self.loadErrors([:], removing: ["partials/html-row.mustache"])
        #expect(errors.count == 2, "\(errors)")
        // Rendered from Swift, so the site cannot do without it; and named by a section.
        #expect(errors.contains { $0.hasPrefix("Templates/partials/html-row.mustache:1:1: error: required template is missing") })
        #expect(
            errors.contains { $0.hasPrefix("Templates/sections/pair-cost.mustache:43:1: error: `partials/html-row` names no template") })
    }

    @Test func sectionsWhereStampsCannotTakeThemAreErrors() throws {
        let fix =
            "(include a section on a line of its own, unindented, at the top level of a page template; put a condition inside the section's own template)"
        let nested = try Self.loadErrors([
            "pages/pair.mustache": [("{{>sections/pair-faq}}", "{{#hasRoutes}}\n{{>sections/pair-faq}}\n{{/hasRoutes}}")]
        ])
        #expect(
            nested == [
                "Templates/pages/pair.mustache:19:1: error: section `sections/pair-faq` is included inside {{#…}} or {{^…}}, where its stamps cannot render it \(fix)"
            ])
        let indented = try Self.loadErrors(["pages/pair.mustache": [("{{>sections/pair-faq}}", "  {{>sections/pair-faq}}")]])
        #expect(
            indented == [
                "Templates/pages/pair.mustache:18:3: error: section `sections/pair-faq` is not alone on its line, where its stamps cannot render it \(fix)"
            ])
        let shared = try Self.loadErrors(["pages/pair.mustache": [("{{>sections/pair-faq}}", "<hr>{{>sections/pair-faq}}")]])
        #expect(shared.count == 1 && shared[0].contains("is not alone on its line"))
    }

    @Test func anUnknownTransformIsAnError() throws {
        let errors = try Self.loadErrors(["sections/pair-head.mustache": [("{{heading}}", "{{uppercase(heading)}}")]])
        #expect(
            errors.count == 1
                && errors[0].hasSuffix("error: `uppercase` is not a transform the template engine knows (did you mean `uppercased`?)"),
            "\(errors)")
        // A known transform on a known name passes; on an unknown name, the name is the error.
        #expect(try Self.loadErrors(["sections/pair-head.mustache": [("{{heading}}", "{{uppercased(heading)}}")]]) == [])
        let name = try Self.loadErrors(["sections/pair-head.mustache": [("{{heading}}", "{{uppercased(heding)}}")]])
        #expect(name.count == 1 && name[0].contains("`heding` names no field"), "\(name)")
    }

    @Test func everyMistakeIsReportedInOneRun() throws {
        let errors = try Self.loadErrors(
            [
                "sections/pair-specs.mustache": [("{{a.name}}", "{{a.nmae}}")],
                "sections/pair-faq.mustache": [("{{question}}", "{{questoin}}")],
                "pages/model.mustache": [("{{>sections/model-specs}}", "  {{>sections/model-specs}}")],
            ], removing: ["partials/related-link.mustache"])
        #expect(errors.count == 4, "\(errors.joined(separator: "\n"))")
        #expect(
            Set(errors.map { $0.split(separator: ":").first! }) == [
                "Templates/sections/pair-specs.mustache", "Templates/sections/pair-faq.mustache",
                "Templates/pages/model.mustache", "Templates/partials/related-link.mustache",
            ])
    }

    @Test func theCheckReadsTheViewTypesThemselves() {
        #expect(TemplateSchema.shape(of: Ref.self) == .fields(["number": .text]))
        // Optionals count as fields; lists name their items' fields.
        #expect(
            TemplateSchema.shape(of: Cell.self)
                == .fields([
                    "text": .text, "refs": .list(.fields(["number": .text])), "muted": .flag,
                    "note": .text, "lead": .flag,
                ]))
        guard case let .fields(page) = TemplateSchema.shape(of: PairPageView.self) else {
            Issue.record("the pair page's view has no fields")
            return
        }
        #expect(page["chartSVG"] == .text)
        #expect(page["cost"]?.names["levels"] == .list(.fields(["name": .text, "traffic": .text, "a": .text, "b": .text])))
        #expect(page["meta"]?.names["noindex"] == .flag)
    }

    @Test func tagsKnowTheirPlace() {
        let tags = TemplateTags.tags(in: "a\n  {{> x/y }} {{<layout}}{{{raw}}}\n{{! a\ncomment }}{{#list}}\n{{.}}{{/list}}")
        #expect(
            tags.map { "\($0.name)@\($0.line):\($0.column)" } == [
                "x/y@2:3", "layout@2:14", "raw@2:25", "a\ncomment@3:1", "list@4:11", ".@5:1", "list@5:6",
            ])
        #expect(tags.map(\.kind) == [.partial, .parent, .variable, .ignored, .section, .variable, .close])
        #expect(TemplateTags.tags(in: "{{>sections/a}}\n  {{>sections/b}}\n{{>sections/c}} x").map(\.aloneOnLine) == [true, false, false])
    }
}

/// The templates rendered from Swift are declared once (`RenderedTemplates`, `PlannedPage.Kind.template`); a page of
/// each kind must use only its declared template and partials, and the pages of a kind all of them between them
/// (a partial of a part some pages lack, the benchmark rows, shows on some pages only), or fingerprints would miss a
/// change.
@Suite struct RenderedTemplatesTests {
    @Test func eachKindOfPageRendersWhatItDeclares() async throws {
        let root = SiteBuildTests.repository.path
        let catalog = try #require(CatalogCheck.run(root: root, today: ISODate("2026-11-24")!).catalog)
        let loaded = try TemplateSet.load(root: root).get()
        let digest = CatalogDigest(catalog)
        let plan = await SitePlan.make(digest: digest, templates: loaded, generator: "test")
        var used: [String: Set<String>] = [:]
        var tried: [String: Int] = [:]
        for page in plan.pages {
            guard let template = page.kind.template else { continue }
            let declared = Set([template] + RenderedTemplates.partials(of: template))
            // Enough pages of a kind to meet every part, not all of them.
            guard used[template] != declared, tried[template, default: 0] < 60 else { continue }
            tried[template, default: 0] += 1
            var templates = loaded
            templates.log = RenderLog()
            let renderer = await PageRenderer(digest: digest, templates: templates, for: [page])
            _ = renderer.bytes(page)
            let rendered = templates.log?.rendered ?? []
            #expect(rendered.isSubset(of: declared), "\(page.path): rendered \(rendered.sorted()), declared \(declared.sorted())")
            #expect(rendered.contains(template), "\(page.path) did not render \(template)")
            used[template, default: []].formUnion(rendered)
        }
        for (template, rendered) in used {
            let declared = Set([template] + RenderedTemplates.partials(of: template))
            #expect(rendered == declared, "\(template): rendered \(rendered.sorted()) in all, declared \(declared.sorted())")
        }
        #expect(
            Set(used.keys).isSuperset(of: ["pages/pair", "pages/model", "pages/benchmark", "pages/benchmarks", "pages/home", "pages/404"]))
        // Every declared template is required, so a site cannot lack one.
        #expect(Set(TemplateSet.required).isSuperset(of: RenderedTemplates.all.map(\.name)))
    }
}
