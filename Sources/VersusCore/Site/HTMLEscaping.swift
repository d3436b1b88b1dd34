import Mustache

/// The escaping `{{name}}` applies in every template: the same five replacements as swift-mustache's own HTML
/// content type (`<`, `>`, `&`, `"`, `'`), done on UTF-8 bytes rather than by looking each Character up in a
/// dictionary, which had made escaping a large part of rendering a page. Every `<` byte is escaped, even one that
/// a combining mark joins to the next character.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "VERSUS-HTML"
    /// A line put before each template's text so that it, and the partials it renders, escape with this type.
    /// Standing alone on its line, it leaves no trace in the output.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with swift-mustache, once.
    static let registered: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// The five bytes that are escaped all lie below 0x40: bit `b` of this mask is set for each.
    private static let special: UInt64 = 1 << 0x3C | 1 << 0x3E | 1 << 0x26 | 1 << 0x22 | 1 << 0x27

    @inline(__always) private static func isSpecial(_ byte: UInt8) -> Bool { byte < 0x40 && special >> byte & 1 == 1 }

    /// Whether `text` holds a byte to escape: a plain loop over its bytes (most texts hold none).
    static func needsEscaping(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: isSpecial) }) { return found }
        return utf8.contains(where: isSpecial)
    }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard needsEscaping(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text`, escaped, to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        guard needsEscaping(text) else {
            out.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }
}

/// HTML escaping as the templates apply it, for the few texts made outside them (the preview server's error panel).
public enum HTMLText {
    public static func escaped(_ text: String) -> String { FastHTMLEscaping.escape(text) }
}
