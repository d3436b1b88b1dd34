import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Testing
@testable import VersusCore
@testable import VersusImport

/// The whole site as a real user publishes it: the bundled catalog and templates copied to a fresh folder, the shared
/// models.dev snapshot imported into it, and every page built. Then checks that hold over every page, not a sample:
/// costs come from pay-as-you-go prices only, no page claims "$0 a month", titles are unique, no model is compared
/// with an alias of itself, alias addresses redirect to pages that exist, and every internal link resolves.
@Suite(.enabled(if: ImportFixture.realSnapshotPresent, "../shared/data/models.dev-2026-06-10 is not on this machine"))
struct RealSiteTests {
    @Test func theImportedSiteHoldsOnEveryPage() async throws {
        let root = try ImportFixture.temporaryFolder("real-site")
        // The whole imported site is some 700 MB: not left behind in the temporary folder.
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(
                at: ImportFixture.repository.appendingPathComponent(folder),
                to: root.appendingPathComponent(folder))
        }
        // A copy may carry an earlier import of the bundled folder; the import replaces it either way.
        _ = try ImportFixture.run(ImportFixture.realSnapshot, into: root)
        let checked = ImportFixture.check(root)
        #expect(checked.diagnostics.errors.isEmpty, "\(checked.diagnostics.errors.printed.prefix(20))")
        let catalog = try #require(checked.catalog)
        // The bundled hand-written notes hold on the imported catalog too (no figure the tables contradict).
        let notes = checked.diagnostics.filter { $0.location.file.contains("/comparisons/") }
        #expect(notes.isEmpty, "\(notes.printed)")
        let templates = try TemplateSet.load(root: root.path).get()
        let output = root.appendingPathComponent("public")
        let report = try await SiteBuilder(catalog: catalog, templates: templates).build(into: output)
        #expect(report.pairPages > 20_000)
        // The search index holds every model and stays small: under 50 KB as written, so under it compressed too.
        let index = try Data(contentsOf: output.appendingPathComponent(SearchIndex.path))
        #expect(index.count < 50_000, "search.json is \(index.count) bytes")
        for model in catalog.models { #expect(index.range(of: Data("[\"\(model.id)\",".utf8)) != nil, "\(model.id)") }

        // 1. Costs: every quote is of a pay-as-you-go route, and equals the cheapest representative such route
        //    computed here: with three or more, none under half their median month (a reseller far below the rest).
        let digest = CatalogDigest(catalog)
        let traffic = catalog.site.traffic
        for model in catalog.models {
            let quote = digest[model.id].headlineCost
            let paid = model.routes.filter { $0.kind == .payAsYouGo }.compactMap { route -> Decimal? in
                guard let input = route.input?.value, let output = route.output?.value else { return nil }
                return input * traffic.inputMillions + output * traffic.outputMillions
            }
            let sorted = paid.sorted()
            let median =
                sorted.isEmpty
                ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            let representative = paid.count >= 3 ? paid.filter { $0 * 2 >= median } : paid
            #expect(quote?.monthly == representative.min(), "\(model.id): \(String(describing: quote?.monthly)) against \(paid)")
            #expect(quote.map { $0.route.kind == .payAsYouGo } ?? true, "\(model.id) quoted on a \(quote!.route.kind) route")
            for level in digest[model.id].levelCosts { #expect(level.map { $0.route.kind == .payAsYouGo } ?? true) }
            if let quote, paid.contains(where: { $0 > 0 }) { #expect(quote.monthly > 0, "\(model.id) costs nothing") }
        }
        // Models that do other jobs (9 in the snapshot: embedding, reranking, safety, speech) are not ranked against
        // chat models on cost or limits.
        let jobs = catalog.models.filter { $0.productType.map { !$0.writesText } ?? false }
        #expect(jobs.count == 9, "\(jobs.map(\.id))")
        for model in jobs {
            for other in catalog.models where other.id != model.id && other.productType != model.productType {
                let pair = PairID(model.id, other.id)
                guard digest.hasPair(pair) else { continue }
                let analysis = PairAnalysis(pair: pair, digest: digest)
                #expect(
                    analysis.verdict.first == .differentJobs && analysis.cost.cheaper == nil && analysis.largerContext == nil,
                    "\(pair.slug)")
            }
        }
        // Benchmarks: a head-to-head names a leader only between like scores: same benchmark version, same kind of
        // reporter (maker, independent leaderboard, rival maker), neither an estimate. The snapshot mixes a
        // leaderboard's SWE-bench Verified with makers' model cards, and its "Terminal-Bench" of version 2.1 is a
        // benchmark of its own, not Terminal-Bench 2.0.
        let scored = catalog.models.filter { !$0.benchmarkResults.isEmpty }
        var unlike = 0
        for (index, a) in scored.enumerated() {
            for b in scored[(index + 1)...] {
                let pair = PairID(a.id, b.id)
                guard digest.hasPair(pair) else { continue }
                for row in PairAnalysis(pair: pair, digest: digest).benchmarks.shared {
                    let x = row.a!, y = row.b!
                    if x.reporter != y.reporter { unlike += 1 }
                    if row.leader != nil {
                        #expect(
                            x.reporter != nil && x.reporter == y.reporter && !x.score.primary.approximate
                                && !y.score.primary.approximate, "\(pair.slug): \(row.benchmark.id) leads between unlike scores")
                    }
                    if let stated = BenchmarkMatcher.statedVersion(row.benchmark.name), let variant = row.variant,
                        let range = variant.range(of: "version ")
                    {
                        let version = String(variant[range.upperBound...].prefix { $0 != "," })
                        #expect(BenchmarkMatcher.sameVersion(stated.version, version), "\(pair.slug): \(row.benchmark.name) (\(variant))")
                    }
                }
            }
        }
        #expect(unlike > 50, "the snapshot's unlike head-to-heads were expected, found \(unlike)")
        #expect(catalog.benchmarks["terminal-bench-2-1"] != nil)
        // Source marks: every price cell of every route table marks exactly the sources that give the value shown
        // (the route's own source stands in the row's Source column), never a source that gives another value.
        var marked = 0
        for model in catalog.models {
            var ledger = SourceLedger(catalog: catalog)
            let rows = RouteRows.rows(for: model, catalog: catalog, ledger: &ledger)
            let routes = CostCalculator.cheapestFirst(model.routes, at: traffic)
            for (row, route) in zip(rows, routes) {
                for (cell, figure) in [(row.input, route.input), (row.output, route.output), (row.cached, route.cachedInput)] {
                    guard let figure else { continue }
                    let shown = Set(cell.refs.compactMap { ledger.key(of: $0) })
                    let giving = Set(figure.values.filter { $0.value == figure.value }.compactMap { $0.source?.key })
                        .subtracting(route.source.map { [$0.key] } ?? [])
                    #expect(shown == giving, "\(model.id) on \(route.provider): marks \(shown), value from \(giving)")
                    marked += shown.count
                }
            }
        }
        #expect(marked > 0, "no price of the imported catalog carries a mark of its own")
        // Capabilities: function calling implies tool use; no model shows the one without the other.
        #expect(!catalog.models.contains { $0.capability("function-calling") == .yes && $0.capability("tool-use") == .notDocumented })
        // Vision and image input go together.
        #expect(
            !catalog.models.contains { model in
                model.capability("vision") == .yes && !model.inputModalities.isEmpty && !model.inputModalities.contains(.image)
                    || model.inputModalities.contains(.image) && model.capability("vision") != .yes
            })
        // Free and plan routes exist in the snapshot and are marked for what they are.
        let kinds = catalog.models.flatMap(\.routes).map(\.kind)
        #expect(
            kinds.filter { $0 == .free }.count > 50 && kinds.filter { $0 == .plan }.count > 50,
            "\(Dictionary(grouping: kinds, by: { $0 }).mapValues(\.count))")

        // 2. Every page, read once.
        let scan = try SiteScan(output)
        #expect(scan.pages > 22_000)
        #expect(scan.zeroCosts.isEmpty, "\(scan.zeroCosts.count) pages state a cost of $0: \(scan.zeroCosts.prefix(5))")
        #expect(scan.filler.isEmpty, "\(scan.filler.count) pages carry lines with nothing to say: \(scan.filler.prefix(5))")
        #expect(
            scan.differencesChecked > 1_000 && scan.badDifferences.isEmpty,
            "\(scan.badDifferences.count) of \(scan.differencesChecked) stated differences are not the difference of the amounts shown: \(scan.badDifferences.prefix(5))"
        )
        #expect(
            scan.smallWins.isEmpty,
            "\(scan.smallWins.count) pages call a difference under the thresholds a win: \(scan.smallWins.prefix(5))")
        let sharedTitles = scan.titles.filter { $0.value.count > 1 }
        #expect(sharedTitles.isEmpty, "\(sharedTitles.count) titles are shared: \(sharedTitles.prefix(3))")

        // 3. Aliases: folded into one model each; their addresses lead to pages that exist; no self-comparison.
        #expect(catalog.aliases.count == 7, "\(catalog.aliases)")
        #expect(catalog.models.count == 206)
        for (alias, id) in catalog.aliases {
            #expect(catalog.model(alias) == nil)
            let stub = try #require(scan.stubs["/models/\(alias)/"], "no redirect page for the alias \(alias)")
            #expect(stub == "/models/\(id)/")
            #expect(scan.redirects["/models/\(alias)/"] == "/models/\(id)/")
        }
        for (from, to) in scan.stubs.merging(scan.redirects, uniquingKeysWith: { first, _ in first }) {
            #expect(scan.resolves(to), "\(from) leads to \(to), which does not exist")
        }
        let names = Dictionary(catalog.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func base(_ name: String) -> String { name.replacingOccurrences(of: " (latest)", with: "").lowercased() }
        for pair in digest.pairs {
            let a = names[pair.first]!, b = names[pair.second]!
            #expect(!(a.developer == b.developer && base(a.name) == base(b.name)), "\(pair.slug) compares one model with itself")
        }
        #expect(!catalog.models.contains { $0.name.contains("(latest)") })

        // 4. Links.
        #expect(scan.brokenLinks.isEmpty, "\(scan.brokenLinks.count) internal links lead nowhere: \(scan.brokenLinks.sorted().prefix(10))")
    }
}

/// Reads every HTML page of a built site once, with byte searches (memmem), and gathers what the checks need.
struct SiteScan {
    let root: URL
    var pages = 0
    /// Title → the pages (site paths) that have it; redirect stubs left out.
    var titles: [String: [String]] = [:]
    /// Redirect stubs: alias address → target; and `_redirects` lines.
    var stubs: [String: String] = [:]
    var redirects: [String: String] = [:]
    var zeroCosts: [String] = []
    /// Pages with a ratio too small to state ("1×", "1.2×"): `ClaimRules` states costs from 1.5× and limits from 1.25×.
    var smallWins: [String] = []
    /// Pages with a line that says nothing (`fillerPatterns`).
    var filler: [String] = []
    var brokenLinks: Set<String> = []
    /// Pair pages where "costs $D less a month" is not the difference of the two monthly amounts the page shows.
    var badDifferences: [String] = []
    /// Pair pages that state a difference, counted so that the check is known to have run.
    var differencesChecked = 0
    private var files: Set<String> = []

    static let zeroPatterns = ["$0 a month", "$0 less", "costs $0 ", ">$0</p>", "about $0 "]
    static let fillerPatterns = [
        "Last reviewed: Not documented", "records no advantage", "say more about its record",
        "model of undocumented type", ">1 pts<", " 1 pts ", "and 0 benchmarks in common",
        "both publish open weights", "Product type: Not documented.",
    ]
    /// Ratios too small to state, and advice drawn from what a record does not document.
    static let smallRatios = [" 1×", "(1×", " 1.0×", " 1.1×", " 1.2×", "(1.0×", "(1.1×", "(1.2×", ", not documented for "]

    init(_ root: URL) throws {
        self.root = root
        let prefix = root.path + "/"
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        var html: [String] = []
        while let path = enumerator.nextObject() as? String {
            files.insert(path)
            if path.hasSuffix(".html") { html.append(path) }
        }
        var links: [String: String] = [:]
        for path in html {
            let data = try Data(contentsOf: URL(fileURLWithPath: prefix + path))
            let page = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
            pages += 1
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                let isStub = Self.find("http-equiv=\"refresh\"", in: bytes, from: 0) != nil
                if isStub, let start = Self.find("url=", in: bytes, from: 0) {
                    stubs[page] = Self.until(UInt8(ascii: "\""), in: bytes, from: start + 4)
                } else if let start = Self.find("<title>", in: bytes, from: 0) {
                    let title = Self.until(UInt8(ascii: "<"), in: bytes, from: start + 7)
                    titles[title, default: []].append(page)
                }
                for pattern in Self.zeroPatterns where Self.find(pattern, in: bytes, from: 0) != nil {
                    zeroCosts.append("\(page) (\(pattern))")
                }
                for pattern in Self.fillerPatterns where Self.find(pattern, in: bytes, from: 0) != nil {
                    filler.append("\(page) (\(pattern))")
                }
                for pattern in Self.smallRatios where Self.find(pattern, in: bytes, from: 0) != nil {
                    smallWins.append("\(page) (\(pattern))")
                }
                if page.hasPrefix("/compare/") {
                    // The two cost cards' amounts, then every "costs $D less a month" of the page.
                    var amounts: [Decimal] = [], at = 0
                    while let found = Self.find("<p class=\"amount", in: bytes, from: at) {
                        let close = Self.find(">", in: bytes, from: found)! + 1
                        let text = Self.until(UInt8(ascii: "<"), in: bytes, from: close)
                        if text.hasPrefix("$") {
                            amounts.append(Decimal(string: text.dropFirst().replacingOccurrences(of: ",", with: ""))!)
                        }
                        at = close
                    }
                    at = 0
                    while let found = Self.find(" less a month", in: bytes, from: at) {
                        at = found + 1
                        guard amounts.count == 2, let dollar = Self.findBackwards("costs $", in: bytes, before: found) else { continue }
                        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(dollar + 7)..<found]), as: UTF8.self)
                        let stated = Decimal(string: text.replacingOccurrences(of: ",", with: ""))
                        let difference = amounts[0] > amounts[1] ? amounts[0] - amounts[1] : amounts[1] - amounts[0]
                        differencesChecked += 1
                        if stated != difference { badDifferences.append("\(page): $\(text) against \(amounts)") }
                    }
                }
                var at = 0
                while let found = Self.find("href=\"", in: bytes, from: at) {
                    let href = Self.until(UInt8(ascii: "\""), in: bytes, from: found + 6)
                    at = found + 6 + href.utf8.count
                    if href.hasPrefix("/") && !href.hasPrefix("//") && links[href] == nil { links[href] = page }
                }
            }
        }
        let redirectsText = (try? String(contentsOf: root.appendingPathComponent("_redirects"), encoding: .utf8)) ?? ""
        for line in redirectsText.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count >= 2 { redirects[String(parts[0])] = String(parts[1]) }
        }
        for (href, page) in links where !resolves(href) { brokenLinks.insert("\(href) (on \(page))") }
    }

    /// Whether a site path names a file of the output (a folder path, its index.html).
    func resolves(_ href: String) -> Bool {
        var path = String(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        path = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        guard path.hasPrefix("/") else { return false }
        path.removeFirst()
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return files.contains(path)
    }

    static func find(_ needle: String, in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        // memchr for the first byte, memcmp for the rest (Glibc's Swift module does not export memmem).
        let pattern = Array(needle.utf8)
        return pattern.withUnsafeBytes { pattern -> Int? in
            var at = from
            while at + pattern.count <= bytes.count {
                guard let hit = memchr(base + at, Int32(pattern[0]), bytes.count - at - pattern.count + 1) else { return nil }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return offset }
                at = offset + 1
            }
            return nil
        }
    }

    /// The last occurrence of `needle` that starts within 80 bytes before `before`.
    static func findBackwards(_ needle: String, in bytes: UnsafeRawBufferPointer, before: Int) -> Int? {
        let start = max(0, before - 80)
        var found: Int?, at = start
        while let next = find(needle, in: bytes, from: at), next < before { found = next; at = next + 1 }
        return found
    }

    static func until(_ end: UInt8, in bytes: UnsafeRawBufferPointer, from: Int) -> String {
        var index = from
        while index < bytes.count && bytes[index] != end { index += 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[from..<index]), as: UTF8.self)
    }
}
