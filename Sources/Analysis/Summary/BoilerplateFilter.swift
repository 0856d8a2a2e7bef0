/// Recognizes sentences that are page furniture rather than article content: bylines, photo
/// credits, calls to action ("Click here", "Sign up for…", "Follow us"), copyright lines.
public struct BoilerplateFilter: Sendable {
    /// Lower-cased openings that mark a sentence as boilerplate.
    public let prefixes: [String]
    /// Lower-cased phrases that mark a sentence as boilerplate wherever they occur.
    public let phrases: [String]

    /// Creates a filter from lower-cased openings and phrases.
    public init(prefixes: [String], phrases: [String]) {
        self.prefixes = prefixes.map { $0.lowercased() }
        self.phrases = phrases.map { $0.lowercased() }
        self.prefixBytes = self.prefixes.map { Array($0.utf8) }
        let phraseBytes = self.phrases.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) }
        var byFirstByte = [Int32](repeating: 0, count: 257)
        var ends: [Int32] = []
        var arena: [UInt8] = []
        for phrase in phraseBytes {
            byFirstByte[Int(phrase[0]) + 1] += 1
            arena += phrase
            ends.append(Int32(arena.count))
        }
        for byte in 0..<256 { byFirstByte[byte + 1] += byFirstByte[byte] }
        var pairs = [UInt64](repeating: 0, count: 1024)
        for phrase in phraseBytes {
            // A one-byte phrase matches after any byte: its first byte with every second.
            let seconds = phrase.count > 1 ? [phrase[1]] : (0...255).map { UInt8($0) }
            for second in seconds {
                let pair = Int(phrase[0]) << 8 | Int(second)
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        self.openingPairs = pairs
        self.phrasesByFirstByte = byFirstByte
        self.phraseEnds = ends
        self.phraseArena = arena
        self.hasEmptyPhrase = self.phrases.contains { $0.isEmpty }
    }

    private let prefixBytes: [[UInt8]]
    /// The phrases' bytes one after another, ordered by first byte, and where each ends.
    private let phraseArena: [UInt8]
    private let phraseEnds: [Int32]
    /// The phrases starting with byte `b` are `phrasesByFirstByte[b]..<phrasesByFirstByte[b + 1]`:
    /// one pass over a sentence tries only the phrases that can start where it stands.
    private let phrasesByFirstByte: [Int32]
    /// A bit for every pair of bytes a phrase starts with: most places in a sentence are passed
    /// over with one look-up.
    private let openingPairs: [UInt64]
    private let hasEmptyPhrase: Bool

    /// The built-in English filter (`Resources/boilerplate-en.txt`).
    public static let english: BoilerplateFilter = {
        var prefixes: [String] = []
        var phrases: [String] = []
        for line in ResourceText.lines(named: "boilerplate-en") {
            if line.hasPrefix("prefix:") {
                prefixes.append(String(line.dropFirst(7)).trimmingWhitespace())
            } else if line.hasPrefix("contains:") {
                phrases.append(String(line.dropFirst(9)).trimmingWhitespace())
            }
        }
        return BoilerplateFilter(prefixes: prefixes, phrases: phrases)
    }()

    /// Whether `sentence` is boilerplate.
    public func isBoilerplate(_ sentence: String) -> Bool {
        var sentence = sentence
        var scratch: [UInt8] = []
        return sentence.withUTF8 { isBoilerplate(utf8: $0, scratch: &scratch) }
    }

    /// Whether the sentence of UTF-8 bytes `sentence` is boilerplate; `scratch` holds its
    /// lower-cased bytes meanwhile (one buffer for all the sentences of a text).
    func isBoilerplate(utf8 sentence: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Bool {
        Self.lowercase(sentence, into: &scratch)
        let found = scratch.withUnsafeBufferPointer { lower in
            prefixBytes.contains { Self.has(lower, prefix: $0) } || containsPhrase(lower)
        }
        return found || Self.isByline(utf8: sentence)
    }

    /// Whether `bytes` start with `prefix`.
    private static func has(_ bytes: UnsafeBufferPointer<UInt8>, prefix: [UInt8]) -> Bool {
        guard prefix.count <= bytes.count else { return false }
        for index in prefix.indices where bytes[index] != prefix[index] { return false }
        return true
    }

    /// Whether one of the phrases occurs in `haystack` (lower-cased UTF-8).
    func containsPhrase(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEmptyPhrase { return true }
        for start in haystack.indices {
            let first = Int(haystack[start])
            let pair = first << 8 | (start + 1 < haystack.count ? Int(haystack[start + 1]) : 0)
            guard openingPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 || start + 1 == haystack.count else { continue }
            var phrase = Int(phrasesByFirstByte[first])
            let end = Int(phrasesByFirstByte[first + 1])
            while phrase < end {
                let from = phrase == 0 ? 0 : Int(phraseEnds[phrase - 1])
                let count = Int(phraseEnds[phrase]) - from
                phrase += 1
                guard start + count <= haystack.count else { continue }
                var offset = 1
                while offset < count, haystack[start + offset] == phraseArena[from + offset] { offset += 1 }
                if offset == count { return true }
            }
        }
        return false
    }

    /// The UTF-8 bytes `text` lower-cased into `lower` (replacing what it held), as
    /// `lowercasedBytes(_:)` does it.
    static func lowercase(_ text: UnsafeBufferPointer<UInt8>, into lower: inout [UInt8]) {
        lower.removeAll(keepingCapacity: true)
        lower.append(contentsOf: text)
        let ascii = lower.withUnsafeMutableBufferPointer { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 { return false }
                if byte &- 0x41 < 26 { bytes[index] = byte | 0x20 }
            }
            return true
        }
        if !ascii { lower = lowercasedBytes(String(decoding: text, as: UTF8.self)) }
    }

    /// The UTF-8 bytes of `text` lower-cased as `lowercased()` does it, scalar by scalar: ASCII
    /// in place; other scalars by their lower-case mapping, asked only of those that have one
    /// (curly quotes and dashes, the usual non-ASCII in English, are copied).
    static func lowercasedBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        let index = bytes.withUnsafeMutableBufferPointer { bytes in
            var index = 0
            while index < bytes.count, bytes[index] < 0x80 {
                if bytes[index] &- 0x41 < 26 { bytes[index] |= 0x20 }
                index += 1
            }
            return index
        }
        if index == bytes.count { return bytes }
        var lower = Array(bytes[..<index])
        lower.reserveCapacity(bytes.count)
        // Everything before `index` is ASCII, so it is where a scalar starts.
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: index)
        for scalar in text.unicodeScalars[start...] {
            let value = scalar.value
            if value < 0x80 {
                lower.append(UInt8(value) &- 0x41 < 26 ? UInt8(value) | 0x20 : UInt8(value))
            } else if (0x2000...0x206F).contains(value) || !scalar.properties.changesWhenLowercased {
                UTF8.encode(scalar) { lower.append($0) }
            } else {
                lower.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return lower
    }

    /// `isByline(_:)` of a sentence's UTF-8 bytes: a string is made only for the few sentences
    /// that open with one of the byline words.
    static func isByline(utf8 sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = sentence.first, first == UInt8(ascii: "B") || first == UInt8(ascii: "W") || first == UInt8(ascii: "R")
        else { return false }
        return isByline(String(decoding: sentence, as: UTF8.self))
    }

    /// A short "By Jane Doe" / "By Jane Doe, Reuters" line, or a dateline-only fragment.
    static func isByline(_ sentence: String) -> Bool {
        guard
            sentence.hasPrefix("By") || sentence.hasPrefix("BY") || sentence.hasPrefix("Written")
                || sentence.hasPrefix("Reporting")
        else { return false }
        let words = WordTokenizer.words(in: sentence)
        guard let first = words.first, words.count <= 10 else { return false }
        guard first == "By" || first == "BY" || first == "Written" || first == "Reporting" else { return false }
        let capitalized = words.dropFirst().filter { $0.first?.isUppercase == true }.count
        return capitalized * 2 >= words.count - 1
    }
}
