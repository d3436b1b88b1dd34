import Foundation

/// The fingerprints of the inputs pages are made from, each computed once: per model, per template, per site.
/// A page's fingerprint combines only the parts it reads, so a change re-renders exactly the pages that show it.
struct PageInputs: Sendable {
    /// The generator and the site settings: every page depends on them.
    let base: Fingerprint
    /// A model's own record plus the providers, benchmarks and sources it refers to.
    let records: [String: Fingerprint]
    /// What a model's "continue comparing" links show: its most related models and their names.
    let related: [String: Fingerprint]
    /// Every model's id, name and developer, and which pairs exist: what lists of models and links show.
    let roster: Fingerprint
    /// Each measured model's measurement files (`Content/measurements/<id>/`): shown by its model and pair pages only.
    let measurements: [String: Fingerprint]
    /// Each model's price history (`Content/imports/<layer>/history/<id>.yaml`) with the providers its routes name:
    /// shown by its model and pair pages only.
    let histories: [String: Fingerprint]
    /// The templates each page template uses (itself, the layout, partials), by page template name.
    let templates: [String: Fingerprint]
    /// Per model, what a pair page shows of it: its record, related links, measurements and price history
    /// (`pairSide`), hashed once rather than once for each of its pairs.
    let sides: [String: Fingerprint]
    /// The pair template's part of every pair page's fingerprint.
    let pairBase: Fingerprint

    /// How many related models a pair page lists per side, plus one in case the partner is among them.
    static let relatedShown = 7

    /// `records`: each model's `record`, when already computed (see `records(of:)`); computed here otherwise.
    init(digest: CatalogDigest, templates: TemplateSet, generator: String, records known: [String: Fingerprint]? = nil) {
        let catalog = digest.catalog
        var base = FingerprintHasher()
        base.add(generator)
        base.add(CanonicalForm.data(catalog.site))
        base.add(!catalog.hasChangesPage ? "no price changes page" : "price changes page")
        // Every page's menu links the measurements page when there is one.
        base.add(catalog.measurements.isEmpty ? "no measurements page" : "measurements page")
        self.base = base.finish()

        var records: [String: Fingerprint] = [:]
        var related: [String: Fingerprint] = [:]
        var roster = FingerprintHasher()
        for model in catalog.models {
            records[model.id] = known?[model.id] ?? Self.record(model, catalog: catalog)
            var links = FingerprintHasher()
            for id in digest[model.id].related.prefix(Self.relatedShown) {
                links.add(id)
                links.add(catalog.model(id)?.name ?? "")
            }
            related[model.id] = links.finish()
            roster.add(model.id)
            roster.add(model.name)
            roster.add(model.developer)
        }
        if catalog.site.pairs == .all {
            // Every two models make a pair: the ids above say which, without hashing tens of thousands of pairs.
            roster.add("every pair")
        } else {
            for pair in digest.pairs {
                roster.add(pair.first)
                roster.add(pair.second)
            }
        }
        self.records = records
        self.related = related
        self.roster = roster.finish()

        var closures: [String: Fingerprint] = [:]
        for page in RenderedTemplates.pages {
            let name = page.template.name
            var hasher = FingerprintHasher()
            // Parts rendered apart from the page template (fragments) are part of what the page is made from.
            for used in Set(([name] + page.partials.map(\.name)).flatMap { templates.closure(of: $0) }).sorted() {
                hasher.add(used)
                hasher.add(templates.sources[used] ?? Data())
            }
            closures[name] = hasher.finish()
        }
        self.templates = closures
        self.measurements = catalog.measurements.mapValues { CanonicalForm.fingerprint($0) }
        self.histories = catalog.histories.mapValues { history in
            var hasher = FingerprintHasher()
            hasher.add(CanonicalForm.data(history))
            for id in Set(history.routes.map(\.provider)).sorted() {
                if let provider = catalog.providers[id] {
                    hasher.add(CanonicalForm.data(provider))
                } else {
                    hasher.add("no provider \(id)")
                }
            }
            return hasher.finish()
        }
        var sides: [String: Fingerprint] = [:]
        for model in catalog.models {
            let id = model.id
            sides[id] = Self.pairSide(
                record: records[id]!, related: related[id]!, measured: measurements[id] ?? Self.unmeasured,
                history: histories[id] ?? Self.noHistory)
        }
        self.sides = sides
        var pairBase = FingerprintHasher()
        pairBase.add(Rendered.pairPage.name)
        pairBase.add(self.base)
        if let part = closures[Rendered.pairPage.name] { pairBase.add(part) } else { pairBase.addMissing() }
        self.pairBase = pairBase.finish()
    }

    /// What a pair page shows of one model, hashed once per model.
    private static func pairSide(record: Fingerprint, related: Fingerprint, measured: Fingerprint, history: Fingerprint) -> Fingerprint {
        var hasher = FingerprintHasher()
        for part in [record, related, measured, history] { hasher.add(part) }
        return hasher.finish()
    }

    /// A pair page's fingerprint: the pair template with all it pulls in and the base (`pairBase`), the two sides,
    /// and the editorial file if there is one.
    func pair(_ first: Fingerprint, _ second: Fingerprint, editorial: Fingerprint?) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(pairBase)
        hasher.add(first)
        hasher.add(second)
        if let editorial { hasher.add(editorial) } else { hasher.addMissing() }
        return hasher.finish()
    }

    private static let noHistory = Fingerprint.of(Data("no price history".utf8))

    /// The fingerprint of a model's price history; the same constant for every model without one.
    func history(_ id: String) -> Fingerprint {
        histories[id] ?? Self.noHistory
    }

    /// Hashed once, not once for each of the thousands of pair pages that ask.
    private static let unmeasured = Fingerprint.of(Data("no measurements".utf8))

    /// The fingerprint of a model's measurements; the same constant for every model without one.
    func measured(_ id: String) -> Fingerprint {
        measurements[id] ?? Self.unmeasured
    }

    /// Every model's `record`, computed on all cores (encoding the records is the costliest part of planning).
    static func records(of catalog: Catalog, known: [String: Fingerprint] = [:]) async -> [String: Fingerprint] {
        let unknown = catalog.models.filter { known[$0.id] == nil }
        let fingerprints = await Parallel.map(unknown) { record($0, catalog: catalog) }
        var records = Dictionary(uniqueKeysWithValues: zip(unknown.map(\.id), fingerprints))
        for model in catalog.models where records[model.id] == nil { records[model.id] = known[model.id] }
        return records
    }

    /// The model as loaded, with the definitions of every provider, benchmark and source it names.
    static func record(_ model: Model, catalog: Catalog) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(CanonicalForm.data(model))
        for id in Set(model.routes.map(\.provider)).sorted() {
            if let provider = catalog.providers[id] { hasher.add(CanonicalForm.data(provider)) } else { hasher.add("no provider \(id)") }
        }
        for id in Set(model.benchmarkResults.map(\.benchmark)).sorted() {
            if let benchmark = catalog.benchmarks[id] {
                hasher.add(CanonicalForm.data(benchmark))
            } else {
                hasher.add("no benchmark \(id)")
            }
        }
        for key in model.sourceReferences.map(\.key).sorted() {
            if let source = catalog.sources[key] { hasher.add(CanonicalForm.data(source)) } else { hasher.add(key) }
        }
        return hasher.finish()
    }

    /// What a model's fragments (`ModelFragments`) are made from: the base, the pair page's templates with its
    /// partials, the model's record, related models and price history, the positions source tokens number (`tokens`), and whether
    /// its table rows are made (`left`). The key `FragmentStore` keeps them under.
    func fragmentKey(_ id: String, tokens: Fingerprint, left: Bool) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(base)
        if let part = templates[Rendered.pairPage.name] { hasher.add(part) } else { hasher.addMissing() }
        if let part = records[id] { hasher.add(part) } else { hasher.addMissing() }
        if let part = related[id] { hasher.add(part) } else { hasher.addMissing() }
        hasher.add(history(id))
        hasher.add(tokens)
        hasher.add(left ? "left" : "right")
        return hasher.finish()
    }

    /// A page's fingerprint: its kind's template with everything that template pulls in, the base, and `parts`.
    func page(_ kind: PlannedPage.Kind, _ parts: [Fingerprint]) -> Fingerprint {
        let template = kind.template ?? ""
        var hasher = FingerprintHasher()
        hasher.add(template)
        hasher.add(base)
        if let part = templates[template] { hasher.add(part) } else { hasher.addMissing() }
        for part in parts { hasher.add(part) }
        return hasher.finish()
    }
}
