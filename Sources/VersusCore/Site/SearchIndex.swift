import Foundation

/// `search.json`: what the search box of every page searches, made from the catalog at build time.
///
/// Each model as `[id, name, maker, [alias ids]]`, in id order (the order `PairID` puts two ids in, so a pair's
/// address is its lower index first), and which pairs have a page: `"all"`, or for each model the indices above its
/// own that it has a page with. `base` is the site's path prefix. The script builds `/compare/<a>-vs-<b>/` from
/// these, so it offers only pages the build wrote.
enum SearchIndex {
    static let path = "search.json"

    struct Document: Encodable {
        var base: String
        var models: [[Field]]
        var pairs: Pairs
    }

    enum Field: Encodable {
        case text(String)
        case list([String])

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .list(let list): try container.encode(list)
            }
        }
    }

    enum Pairs: Encodable {
        case all
        case partners([[Int]])

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .all: try container.encode("all")
            case .partners(let lists): try container.encode(lists)
            }
        }
    }

    static func document(_ digest: CatalogDigest, routes: SiteRoutes) -> Document {
        let models = digest.catalog.models  // sorted by id
        let position = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($1.id, $0) })
        let everyPair = models.count * (models.count - 1) / 2
        let pairs: Pairs
        if digest.pairs.count == everyPair {
            pairs = .all
        } else {
            var partners = Array(repeating: [Int](), count: models.count)
            for pair in digest.pairs {
                guard let first = position[pair.first], let second = position[pair.second] else { continue }
                partners[first].append(second)
            }
            pairs = .partners(partners.map { $0.sorted() })
        }
        return Document(
            base: routes.base,
            models: models.map { [.text($0.id), .text($0.name), .text($0.developer), .list($0.aliases.map(\.id).sorted())] },
            pairs: pairs)
    }

    /// The file's bytes: the same catalog gives the same bytes.
    static func data(_ digest: CatalogDigest, routes: SiteRoutes) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and arrays only: encoding cannot fail.
        var data = (try? encoder.encode(document(digest, routes: routes))) ?? Data("{}".utf8)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
