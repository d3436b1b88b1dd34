import Foundation
import Synchronization
import Testing
@testable import VersusServe

@Suite struct PreviewServerTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("versus-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A small built site: a home page, a pair page in its folder, a stylesheet and a 404 page.
    static func site() throws -> URL {
        let root = try folder()
        try write("<!doctype html><html><body><h1>Home</h1></body></html>", "public/index.html", in: root)
        try write("<!doctype html><html><body><h1>A vs B</h1></body></html>", "public/compare/a-vs-b/index.html", in: root)
        try write("body { color: black }", "public/assets/versus.css", in: root)
        try write("<!doctype html><html><body><h1>Missing</h1></body></html>", "public/404.html", in: root)
        try write("secret", "outside.txt", in: root)
        return root
    }

    @Test func answersWithFilesAndFolderPages() throws {
        let root = try Self.site()
        let site = StaticSite(folder: root.appendingPathComponent("public"), liveReload: true)
        guard case let .file(home, type) = site.answer(path: "/") else { Issue.record("no home page"); return }
        #expect(type == "text/html; charset=utf-8")
        #expect(String(decoding: home, as: UTF8.self) == "<!doctype html><html><body><h1>Home</h1>\(StaticSite.reloadScript)</body></html>")
        guard case let .file(pair, _) = site.answer(path: "/compare/a-vs-b/") else { Issue.record("no pair page"); return }
        #expect(String(decoding: pair, as: UTF8.self).contains("<h1>A vs B</h1><script>"))
        #expect(site.answer(path: "/compare/a-vs-b") == .redirect("/compare/a-vs-b/"))
        #expect(site.answer(path: "/compare/a%2Dvs%2Db/index.html") == site.answer(path: "/compare/a-vs-b/"))
        // Only HTML gets the script.
        #expect(
            site.answer(path: "/assets/versus.css") == .file(Data("body { color: black }".utf8), contentType: "text/css; charset=utf-8"))
        // Without live reload, pages are served exactly as built.
        let plain = StaticSite(folder: root.appendingPathComponent("public"), liveReload: false)
        #expect(
            plain.answer(path: "/")
                == .file(try Data(contentsOf: root.appendingPathComponent("public/index.html")), contentType: "text/html; charset=utf-8"))
    }

    @Test func problemsOfTheLastBuildShowOverPages() throws {
        let root = try Self.site()
        let site = StaticSite(folder: root.appendingPathComponent("public"), liveReload: false)
        let problems = ["Content/site.yaml:2:1: error: `title` is missing (add `title: …`)", "Templates/x.mustache:1:1: error: <unclosed>"]
        guard case let .file(page, _) = site.answer(path: "/", problems: problems) else { Issue.record("no home page"); return }
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("role=\"alert\""))
        #expect(
            html.contains(
                "<li>Content/site.yaml:2:1: error: `title` is missing (add `title: …`)</li><li>Templates/x.mustache:1:1: error: &lt;unclosed&gt;</li>"
            ))
        #expect(html.hasSuffix("</ul></div></body></html>"))
        #expect(
            site.answer(path: "/assets/versus.css", problems: problems)
                == .file(Data("body { color: black }".utf8), contentType: "text/css; charset=utf-8"))
        guard case let .notFound(missing) = site.answer(path: "/nothing", problems: problems) else { Issue.record("answered"); return }
        #expect(String(decoding: missing, as: UTF8.self).contains("role=\"alert\""))
    }

    @Test func nothingOutsideTheOutputIsServed() throws {
        let root = try Self.site()
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("public/link.txt"),
            withDestinationURL: root.appendingPathComponent("outside.txt"))
        let site = StaticSite(folder: root.appendingPathComponent("public"), liveReload: false)
        for path in [
            "/../outside.txt", "/%2e%2e/outside.txt", "/compare/..%2f..%2foutside.txt", "/compare/%2e%2e/%2e%2e/outside.txt",
            "/link.txt", "/missing/", "/nothing.html", "/compare/a-vs-b/%00",
        ] {
            guard case let .notFound(page) = site.answer(path: path) else {
                Issue.record("\(path) was answered")
                continue
            }
            #expect(String(decoding: page, as: UTF8.self).contains("<h1>Missing</h1>"), "\(path)")
        }
    }

    @Test func reloadHubTellsEveryListenerAndEndsOnClose() async throws {
        let hub = ReloadHub()
        let first = await hub.listen(), second = await hub.listen()
        await hub.rebuilt()
        var firstIterator = first.makeAsyncIterator(), secondIterator = second.makeAsyncIterator()
        #expect(await firstIterator.next() == 1)
        #expect(await secondIterator.next() == 1)
        await hub.close()
        #expect(await firstIterator.next() == nil)
        var late = await hub.listen().makeAsyncIterator()
        #expect(await late.next() == nil)
    }

    /// Waits (up to 60 s) until more than `count` event streams have joined `hub`.
    static func waitForListener(_ hub: ReloadHub, after count: Int) async throws {
        for _ in 0..<2400 {
            if await hub.joined > count { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("no page joined the event stream")
    }

    @Test func servesOverHTTPAndAnnouncesRebuilds() async throws {
        let root = try Self.site()
        try Self.write("name: A\n", "Content/models/a.yaml", in: root)
        let rebuilds = Mutex(0)
        // The first rebuild succeeds, the second fails.
        let server = PreviewServer(
            output: root.appendingPathComponent("public"), watching: [root.appendingPathComponent("Content")],
            host: "127.0.0.1", port: 0, liveReload: true
        ) {
            let count = rebuilds.withLock {
                $0 += 1; return $0
            }
            return count == 1 ? [] : ["Content/models/a.yaml:1:7: error: <b>bad</b> value"]
        }
        let bound = Mutex(0)
        let running = Task { try await server.run { port in bound.withLock { $0 = port } } }
        defer { running.cancel() }
        var port = 0
        for _ in 0..<1200 where port == 0 {
            try await Task.sleep(for: .milliseconds(25))
            port = bound.withLock { $0 }
        }
        try #require(port > 0, "the server did not start")

        let home = try HTTPProbe.get(port: port, path: "/")
        #expect(home.status == 200 && home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("<h1>Home</h1>") && home.body.contains(StaticSite.eventsPath))
        let folder = try HTTPProbe.get(port: port, path: "/compare/a-vs-b")
        #expect(folder.status == 301 && folder.headers["location"] == "/compare/a-vs-b/")
        let posted = try HTTPProbe.get(port: port, path: "/", method: "POST")
        #expect(posted.status == 405 && posted.headers["allow"] == "GET, HEAD")
        let head = try HTTPProbe.get(port: port, path: "/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        // HEAD answers the length GET serves, not 0.
        #expect(
            head.headers["content-length"] != nil && head.headers["content-length"] == home.headers["content-length"], "\(head.headers)")
        #expect(head.headers["content-length"] == String(home.body.utf8.count))
        let missing = try HTTPProbe.get(port: port, path: "/../outside.txt")
        #expect(missing.status == 404 && missing.body.contains("<h1>Missing</h1>") && !missing.body.contains("secret"))

        // An open page's event stream gets a message once an edit has been rebuilt.
        // Each stream is joined before the edit (on a loaded machine a fixed pause was not always enough).
        let events = Task.detached { try HTTPProbe.get(port: port, path: StaticSite.eventsPath, until: "data: 1", timeout: 60) }
        try await Self.waitForListener(server.hub, after: 0)
        try Self.write("name: A, edited\n", "Content/models/a.yaml", in: root)
        let stream = try await events.value
        #expect(stream.status == 200 && stream.headers["content-type"] == "text/event-stream")
        #expect(stream.body.contains("data: 1"))
        #expect(rebuilds.withLock { $0 } == 1)
        #expect(!(try HTTPProbe.get(port: port, path: "/").body.contains("versus-build-problems")))

        // A failed rebuild still reloads open pages, which now show what went wrong over the last good site.
        let failing = Task.detached { try HTTPProbe.get(port: port, path: StaticSite.eventsPath, until: "data: 2", timeout: 60) }
        try await Self.waitForListener(server.hub, after: 1)
        try Self.write("name: [\n", "Content/models/a.yaml", in: root)
        #expect(try await failing.value.body.contains("data: 2"))
        let page = try HTTPProbe.get(port: port, path: "/")
        #expect(page.status == 200 && page.body.contains("<h1>Home</h1>"))
        #expect(page.body.contains("<li>Content/models/a.yaml:1:7: error: &lt;b&gt;bad&lt;/b&gt; value</li>"))
    }
}
