/// Ids of models, providers, benchmarks and sources. They become folder names under `public/`,
/// so they are restricted to lowercase ASCII letters, digits and inner hyphens: no id can name `..`,
/// a slash, or anything a browser or file system treats specially.
public enum Identifier {
    public static let rule = "ids use only a-z, 0-9 and '-', start with a letter or digit, and are at most 80 characters"

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 80, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
        }
    }

    /// Text quoted for a message, shortened and with control characters made visible.
    public static func quoted(_ text: String, limit: Int = 60) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if shown.count >= limit { shown += "…"; break }
            switch scalar {
            case "\n": shown += "\\n"
            case "\t": shown += "\\t"
            default:
                if scalar.properties.generalCategory == .control { shown += "?" } else { shown.unicodeScalars.append(scalar) }
            }
        }
        return "\"\(shown)\""
    }
}
