import Foundation

/// HTML that depends on one model alone, rendered once per model and set into each of its pair pages, so that the
/// template engine's per-page work stays with what the pair itself decides. Source numbers differ from page to
/// page, so a fragment carries `SourceTokens` and the order it cites its sources; the page numbers them.
struct ModelFragments: Sendable {
    struct Fragment: Sendable {
        let html: String
        let cited: [SourceReference]
    }

    /// Templates that fragments are rendered with: pages that use fragments depend on them too.
    static let templates = ["partials/route-rows"]

    /// The model's rows of the pair page's price table.
    let routeRows: Fragment

    init(model: Model, catalog: Catalog, tokens: SourceTokens, templates: TemplateSet) {
        var ledger = SourceLedger(catalog: catalog, tokens: tokens)
        let rows = RouteRows.rows(for: model, catalog: catalog, ledger: &ledger)
        routeRows = Fragment(html: templates.render(RouteRowsView(routes: rows), "partials/route-rows"), cited: ledger.cited)
    }

    /// Fragments of `ids`, made on all cores.
    static func make(for ids: Set<String>, digest: CatalogDigest, tokens: SourceTokens,
                     templates: TemplateSet) async -> [String: ModelFragments] {
        let catalog = digest.catalog
        let list = ids.sorted()
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (list.count + workers - 1) / workers)
        return await withTaskGroup(of: [(String, ModelFragments)].self) { group in
            for start in stride(from: 0, to: list.count, by: chunk) {
                let slice = list[start..<min(start + chunk, list.count)]
                group.addTask {
                    slice.compactMap { id in
                        catalog.model(id).map { (id, ModelFragments(model: $0, catalog: catalog, tokens: tokens, templates: templates)) }
                    }
                }
            }
            var result: [String: ModelFragments] = [:]
            for await made in group { for (id, fragments) in made { result[id] = fragments } }
            return result
        }
    }
}

struct RouteRowsView: Sendable, TemplateView {
    var routes: [PairPageView.RouteRow]
}
