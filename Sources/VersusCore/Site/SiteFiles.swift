import Foundation

/// The small text files around the pages: sitemap, robots.txt and redirects.
enum SiteFiles {
    static let sitemapLimit = 50_000

    struct Entry {
        var path: String
        var lastModified: ISODate?
    }

    /// One sitemap, or an index and numbered files when there are more URLs than a sitemap may hold. Written as
    /// bytes: a site of every pair has tens of thousands of URLs, made again at every build.
    static func sitemaps(_ entries: [Entry], routes: SiteRoutes) -> [(String, Data)] {
        let origin = Array(routes.absolute("").utf8)
        func urlset(_ slice: ArraySlice<Entry>) -> Data {
            var xml: [UInt8] = []
            xml.reserveCapacity(slice.count * 120 + 200)
            xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
            for entry in slice {
                xml += "<url><loc>".utf8
                appendEscaped(origin, to: &xml)
                appendEscaped(entry.path.utf8, to: &xml)
                xml += "</loc>".utf8
                if let date = entry.lastModified, date.day != nil {
                    xml += "<lastmod>".utf8
                    xml += date.description.utf8
                    xml += "</lastmod>".utf8
                }
                xml += "</url>\n".utf8
            }
            xml += "</urlset>\n".utf8
            return Data(xml)
        }
        if entries.count <= sitemapLimit { return [("sitemap.xml", urlset(entries[...]))] }
        var files: [(String, Data)] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: entries.count, by: sitemapLimit).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            files.append((name, urlset(entries[start..<min(start + sitemapLimit, entries.count)])))
            index += "<sitemap><loc>\(xmlEscape(routes.absolute("\(routes.base)/\(name)")))</loc></sitemap>\n"
        }
        files.insert(("sitemap.xml", Data((index + "</sitemapindex>\n").utf8)), at: 0)
        return files
    }

    /// `text` with `&`, `<` and `>` escaped, as `xmlEscape` writes them.
    private static func appendEscaped(_ text: some Collection<UInt8>, to out: inout [UInt8]) {
        if !text.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) {
            out += text
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            default: out.append(byte)
            }
        }
    }

    static func robots(routes: SiteRoutes) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(routes.absolute("\(routes.base)/sitemap.xml"))\n"
    }

    /// Netlify / Cloudflare Pages `_redirects`: the reversed order of every pair to its canonical page. Written as
    /// bytes, one line per pair.
    static func redirects(_ pairs: [PairID], routes: SiteRoutes) -> [UInt8] {
        var text: [UInt8] = Array("# Reversed pair addresses lead to the canonical page.\n".utf8)
        text.reserveCapacity(pairs.count * 100)
        let compare = Array("\(routes.base)/compare/".utf8), separator = Array(PairID.separator.utf8)
        for pair in pairs {
            text += compare
            text += pair.second.utf8
            text += separator
            text += pair.first.utf8
            text += "/ ".utf8
            text += compare
            text += pair.first.utf8
            text += separator
            text += pair.second.utf8
            text += "/ 301\n".utf8
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
