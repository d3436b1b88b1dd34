import Foundation

/// Reads `comparisons/<a>-vs-<b>.md`: YAML front matter between `---` lines, then a Markdown body.
enum EditorialDecoder {
    static let keys = ["title", "tldr", "when_to_use", "faq"]

    /// The front matter and body of a Markdown file, with the front matter kept at its original line numbers.
    static func split(_ text: String) -> (frontMatter: String?, body: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalized.hasPrefix("---\n") else { return (nil, normalized) }
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0 == "---" || $0 == "..." }) else { return (nil, normalized) }
        let front = "---\n" + lines[..<end].joined(separator: "\n") + "\n"
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (front, body)
    }

    static func decode(_ text: String, pair: PairID, file: String, _ diagnostics: inout [Diagnostic]) -> Editorial? {
        if let standIn = StandIns.check(text, file: file) {
            diagnostics.append(standIn)
            return nil
        }
        let (front, body) = split(text)
        var editorial = Editorial(
            pair: pair, title: nil, tldr: [], whenToUse: [], faq: [], body: body,
            location: SourceLocation(file: file))
        if text.hasPrefix("---") && front == nil {
            diagnostics.append(
                .error(
                    SourceLocation(file: file), "front matter starts with `---` but never ends",
                    fix: "close it with a line holding only `---`"))
            return nil
        }
        guard let front else { return editorial }
        switch YAMLParser.parse(front, file: file) {
        case let .failure(error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        case let .success(node):
            guard let node else { return editorial }
            guard let reader = FieldReader(node, what: "the front matter", keys: keys, diagnostics: &diagnostics) else { return nil }
            editorial.title = reader.string("title", &diagnostics)
            editorial.tldr = reader.strings("tldr", &diagnostics)
            editorial.whenToUse = reader.list("when_to_use", &diagnostics).compactMap { item in
                guard
                    let row = FieldReader(
                        item, what: "a `when_to_use` entry", keys: ["situation", "choose", "why"],
                        diagnostics: &diagnostics)
                else { return nil }
                let situation = row.string("situation", required: true, &diagnostics)
                let choose = row.id("choose", required: true, &diagnostics)
                let why = row.string("why", &diagnostics)
                guard let situation, let choose else { return nil }
                if choose != pair.first && choose != pair.second {
                    diagnostics.append(
                        .error(
                            row.keyLocation("choose"),
                            "`choose: \(choose)` is not one of this page's models",
                            fix: "use \(pair.first) or \(pair.second)"))
                    return nil
                }
                return Editorial.WhenToUse(situation: situation, choose: choose, why: why)
            }
            editorial.faq = reader.list("faq", &diagnostics).compactMap { item in
                guard let row = FieldReader(item, what: "a `faq` entry", keys: ["question", "answer"], diagnostics: &diagnostics) else {
                    return nil
                }
                let question = row.string("question", required: true, &diagnostics)
                let answer = row.string("answer", required: true, &diagnostics)
                guard let question, let answer else { return nil }
                return Editorial.Question(question: question, answer: answer)
            }
            editorial.location = node.location
            return editorial
        }
    }
}
