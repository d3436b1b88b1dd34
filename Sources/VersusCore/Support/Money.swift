import Foundation

/// Money and other exact quantities are `Decimal`, parsed from the catalog's text so that
/// 0.175 stays 0.175 (never a binary float) from the YAML file to the page.
public enum Money {
    /// Parses a plain decimal number (`12`, `-0.5`, `1_000`, `1.75`); nil for anything else.
    public static func parse(_ text: String) -> Decimal? {
        quickParse(text) ?? foundationParse(text)
    }

    /// The same through Foundation's `Decimal(string:)`: the reference `quickParse` is tested against.
    static func foundationParse(_ text: String) -> Decimal? {
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

    /// The same, on bytes, for the numbers a catalog holds (up to 18 significant digits): what `Decimal(string:)`
    /// gives, without building a locale and a cleaned copy for each of the thousands of prices a load reads. nil
    /// when the text is anything else (`parse` then decides as before).
    static func quickParse(_ text: String) -> Decimal? {
        var significand: UInt64 = 0, digits = 0, fraction = 0, sawDot = false, negative = false, sawDigit = false
        var index = 0
        for byte in text.utf8 {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if sawDot { fraction += 1 }
                // Leading zeros add no digit.
                if significand == 0 && byte == UInt8(ascii: "0") { continue }
                digits += 1
                guard digits <= 18 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."):
                guard !sawDot else { return nil }
                sawDot = true
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: "_"):
                continue
            default:
                return nil
            }
        }
        guard sawDigit, index <= 30 else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction, significand: Decimal(significand))
    }

    public static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }
}
