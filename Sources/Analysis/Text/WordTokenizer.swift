/// Splits text into words, Unicode-aware: letters, digits and combining marks of any script;
/// apostrophes inside words ("don't", "O’Brien"), hyphenated words ("well-known") and numbers
/// with separators ("3.5", "1,000") stay one word. Punctuation and symbols are dropped.
public enum WordTokenizer {
    /// The words of `text`, in order, as written.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }

    /// The words of `text`, lower-cased.
    public static func lowercasedWords(in text: String) -> [String] {
        var words: [String] = []
        forEachLowercasedWord(in: text) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of `text`, in order.
    public static func forEachWord(in text: String, _ body: (String) -> Void) {
        forEachWordBytes(in: text) { bytes, _ in body(String(decoding: bytes, as: UTF8.self)) }
    }

    /// Calls `body` with each word of `text` lower-cased (`String.lowercased()`), in order.
    public static func forEachLowercasedWord(in text: String, _ body: (String) -> Void) {
        forEachLowercasedWordBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each word of `text` lower-cased, in order: ASCII
    /// words are lower-cased byte by byte into one reused buffer, others by `lowercased()`.
    static func forEachLowercasedWordBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { forEachLowercasedWordBytes(inUTF8: $0, body) }
    }

    /// `forEachLowercasedWordBytes(in:_:)` over the UTF-8 bytes of a text.
    static func forEachLowercasedWordBytes(inUTF8 text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var scratch = [UInt8](repeating: 0, count: 32)
        forEachWordBytes(inUTF8: text) { bytes, isASCII in
            guard isASCII else {
                var lowered = String(decoding: bytes, as: UTF8.self).lowercased()
                return lowered.withUTF8 { body($0) }
            }
            if scratch.count < bytes.count { scratch = [UInt8](repeating: 0, count: bytes.count) }
            scratch.withUnsafeMutableBufferPointer { target in
                for offset in 0..<bytes.count { target[offset] = lowercasedASCII(bytes[offset]) }
                body(UnsafeBufferPointer(rebasing: target[0..<bytes.count]))
            }
        }
    }

    /// An ASCII capital's lower-case letter; any other byte as it is.
    @inline(__always)
    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Calls `body` with the UTF-8 bytes of each word and whether they are all ASCII. The text is
    /// read as bytes; only the scalars outside ASCII are decoded.
    static func forEachWordBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var text = text
        text.withUTF8 { forEachWordBytes(inUTF8: $0, body) }
    }

    /// `forEachWordBytes(in:_:)` over the UTF-8 bytes of a text.
    static func forEachWordBytes(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        let count = bytes.count
        var wordStart = -1
        var wordIsASCII = true
        var previous: Unicode.Scalar = " "
        var offset = 0
        while offset < count {
            let (scalar, width) = decode(bytes, at: offset)
            if isWordScalar(scalar) {
                if wordStart < 0 {
                    wordStart = offset
                    wordIsASCII = true
                }
                if width > 1 { wordIsASCII = false }
            } else if wordStart >= 0 {
                if offset + width < count, joins(scalar, previous, decode(bytes, at: offset + width).scalar) {
                    // An apostrophe, hyphen or separator inside the word: it stays in.
                    if width > 1 { wordIsASCII = false }
                } else {
                    body(UnsafeBufferPointer(rebasing: bytes[wordStart..<offset]), wordIsASCII)
                    wordStart = -1
                }
            }
            previous = scalar
            offset += width
        }
        if wordStart >= 0 { body(UnsafeBufferPointer(rebasing: bytes[wordStart..<count]), wordIsASCII) }
    }

    /// The scalar whose UTF-8 encoding starts at `offset` of valid UTF-8, and its byte count.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        let width: Int
        if lead < 0xE0 {
            value = UInt32(lead & 0x1F)
            width = 2
        } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F)
            width = 3
        } else {
            value = UInt32(lead & 0x07)
            width = 4
        }
        for index in 1..<width { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// Whether a scalar belongs to a word: a letter, a digit or other number, or a combining mark.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Whether `scalar`, between `previous` and `next`, joins them into one word.
    private static func joins(_ scalar: Unicode.Scalar, _ previous: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "\u{02BC}":
            return isAlphabetic(previous) && isAlphabetic(next)
        case "-", "\u{2010}", "\u{2011}":
            return isWordScalar(previous) && isWordScalar(next)
        case ".", ",":
            return isDigit(previous) && isDigit(next)
        default:
            return false
        }
    }

    /// `scalar.properties.isAlphabetic`, answered for ASCII without the property tables.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value &- 0x30 < 10 }
        return scalar.properties.generalCategory == .decimalNumber
    }
}
