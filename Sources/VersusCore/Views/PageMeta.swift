import Foundation

/// What the layout needs about any page: titles, links, and the site around it.
public struct PageMeta: Sendable, TemplateFields {
    public var title: String
    public var description: String
    /// Absolute URL of this page.
    public var canonical: String
    public var siteTitle: String
    public var language: String
    /// Prefix of every internal link ("" when the site lives at the root of its host).
    public var base: String
    public var noindex: Bool
    /// JSON-LD, already escaped for a `<script>` element.
    public var jsonLD: String?
    public var bodyClass: String
    /// The price-changes page and its Atom feed, when the catalog has change reports.
    public var changesHref: String?
    public var feedHref: String?

    var templateFields: [String: Any] {
        var fields: [String: Any] = ["title": title, "description": description, "canonical": canonical, "siteTitle": siteTitle,
                                     "language": language, "base": base, "noindex": noindex, "bodyClass": bodyClass]
        if let jsonLD { fields["jsonLD"] = jsonLD }
        if let changesHref { fields["changesHref"] = changesHref }
        if let feedHref { fields["feedHref"] = feedHref }
        return fields
    }
}

/// Paths and URLs of every page, in one place.
public struct SiteRoutes: Sendable {
    public let baseURL: String
    public let base: String
    /// Whether the site has a price-changes page (the catalog holds change reports): every page links to it.
    public let hasChanges: Bool

    public init(site: SiteSettings, hasChanges: Bool = false) {
        self.hasChanges = hasChanges
        baseURL = site.baseURL
        if let url = URL(string: site.baseURL), !url.path.isEmpty, url.path != "/" {
            base = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
        } else {
            base = ""
        }
    }

    public func pair(_ pair: PairID) -> String { "\(base)/compare/\(pair.slug)/" }
    public func model(_ id: String) -> String { "\(base)/models/\(id)/" }
    public func benchmark(_ id: String) -> String { "\(base)/benchmarks/\(id)/" }
    public var benchmarks: String { "\(base)/benchmarks/" }
    public var models: String { "\(base)/models/" }
    public var home: String { "\(base)/" }
    public var changes: String { "\(base)/changes/" }
    public var changesFeed: String { "\(base)/changes/feed.xml" }

    /// Absolute URL for a site path produced above.
    public func absolute(_ path: String) -> String {
        let origin = base.isEmpty ? baseURL : String(baseURL.dropLast(base.count))
        return origin + path
    }

    public func meta(title: String, description: String, path: String, site: SiteSettings, noindex: Bool = false,
                     jsonLD: String? = nil, bodyClass: String) -> PageMeta {
        PageMeta(title: title, description: description, canonical: absolute(path), siteTitle: site.title,
                 language: site.language, base: base, noindex: noindex, jsonLD: jsonLD, bodyClass: bodyClass,
                 changesHref: hasChanges ? changes : nil, feedHref: hasChanges ? absolute(changesFeed) : nil)
    }
}

/// JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` escaped so no text can end the element.
enum JSONLD {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func faqPage(_ questions: [Question]) -> String? {
        guard !questions.isEmpty else { return nil }
        let items = questions.map { question in
            "{\"@type\":\"Question\",\"name\":\(string(question.question)),\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":\(string(question.answer))}}"
        }
        return "{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"mainEntity\":[\(items.joined(separator: ","))]}"
    }
}
