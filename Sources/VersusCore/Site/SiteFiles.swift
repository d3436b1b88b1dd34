import Foundation

/// The small text files around the pages: sitemap, robots.txt and redirects.
enum SiteFiles {
    static let sitemapLimit = 50_000

    struct Entry {
        var path: String
        var lastModified: ISODate?
    }

    /// One sitemap, or an index and numbered files when there are more URLs than a sitemap may hold.
    static func sitemaps(_ entries: [Entry], routes: SiteRoutes) -> [(String, String)] {
        func urlset(_ slice: ArraySlice<Entry>) -> String {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            xml.reserveCapacity(slice.count * 120)
            for entry in slice {
                xml += "<url><loc>\(xmlEscape(routes.absolute(entry.path)))</loc>"
                if let date = entry.lastModified, date.day != nil { xml += "<lastmod>\(date)</lastmod>" }
                xml += "</url>\n"
            }
            return xml + "</urlset>\n"
        }
        if entries.count <= sitemapLimit { return [("sitemap.xml", urlset(entries[...]))] }
        var files: [(String, String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: entries.count, by: sitemapLimit).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            files.append((name, urlset(entries[start..<min(start + sitemapLimit, entries.count)])))
            index += "<sitemap><loc>\(xmlEscape(routes.absolute("\(routes.base)/\(name)")))</loc></sitemap>\n"
        }
        files.insert(("sitemap.xml", index + "</sitemapindex>\n"), at: 0)
        return files
    }

    static func robots(routes: SiteRoutes) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(routes.absolute("\(routes.base)/sitemap.xml"))\n"
    }

    /// Netlify / Cloudflare Pages `_redirects`: the reversed order of every pair to its canonical page.
    static func redirects(_ pairs: [PairID], routes: SiteRoutes) -> String {
        var text = "# Reversed pair addresses lead to the canonical page.\n"
        text.reserveCapacity(pairs.count * 80)
        for pair in pairs {
            text += "\(routes.base)/compare/\(pair.second)-vs-\(pair.first)/ \(routes.pair(pair)) 301\n"
        }
        return text
    }

    static func xmlEscape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            return text
        }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
