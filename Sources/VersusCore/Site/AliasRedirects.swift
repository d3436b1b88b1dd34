import Foundation

/// The addresses of a model's aliases (`Model.aliases`): the alias's model page and every comparison it would have
/// had lead to the model's own pages. `_redirects` carries them for hosts that read it (with both orders of a pair),
/// and a small HTML page at each alias address does the same for hosts that ignore it: a link, a canonical link and
/// an immediate refresh, marked `noindex`.
enum AliasRedirects {
    struct Redirect: Sendable {
        /// The alias address: a site path ending in `/`.
        var from: String
        var to: String
        /// The title of the page redirected to, for the stub's text.
        var title: String
        /// For a comparison, the address with the two ids the other way round (a `_redirects` line, no stub).
        var reversed: String? = nil
    }

    static func redirects(_ digest: CatalogDigest, routes: SiteRoutes) -> [Redirect] {
        let catalog = digest.catalog
        guard !catalog.aliases.isEmpty else { return [] }
        var result: [Redirect] = []
        // Every id that names a model: its own and its aliases (looked up once, not a model copied per pair).
        let aliased = Dictionary(
            catalog.models.filter { !$0.aliases.isEmpty }.map { ($0.id, $0.aliases.map(\.id)) }, uniquingKeysWith: { first, _ in first })
        func names(_ id: String) -> [String] { [id] + (aliased[id] ?? []) }
        for model in catalog.models where !model.aliases.isEmpty {
            for alias in model.aliases {
                result.append(Redirect(from: routes.model(alias.id), to: routes.model(model.id), title: PageTitles.model(model)))
            }
        }
        for pair in digest.pairs {
            guard aliased[pair.first] != nil || aliased[pair.second] != nil else { continue }
            let a = names(pair.first), b = names(pair.second)
            let title = PageTitles.pair(catalog.model(pair.first)!, catalog.model(pair.second)!, editorial: catalog.editorials[pair])
            for x in a {
                for y in b where x != pair.first || y != pair.second {
                    let from = PairID(x, y)
                    result.append(
                        Redirect(
                            from: routes.pair(from), to: routes.pair(pair), title: title,
                            reversed: "\(routes.base)/compare/\(from.second)-vs-\(from.first)/"))
                }
            }
        }
        return result.sorted { $0.from < $1.from }
    }

    /// `_redirects` lines: each alias address, and for a comparison its reversed order too.
    static func lines(_ redirects: [Redirect]) -> String {
        guard !redirects.isEmpty else { return "" }
        var text = "# Addresses of model aliases lead to the model's own pages.\n"
        for redirect in redirects {
            text += "\(redirect.from) \(redirect.to) 301\n"
            if let reversed = redirect.reversed { text += "\(reversed) \(redirect.to) 301\n" }
        }
        return text
    }

    /// The stub page written at an alias address.
    static func page(_ redirect: Redirect, routes: SiteRoutes, language: String) -> Data {
        let to = FastHTMLEscaping.escape(redirect.to)
        let title = FastHTMLEscaping.escape(redirect.title)
        let html = """
            <!DOCTYPE html>
            <html lang="\(FastHTMLEscaping.escape(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Moved: \(title)</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(FastHTMLEscaping.escape(routes.absolute(redirect.to)))">
            <meta http-equiv="refresh" content="0; url=\(to)">
            </head>
            <body>
            <main>
            <p>This page is now <a href="\(to)">\(title)</a>.</p>
            </main>
            </body>
            </html>

            """
        return Data(html.utf8)
    }
}
