import Foundation

/// What a template can read from a view: its field names and, for each, whether it is text, a flag, a number, a
/// list (of what) or another view. Derived from the view type itself, never listed by hand, so the check of the
/// templates (`TemplateCheck`) cannot drift from the code.
indirect enum TemplateShape: Sendable, Equatable {
    case text
    case flag
    case number
    case list(TemplateShape)
    case fields([String: TemplateShape])

    /// The names a template may look up in a context of this shape.
    var names: [String: TemplateShape] {
        if case let .fields(names) = self { return names }
        return [:]
    }
}

/// Reads a view type's shape through its `Decodable` conformance, without an instance: a decoder that answers every
/// question with a stand-in value and writes down each name and kind it is asked for. A list is asked for one
/// element, an optional is decoded as present, so every field of every nested view is reached once.
enum TemplateSchema {
    struct Unsupported: Error {}

    static func shape<T: Decodable>(of type: T.Type) -> TemplateShape {
        (try? probe(type, depth: 0).shape) ?? .fields([:])
    }

    fileprivate static func probe<T: Decodable>(_ type: T.Type, depth: Int) throws -> (shape: TemplateShape, value: T) {
        // A view that contains itself would never end; none does, and this stops one that did.
        guard depth < 32 else { throw Unsupported() }
        let slot = ShapeSlot()
        let value = try T(from: ShapeDecoder(slot: slot, depth: depth))
        return (slot.shape, value)
    }
}

/// What one decoded value turned out to be.
private final class ShapeSlot {
    enum Found {
        case scalar(TemplateShape)
        case fields(FieldShapes)
        case list(ElementShape)
    }

    var found: Found = .scalar(.fields([:]))

    var shape: TemplateShape {
        switch found {
        case let .scalar(shape): return shape
        case let .fields(box): return .fields(box.names)
        case let .list(box): return .list(box.element ?? .text)
        }
    }
}

private final class FieldShapes {
    var names: [String: TemplateShape] = [:]
}

private final class ElementShape {
    var element: TemplateShape?
    var decoded = 0
}

private struct ShapeDecoder: Decoder {
    let slot: ShapeSlot
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let box = FieldShapes()
        slot.found = .fields(box)
        return KeyedDecodingContainer(ShapeFields<Key>(box: box, depth: depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let box = ElementShape()
        slot.found = .list(box)
        return ShapeList(box: box, depth: depth)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ShapeScalar(slot: slot, depth: depth) }
}

private struct ShapeFields<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let box: FieldShapes
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) -> Bool { false }

    func decode(_ type: Bool.Type, forKey key: Key) -> Bool { box.names[key.stringValue] = .flag; return false }
    func decode(_ type: String.Type, forKey key: Key) -> String { box.names[key.stringValue] = .text; return "" }
    func decode(_ type: Double.Type, forKey key: Key) -> Double { box.names[key.stringValue] = .number; return 0 }
    func decode(_ type: Int.Type, forKey key: Key) -> Int { box.names[key.stringValue] = .number; return 0 }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let found = try TemplateSchema.probe(type, depth: depth + 1)
        box.names[key.stringValue] = found.shape
        return found.value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw TemplateSchema.Unsupported()
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw TemplateSchema.Unsupported() }
    func superDecoder() throws -> any Decoder { throw TemplateSchema.Unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw TemplateSchema.Unsupported() }
}

/// A list, asked for exactly one element.
private struct ShapeList: UnkeyedDecodingContainer {
    let box: ElementShape
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var isAtEnd: Bool { box.decoded > 0 }
    var currentIndex: Int { box.decoded }

    func decodeNil() -> Bool { false }

    func decode(_ type: Bool.Type) -> Bool { record(.flag); return false }
    func decode(_ type: String.Type) -> String { record(.text); return "" }
    func decode(_ type: Double.Type) -> Double { record(.number); return 0 }
    func decode(_ type: Int.Type) -> Int { record(.number); return 0 }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let found = try TemplateSchema.probe(type, depth: depth + 1)
        record(found.shape)
        return found.value
    }

    private func record(_ shape: TemplateShape) {
        box.element = shape
        box.decoded += 1
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw TemplateSchema.Unsupported()
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw TemplateSchema.Unsupported() }
    func superDecoder() throws -> any Decoder { throw TemplateSchema.Unsupported() }
}

private struct ShapeScalar: SingleValueDecodingContainer {
    let slot: ShapeSlot
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) -> Bool { slot.found = .scalar(.flag); return false }
    func decode(_ type: String.Type) -> String { slot.found = .scalar(.text); return "" }
    func decode(_ type: Double.Type) -> Double { slot.found = .scalar(.number); return 0 }
    func decode(_ type: Float.Type) -> Float { slot.found = .scalar(.number); return 0 }
    func decode(_ type: Int.Type) -> Int { slot.found = .scalar(.number); return 0 }
    func decode(_ type: Int8.Type) -> Int8 { slot.found = .scalar(.number); return 0 }
    func decode(_ type: Int16.Type) -> Int16 { slot.found = .scalar(.number); return 0 }
    func decode(_ type: Int32.Type) -> Int32 { slot.found = .scalar(.number); return 0 }
    func decode(_ type: Int64.Type) -> Int64 { slot.found = .scalar(.number); return 0 }
    func decode(_ type: UInt.Type) -> UInt { slot.found = .scalar(.number); return 0 }
    func decode(_ type: UInt8.Type) -> UInt8 { slot.found = .scalar(.number); return 0 }
    func decode(_ type: UInt16.Type) -> UInt16 { slot.found = .scalar(.number); return 0 }
    func decode(_ type: UInt32.Type) -> UInt32 { slot.found = .scalar(.number); return 0 }
    func decode(_ type: UInt64.Type) -> UInt64 { slot.found = .scalar(.number); return 0 }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let found = try TemplateSchema.probe(type, depth: depth + 1)
        slot.found = .scalar(found.shape)
        return found.value
    }
}
