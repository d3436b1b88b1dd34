/// Where a figure comes from: the id of an entry in `Content/sources.yaml`, or a web address.
public enum SourceReference: Sendable, Hashable, Comparable, Encodable {
    case registered(String)
    case web(String)

    public init(_ text: String) {
        self = SourceReference.isWebAddress(text) ? .web(text) : .registered(text)
    }

    public static func isWebAddress(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && text.count > 8
            && !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline })
    }

    public var key: String {
        switch self {
        case let .registered(id): return id
        case let .web(url): return url
        }
    }
}

/// An entry of `Content/sources.yaml`: a document that figures cite.
public struct Source: Sendable, Hashable, Encodable {
    public var id: String
    public var title: String
    public var url: String?
    public var publisher: String?
    /// When the document was published or last read for the catalog.
    public var date: ISODate?
    public var location: SourceLocation
    /// Who ran the benchmarks whose scores this document prints (`reports:`), when the catalog knows.
    public var reports: BenchmarkReporter? = nil
}

/// One value of a figure as one source gives it.
public struct SourcedValue<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    /// True when the source gives the value as an estimate ("~0.18").
    public var approximate: Bool
    public var source: SourceReference?
    public var date: ISODate?
    public var note: String?
    public var location: SourceLocation

    public init(
        value: Value, approximate: Bool = false, source: SourceReference? = nil, date: ISODate? = nil,
        note: String? = nil, location: SourceLocation
    ) {
        self.value = value
        self.approximate = approximate
        self.source = source
        self.date = date
        self.note = note
        self.location = location
    }
}

/// A figure that may carry several sourced values. The first is the one the catalog uses;
/// the others are kept and shown, and the check reports when they disagree.
public struct Figure<Value: Sendable & Hashable>: Sendable, Hashable {
    public var values: [SourcedValue<Value>]

    public init(_ values: [SourcedValue<Value>]) {
        precondition(!values.isEmpty, "a figure has at least one value")
        self.values = values
    }

    public init(_ value: Value, location: SourceLocation, source: SourceReference? = nil, date: ISODate? = nil) {
        self.values = [SourcedValue(value: value, source: source, date: date, location: location)]
    }

    public var primary: SourcedValue<Value> { values[0] }
    public var value: Value { values[0].value }
    public var location: SourceLocation { values[0].location }

    /// True when two sources give different values.
    public var isDisputed: Bool { values.contains { $0.value != values[0].value } }
}

extension Figure where Value: Comparable {
    /// The smallest and the largest value any source gives: a claim that must hold whichever source is right
    /// compares these (`ClaimRules.larger`).
    public var least: Value { values.lazy.map(\.value).min()! }
    public var most: Value { values.lazy.map(\.value).max()! }
}

extension SourcedValue: Encodable where Value: Encodable {}
extension Figure: Encodable where Value: Encodable {}
