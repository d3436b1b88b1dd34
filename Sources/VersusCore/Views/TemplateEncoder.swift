import Foundation

/// A view model: a struct whose stored properties the templates read by name. `Encodable` hands its fields to the
/// engine (`TemplateEncoder`); `Decodable` lets `TemplateSchema` list them for checking templates, without an
/// instance.
protocol TemplateView: Codable, Sendable {}

/// Turns a view model into the dictionaries and arrays the template engine reads, through the view's own `Encodable`
/// conformance: the fields a template can name are the view type's stored properties, with no list kept by hand.
///
/// swift-mustache finds a name in a struct through `Mirror`, reflecting every stored property for each lookup and
/// again for each level of the context stack it climbs; a pair page makes thousands of lookups. Converting each view
/// once and handing the engine dictionaries (one hash lookup per name) renders the same text several times faster.
/// A `nil` optional is left out (synthesized `Encodable` skips it), so `{{#field}}` on it renders nothing, as the
/// engine does for a missing name. The same conformances, decoded by `TemplateSchema`, give the names templates are
/// checked against.
enum TemplateEncoder {
    static func value<T: Encodable>(_ value: T) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let texts as [String]: return texts
        default:
            let slot = ValueSlot()
            // The encoder below never throws: every kind of value has a place.
            try? value.encode(to: ViewEncoder(slot: slot))
            return slot.resolved
        }
    }
}

/// Where one encoded value lands.
private final class ValueSlot {
    var value: Any = [String: Any]()

    /// The value, with a container's box replaced by what it holds.
    var resolved: Any {
        switch value {
        case let box as FieldsBox: return box.fields
        case let box as ListBox: return box.items
        default: return value
        }
    }
}

private final class FieldsBox {
    var fields: [String: Any] = [:]
}

private final class ListBox {
    var items: [Any] = []
}

private struct ViewEncoder: Encoder {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = FieldsBox()
        slot.value = box
        return KeyedEncodingContainer(FieldsContainer<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = ListBox()
        slot.value = box
        return ListContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot) }
}

/// A struct's fields, gathered in its box (which the slot holds until the value is read).
private struct FieldsContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: FieldsBox
    var codingPath: [any CodingKey] { [] }

    private func set(_ value: Any, _ key: Key) {
        box.fields[key.stringValue] = value
    }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: String, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(TemplateEncoder.value(value), key) }

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
    let box: ListBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.items.count }

    private func append(_ value: Any) {
        box.items.append(value)
    }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { append(value) }
    mutating func encode(_ value: Bool) { append(value) }
    mutating func encode(_ value: Int) { append(value) }
    mutating func encode<T: Encodable>(_ value: T) { append(TemplateEncoder.value(value)) }

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
    mutating func encode(_ value: String) { slot.value = value }
    mutating func encode(_ value: Bool) { slot.value = value }
    mutating func encode(_ value: Int) { slot.value = value }
    mutating func encode(_ value: Double) { slot.value = value }
    mutating func encode<T: Encodable>(_ value: T) { slot.value = TemplateEncoder.value(value) }
}
