import Foundation

/// What the layout needs about any page: titles, links, and the site around it.
public struct PageMeta: Sendable, TemplateView {
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
    /// The page of local measurements, when the catalog has any.
    public var measurementsHref: String? = nil
}

/// Paths and URLs of every page, in one place.
public struct SiteRoutes: Sendable {
    public let baseURL: String
    public let base: String
    /// Whether the site has a price-changes page (the catalog holds change reports): every page links to it.
    public let hasChanges: Bool
    /// Whether the site has a measurements page: every page's menu links to it.
    public let hasMeasurements: Bool

    public init(site: SiteSettings, hasChanges: Bool = false, hasMeasurements: Bool = false) {
        self.hasChanges = hasChanges
        self.hasMeasurements = hasMeasurements
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
    /// An earlier month of the price history (`YYYY-MM`); the latest month is on `changes`.
    public func changesMonth(_ month: String) -> String { "\(base)/changes/\(month)/" }

    /// Absolute URL for a site path produced above.
    public func absolute(_ path: String) -> String {
        let origin = base.isEmpty ? baseURL : String(baseURL.dropLast(base.count))
        return origin + path
    }

    public func meta(
        title: String, description: String, path: String, site: SiteSettings, noindex: Bool = false,
        jsonLD: String? = nil, bodyClass: String
    ) -> PageMeta {
        PageMeta(
            title: title, description: description, canonical: absolute(path), siteTitle: site.title,
            language: site.language, base: base, noindex: noindex, jsonLD: jsonLD, bodyClass: bodyClass,
            changesHref: hasChanges ? changes : nil, feedHref: hasChanges ? absolute(changesFeed) : nil,
            measurementsHref: hasMeasurements ? measurements : nil)
    }
}

/// JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` escaped so no text can end the element.
enum JSONLD {
    /// A JSON string literal. Works on UTF-8 bytes: only ASCII bytes and U+2028/U+2029 (E2 80 A8/A9) need escapes.
    static func string(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal; runs of bytes that need no escape are copied whole.
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        func hex(_ nibble: UInt8) -> Character { Character(Unicode.Scalar(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)) }
        var text = text
        text.withUTF8 { bytes in
            var index = 0, run = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                let escape: String
                switch byte {
                case 0x22: escape = #"\""#
                case 0x5C: escape = #"\\"#
                case 0x0A: escape = #"\n"#
                case 0x0D: escape = #"\r"#
                case 0x09: escape = #"\t"#
                case 0x3C: escape = #"\u003c"#
                case 0x3E: escape = #"\u003e"#
                case 0x26: escape = #"\u0026"#
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    length = 3
                case ..<0x20: escape = #"\u00"# + String(hex(byte >> 4)) + String(hex(byte & 0x0F))
                default:
                    index += 1
                    continue
                }
                if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
                out.append(contentsOf: escape.utf8)
                index += length
                run = index
            }
            if bytes.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count])) }
        }
        out.append(0x22)
    }

    static func faqPage(_ questions: [Question]) -> String? {
        guard !questions.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(questions.reduce(128) { $0 + $1.question.utf8.count + $1.answer.utf8.count + 96 })
        out.append(contentsOf: #"{"@context":"https://schema.org","@type":"FAQPage","mainEntity":["#.utf8)
        for (index, question) in questions.enumerated() {
            if index > 0 { out.append(0x2C) }
            out.append(contentsOf: #"{"@type":"Question","name":"#.utf8)
            append(question.question, to: &out)
            out.append(contentsOf: #","acceptedAnswer":{"@type":"Answer","text":"#.utf8)
            append(question.answer, to: &out)
            out.append(contentsOf: "}}".utf8)
        }
        out.append(contentsOf: "]}".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
