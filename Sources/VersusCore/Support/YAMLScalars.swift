import Foundation

/// Scalars as the files Versus writes spell them (the import layer, change reports, measurement files), so that the
/// catalog's reader reads back exactly the value written.
public enum YAMLScalars {
    /// A plain number as the catalog writes money: `1.75`, `0.000025`, `14`; never an exponent or float noise.
    public static func number(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }

    /// Text as a YAML scalar, double-quoted with escapes; with `plainWhenSafe`, plain when it is plainly text (starts
    /// with a letter, holds only letters, digits, spaces and `. _ / + ( ) -`, and is no YAML keyword). Text is kept as
    /// text, HTML included: the site escapes it.
    public static func quoted(_ text: String, plainWhenSafe: Bool = true) -> String {
        if plainWhenSafe && isPlainSafe(text) { return text }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let category = scalar.properties.generalCategory
                if category == .control || category == .format || category == .lineSeparator || category == .paragraphSeparator
                    || category == .surrogate || category == .unassigned || scalar.value == 0x85
                {
                    result += scalar.value <= 0xFFFF ? String(format: "\\u%04X", scalar.value) : String(format: "\\U%08X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z"),
            !text.hasSuffix(" "), !text.contains("  "), !keywords.contains(text.lowercased())
        else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || " ._/+()-".unicodeScalars.contains(scalar)
        }
    }
}
