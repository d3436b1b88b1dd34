/// Whole-site checks that no single file shows: before anything is built, every page's address and `<title>` must be
/// its own. Two models with one name would otherwise publish two pages a search engine cannot tell apart, and two
/// ids whose pair addresses coincide (ids may contain `-vs-`) would write one page over the other.
public enum SiteGuard {
    public static func check(_ catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let routes = SiteRoutes(site: catalog.site)

        // Two models of one name: one error for the pair of files, not one per comparison page they share.
        var byName: [String: Model] = [:]
        var clashing = Set<String>()
        for model in catalog.models {
            if let first = byName[model.name] {
                clashing.insert(model.id)
                clashing.insert(first.id)
                diagnostics.append(
                    .error(
                        model.location,
                        "`\(model.id)` and `\(first.id)` (\(first.location.file)) are both named \(Scalars.quoted(model.name)): their pages and their comparisons would share titles",
                        fix:
                            "if they are one model, list `\(model.id)` under `aliases:` of `\(first.id)`; otherwise give one a distinct `name`"
                    ))
            } else {
                byName[model.name] = model
            }
        }

        var titles: [String: (path: String, location: SourceLocation)] = [:]
        var paths: [String: SourceLocation] = [:]
        func page(_ path: String, title: String?, at location: SourceLocation) {
            if let first = paths[path] {
                diagnostics.append(
                    .error(
                        location, "two pages would be written to \(path) (the other comes from \(first.file):\(first.line))",
                        fix: "rename one of the models so their ids no longer form the same address"))
            } else {
                paths[path] = location
            }
            guard let title else { return }
            if let first = titles[title] {
                diagnostics.append(
                    .error(
                        location, "\(path) and \(first.path) would have the same title \(Scalars.quoted(title))",
                        fix: "give one of them a distinct name or, for a comparison, a distinct `title` in its Markdown file"))
            } else {
                titles[title] = (path, location)
            }
        }

        let siteFile = SourceLocation(file: "\(CatalogLoader.contentFolder)/site.yaml")
        page(routes.home, title: PageTitles.home(catalog.site), at: siteFile)
        page(routes.benchmarks, title: PageTitles.benchmarks, at: siteFile)
        page("\(routes.base)/404.html", title: PageTitles.notFound, at: siteFile)
        if catalog.hasChangesPage {
            page(routes.changes, title: PageTitles.changes, at: siteFile)
            for month in HistoryChanges.months(catalog).dropFirst() {
                page(routes.changesMonth(month), title: PageTitles.changesMonth(month), at: siteFile)
            }
        }
        for id in catalog.benchmarks.keys.sorted() {
            let benchmark = catalog.benchmarks[id]!
            page(routes.benchmark(id), title: PageTitles.benchmark(benchmark), at: benchmark.location)
        }
        for model in catalog.models {
            page(routes.model(model.id), title: clashing.contains(model.id) ? nil : PageTitles.model(model), at: model.location)
        }
        // Names and locations looked up by id, not whole models copied for each of tens of thousands of pairs.
        let names = Dictionary(
            catalog.models.map { ($0.id, (name: $0.name, location: $0.location)) }, uniquingKeysWith: { first, _ in first })
        // When no two models share a name and neither a name nor an id can make a second separator in "A vs B" or
        // "a-vs-b" (`canJoin`), the pairs' own addresses and default titles cannot coincide with each other's: each
        // names its two models unambiguously. Then only the pairs with an editorial title are entered one by one, and
        // the default titles are checked afterwards against the few other titles (`defaultPairTitleClashes`), not
        // entered tens of thousands of times.
        let unambiguous =
            clashing.isEmpty
            && catalog.models.allSatisfy {
                canJoin($0.id, separator: PairID.separator) && canJoin($0.name, separator: PageTitles.pairSeparator)
            }
        let pairs = PairPlanner.pairs(in: catalog)
        for pair in pairs {
            let editorial = catalog.editorials.isEmpty ? nil : catalog.editorials[pair]
            if unambiguous && editorial?.title == nil { continue }
            let a = names[pair.first]!, b = names[pair.second]!
            let title =
                editorial == nil && (clashing.contains(pair.first) || clashing.contains(pair.second))
                ? nil : PageTitles.pair(names: a.name, b.name, editorial: editorial)
            page(routes.pair(pair), title: title, at: editorial?.location ?? b.location)
        }
        // The pages an alias redirects from must not be pages of their own.
        for (alias, id) in catalog.aliases.sorted(by: { $0.key < $1.key }) {
            let location = catalog.model(id)!.aliases.first { $0.id == alias }!.location
            page(routes.model(alias), title: nil, at: location)
        }
        if unambiguous {
            diagnostics += defaultPairTitleClashes(catalog, titles: titles, pairs: pairs, routes: routes)
        }
        return diagnostics
    }

    /// Whether `part`, joined to another such part by `separator` (" vs ", "-vs-"), leaves the separator's place the
    /// only one it could be: the part does not hold the separator, nor end with its first three characters (" vs"
    /// before " vs " makes a second at the join) nor begin with its last three ("vs " after it).
    static func canJoin(_ part: String, separator: String) -> Bool {
        !part.contains(separator) && !part.hasSuffix(String(separator.dropLast())) && !part.hasPrefix(String(separator.dropFirst()))
    }

    /// The errors for pages whose title equals a pair page's default title (`PageTitles.pair`), found by reading
    /// each other title as one: "Left vs Right: …" is a pair's default title when Left and Right are the names of
    /// the two models of a pair that has a page and no editorial title of its own.
    private static func defaultPairTitleClashes(
        _ catalog: Catalog, titles: [String: (path: String, location: SourceLocation)], pairs: [PairID], routes: SiteRoutes
    ) -> [Diagnostic] {
        let ids = Dictionary(catalog.models.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        var planned: Set<PairID>?
        var diagnostics: [Diagnostic] = []
        for title in titles.keys.sorted() {
            for candidate in PageTitles.pairNames(title) {
                guard let left = ids[candidate.0], let right = ids[candidate.1], left != right, left < right else { continue }
                let pair = PairID(left, right)
                if planned == nil { planned = Set(pairs) }
                guard planned!.contains(pair), catalog.editorials[pair]?.title == nil else { continue }
                let other = titles[title]!
                if other.path == routes.pair(pair) { continue }
                diagnostics.append(
                    .error(
                        catalog.model(pair.second)!.location,
                        "\(routes.pair(pair)) and \(other.path) would have the same title \(Scalars.quoted(title))",
                        fix: "give one of them a distinct name or, for a comparison, a distinct `title` in its Markdown file"))
            }
        }
        return diagnostics
    }
}
