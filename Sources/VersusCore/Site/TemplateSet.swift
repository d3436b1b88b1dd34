import Foundation
import Mustache
import Synchronization

/// The Mustache templates of a site, loaded from `Templates/` and checked before any page is rendered.
public struct TemplateSet: Sendable {
    public static let folder = "Templates"
    /// The layout and every template rendered from Swift (`RenderedTemplates`).
    public static let required = ["layout"] + RenderedTemplates.all.map(\.name)

    let library: MustacheLibrary
    /// The stamps of the page templates rendered through them and of every section; nil renders by the engine alone.
    let stamps: StampSet?
    /// Template name → its file's bytes (for fingerprints).
    public let sources: [String: Data]
    /// Files under Templates/assets/, relative path → bytes.
    public let assets: [String: Data]
    /// When set, every template rendered from Swift is noted in it (tests compare it with `RenderedTemplates`).
    var log: RenderLog?

    /// Loads every `.mustache` file; all problems are returned together. `stamps: false` (or `VERSUS_STAMPS=0` in
    /// the environment) renders every page through the engine alone.
    public static func load(root: String, stamps useStamps: Bool = true) -> Result<TemplateSet, DiagnosticsError> {
        let folder = URL(fileURLWithPath: root).appendingPathComponent(folder)
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: Data] = [:]
        var assets: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return .failure(
                DiagnosticsError([
                    .error(
                        SourceLocation(file: Self.folder), "there is no Templates/ folder",
                        fix: "copy Templates/ from the Versus repository into the site folder")
                ]))
        }
        let prefix = folder.standardizedFileURL.path + "/"
        var files: [URL] = []
        for case let url as URL in enumerator { files.append(url) }
        for url in files.sorted(by: { $0.path < $1.path }) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            let display = "\(Self.folder)/\(relative)"
            guard let data = try? Data(contentsOf: url) else {
                diagnostics.append(.error(SourceLocation(file: display), "cannot read the file"))
                continue
            }
            if relative.hasPrefix("assets/") {
                assets[String(relative.dropFirst("assets/".count))] = data
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(SourceLocation(file: display), "template is not UTF-8 text"))
                continue
            }
            do {
                _ = FastHTMLEscaping.registered
                templates[name] = try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
                sources[name] = data
            } catch let error as MustacheTemplate.ParserError {
                // The pragma's line put before the text shifts every line by one.
                diagnostics.append(
                    .error(
                        SourceLocation(
                            file: display, line: max(1, error.context.lineNumber - 1),
                            column: error.context.columnNumber),
                        "template error: \(error.error)", fix: "check that every {{#section}} has its {{/section}}"))
            } catch {
                diagnostics.append(.error(SourceLocation(file: display), "template error: \(error)"))
            }
        }
        // A partial or parent that no file provides renders as nothing in swift-mustache: an error here instead.
        let parsed = Set(sources.keys)
        for (name, data) in sources.sorted(by: { $0.key < $1.key }) {
            let references = TemplateTags.tags(in: String(decoding: data, as: UTF8.self)).filter {
                $0.kind == .partial || $0.kind == .parent
            }
            for reference in references where !parsed.contains(reference.name) {
                // A template that failed to parse is already reported; naming it is not a second error.
                if diagnostics.contains(where: { $0.location.file == "\(Self.folder)/\(reference.name).mustache" }) { continue }
                var fix = "create Templates/\(reference.name).mustache, or name an existing template"
                if let near = Suggestion.closest(to: reference.name, in: parsed) { fix = "did you mean `\(near)`?" }
                diagnostics.append(
                    .error(
                        SourceLocation(file: "\(Self.folder)/\(name).mustache", line: reference.line, column: reference.column),
                        "`\(reference.name)` names no template: there is no Templates/\(reference.name).mustache", fix: fix))
            }
        }
        for name in required
        where templates[name] == nil && !diagnostics.contains(where: { $0.location.file.hasSuffix("\(name).mustache") }) {
            diagnostics.append(
                .error(
                    SourceLocation(file: "\(Self.folder)/\(name).mustache"), "required template is missing",
                    fix: "every site needs \(required.map { "\($0).mustache" }.joined(separator: ", "))"))
        }
        // Every name a template reads, against the view it is rendered with.
        diagnostics += TemplateCheck.run(texts: sources.mapValues { String(decoding: $0, as: UTF8.self) })
        if !diagnostics.isEmpty { return .failure(DiagnosticsError(diagnostics)) }
        let library = MustacheLibrary(templates: templates)
        let stamps =
            !useStamps || ProcessInfo.processInfo.environment["VERSUS_STAMPS"] == "0"
            ? nil : StampSet(library: library, templateNames: Array(templates.keys), pages: RenderedTemplates.stamped)
        return .success(
            TemplateSet(
                library: library, stamps: stamps, sources: sources,
                assets: assets, log: nil))
    }

    /// The stamps recorded so far, to be read back by a later process with the same templates and the same `versus`
    /// (`restoreStamps`); nil without stamps.
    public func stampData(generator: String) -> Data? {
        guard let stamps else { return nil }
        return StampFile.encode(
            stamps.caches.map { ($0.template, $0.snapshot) }, key: StampFile.key(generator: generator, sources: sources))
    }

    /// Each stamped template's shapes, stamped and left to the engine, a line each in name order (for `VERSUS_PHASES`).
    public var stampReport: [String] {
        (stamps?.shapes ?? [:]).sorted { $0.key < $1.key }.map {
            "\($0.key): \($0.value.stamped) stamped, \($0.value.engine) to the engine"
        }
    }

    /// How many shapes the stamps hold, stamped or left to the engine: a build that recorded none need not write them.
    public var stampShapes: Int { stamps?.caches.reduce(0) { $0 + $1.shapes.stamped + $1.shapes.engine } ?? 0 }

    /// Starts each template's stamps from `data`, when it was written for these templates by this `versus` and reads
    /// back whole; returns whether it did.
    @discardableResult
    public func restoreStamps(_ data: Data, generator: String) -> Bool {
        guard let stamps,
            let tries = StampFile.decode(data, key: StampFile.key(generator: generator, sources: sources), sections: stamps.sections.count)
        else { return false }
        for cache in stamps.caches { if let trie = tries[cache.template] { cache.restore(trie) } }
        return true
    }

    /// The same templates rendered by the engine alone: what stamped output is checked against.
    func withoutStamps() -> TemplateSet {
        TemplateSet(library: library, stamps: nil, sources: sources, assets: assets, log: log)
    }

    /// A partial's text for `view`: through its stamps when it has them (`RenderedTemplates.stamped`), else by the
    /// engine.
    func render<View: TemplateView>(_ view: View, _ template: Rendered<View>) -> String {
        String(decoding: bytes(view, template, capacity: 0), as: UTF8.self)
    }

    /// A whole page's bytes: through the template's stamps when it has them, else by the engine.
    func page<View: TemplateView>(_ object: View, _ rendered: Rendered<View>) -> Data {
        Data(bytes(object, rendered, capacity: 64 * 1024))
    }

    private func bytes<View: TemplateView>(_ object: View, _ rendered: Rendered<View>, capacity: Int) -> [UInt8] {
        let view = TemplateEncoder.tree(object), template = rendered.name
        log?.note(template)
        var out: [UInt8] = []
        if let stamps, let cache = stamps.pages[template], case let .object(fields) = view {
            out.reserveCapacity(capacity)
            cache.render(fields, in: stamps, into: &out)
        } else {
            out.append(contentsOf: (library.render(view.any, withTemplate: template) ?? "").utf8)
        }
        return out
    }
}

extension TemplateSet {
    /// The template `name` and every template it pulls in through `{{> partial}}` or `{{< parent}}`,
    /// transitively, sorted: a change to any of them changes the pages `name` renders.
    public func closure(of name: String) -> [String] {
        var seen: Set<String> = []
        var queue = [name]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, let data = sources[next] else { continue }
            queue.append(contentsOf: Self.references(in: String(decoding: data, as: UTF8.self)))
        }
        return seen.sorted()
    }

    /// Names after `{{>` and `{{<` in a template's text.
    static func references(in text: String) -> [String] {
        TemplateTags.tags(in: text).filter { $0.kind == .partial || $0.kind == .parent }.map(\.name)
    }
}

/// The names of the templates rendered from Swift, as they are rendered.
final class RenderLog: Sendable {
    private let names = Mutex<Set<String>>([])

    func note(_ name: String) { names.withLock { _ = $0.insert(name) } }
    var rendered: Set<String> { names.withLock { $0 } }
}
