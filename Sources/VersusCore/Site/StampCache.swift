import Mustache
import Synchronization

/// Renders one template through stamps: the engine renders the first view of each shape (once recording, once for
/// real, the two compared byte for byte) and every later view of that shape is its stamp filled with the view's text.
///
/// A pair page is tens of thousands of pages in far fewer shapes; swift-mustache spends about a microsecond on each
/// lookup (dynamic casts down its context stack), a stamp a few nanoseconds per byte. The engine stays the only judge
/// of what a template means: a shape the stamp cannot stand for (a transform of text, a value of another kind, a
/// stamp that differs from the engine's page) is marked as such and always rendered by the engine.
final class StampCache: Sendable {
    let template: String
    private let trie = Mutex(StampTrie())

    init(template: String) {
        self.template = template
    }

    /// Shapes recorded so far: stamped, and left to the engine.
    var shapes: (stamped: Int, engine: Int) {
        trie.withLock { ($0.stamps.count, $0.engineShapes) }
    }

    /// The tree as it stands.
    var snapshot: StampTrie { trie.withLock { $0 } }

    /// Starts from a tree read back from a file, when nothing was recorded yet.
    func restore(_ known: StampTrie) {
        trie.withLock { if $0.nodes.count == 1 && $0.nodes[0].kind == .open { $0 = known } }
    }

    func render(_ view: ViewFields, in set: StampSet, into out: inout [UInt8]) {
        let known = trie.withLock { $0 }
        switch known.match(view) {
        case let .stamp(stamp, values):
            stamp.fill(values, into: &out) { set.sections[$0].render(view, in: set, into: &$1) }
        case .engine:
            out.append(contentsOf: (set.library.render(view.any, withTemplate: template) ?? "").utf8)
        case .unknown:
            out.append(contentsOf: record(view, in: set))
        }
    }

    private func record(_ view: ViewFields, in set: StampSet) -> [UInt8] {
        let fields = view.any
        let direct = Array((set.library.render(fields, withTemplate: template) ?? "").utf8)
        let recorder = StampRecorder()
        // Other sections become slots; this template itself is recorded as it is.
        var recording = set.recording
        if let own = set.library.getTemplate(named: template) { recording.register(own, named: template) }
        let recorded = recording.render(recorder.root(fields), withTemplate: template) ?? ""
        if let usable = recorder.usableGuards {
            trie.withLock { _ = $0.insert(recorder.guards.prefix(usable), stamp: nil) }
            return direct
        }
        // The values of this view in guard order, as a match would find them.
        var values: [ViewValue?] = []
        values.reserveCapacity(recorder.guards.count)
        let root = ViewValue.object(view)
        for entry in recorder.guards {
            values.append(entry.step.apply(to: entry.parent < 0 ? root : values[entry.parent]))
        }
        var stamp = TemplateStamp(output: recorded, textGuards: recorder.textGuards, slots: set.sections.count)
        if let candidate = stamp {
            var filled: [UInt8] = []
            candidate.fill(values, into: &filled) { set.sections[$0].render(view, in: set, into: &$1) }
            if filled != direct { stamp = nil }
        }
        trie.withLock { _ = $0.insert(recorder.guards, stamp: stamp) }
        return direct
    }
}

/// The templates rendered through stamps, and what recording them needs.
struct StampSet: Sendable {
    /// Templates whose names start with this are sections: rendered on their own, with stamps of their own.
    static let sectionPrefix = "sections/"

    /// The real templates.
    let library: MustacheLibrary
    /// The same, with every section template replaced by a lookup of its slot.
    let recording: MustacheLibrary
    /// Slot number → the section's stamps.
    let sections: [StampCache]
    /// Page templates rendered through stamps.
    let pages: [String: StampCache]

    init(library: MustacheLibrary, templateNames: [String], pages: [String]) {
        self.library = library
        var recording = library
        var sections: [StampCache] = []
        for name in templateNames.sorted() where name.hasPrefix(Self.sectionPrefix) {
            // Same content type as every template, so the slot's stand-in is written as it is.
            if let slot = try? MustacheTemplate(string: FastHTMLEscaping.pragma + "{{{\(StampRecorder.slotPrefix)\(sections.count)}}}") {
                recording.register(slot, named: name)
                sections.append(StampCache(template: name))
            }
        }
        self.recording = recording
        self.sections = sections
        self.pages = Dictionary(uniqueKeysWithValues: pages.map { ($0, StampCache(template: $0)) })
    }

    /// Every stamped template's cache: the sections, then the pages by name.
    var caches: [StampCache] { sections + pages.keys.sorted().map { pages[$0]! } }

    /// Shapes recorded so far for each stamped template.
    var shapes: [String: (stamped: Int, engine: Int)] {
        var all: [String: (stamped: Int, engine: Int)] = [:]
        for cache in sections + Array(pages.values) { all[cache.template] = cache.shapes }
        return all
    }
}
