import Foundation
import Hummingbird
import Logging
import NIOCore

/// `versus serve`: answers for the output folder over HTTP on this machine and, when the site's sources change,
/// rebuilds it (through `rebuild`, which the command line supplies) and tells open pages to reload.
public struct PreviewServer: Sendable {
    public let site: StaticSite
    public let watcher: SiteWatcher
    public let host: String
    public let port: Int
    /// Builds the site once more after the changes of a batch and returns what went wrong, one line each: empty when
    /// it built. A failed build keeps the last good output, which is still served, with the problems shown over each page.
    public let rebuild: @Sendable (ChangeBatch) async -> [String]
    public let hub: ReloadHub

    /// `problems`: what the build before the server started reported wrong.
    /// `watcher`: how the folders are watched (inotify on Linux, polling elsewhere, unless it says otherwise).
    public init(
        output: URL, watching folders: [URL], host: String, port: Int, liveReload: Bool, problems: [String] = [],
        watcher: SiteWatcher? = nil, rebuild: @escaping @Sendable (ChangeBatch) async -> [String]
    ) {
        hub = ReloadHub(problems: problems)
        site = StaticSite(folder: output, liveReload: liveReload)
        self.watcher = watcher ?? SiteWatcher(folders: folders)
        self.host = host
        self.port = port
        self.rebuild = rebuild
    }

    /// A server whose rebuild does not need to know which files changed.
    public init(
        output: URL, watching folders: [URL], host: String, port: Int, liveReload: Bool, problems: [String] = [],
        watcher: SiteWatcher? = nil, rebuild: @escaping @Sendable () async -> [String]
    ) {
        self.init(
            output: output, watching: folders, host: host, port: port, liveReload: liveReload, problems: problems,
            watcher: watcher
        ) { _ in await rebuild() }
    }

    /// Serves until the task is cancelled or the process is interrupted; `ready` gets the port actually bound
    /// (useful with port 0).
    public func run(ready: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        var logger = Logger(label: "versus.serve")
        logger.logLevel = .warning
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            switch request.method {
            case .get: return await respond(to: request.uri.path)
            case .head:
                // The headers a GET would get, Content-Length included, and no body.
                var response = await respond(to: request.uri.path)
                response.body = ResponseBody(contentLength: response.body.contentLength) { _ in }
                return response
            default:
                // A static site has nothing to post or put to.
                return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
            }
        }
        let app = Application(
            responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: "versus"),
            onServerRunning: { channel in ready(channel.localAddress?.port ?? port) }, logger: logger)
        // The server stops gracefully on SIGINT or SIGTERM, waiting for open responses; the event streams of open
        // pages never end by themselves, so the same signals end them.
        let hub = self.hub
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { Task { await hub.close() } }
            source.resume()
            return source
        }
        defer { for source in sources { source.cancel() } }
        // Watching starts before the server answers, so no edit made after the first page was served goes unseen.
        let changes = watcher.changes()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { await watch(changes) }
            try await group.next()
            group.cancelAll()
            await hub.close()
        }
    }

    /// Rebuilds after each batch of changes to the watched folders, until cancelled.
    func watch(_ changes: ChangeStream) async {
        for await batch in changes {
            await hub.rebuilt(problems: await rebuild(batch))
        }
    }

    func respond(to path: String) async -> Response {
        if path == StaticSite.eventsPath { return await events() }
        switch site.answer(path: path, problems: await hub.problems) {
        case let .file(data, type):
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case let .redirect(location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case let .notFound(page):
            return Response(
                status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
        }
    }

    /// A server-sent event stream: one `data:` line per rebuild.
    func events() async -> Response {
        let stream = await hub.listen()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": versus live reload\n\n"))
            for await build in stream {
                try await writer.write(ByteBuffer(string: "data: \(build)\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }
}
