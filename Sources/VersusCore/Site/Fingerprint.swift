import Crypto
import Foundation

/// A SHA-256 digest of exactly what one output file was made from, written as 64 hex digits.
public struct Fingerprint: Sendable, Hashable, CustomStringConvertible {
    public let hex: String

    public init(hex: String) { self.hex = hex }

    public var description: String { hex }

    /// The fingerprint of finished bytes (files that are cheaper to make than to track, such as the sitemap).
    public static func of(_ data: Data) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(data)
        return hasher.finish()
    }
}

/// Feeds parts into SHA-256 with a length before each, so that ("ab", "c") and ("a", "bc") differ.
public struct FingerprintHasher {
    private var sha = SHA256()

    public init() {}

    public mutating func add(_ data: Data) {
        var count = UInt64(data.count).littleEndian
        withUnsafeBytes(of: &count) { sha.update(bufferPointer: $0) }
        sha.update(data: data)
    }

    /// The same bytes as `add(Data(text.utf8))`, without copying them into a `Data` first.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var count = UInt64(bytes.count).littleEndian
            withUnsafeBytes(of: &count) { sha.update(bufferPointer: $0) }
            sha.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }

    public mutating func add(_ fingerprint: Fingerprint) { add(fingerprint.hex) }

    public func finish() -> Fingerprint {
        let digest = sha.finalize()
        let hex = String(unsafeUninitializedCapacity: 64) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = Self.digits[Int(byte >> 4)]
                buffer[index + 1] = Self.digits[Int(byte & 0x0f)]
                index += 2
            }
            return 64
        }
        return Fingerprint(hex: hex)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}

/// A stable byte form of catalog records: JSON with sorted keys, so dictionaries hash the same in every run.
enum CanonicalForm {
    static func data<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Catalog records hold only strings, numbers, dates as text and enums: encoding cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    static func fingerprint<T: Encodable>(_ value: T) -> Fingerprint {
        Fingerprint.of(data(value))
    }
}
