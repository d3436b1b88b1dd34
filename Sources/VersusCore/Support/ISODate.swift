/// A calendar date written as `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
public struct ISODate: Sendable, Hashable, Comparable, CustomStringConvertible, Encodable {
    public var year: Int
    public var month: Int
    /// nil when only the month is known.
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts[0].count == 4, parts[1].count == 2, parts.count == 2 || parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        var day: Int?
        if parts.count == 3 {
            guard let value = Int(parts[2]), value >= 1, value <= ISODate.days(inMonth: month, year: year) else { return nil }
            day = value
        }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day ?? 0) else {
            let head = Pad.four(year) + "-" + Pad.two(month)
            return day.map { head + "-" + Pad.two($0) } ?? head
        }
        // The common case on bytes: dates are formatted on every page.
        func digit(_ value: Int) -> UInt8 { 0x30 + UInt8(value) }
        var bytes: [UInt8] = [
            digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), 0x2D,
            digit(month / 10), digit(month % 10),
        ]
        if let day { bytes += [0x2D, digit(day / 10), digit(day % 10)] }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
    }

    /// Days since 1970-01-01 (a month-only date counts as its first day).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = month
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + (day ?? 1) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public func days(until other: ISODate) -> Int { other.dayNumber - dayNumber }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

enum Pad {
    static func two(_ value: Int) -> String { (value < 10 ? "0" : "") + value.description }
    static func four(_ value: Int) -> String {
        let text = value.description
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}

import Foundation

extension ISODate {
    /// Today's date in UTC.
    public static func today(now: Date = Date()) -> ISODate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return ISODate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
