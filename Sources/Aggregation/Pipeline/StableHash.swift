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
}
