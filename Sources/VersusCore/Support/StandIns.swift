/// Characters Versus writes into its own intermediate text and replaces before a page is written. Catalog and
/// editorial text may not hold them: a developer name holding U+E000 would be read as the start of a source mark
/// and come out as "Anthropic [?]". Who uses which:
/// - U+E000 and U+E001 open and close a source token in HTML rendered once for many pages (`SourceTokens`);
/// - U+E002 and U+E003 enclose the number of a cell stand-in (`SourceTokens.cell`);
/// - U+F0000 to U+10FFFF (the two supplementary private-use planes) are the stand-ins and section slots that
///   template stamps record (`StampRecorder`, `TemplateStamp`).
public enum StandIns {
    public static func isStandIn(_ scalar: Unicode.Scalar) -> Bool {
        (0xE000...0xE003).contains(scalar.value) || scalar.value >= 0xF0000
    }

    /// The first stand-in in `text`: its line and column (1-based, in characters) and the character.
    public static func first(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        // Fast path: the UTF-8 lead bytes EE (U+E000…) and F3/F4 (planes 15 and 16).
        guard text.utf8.contains(where: { $0 == 0xEE || $0 == 0xF3 || $0 == 0xF4 }) else { return nil }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if isStandIn(scalar) { return (line, column, scalar) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// The error for a file that holds one, or nil.
    static func check(_ text: String, file: String) -> Diagnostic? {
        guard let found = first(in: text) else { return nil }
        let code = "U+" + String(found.scalar.value, radix: 16, uppercase: true)
        return .error(
            SourceLocation(file: file, line: found.line, column: found.column),
            "the text holds the private-use character \(code), which Versus uses internally to mark sources and template slots on pages",
            fix: "remove the character (it is invisible in most editors; it often comes from a copy and paste)")
    }
}
