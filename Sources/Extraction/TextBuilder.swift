/// Accumulates text with whitespace runs collapsed to one space and no leading or trailing
/// space. Works on UTF-8 bytes: no-break, zero-width and other Unicode spaces count as spaces.
struct TextBuilder: Sendable {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Appends text, collapsing whitespace into single spaces.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let spaceLength = Self.spaceLength(buffer, index)
                if spaceLength > 0 {
                    pendingSpace = true
                    index += spaceLength
                    continue
                }
                if pendingSpace && !bytes.isEmpty { bytes.append(32) }
                pendingSpace = false
                // The run up to the next space is copied in one piece.
                let start = index
                index += 1
                while index < count {
                    // Printable ASCII, most text, is never a space.
                    let byte = buffer[index]
                    if byte > 32 && byte < 0x80 || Self.spaceLength(buffer, index) == 0 {
                        index += 1
                    } else {
                        break
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            }
        }
    }

    /// The length of the whitespace sequence at `index` (0 when none).
    @inline(__always)
    static func spaceLength(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = buffer[index]
        if byte < 0x80 { return byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 ? 1 : 0 }
        if byte == 0xC2, index + 1 < buffer.count, buffer[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < buffer.count, buffer[index + 1] == 0x80 {
            let third = buffer[index + 2]
            if third <= 0x8B || third == 0xAF { return 3 }
        }
        if byte == 0xEF, index + 2 < buffer.count, buffer[index + 1] == 0xBB, buffer[index + 2] == 0xBF { return 3 }
        return 0
    }

    /// Whether nothing visible was appended yet.
    var isEmpty: Bool { bytes.isEmpty }

    /// The collapsed text.
    var result: String { String(decoding: bytes, as: UTF8.self) }

    /// Whitespace as HTML renders it, plus no-break and zero-width spaces.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0, 0x200B, 0x2009, 0x202F, 0xFEFF, 0x200A, 0x2002, 0x2003, 0x2000...0x2008: return true
        default: return false
        }
    }

    /// Whether `text` shows nothing: it is empty, or only spaces and the zero-width joiners and
    /// hyphens that page builders leave in paragraphs kept for spacing (`<p>&zwj;</p>`). They
    /// are not spaces inside a word, where they join letters or emoji.
    static func isInvisible(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20, 0x200C, 0x200D, 0x2060, 0xAD: return true
            default: return false
            }
        }
    }

    /// `text` with whitespace collapsed and trimmed.
    static func collapse(_ text: String) -> String {
        var builder = TextBuilder()
        builder.append(text)
        return builder.result
    }
}
