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
        forEachWord(in: text) { words.append($0.lowercased()) }
        return words
    }

    /// Calls `body` with each word of `text`, in order.
    public static func forEachWord(in text: String, _ body: (String) -> Void) {
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        // A word is a run of scalars: it is copied out of the UTF-8 bytes in one piece.
        var byteOffset = 0
        var wordStart: Int?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let width = UTF8.width(scalar)
            if isWordScalar(scalar) {
                if wordStart == nil { wordStart = byteOffset }
            } else if let start = wordStart {
                if index + 1 < scalars.count, joins(scalar, scalars[index - 1], scalars[index + 1]) {
                    // An apostrophe, hyphen or separator inside the word: it stays in.
                } else {
                    body(String(decoding: bytes[start..<byteOffset], as: UTF8.self))
                    wordStart = nil
                }
            }
            byteOffset += width
            index += 1
        }
        if let start = wordStart { body(String(decoding: bytes[start..<byteOffset], as: UTF8.self)) }
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
            return previous.properties.isAlphabetic && next.properties.isAlphabetic
        case "-", "\u{2010}", "\u{2011}":
            return isWordScalar(previous) && isWordScalar(next)
        case ".", ",":
            return isDigit(previous) && isDigit(next)
        default:
            return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }
}
