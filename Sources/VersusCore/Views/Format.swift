import Foundation
import Synchronization

/// Every number a page shows goes through here, so one figure reads the same everywhere.
public enum Format {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ digits: String) -> String {
        var digits = digits
        return digits.withUTF8 { bytes -> String in
            let negative = bytes.first == 0x2D
            let start = negative ? 1 : 0
            let end = bytes[start...].firstIndex(of: 0x2E) ?? bytes.count
            let integer = end - start
            guard integer > 3 else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + integer / 3)
            if negative { out.append(0x2D) }
            for index in start..<end {
                let left = end - index
                if index > start && left % 3 == 0 { out.append(0x2C) }
                out.append(bytes[index])
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[end...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Plain text of a decimal rounded to at most `places` places, trailing zeros dropped.
    public static func number(_ value: Decimal, places: Int = 2, minimumPlaces: Int = 0) -> String {
        // The same prices, costs and scores come back on page after page; Decimal formatting is slow enough to keep.
        let key = NumberKey(value: value, places: places, minimumPlaces: minimumPlaces)
        if let known = numbers.withLock({ $0[key] }) { return known }
        let text = formatted(value, places: places, minimumPlaces: minimumPlaces)
        numbers.withLock { cache in
            if cache.count >= 100_000 { cache.removeAll(keepingCapacity: true) }
            cache[key] = text
        }
        return text
    }

    /// A decimal by its bytes, not its value: comparing two Decimals normalizes both, which costs more than the
    /// lookup saves. Equal bytes are the same value; the same value in other bytes is only a second entry.
    private struct NumberKey: Hashable {
        /// A Decimal's bytes (20 of them on Linux and on Apple platforms), zero-padded.
        var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var places: Int
        var minimumPlaces: Int

        init(value: Decimal, places: Int, minimumPlaces: Int) {
            precondition(MemoryLayout<Decimal>.size <= MemoryLayout<(UInt64, UInt64, UInt64)>.size)
            withUnsafeMutableBytes(of: &bytes) { key in
                withUnsafeBytes(of: value) { key.copyMemory(from: $0) }
            }
            self.places = places
            self.minimumPlaces = minimumPlaces
        }

        static func == (l: NumberKey, r: NumberKey) -> Bool {
            l.bytes == r.bytes && l.places == r.places && l.minimumPlaces == r.minimumPlaces
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.0)
            hasher.combine(bytes.1)
            hasher.combine(bytes.2)
            hasher.combine(places)
            hasher.combine(minimumPlaces)
        }
    }

    private static let numbers = Mutex<[NumberKey: String]>([:])

    private static func formatted(_ value: Decimal, places: Int, minimumPlaces: Int) -> String {
        let rounded = Money.rounded(value, places: places)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if text.contains("e") || text.contains("E") { text = "\(rounded)" }
        var integer = text, fraction = ""
        if let dot = text.firstIndex(of: ".") {
            integer = String(text[..<dot])
            fraction = String(text[text.index(after: dot)...])
        }
        while fraction.count > minimumPlaces && fraction.hasSuffix("0") { fraction.removeLast() }
        while fraction.count < minimumPlaces { fraction.append("0") }
        return grouped(fraction.isEmpty ? integer : integer + "." + fraction)
    }

    /// A price per 1M tokens: `$1.75`, `$0.175`, `$14`.
    public static func price(_ value: Decimal) -> String { "$" + number(value, places: 4) }

    /// A monthly amount: whole dollars from $10 up (a table of costs then reads evenly: $17, $106, $1,700), cents
    /// below, where they still matter.
    public static func money(_ value: Decimal) -> String {
        value >= 10 ? "$" + number(value, places: 0) : "$" + number(value, places: 2, minimumPlaces: value == 0 ? 0 : 2)
    }

    /// The amount `money` shows: whole dollars from $10 up, cents below (rounded half up, as `number` rounds).
    public static func moneyValue(_ value: Decimal) -> Decimal {
        Money.rounded(value, places: value >= 10 ? 0 : 2)
    }

    /// `400000` → `400K`, `1000000` → `1M`, `262144` → `262K`.
    /// `1048576` → `1.05M`, `200000` → `200K`: in whole numbers, since a page formats several token counts.
    public static func tokens(_ value: Int) -> String {
        guard value >= 0 else { return decimalTokens(value) }
        if value >= 1_000_000 {
            // Hundredths of a million, rounded half up (as `number` rounds), trailing zeros dropped.
            let hundredths = (value + 5_000) / 10_000
            let whole = grouped(String(hundredths / 100)), fraction = hundredths % 100
            if fraction == 0 { return whole + "M" }
            return whole + "." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)) + "M"
        }
        if value >= 1_000 {
            return grouped(String((value + 500) / 1_000)) + "K"
        }
        return "\(value)"
    }

    /// The same through Decimal arithmetic (negative counts, which the catalog never holds, and the tests).
    static func decimalTokens(_ value: Int) -> String {
        if value >= 1_000_000 { return number(Decimal(value) / 1_000_000, places: 2) + "M" }
        if value >= 1_000 { return number(Decimal(value) / 1_000, places: 0) + "K" }
        return "\(value)"
    }

    public static func tokensLong(_ value: Int) -> String { grouped("\(value)") + " tokens" }

    /// Millions of tokens: `1000` → `1,000M`.
    public static func millions(_ value: Decimal) -> String { number(value, places: 2) + "M" }

    public static func score(_ value: Decimal, unit: Benchmark.Unit) -> String {
        switch unit {
        case .percent: return number(value, places: 2) + "%"
        case .score: return number(value, places: 2)
        case .elo: return number(value, places: 0)
        }
    }

    /// A gap between two scores, in the benchmark's unit.
    public static func gap(_ value: Decimal, unit: Benchmark.Unit) -> String {
        switch unit {
        case .percent: return number(value, places: 2) + (value == 1 ? " pt" : " pts")
        case .score: return number(value, places: 2)
        case .elo: return number(value, places: 0) + " Elo"
        }
    }

    /// `16.84` → `16.8×`.
    public static func ratio(_ value: Decimal) -> String { number(value, places: value >= 10 ? 0 : 1) + "×" }

    public static func billions(_ value: Decimal) -> String { number(value, places: 2) + "B" }

    public static func approx<T>(_ value: SourcedValue<T>, _ text: String) -> String { value.approximate ? "~" + text : text }

    /// Joins `["a", "b", "c"]` as `a, b and c`.
    public static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) \(conjunction) \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }

    public static let notDocumented = "Not documented"

    /// Dates as written in the catalog (ISO), which every reader can sort and no locale misreads.
    public static func date(_ value: ISODate?) -> String { value?.description ?? notDocumented }

    /// Who ran a benchmark, for a table column.
    public static func reporter(_ value: BenchmarkReporter?) -> String {
        switch value {
        case .maker?: return "The maker"
        case .independent?: return "Independent"
        case .rival?: return "Another maker"
        case nil: return "Not recorded"
        }
    }
}
