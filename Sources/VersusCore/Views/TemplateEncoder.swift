import Foundation

/// A view model: a struct whose stored properties the templates read by name. `Encodable` hands its fields to the
/// engine (`TemplateEncoder`); `Decodable` lets `TemplateSchema` list them for checking templates, without an
/// instance.
protocol TemplateView: Codable, Sendable {}

/// Turns a view model into the tree stamps read (`ViewValue`), and from it the dictionaries and arrays the template
/// engine reads, through the view's own `Encodable` conformance: the fields a template can name are the view type's
/// stored properties, with no list kept by hand.
///
/// swift-mustache finds a name in a struct through `Mirror`, reflecting every stored property for each lookup and
/// again for each level of the context stack it climbs; a pair page makes thousands of lookups. Converting each view
/// once and handing the engine dictionaries (one hash lookup per name) renders the same text several times faster.
/// A `nil` optional is left out (synthesized `Encodable` skips it), so `{{#field}}` on it renders nothing, as the
/// engine does for a missing name. The same conformances, decoded by `TemplateSchema`, give the names templates are
/// checked against.
enum TemplateEncoder {
    /// The view as the engine reads it: dictionaries, arrays, text, flags and numbers.
    static func value<T: Encodable>(_ value: T) -> Any { tree(value).any }

    /// The view as stamps read it.
    static func tree<T: Encodable>(_ value: T) -> ViewValue {
        // Comparing the type spares the general dynamic cast, which a view's every field would otherwise pay.
        if T.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
        if T.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
        if T.self == [String].self { return .list(unsafeBitCast(value, to: [String].self).map(ViewValue.text)) }
        let slot = ValueSlot()
        // The encoder below never throws: every kind of value has a place.
        try? value.encode(to: ViewEncoder(slot: slot))
        return slot.resolved
    }
}

/// Where one encoded value lands: a plain value, or the fields or items of a container being filled.
private final class ValueSlot {
    enum Kind {
        case value(ViewValue)
        case fields
        case items
    }

    var kind = Kind.fields
    var fields = ViewFields()
    var items: [ViewValue] = []

    var resolved: ViewValue {
        switch kind {
        case let .value(value): return value
        case .fields: return .object(fields)
        case .items: return .list(items)
        }
    }
}

private struct ViewEncoder: Encoder {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.kind = .fields
        return KeyedEncodingContainer(FieldsContainer<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.kind = .items
        return ListContainer(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot) }
}

/// A struct's fields, gathered in its slot.
private struct FieldsContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }

    private func set(_ value: ViewValue, _ key: Key) {
        slot.fields.append(key.stringValue, value)
    }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: String, forKey key: Key) { set(.text(value), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(.flag(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.int(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(.double(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(TemplateEncoder.tree(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        preconditionFailure("view models encode flat fields only")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("view models encode flat fields only")
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("view models have no superclass") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("view models have no superclass") }
}

private struct ListContainer: UnkeyedEncodingContainer {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.items.count }

    private func append(_ value: ViewValue) {
        slot.items.append(value)
    }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { append(.text(value)) }
    mutating func encode(_ value: Bool) { append(.flag(value)) }
    mutating func encode(_ value: Int) { append(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) { append(TemplateEncoder.tree(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("view models encode flat fields only")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { preconditionFailure("view models encode flat fields only") }
    mutating func superEncoder() -> any Encoder { preconditionFailure("view models have no superclass") }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { slot.kind = .value(.text(value)) }
    mutating func encode(_ value: Bool) { slot.kind = .value(.flag(value)) }
    mutating func encode(_ value: Int) { slot.kind = .value(.int(value)) }
    mutating func encode(_ value: Double) { slot.kind = .value(.double(value)) }
    mutating func encode<T: Encodable>(_ value: T) { slot.kind = .value(TemplateEncoder.tree(value)) }
}
