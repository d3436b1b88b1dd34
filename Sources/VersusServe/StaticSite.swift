import Foundation
import VersusCore

/// The built site as the preview server answers for it: a URL path to a file of the output folder, never to anything
/// outside it, with the live-reload script added to HTML pages when asked.
public struct StaticSite: Sendable {
    public enum Answer: Equatable, Sendable {
        case file(Data, contentType: String)
        /// A folder asked for without its trailing slash: where the browser should go instead.
        case redirect(String)
        /// Nothing there; the site's own 404 page when it has one.
        case notFound(Data)
    }

    public let folder: URL
    public let liveReload: Bool

    /// Where the browser listens for "rebuilt" events.
    public static let eventsPath = "/__versus/events"
    /// Added before `</body>` of every HTML page served (never to the files on disk).
    public static let reloadScript =
        "<script>(function(){if(!window.EventSource)return;var s=new EventSource('\(eventsPath)');s.onmessage=function(){location.reload()};})();</script>"

    public init(folder: URL, liveReload: Bool) {
        self.folder = folder.standardizedFileURL
        self.liveReload = liveReload
    }

    /// `problems`: what the last build reported wrong; shown over every HTML page while there are any.
    public func answer(path rawPath: String, problems: [String] = []) -> Answer {
        guard let components = Self.components(of: rawPath) else { return notFound(problems) }
        var relative = components.joined(separator: "/")
        let wantsFolder = rawPath.hasSuffix("/") || components.isEmpty
        var isFolder: ObjCBool = false
        let base = folder.path
        if wantsFolder {
            relative += relative.isEmpty ? "index.html" : "/index.html"
        } else if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), isFolder.boolValue {
            return .redirect("/" + relative + "/")
        }
        let path = base + "/" + relative
        // A symbolic link could lead out of the folder: only regular files that resolve inside it are served.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(URL(fileURLWithPath: base).resolvingSymlinksInPath().path + "/"),
            FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), !isFolder.boolValue,
            let data = FileManager.default.contents(atPath: resolved)
        else { return notFound(problems) }
        let type = Self.contentType(of: relative)
        return .file(type.hasPrefix("text/html") ? withScript(data, problems: problems) : data, contentType: type)
    }

    /// The path's components, percent-decoded; nil when one is empty-dot, `..`, or holds a slash, backslash or NUL
    /// once decoded (nothing outside the folder can be named).
    static func components(of path: String) -> [String]? {
        var parts: [String] = []
        for piece in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(piece).removingPercentEncoding, !decoded.isEmpty, decoded != ".", decoded != "..",
                !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\0")
            else { return nil }
            parts.append(decoded)
        }
        return parts
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt", "": return "text/plain; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }

    private func notFound(_ problems: [String]) -> Answer {
        let page =
            FileManager.default.contents(atPath: folder.path + "/404.html")
            ?? Data(
                "<!doctype html><title>Not found</title><p>Not found. The site may not be built yet: see the terminal running versus serve.</p>"
                    .utf8)
        return .notFound(withScript(page, problems: problems))
    }

    /// `html` with the live-reload script (and the last build's problems, if any) before its last `</body>`, or at
    /// its end.
    func withScript(_ html: Data, problems: [String] = []) -> Data {
        guard liveReload || !problems.isEmpty else { return html }
        let script = Data(((problems.isEmpty ? "" : Self.banner(problems)) + (liveReload ? Self.reloadScript : "")).utf8)
        if let range = html.range(of: Data("</body>".utf8), options: .backwards) {
            var out = html
            out.insert(contentsOf: script, at: range.lowerBound)
            return out
        }
        return html + script
    }

    /// A panel over the page listing what the last build reported wrong; the page under it is from the last good build.
    static func banner(_ problems: [String]) -> String {
        let lines = problems.map { "<li>\(HTMLText.escaped($0))</li>" }.joined()
        return
            "<div role=\"alert\" id=\"versus-build-problems\" style=\"position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:9999;margin:0;padding:1rem;background:#fff4f4;color:#5c0000;border-top:3px solid #b00020;font:14px/1.45 ui-monospace,monospace\"><p style=\"margin:0 0 .5rem;font-weight:700\">The last build failed; this page is from the last good one. Fix these and save:</p><ul style=\"margin:0;padding-left:1.25rem\">\(lines)</ul></div>"
    }
}
