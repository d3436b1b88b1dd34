import Crypto
import Foundation

/// A SHA-256 digest of exactly what one output file was made from, written as 64 hex digits.
public struct Fingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes of the digest, eight at a time, first byte most significant: held inline, so the tens of
    /// thousands a site has cost no allocation, and compare and hash as four words.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// From 64 lowercase hexadecimal digits (as `hex` writes them); nil for anything else.
    public init?(hex: String) {
        var hex = hex
        guard let words = hex.withUTF8({ Self.words(hexDigits: $0) }) else { return nil }
        self.words = words
    }

    /// The four words of 64 hexadecimal digits; nil for anything else.
    static func words(hexDigits bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64)? {
        guard bytes.count == 64 else { return nil }
        func word(_ start: Int) -> UInt64? {
            var word: UInt64 = 0
            for index in start..<start + 16 {
                guard let value = value(of: bytes[index]) else { return nil }
                word = word << 4 | UInt64(value)
            }
            return word
        }
        guard let a = word(0), let b = word(16), let c = word(32), let d = word(48) else { return nil }
        return (a, b, c, d)
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The digest's 64 lowercase hexadecimal digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            withHexDigits { digits in
                for index in 0..<64 { buffer[index] = digits[index] }
            }
            return 64
        }
    }

    /// The digest's bytes in order, as four words laid out in memory.
    var bigEndianWords: (UInt64, UInt64, UInt64, UInt64) {
        (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)
    }

    /// Calls `body` with the 64 hexadecimal digits on the stack (what `FingerprintHasher` feeds, without a `String`).
    func withHexDigits<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            func put(_ word: UInt64, at start: Int) {
                for index in 0..<16 { buffer[start + index] = Self.digits[Int((word >> UInt64(60 - 4 * index)) & 0x0f)] }
            }
            put(words.0, at: 0)
            put(words.1, at: 16)
            put(words.2, at: 32)
            put(words.3, at: 48)
            return body(UnsafeBufferPointer(buffer))
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    public var description: String { hex }

    public static func == (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

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

    /// Adds the fingerprint's 32 bytes (a fixed length, so none is written before them).
    public mutating func add(_ fingerprint: Fingerprint) {
        var bytes = fingerprint.bigEndianWords
        withUnsafeBytes(of: &bytes) { sha.update(bufferPointer: $0) }
    }

    /// Adds what a missing fingerprint stands for: no text at all.
    public mutating func addMissing() { add("") }

    public func finish() -> Fingerprint {
        let digest = sha.finalize()
        return digest.withUnsafeBytes { bytes in
            func word(_ start: Int) -> UInt64 { bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) } }
            return Fingerprint(words: (word(0), word(8), word(16), word(24)))
        }
    }
}

/// A checksum sealed onto the end of a state file under `.versus/` (template stamps, the made files): the SHA-256 of
/// everything before it, in hex. A file whose seal does not match was damaged, and reads as no file.
enum Sealed {
    static func seal(_ body: Data) -> Data {
        body + Data(Fingerprint.of(body).hex.utf8)
    }

    /// The body of `data`, when its seal matches; nil otherwise.
    static func open(_ data: Data) -> Data? {
        guard data.count > 64 else { return nil }
        let body = data.prefix(data.count - 64)
        guard Array(data.suffix(64)) == Array(Fingerprint.of(Data(body)).hex.utf8) else { return nil }
        return Data(body)
    }
}
