import Foundation
import Testing
@testable import VersusCore

/// What the encoder hands the templates is exactly the views' stored properties, recursively (a nil optional left
/// out), and the schema the template check reads names the same fields.
@Suite struct TemplateFieldsTests {
    /// Compares what a view hands the templates with what reflection finds, at every level.
    static func expectSameShape(_ listed: Any?, _ reflected: Any?, path: String) {
        switch (listed, reflected) {
        case let (l as [String: Any], r as [String: Any]):
            #expect(l.keys.sorted() == r.keys.sorted(), "\(path): listed \(l.keys.sorted()) but stored \(r.keys.sorted())")
            for key in r.keys { expectSameShape(l[key], r[key], path: "\(path).\(key)") }
        case let (l as [Any], r as [Any]):
            #expect(l.count == r.count, "\(path): \(l.count) items listed, \(r.count) stored")
            for (index, pair) in zip(l, r).enumerated() { expectSameShape(pair.0, pair.1, path: "\(path)[\(index)]") }
        default:
            #expect(String(describing: listed) == String(describing: reflected), "\(path) differs")
        }
    }

    /// Reflection all the way down, ignoring hand-listed fields.
    static func reflectedDeep(_ value: Any) -> Any? {
        switch value {
        case let view as TemplateView:
            var fields: [String: Any] = [:]
            for child in Mirror(reflecting: view).children {
                guard let label = child.label, let converted = reflectedDeep(child.value) else { continue }
                fields[label] = converted
            }
            return fields
        case let text as String: return text
        case let list as [Any]: return list.compactMap(reflectedDeep)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional { return mirror.children.first.flatMap { reflectedDeep($0.value) } }
            return value
        }
    }

    @Test func pairPagesListEveryField() async throws {
        let result = CatalogCheck.run(root: SiteBuildTests.repository.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog)
        let templates = try TemplateSet.load(root: SiteBuildTests.repository.path).get()
        let digest = CatalogDigest(catalog)
        let renderer = await PageRenderer(digest: digest, templates: templates, for: [])
        for pair in digest.pairs {
            let view = renderer.pairs.build(
                PairAnalysis(pair: pair, digest: digest),
                fragments: {
                    ModelFragments(digest: digest[$0.id], catalog: catalog, tokens: renderer.tokens, templates: templates)
                })
            Self.expectSameShape(TemplateEncoder.value(view), Self.reflectedDeep(view), path: pair.slug)
            #expect(
                Set(TemplateSchema.shape(of: PairPageView.self).names.keys) == Set(Mirror(reflecting: view).children.compactMap(\.label)))
        }
    }

    @Test func modelPagesListEveryField() async throws {
        let result = CatalogCheck.run(root: SiteBuildTests.repository.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog)
        let templates = try TemplateSet.load(root: SiteBuildTests.repository.path).get()
        let renderer = await PageRenderer(digest: CatalogDigest(catalog), templates: templates, for: [])
        for model in catalog.models {
            let view = renderer.pages.model(model.id)
            #expect(!view.comparisons.isEmpty)
            Self.expectSameShape(TemplateEncoder.value(view), Self.reflectedDeep(view), path: model.id)
        }
    }
}
