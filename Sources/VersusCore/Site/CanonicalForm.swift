import Foundation

/// A stable byte form of catalog records, for fingerprints: the same record gives the same bytes in every run, and two
/// records that differ give different bytes.
///
/// Each value is a tag byte and its content: text and names with their length first, numbers in eight bytes, lists
/// with their count, and objects with their fields sorted by name (a dictionary's order changes from run to run).
/// Nothing here is read back. It replaced JSON with sorted keys: the same guarantees without writing JSON text (on
/// the models.dev snapshot the time goes to walking each model's `Codable` conformance either way).
enum CanonicalForm {
    static func data<T: Encodable>(_ value: T) -> Data {
        Data(bytes(value))
    }

    static func fingerprint<T: Encodable>(_ value: T) -> Fingerprint {
        Fingerprint.of(data(value))
    }

    static func bytes<T: Encodable>(_ value: T) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        canonicalSlot(value).write(to: &out)
        return out
    }
}

/// A plain value of a record: what a single-value container holds.
private enum CanonicalValue {
    case null
    case flag(Bool)
    case text(String)
    case signed(Int64)
    case unsigned(UInt64)
    case double(Double)
}

/// Where one value lands: a plain value, or a container whose elements' slots are filled as they are encoded.
private final class CanonicalSlot {
    enum Kind {
        case value(CanonicalValue)
        case object
        case list
    }

    var kind = Kind.value(.null)
    var fields: [(String, CanonicalSlot)] = []
    var items: [CanonicalSlot] = []

    var isObject: Bool {
        if case .object = kind { return true }
        return false
    }

    var isList: Bool {
        if case .list = kind { return true }
        return false
    }

    func write(to out: inout [UInt8]) {
        func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func text(_ value: String) {
            var value = value
            value.withUTF8 { bytes in
                word(UInt64(bytes.count))
                out.append(contentsOf: bytes)
            }
        }
        switch kind {
        case .value(.null): out.append(0)
        case let .value(.flag(value)): out.append(contentsOf: [1, value ? 1 : 0])
        case let .value(.text(value)):
            out.append(2)
            text(value)
        case let .value(.signed(value)):
            out.append(3)
            word(UInt64(bitPattern: value))
        case let .value(.unsigned(value)):
            out.append(4)
            word(value)
        case let .value(.double(value)):
            out.append(5)
            word(value.bitPattern)
        case .list:
            out.append(6)
            word(UInt64(items.count))
            for item in items { item.write(to: &out) }
        case .object:
            out.append(7)
            word(UInt64(fields.count))
            // By the names' bytes: the same order whatever the platform's string comparison.
            for (name, value) in fields.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                text(name)
                value.write(to: &out)
            }
        }
    }
}

private struct CanonicalEncoder: Encoder {
    let slot: CanonicalSlot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A second request for the same container adds to it, as JSONEncoder does.
        if !slot.isObject {
            slot.kind = .object
            slot.fields = []
        }
        return KeyedEncodingContainer(CanonicalKeyed<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if !slot.isList {
            slot.kind = .list
            slot.items = []
        }
        return CanonicalUnkeyed(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { CanonicalSingle(slot: slot) }
}

/// Encodes `value` into a new slot.
private func canonicalSlot<T: Encodable>(_ value: T) -> CanonicalSlot {
    let slot = CanonicalSlot()
    // The encoder never throws.
    try? value.encode(to: CanonicalEncoder(slot: slot))
    return slot
}

private func valueSlot(_ value: CanonicalValue) -> CanonicalSlot {
    let slot = CanonicalSlot()
    slot.kind = .value(value)
    return slot
}

private struct CanonicalKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: CanonicalSlot
    var codingPath: [any CodingKey] { [] }

    private func set(_ child: CanonicalSlot, _ key: Key) {
        slot.fields.append((key.stringValue, child))
    }

    mutating func encodeNil(forKey key: Key) { set(valueSlot(.null), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(valueSlot(.flag(value)), key) }
    mutating func encode(_ value: String, forKey key: Key) { set(valueSlot(.text(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(valueSlot(.double(value)), key) }
    mutating func encode(_ value: Float, forKey key: Key) { set(valueSlot(.double(Double(value))), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(valueSlot(.signed(Int64(value))), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { set(valueSlot(.signed(Int64(value))), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { set(valueSlot(.signed(Int64(value))), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { set(valueSlot(.signed(Int64(value))), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { set(valueSlot(.signed(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { set(valueSlot(.unsigned(UInt64(value))), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { set(valueSlot(.unsigned(UInt64(value))), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { set(valueSlot(.unsigned(UInt64(value))), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { set(valueSlot(.unsigned(UInt64(value))), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { set(valueSlot(.unsigned(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(canonicalSlot(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        let child = CanonicalSlot()
        set(child, key)
        return CanonicalEncoder(slot: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = CanonicalSlot()
        set(child, key)
        return CanonicalEncoder(slot: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = CanonicalSlot()
        slot.fields.append(("super", child))
        return CanonicalEncoder(slot: child)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = CanonicalSlot()
        set(child, key)
        return CanonicalEncoder(slot: child)
    }
}

private struct CanonicalUnkeyed: UnkeyedEncodingContainer {
    let slot: CanonicalSlot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.items.count }

    private func append(_ child: CanonicalSlot) { slot.items.append(child) }

    mutating func encodeNil() { append(valueSlot(.null)) }
    mutating func encode(_ value: Bool) { append(valueSlot(.flag(value))) }
    mutating func encode(_ value: String) { append(valueSlot(.text(value))) }
    mutating func encode(_ value: Double) { append(valueSlot(.double(value))) }
    mutating func encode(_ value: Float) { append(valueSlot(.double(Double(value)))) }
    mutating func encode(_ value: Int) { append(valueSlot(.signed(Int64(value)))) }
    mutating func encode(_ value: Int8) { append(valueSlot(.signed(Int64(value)))) }
    mutating func encode(_ value: Int16) { append(valueSlot(.signed(Int64(value)))) }
    mutating func encode(_ value: Int32) { append(valueSlot(.signed(Int64(value)))) }
    mutating func encode(_ value: Int64) { append(valueSlot(.signed(value))) }
    mutating func encode(_ value: UInt) { append(valueSlot(.unsigned(UInt64(value)))) }
    mutating func encode(_ value: UInt8) { append(valueSlot(.unsigned(UInt64(value)))) }
    mutating func encode(_ value: UInt16) { append(valueSlot(.unsigned(UInt64(value)))) }
    mutating func encode(_ value: UInt32) { append(valueSlot(.unsigned(UInt64(value)))) }
    mutating func encode(_ value: UInt64) { append(valueSlot(.unsigned(value))) }
    mutating func encode<T: Encodable>(_ value: T) { append(canonicalSlot(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = CanonicalSlot()
        append(child)
        return CanonicalEncoder(slot: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = CanonicalSlot()
        append(child)
        return CanonicalEncoder(slot: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = CanonicalSlot()
        append(child)
        return CanonicalEncoder(slot: child)
    }
}

private struct CanonicalSingle: SingleValueEncodingContainer {
    let slot: CanonicalSlot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { slot.kind = .value(.null) }
    mutating func encode(_ value: Bool) { slot.kind = .value(.flag(value)) }
    mutating func encode(_ value: String) { slot.kind = .value(.text(value)) }
    mutating func encode(_ value: Double) { slot.kind = .value(.double(value)) }
    mutating func encode(_ value: Float) { slot.kind = .value(.double(Double(value))) }
    mutating func encode(_ value: Int) { slot.kind = .value(.signed(Int64(value))) }
    mutating func encode(_ value: Int8) { slot.kind = .value(.signed(Int64(value))) }
    mutating func encode(_ value: Int16) { slot.kind = .value(.signed(Int64(value))) }
    mutating func encode(_ value: Int32) { slot.kind = .value(.signed(Int64(value))) }
    mutating func encode(_ value: Int64) { slot.kind = .value(.signed(value)) }
    mutating func encode(_ value: UInt) { slot.kind = .value(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) { slot.kind = .value(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) { slot.kind = .value(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) { slot.kind = .value(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) { slot.kind = .value(.unsigned(value)) }
    /// The value's own encoding fills this same slot.
    mutating func encode<T: Encodable>(_ value: T) { try? value.encode(to: CanonicalEncoder(slot: slot)) }
}
