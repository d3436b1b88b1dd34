/// A view model as its templates see it: text, flags, numbers, lists and objects of named fields.
///
/// `TemplateEncoder` makes one from a view's `Encodable` conformance. Stamps (`StampTrie`) read it with plain
/// switches; swift-mustache, which reads `Any`, gets `any` only for the few views it renders itself.
enum ViewValue: Sendable {
    case text(String)
    case flag(Bool)
    case int(Int)
    case double(Double)
    case list([ViewValue])
    case object(ViewFields)

    /// The same value as the engine reads it: `[String: Any]` for an object, `[Any]` for a list.
    var any: Any {
        switch self {
        case let .text(text): return text
        case let .flag(flag): return flag
        case let .int(number): return number
        case let .double(number): return number
        case let .list(items): return items.map(\.any)
        case let .object(fields): return fields.any
        }
    }

    /// A value made of the kinds above, as the engine reads them; nil when any part is of another kind.
    init?(any value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .flag(flag)
        case let number as Int: self = .int(number)
        case let number as Double: self = .double(number)
        case let items as [Any]:
            var converted: [ViewValue] = []
            for item in items {
                guard let value = ViewValue(any: item) else { return nil }
                converted.append(value)
            }
            self = .list(converted)
        case let object as [String: Any]:
            guard let fields = ViewFields(any: object) else { return nil }
            self = .object(fields)
        default: return nil
        }
    }
}

/// An object's fields in the order its view encoded them, each name once. A view has tens of fields at most, so a field is found by
/// comparing names, which costs less than hashing one.
struct ViewFields: Sendable {
    struct Field: Sendable {
        let name: String
        let value: ViewValue
    }

    private(set) var fields: [Field] = []

    init() {}

    /// Fields given as the engine reads them, in name order; nil when a value is of a kind a view cannot hold.
    init?(any object: [String: Any]) {
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            guard let converted = ViewValue(any: value) else { return nil }
            append(name, converted)
        }
    }

    var count: Int { fields.count }

    subscript(name: String) -> ViewValue? {
        let length = name.utf8.count
        for field in fields where field.name.utf8.count == length && field.name == name { return field.value }
        return nil
    }

    /// Adds a field. Names are not checked for repeats: a view's synthesized `Encodable` names each field once.
    mutating func append(_ name: String, _ value: ViewValue) {
        // Most views have a handful of fields: room for eight spares the first reallocations.
        if fields.isEmpty { fields.reserveCapacity(8) }
        fields.append(Field(name: name, value: value))
    }

    var any: [String: Any] {
        var object: [String: Any] = [:]
        object.reserveCapacity(fields.count)
        for field in fields { object[field.name] = field.value.any }
        return object
    }
}
