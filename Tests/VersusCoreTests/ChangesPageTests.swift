import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import VersusCore

/// The price-changes page and its Atom feed, made from `Content/changes/*.yaml`.
@Suite(.serialized) struct ChangesPageTests {
    static let report = """
        date: 2026-06-10
        previous: 2026-05-01
        source: price-page
        pair_pages: 3
        prices:
          - model: alpha
            provider: api
            model_id: alpha
            price: input
            old: 1
            new: 1.5
            percent: 50
          - model: beta
            provider: api
            model_id: beta
            price: cached_input
            new: 0.2
          - model: alpha
            provider: api
            model_id: alpha-free
            price: input
            old: 1
            new: 0
            old_kind: pay-as-you-go
            new_kind: free
          - model: beta
            provider: api
            model_id: beta-plan
            price: output
            old: 2
            new: 3
            old_kind: plan
            new_kind: plan
        models_added: [gamma]
        routes_removed:
          - model: delta
            provider: api
            model_id: delta-old
        """

    @Test func pageAndFeedListTheChangesNewestFirst() async throws {
        var files = IncrementalBuildTests.files
        files["Content/changes/2026-06-10.yaml"] = Self.report
        files["Content/changes/2026-05-01.yaml"] = "date: 2026-05-01\nmodels_added: [alpha]\n"
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        let built = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        let html = try SiteBuildTests.page(built, "changes/index.html")
        #expect(HTMLChecker.check(html).problems.isEmpty, "\(HTMLChecker.check(html).problems)")
        let text = SiteBuildTests.text(html)
        #expect(text.contains("Alpha API alpha Input $1 $1.5 +50%"), "\(text)")
        #expect(text.contains("Beta API beta Cached input Not listed $0.2 Newly listed"))
        // A route that became a free tier did not fall 100%; a plan's price moves by no percentage.
        #expect(text.contains("Alpha API alpha-free Input $1 Free tier Now free tier (was pay as you go)"), "\(text)")
        #expect(text.contains("Beta API beta-plan Output $2 $3 Subscription plan, not sold per token"), "\(text)")
        #expect(!text.contains("100%") && !text.contains("+50% Subscription"))
        #expect(text.contains("Models added Gamma"))
        #expect(text.contains("Routes removed Delta on API (delta-old)"))
        #expect(text.range(of: "Changes of 2026-06-10")!.lowerBound < text.range(of: "Changes of 2026-05-01")!.lowerBound)
        #expect(!text.contains("$0 "), "an unknown price must not read as $0")
        // Every page links to it, and announces the feed.
        for (path, data) in built where path.hasSuffix(".html") {
            let page = String(decoding: data, as: UTF8.self)
            #expect(page.contains("<a href=\"/changes/\">Price changes</a>"), "\(path) has no link to the price changes")
            #expect(page.contains("type=\"application/atom+xml\""), "\(path) does not announce the feed")
        }

        let feed = try #require(built["changes/feed.xml"])
        let delegate = FeedReader()
        let parser = XMLParser(data: feed)
        parser.delegate = delegate
        #expect(parser.parse(), "the feed is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(delegate.entryTitles == ["Changes of 2026-06-10 (Price page)", "Changes of 2026-05-01"])
        #expect(delegate.updated.first == "2026-06-10T00:00:00Z")
    }

    /// A source's title describes its latest snapshot: an older report's heading names the publisher instead.
    @Test func anOlderReportDoesNotTakeTheSourcesCurrentTitle() async throws {
        var files = IncrementalBuildTests.files
        files["Content/sources.yaml"]! +=
            "- id: feed\n  title: \"Feed, snapshot of 2026-06-10\"\n  publisher: Feed Inc\n  url: https://inc.example.test/feed\n  date: 2026-06-10\n"
        files["Content/changes/2026-06-10.yaml"] = "date: 2026-06-10\nsource: feed\nmodels_added: [alpha]\n"
        files["Content/changes/2026-06-03.yaml"] = "date: 2026-06-03\nsource: feed\nmodels_added: [beta]\n"
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        let page = try String(contentsOf: root.appendingPathComponent("public/changes/index.html"), encoding: .utf8)
        #expect(page.contains("Changes of 2026-06-10 (Feed, snapshot of 2026-06-10)"))
        #expect(page.contains("Changes of 2026-06-03 (Feed Inc)"), "\(page)")
    }

    @Test func aNewReportRerendersTheChangesPagesOnly() async throws {
        var files = IncrementalBuildTests.files
        files["Content/changes/2026-05-01.yaml"] = "date: 2026-05-01\nmodels_added: [alpha]\n"
        let root = try IncrementalBuildTests.site(files)
        _ = try await IncrementalBuildTests.build(root)
        try IncrementalBuildTests.write(["Content/changes/2026-06-10.yaml": Self.report], into: root)
        let report = try await IncrementalBuildTests.build(root)
        #expect(report.renderedPaths == ["changes/feed.xml", "changes/index.html", "sitemap.xml"])
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)
    }

    @Test func aSiteWithoutReportsHasNoChangesPage() async throws {
        let root = try IncrementalBuildTests.site()
        _ = try await IncrementalBuildTests.build(root)
        let built = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        #expect(built["changes/index.html"] == nil && built["changes/feed.xml"] == nil)
        #expect(!String(decoding: built["index.html"]!, as: UTF8.self).contains("Price changes"))
    }
}

private final class FeedReader: NSObject, XMLParserDelegate {
    var entryTitles: [String] = []
    var updated: [String] = []
    private var path: [String] = []
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if path.suffix(2) == ["entry", "title"] { entryTitles.append(text) }
        if path.suffix(2) == ["entry", "updated"] { updated.append(text) }
        path.removeLast()
    }
}
