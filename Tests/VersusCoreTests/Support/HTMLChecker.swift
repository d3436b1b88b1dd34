import Foundation

/// A strict checker for the HTML Versus writes: a tokenizer that verifies the document structure
/// (doctype, one html/head/body, balanced non-void elements, quoted attributes, unique ids, no
/// external resources) and collects every internal link, so tests can prove each one resolves.
struct HTMLChecker {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr",
    ]
    /// Elements whose end tag HTML lets an author omit; Versus always closes them, so they are checked too.
    static let rawText: Set<String> = ["script", "style"]

    struct Report {
        var problems: [String] = []
        var links: [String] = []
        var ids: Set<String> = []
        var externalResources: [String] = []
    }

    static func check(_ html: String) -> Report {
        var report = Report()
        let chars = Array(html.unicodeScalars)
        var index = 0
        var stack: [String] = []
        if !html.lowercased().hasPrefix("<!doctype html>") { report.problems.append("missing <!doctype html> at the start") }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < chars.count ? chars[index + offset] : nil }
        func skipSpace() { while let c = peek(), c.properties.isWhitespace { index += 1 } }

        while index < chars.count {
            guard chars[index] == "<" else { index += 1; continue }
            if html.unicodeScalars.count > index + 3, String(String.UnicodeScalarView(chars[index..<min(index + 4, chars.count)])) == "<!--"
            {
                // comment
                var end = index + 4
                while end + 2 < chars.count && !(chars[end] == "-" && chars[end + 1] == "-" && chars[end + 2] == ">") { end += 1 }
                index = end + 3
                continue
            }
            if peek(1) == "!" {
                while let c = peek(), c != ">" { index += 1 }
                index += 1
                continue
            }
            let closing = peek(1) == "/"
            index += closing ? 2 : 1
            var name = ""
            while let c = peek(), c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" {
                name.unicodeScalars.append(c)
                index += 1
            }
            name = name.lowercased()
            if name.isEmpty { report.problems.append("stray '<' not starting a tag"); continue }
            var attributes: [String: String] = [:]
            var selfClosing = false
            while true {
                skipSpace()
                guard let c = peek() else { report.problems.append("unterminated <\(name)>"); return report }
                if c == ">" { index += 1; break }
                if c == "/" && peek(1) == ">" { selfClosing = true; index += 2; break }
                var attribute = ""
                while let c = peek(), !c.properties.isWhitespace, c != "=", c != ">", c != "/" {
                    attribute.unicodeScalars.append(c)
                    index += 1
                }
                if attribute.isEmpty { index += 1; continue }
                var value = ""
                if peek() == "=" {
                    index += 1
                    guard let quote = peek(), quote == "\"" || quote == "'" else {
                        report.problems.append("unquoted value of \(attribute) in <\(name)>")
                        while let c = peek(), !c.properties.isWhitespace, c != ">" { index += 1 }
                        continue
                    }
                    index += 1
                    while let c = peek(), c != quote {
                        if c == "<" { report.problems.append("'<' inside the \(attribute) attribute of <\(name)>") }
                        value.unicodeScalars.append(c)
                        index += 1
                    }
                    index += 1
                }
                if attributes[attribute.lowercased()] != nil { report.problems.append("duplicate attribute \(attribute) on <\(name)>") }
                attributes[attribute.lowercased()] = value
            }
            if closing {
                guard let open = stack.last else { report.problems.append("</\(name)> with nothing open"); continue }
                if open != name {
                    report.problems.append("</\(name)> closes <\(open)>")
                    if let position = stack.lastIndex(of: name) { stack.removeSubrange(position...) }
                } else {
                    stack.removeLast()
                }
                continue
            }
            if let id = attributes["id"] {
                if report.ids.contains(id) { report.problems.append("duplicate id \"\(id)\"") }
                report.ids.insert(id)
            }
            for key in ["href", "src"] {
                guard let value = attributes[key] else { continue }
                let decoded = value.replacingOccurrences(of: "&amp;", with: "&")
                if decoded.hasPrefix("http://") || decoded.hasPrefix("https://") || decoded.hasPrefix("//") {
                    if key == "src" || (name == "link" && attributes["rel"] == "stylesheet") {
                        report.externalResources.append(decoded)
                    }
                } else if !decoded.hasPrefix("mailto:") {
                    report.links.append(decoded)
                }
            }
            if voidElements.contains(name) || selfClosing && (name == "rect" || name == "path" || name == "circle" || name == "line") {
                continue
            }
            if rawText.contains(name) {
                let rest = String(String.UnicodeScalarView(chars[index...]))
                guard let end = rest.range(of: "</\(name)>", options: .caseInsensitive) else {
                    report.problems.append("<\(name)> never closed")
                    return report
                }
                index += rest.unicodeScalars.distance(
                    from: rest.unicodeScalars.startIndex, to: end.upperBound.samePosition(in: rest.unicodeScalars)!)
                continue
            }
            stack.append(name)
        }
        if !stack.isEmpty { report.problems.append("unclosed elements at the end: \(stack.joined(separator: ", "))") }
        for required in ["html", "head", "body", "main", "title"] where !html.contains("<\(required)") {
            report.problems.append("no <\(required)> element")
        }
        return report
    }
}
