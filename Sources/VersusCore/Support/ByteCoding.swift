import Foundation

/// A plain binary layout for the build's own cache files: integers as 8 bytes little-endian, strings as their length
/// and UTF-8 bytes. Nothing outside `.versus/` reads it; a file that does not decode reads as no cache.
struct ByteWriter {
    private(set) var data = Data()

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { data.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            int(bytes.count)
            data.append(bytes.baseAddress!, count: bytes.count)
        }
    }

    /// Bytes of any kind, as their length and the bytes.
    mutating func bytes(_ value: Data) {
        int(value.count)
        data.append(value)
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
}

struct ByteReader {
    struct Malformed: Error {}

    private let data: [UInt8]
    private var offset = 0

    init(_ data: Data) { self.data = [UInt8](data) }

    var atEnd: Bool { offset == data.count }

    mutating func int() throws -> Int {
        guard data.count - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(data[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        guard let result = Int(exactly: Int64(bitPattern: value)) else { throw Malformed() }
        return result
    }

    mutating func bool() throws -> Bool {
        guard offset < data.count else { throw Malformed() }
        defer { offset += 1 }
        switch data[offset] {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, data.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        guard let text = String(validating: data[offset..<offset + count], as: UTF8.self) else { throw Malformed() }
        return text
    }

    mutating func bytes() throws -> Data {
        let count = try int()
        guard count >= 0, data.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        return Data(data[offset..<offset + count])
    }

    mutating func strings() throws -> [String] {
        let count = try int()
        guard count >= 0, count <= data.count - offset else { throw Malformed() }
        return try (0..<count).map { _ in try string() }
    }

    /// `count` items read by `item`, the count read first.
    mutating func list<T>(_ item: (inout ByteReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= data.count - offset else { throw Malformed() }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try item(&self)) }
        return items
    }
}
