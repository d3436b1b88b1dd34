import Foundation
import TOMLKit

/// A parsed TOML document as plain Swift values, so that nothing past this file depends on TOMLKit (whose tables
/// are classes wrapping C++ pointers, neither `Sendable` nor safe to keep).
///
/// Numbers keep their exact decimal value: TOMLKit hands floats over as `Double`, and a `Double` printed with the
/// shortest digits that read back to it gives the literal as written in the file (`0.30` → `0.3`, never
/// `0.30000000000000004`) for every literal of up to 15 significant digits, which covers any price.
public indirect enum TOMLData: Sendable, Hashable {
    case table([String: TOMLData])
    case array([TOMLData])
    case string(String)
    case integer(Int)
    case float(Decimal)
    case bool(Bool)
    /// A TOML date, time or date-time, as ISO text (`2025-08-07`).
    case date(String)

    /// Parses a TOML document; the error carries the line and column where toml++ stopped.
    public static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: TOMLData] {
        do {
            let table = try TOMLTable(string: text)
            return convert(table)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(message: error.description, line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw TOMLSyntaxError(message: "\(error)", line: 1, column: 1)
        }
    }

    private static func convert(_ table: TOMLTable) -> [String: TOMLData] {
        var result: [String: TOMLData] = [:]
        for (key, value) in zip(table.keys, table.values) {
            if let converted = convert(value) { result[key] = converted }
        }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible) -> TOMLData? {
        switch value.type {
        case .table: return value.table.map { .table(convert($0)) }
        case .array: return value.array.map { array in .array(array.compactMap { convert($0) }) }
        case .string: return value.string.map { .string($0) }
        case .int: return value.int.map { .integer($0) }
        case .double: return value.double.flatMap(exactDecimal).map { .float($0) }
        case .bool: return value.bool.map { .bool($0) }
        case .date:
            return value.date.map { .date(pad($0.year, 4) + "-" + pad($0.month, 2) + "-" + pad($0.day, 2)) }
        case .time, .dateTime: return .date(value.debugDescription)
        }
    }

    /// The decimal a TOML float literal wrote, from the shortest digits that round-trip to the same `Double`;
    /// nil for infinities and NaN, which are no price.
    static func exactDecimal(_ double: Double) -> Decimal? {
        guard double.isFinite else { return nil }
        return Decimal(string: "\(double)", locale: Locale(identifier: "en_US_POSIX"))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: Access

    public subscript(key: String) -> TOMLData? {
        if case let .table(table) = self { return table[key] }
        return nil
    }

    public var table: [String: TOMLData]? {
        if case let .table(table) = self { return table }
        return nil
    }

    public var array: [TOMLData]? {
        if case let .array(items) = self { return items }
        return nil
    }

    public var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    public var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    /// An integer or a float, as an exact decimal.
    public var decimal: Decimal? {
        switch self {
        case let .integer(value): return Decimal(value)
        case let .float(value): return value
        default: return nil
        }
    }

    public var integer: Int? {
        switch self {
        case let .integer(value): return value
        case let .float(value):
            // `context = 1e6` is a float in TOML but a whole number of tokens.
            let rounded = NSDecimalNumber(decimal: value).intValue
            return Decimal(rounded) == value ? rounded : nil
        default: return nil
        }
    }

    /// A date written as text (`"2025-08-07"`) or as a TOML date.
    public var dateText: String? {
        switch self {
        case let .string(text): return text
        case let .date(text): return text
        default: return nil
        }
    }

    /// What a message calls this value's type.
    public var kindName: String {
        switch self {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "text"
        case .integer, .float: return "a number"
        case .bool: return "true or false"
        case .date: return "a date"
        }
    }
}

/// A TOML file that does not parse, with where toml++ stopped.
public struct TOMLSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var line: Int
    public var column: Int
}
