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
        var hasher = ASCIIWordHasher()
        var text = text
        if text.withUTF8({ hasher.add($0) }) { return hasher.hex }
        return wordsHash(of: text)
    }

    /// `contentHash(of: title + "\n" + text)`, without making that string for an ASCII title
    /// and text.
    static func contentHash(title: String, text: String) -> String {
        var hasher = ASCIIWordHasher()
        var title = title
        var text = text
        if title.withUTF8({ hasher.add($0) }) {
            hasher.endWord()
            if text.withUTF8({ hasher.add($0) }) { return hasher.hex }
        }
        return wordsHash(of: title + "\n" + text)
    }

    /// The content hash by the Unicode rules: letters and numbers of any script make words.
    private static func wordsHash(of text: String) -> String {
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

/// The content hash computed over the bytes of ASCII texts (most English news) without building
/// the words: a word's bytes, lower-cased, go into the hash as they are read, a space before
/// every word but the first.
private struct ASCIIWordHasher {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private var inWord = false
    private var wroteWord = false

    /// Adds `bytes`; false, and the hash is of no use, when they are not all ASCII.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var (value, inWord, wroteWord) = (self.value, self.inWord, self.wroteWord)
        for byte in bytes {
            guard byte < 0x80 else { return false }
            let isUpper = byte &- 0x41 < 26
            if isUpper || byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                if !inWord, wroteWord {
                    value ^= 0x20
                    value &*= 0x0000_0100_0000_01b3
                }
                inWord = true
                wroteWord = true
                value ^= UInt64(isUpper ? byte | 0x20 : byte)
                value &*= 0x0000_0100_0000_01b3
            } else {
                inWord = false
            }
        }
        (self.value, self.inWord, self.wroteWord) = (value, inWord, wroteWord)
        return true
    }

    /// Ends the word being read, as a separator between two texts does.
    mutating func endWord() {
        inWord = false
    }

    /// The hash as 16 lower-case hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
