import Foundation

/// The partials (`{{>name}}`) and parents (`{{<name}}`) a template names, with where it names them: swift-mustache
/// renders a missing one as nothing, so a misspelt include would silently drop part of every page. `TemplateSet`
/// turns each unknown name into an error at its line and column.
enum TemplateReferences {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        let bytes = Array(text.utf8)
        var line = 1, lineStart = 0, index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1; index += 1; continue }
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else { index += 1; continue }
            var cursor = index + 2
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") || bytes[cursor] == UInt8(ascii: "<") else {
                index += 2
                continue
            }
            var end = cursor + 1
            while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let name = String(decoding: bytes[(cursor + 1)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            found.append(Reference(name: name, line: line, column: column))
            index = end
        }
        return found
    }
}
