import Foundation

/// A table cell: text plus what backs it. `muted` marks unknown values so they read as unknown.
public struct Cell: Sendable, TemplateView {
    public var text: String
    public var refs: [Ref]
    public var muted: Bool
    public var note: String?
    public var lead: Bool

    public init(_ text: String, refs: [Ref] = [], muted: Bool = false, note: String? = nil, lead: Bool = false) {
        self.text = text
        self.refs = refs
        self.muted = muted
        self.note = note
        self.lead = lead
    }

    public static let unknown = Cell(Format.notDocumented, muted: true)

    /// The cell with `text` added to its note (after what the note already says).
    func noting(_ text: String?) -> Cell {
        guard let text, !text.isEmpty else { return self }
        var cell = self
        cell.note = [note, text].compactMap { $0 }.joined(separator: "; ")
        return cell
    }
}

/// A numbered reference to the page's source list.
public struct Ref: Sendable, TemplateView, Hashable {
    /// The source's number on the page, or a `SourceToken` in a fragment made once for many pages.
    public var number: String
}

public struct Link: Sendable, TemplateView {
    public var href: String
    public var label: String
    public var note: String?

    public init(href: String, label: String, note: String? = nil) {
        self.href = href
        self.label = label
        self.note = note
    }
}

public struct Question: Sendable, TemplateView {
    public var question: String
    public var answer: String
}

/// One entry of a page's source list.
public struct SourceEntry: Sendable, TemplateView {
    public var number: Int
    public var title: String
    public var url: String?
    public var publisher: String?
    public var date: String?
    public var anchor: String
}

/// Numbers the sources behind the figures of one page, in the order the page first cites them.
///
/// A ledger made with `tokens` numbers nothing: it writes each reference as a `SourceToken` and records the order of
/// citation, so that HTML rendered once for a model can go on many pages; each page's own ledger then `cite`s those
/// references in the same order and `resolve`s the tokens to its numbers.
struct SourceLedger {
    /// Only the sources: a ledger is copied and passed around a lot, and a whole catalog would be copied with it.
    let sources: [String: Source]
    let tokens: SourceTokens?
    private(set) var entries: [SourceEntry] = []
    private var numbers: [String: Int] = [:]
    /// With `tokens`: the references in the order first cited.
    private(set) var cited: [SourceReference] = []

    init(catalog: Catalog, tokens: SourceTokens? = nil) {
        self.sources = catalog.sources
        self.tokens = tokens
    }

    mutating func ref(_ reference: SourceReference?) -> [Ref] {
        guard let reference else { return [] }
        if let tokens {
            if numbers[reference.key] == nil {
                numbers[reference.key] = cited.count + 1
                cited.append(reference)
            }
            return [Ref(number: tokens.token(reference.key))]
        }
        if let number = numbers[reference.key] { return [Ref(number: String(number))] }
        let number = entries.count + 1
        numbers[reference.key] = number
        switch reference {
        case let .registered(id):
            let source = sources[id]
            entries.append(
                SourceEntry(
                    number: number, title: source?.title ?? id, url: source?.url,
                    publisher: source?.publisher, date: source?.date?.description, anchor: "src-\(number)"))
        case let .web(url):
            entries.append(SourceEntry(number: number, title: url, url: url, publisher: nil, date: nil, anchor: "src-\(number)"))
        }
        return [Ref(number: String(number))]
    }

    /// The reference a mark on this page stands for (its `SourceReference.key`).
    func key(of ref: Ref) -> String? { numbers.first { String($0.value) == ref.number }?.key }

    /// Numbers `references` as if the page cited them here, in this order (a fragment's citations).
    mutating func cite(_ references: [SourceReference]) {
        for reference in references { _ = ref(reference) }
    }

    /// Replaces the source tokens in `html` with this page's numbers.
    func resolve(_ html: String, tokens: SourceTokens) -> String {
        let numbers = numbers  // not the whole ledger, which the closure would copy
        return tokens.replace(in: html) { key in numbers[key].map(String.init) ?? "?" }
    }

    /// A figure's cell: the primary value with the mark of the source that gives that value, and, when other
    /// sources give other values, those values in a note, each with its own source's mark. Sources that agree with
    /// the primary value are marked beside it too.
    mutating func cell<T>(_ figure: Figure<T>?, _ format: (T) -> String) -> Cell {
        guard let figure else { return .unknown }
        let text = Format.approx(figure.primary, format(figure.value))
        var refs: [Ref] = []
        for value in figure.values where value.value == figure.value {
            for ref in self.ref(value.source) where !refs.contains(ref) { refs.append(ref) }
        }
        var note: String?
        if figure.isDisputed {
            let others = figure.values.dropFirst().filter { $0.value != figure.value }.map { value -> String in
                let name = value.source.map { sourceName($0) } ?? "an unsourced value"
                let mark = self.ref(value.source).first.map { " [\($0.number)]" } ?? ""
                return "\(Format.approx(value, format(value.value))) per \(name)\(mark)"
            }
            note = "Sources disagree: also " + Format.list(others)
        }
        return Cell(text, refs: refs, note: note)
    }

    func sourceName(_ reference: SourceReference) -> String {
        switch reference {
        case let .registered(id): return sources[id]?.title ?? id
        case let .web(url): return url
        }
    }
}
