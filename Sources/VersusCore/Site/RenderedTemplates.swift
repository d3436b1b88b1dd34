import Foundation

/// A template Versus renders from Swift, typed by the view it is rendered with: the compiler keeps each render call
/// and its view together, and the template check reads the view's fields from the same type.
struct Rendered<View: TemplateView>: Sendable {
    let name: String

    fileprivate init(_ name: String) { self.name = name }

    var erased: RenderedTemplate { RenderedTemplate(name: name, shape: TemplateSchema.shape(of: View.self)) }
}

/// A rendered template with its view reduced to what templates can read from it.
struct RenderedTemplate: Sendable, Equatable {
    let name: String
    let shape: TemplateShape
}

// Page templates: one per kind of page. `SitePlan` names them for fingerprints, `PageRenderer` renders with them.
extension Rendered where View == PairPageView { static var pairPage: Self { Self("pages/pair") } }
extension Rendered where View == ModelPageView { static var modelPage: Self { Self("pages/model") } }
extension Rendered where View == BenchmarkPageView { static var benchmarkPage: Self { Self("pages/benchmark") } }
extension Rendered where View == BenchmarkIndexView { static var benchmarkIndex: Self { Self("pages/benchmarks") } }
extension Rendered where View == HomeView { static var home: Self { Self("pages/home") } }
extension Rendered where View == NotFoundView { static var notFound: Self { Self("pages/404") } }
extension Rendered where View == ChangesPageView { static var changes: Self { Self("pages/changes") } }
extension Rendered where View == ChangesFeedView { static var changesFeed: Self { Self("pages/changes-feed") } }
extension Rendered where View == MeasurementsPageView { static var measurements: Self { Self("pages/measurements") } }

// Partials rendered from Swift into a page's view (parts made once per model and set into many pages).
extension Rendered where View == Cell { static var cell: Self { Self("partials/cell") } }
extension Rendered where View == HTMLRow { static var htmlRow: Self { Self("partials/html-row") } }
extension Rendered where View == Link { static var relatedLink: Self { Self("partials/related-link") } }
extension Rendered where View == PairPageView.CostCard { static var costCard: Self { Self("partials/cost-card") } }
extension Rendered where View == RouteRowsView { static var routeRows: Self { Self("partials/route-rows") } }
extension Rendered where View == PairPageView.BenchmarkRow {
    static var benchmarkRow: Self { Self("partials/benchmark-row") }
    static var oneSidedRow: Self { Self("partials/one-sided-row") }
}

/// Every template rendered from Swift, in one list: what `TemplateSet` requires, what `TemplateCheck` checks against
/// its view, and what page fingerprints hash (a page template with the partials rendered into its view).
enum RenderedTemplates {
    struct Page: Sendable {
        let template: RenderedTemplate
        /// Partials rendered from Swift into this page's view: a change to one changes every page of the kind.
        let partials: [RenderedTemplate]
    }

    static let pages: [Page] = [
        Page(
            template: Rendered.pairPage.erased,
            partials: [
                Rendered.cell.erased, Rendered.htmlRow.erased, Rendered.relatedLink.erased, Rendered.costCard.erased,
                Rendered.routeRows.erased, Rendered.benchmarkRow.erased, Rendered.oneSidedRow.erased,
            ]),
        Page(template: Rendered.modelPage.erased, partials: [Rendered.routeRows.erased]),
        Page(template: Rendered.benchmarkPage.erased, partials: []),
        Page(template: Rendered.benchmarkIndex.erased, partials: []),
        Page(template: Rendered.home.erased, partials: []),
        Page(template: Rendered.notFound.erased, partials: []),
        Page(template: Rendered.changes.erased, partials: []),
        Page(template: Rendered.changesFeed.erased, partials: []),
        Page(template: Rendered.measurements.erased, partials: []),
    ]

    /// Page templates and partials, each once.
    static let all: [RenderedTemplate] = {
        var seen = Set<String>()
        return (pages.map(\.template) + pages.flatMap(\.partials)).filter { seen.insert($0.name).inserted }
    }()

    /// The partials rendered from Swift into pages of `template`.
    static func partials(of template: String) -> [String] {
        pages.first { $0.template.name == template }?.partials.map(\.name) ?? []
    }

    /// Templates rendered through stamps (`StampCache`): many views of few shapes. The pair and model pages, and
    /// the partials rendered from Swift thousands of times into them (not the route rows: a list of a model's routes,
    /// whose length alone makes nearly every model a shape of its own).
    static let stamped = [
        Rendered.pairPage.name, Rendered.modelPage.name, Rendered.cell.name, Rendered.htmlRow.name,
        Rendered.relatedLink.name, Rendered.costCard.name, Rendered.benchmarkRow.name, Rendered.oneSidedRow.name,
    ]
}
