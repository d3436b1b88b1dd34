/// What swift-mustache wrote for one shape of view, cut into the template's own bytes and the holes where the
/// view's text goes: filling the holes with another view of the same shape gives, byte for byte, what the engine
/// would write for it, in a fraction of the time.
struct TemplateStamp: Sendable {
    /// Plain values only, so that reading a piece retains nothing (stamps are shared by every rendering thread).
    enum Piece: Sendable {
        /// `literal[start..<end]`.
        case bytes(start: Int, end: Int)
        /// The text of guard `guardIndex`, HTML-escaped or as it is.
        case text(guardIndex: Int, escaped: Bool)
        /// What section template number `slot` renders for the same view.
        case section(slot: Int)
    }

    let pieces: [Piece]
    /// The template's own bytes, one after another.
    let literal: [UInt8]

    /// A stamp read back from a file (`StampFile` checks the pieces against the literal and the tree).
    init(pieces: [Piece], literal: [UInt8]) {
        self.pieces = pieces
        self.literal = literal
    }

    /// Cuts the recorded output at its stand-ins; nil when a stand-in is not followed by the tail as written or as
    /// escaped (the engine transformed the text), or when a character of the stand-in range is not one handed out.
    init?(output: String, textGuards: [Int], slots: Int) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var start = 0
        let bytes = Array(output.utf8)
        let escapedTail = Array(FastHTMLEscaping.escape(StampRecorder.tail).utf8)
        let rawTail = Array(StampRecorder.tail.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // U+F0000…U+10FFFF (stand-ins, then slots) are the four-byte sequences F3 B0…BF xx xx and F4 80…8F xx xx.
            guard (byte == 0xF3 && index + 3 < bytes.count && bytes[index + 1] >= 0xB0) || byte == 0xF4 else {
                literal.append(byte)
                index += 1
                continue
            }
            guard index + 3 < bytes.count else { return nil }
            let scalar =
                (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
                | UInt32(bytes[index + 3] & 0x3F) | (UInt32(byte & 0x07) << 18)
            let after = index + 4
            if scalar >= StampRecorder.firstSlot {
                let slot = Int(scalar - StampRecorder.firstSlot)
                guard slot < slots, bytes[after...].starts(with: rawTail) else { return nil }
                if literal.count > start {
                    pieces.append(.bytes(start: start, end: literal.count))
                    start = literal.count
                }
                pieces.append(.section(slot: slot))
                index = after + rawTail.count
                continue
            }
            let number = Int(scalar) - Int(StampRecorder.firstStandIn)
            guard number >= 0, number < textGuards.count else { return nil }
            let escaped: Bool
            if bytes[after...].starts(with: escapedTail) {
                escaped = true
                index = after + escapedTail.count
            } else if bytes[after...].starts(with: rawTail) {
                escaped = false
                index = after + rawTail.count
            } else {
                return nil
            }
            if literal.count > start {
                pieces.append(.bytes(start: start, end: literal.count))
                start = literal.count
            }
            pieces.append(.text(guardIndex: textGuards[number], escaped: escaped))
        }
        if literal.count > start {
            pieces.append(.bytes(start: start, end: literal.count))
        }
        self.pieces = pieces
        self.literal = literal
    }

    /// The page for a view whose guards gave `values` (indexed by guard); `section` renders a section slot.
    func fill(_ values: [ViewValue?], into out: inout [UInt8], section: (Int, inout [UInt8]) -> Void) {
        literal.withUnsafeBufferPointer { literal in
            for piece in pieces {
                switch piece {
                case let .section(slot):
                    section(slot, &out)
                case let .bytes(start, end):
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: literal[start..<end]))
                case let .text(guardIndex, escaped):
                    // A text hole is only ever recorded for a guard that found text.
                    guard case let .text(text)? = values[guardIndex] else { continue }
                    if escaped {
                        FastHTMLEscaping.append(text, to: &out)
                    } else {
                        out.append(contentsOf: text.utf8)
                    }
                }
            }
        }
    }
}
