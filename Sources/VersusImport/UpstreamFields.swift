import Foundation
import VersusCore

/// Reads typed fields of one upstream TOML table, turning every value that does not fit into one warning naming
/// the file. A field that is absent, or does not fit, comes back nil: unknown, never zero or "no".
struct UpstreamFields {
    let table: [String: TOMLData]
    let file: String
    /// Where the table sits in the file, for messages (`cost`, `cost.tiers[2]`); empty at the top.
    let path: String

    init(_ table: [String: TOMLData], file: String, path: String = "") {
        self.table = table
        self.file = file
        self.path = path
    }

    func key(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func text(_ key: String, _ warnings: inout [ImportWarning]) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            warnings.append(ImportWarning(file, "`\(self.key(key))` should be text, found \(value.kindName); ignored"))
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    func bool(_ key: String, _ warnings: inout [ImportWarning]) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else {
            warnings.append(ImportWarning(file, "`\(self.key(key))` should be true or false, found \(value.kindName); ignored"))
            return nil
        }
        return flag
    }

    func date(_ key: String, _ warnings: inout [ImportWarning]) -> ISODate? {
        guard let value = table[key] else { return nil }
        guard let text = value.dateText, let date = ISODate(text.trimmingCharacters(in: .whitespaces)) else {
            let shown = value.dateText.map(OneLine.quoted) ?? value.kindName
            warnings.append(ImportWarning(file, "`\(self.key(key))` is not a date (YYYY-MM-DD or YYYY-MM): \(shown); ignored"))
            return nil
        }
        return date
    }

    /// A price in USD per 1M tokens: a number of at least 0 (0 is free, and kept as such).
    func price(_ key: String, _ warnings: inout [ImportWarning]) -> Decimal? {
        guard let value = table[key] else { return nil }
        guard let number = value.decimal else {
            warnings.append(ImportWarning(file, "`\(self.key(key))` should be a number, found \(value.kindName); left unknown"))
            return nil
        }
        if number < 0 {
            warnings.append(ImportWarning(file, "`\(self.key(key))` is negative (\(YAMLWriter.number(number))); left unknown"))
            return nil
        }
        return number
    }

    /// A token count: a whole number above 0. models.dev writes 0 for "not known".
    func tokens(_ key: String, _ warnings: inout [ImportWarning]) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.integer else {
            warnings.append(ImportWarning(file, "`\(self.key(key))` should be a whole number, found \(value.kindName); left unknown"))
            return nil
        }
        if number <= 0 {
            warnings.append(ImportWarning(file, "`\(self.key(key))` is \(number), which stands for unknown; left unknown"))
            return nil
        }
        return number
    }

    func strings(_ key: String, _ warnings: inout [ImportWarning]) -> [String] {
        guard let value = table[key] else { return [] }
        guard let items = value.array else {
            warnings.append(ImportWarning(file, "`\(self.key(key))` should be a list, found \(value.kindName); ignored"))
            return []
        }
        return items.compactMap { item in
            guard let text = item.string else {
                warnings.append(ImportWarning(file, "`\(self.key(key))` holds \(item.kindName) among its text; ignored"))
                return nil
            }
            return text
        }
    }

    func table(_ key: String, _ warnings: inout [ImportWarning]) -> UpstreamFields? {
        guard let value = table[key] else { return nil }
        guard let inner = value.table else {
            warnings.append(ImportWarning(file, "`\(self.key(key))` should be a table, found \(value.kindName); ignored"))
            return nil
        }
        return UpstreamFields(inner, file: file, path: self.key(key))
    }

    func tables(_ key: String, _ warnings: inout [ImportWarning]) -> [UpstreamFields] {
        guard let value = table[key] else { return [] }
        guard let items = value.array else {
            warnings.append(ImportWarning(file, "`\(self.key(key))` should be a list of tables, found \(value.kindName); ignored"))
            return []
        }
        var result: [UpstreamFields] = []
        for (index, item) in items.enumerated() {
            guard let inner = item.table else {
                warnings.append(ImportWarning(file, "`\(self.key(key))[\(index + 1)]` should be a table, found \(item.kindName); ignored"))
                continue
            }
            result.append(UpstreamFields(inner, file: file, path: "\(self.key(key))[\(index + 1)]"))
        }
        return result
    }
}
