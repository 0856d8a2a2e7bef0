/// FNV-1a over UTF-8, 64 bits: ids and fingerprints that stay the same across runs,
/// machines and Swift versions (unlike `Hasher`).
enum StableHash {
    /// The hash of the parts, separated so that ("ab","c") and ("a","bc") differ.
    static func hash(_ parts: [String]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 {
                value ^= 0x1F
                value &*= 0x0000_0100_0000_01b3
            }
            for byte in part.utf8 {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01b3
            }
        }
        return value
    }

    /// The hash as 16 lower-case hex digits.
    static func hex(_ parts: [String]) -> String {
        let text = String(hash(parts), radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// The fingerprint of a text for exact-duplicate detection: its words, lower-cased, joined
    /// by single spaces (punctuation and spacing differences do not count).
    static func contentHash(of text: String) -> String {
        if let ascii = asciiContentHash(of: text) { return ascii }
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return hex([words.joined(separator: " ")])
    }

    /// The same fingerprint computed over the bytes of an ASCII text (most English news),
    /// without building the words: `nil` for any other text.
    private static func asciiContentHash(of text: String) -> String? {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        var wroteWord = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let isUpper = byte >= 0x41 && byte <= 0x5A
            if isUpper || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if !inWord, wroteWord {
                    value ^= 0x20
                    value &*= 0x0000_0100_0000_01b3
                }
                inWord = true
                wroteWord = true
                value ^= UInt64(isUpper ? byte + 0x20 : byte)
                value &*= 0x0000_0100_0000_01b3
            } else {
                inWord = false
            }
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
