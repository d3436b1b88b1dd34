import Foundation

/// Money and other exact quantities are `Decimal`, parsed from the catalog's text so that
/// 0.175 stays 0.175 (never a binary float) from the YAML file to the page.
public enum Money {
    /// Parses a plain decimal number (`12`, `-0.5`, `1_000`, `1.75`); nil for anything else.
    public static func parse(_ text: String) -> Decimal? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        var sawDigit = false, sawDot = false
        for (offset, character) in cleaned.enumerated() {
            if character.isASCIIDigit { sawDigit = true; continue }
            if character == "." && !sawDot { sawDot = true; continue }
            if character == "-" && offset == 0 { continue }
            return nil
        }
        guard sawDigit, cleaned.count <= 30 else { return nil }
        return Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX"))
    }

    public static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }
}
