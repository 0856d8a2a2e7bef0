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
        self.phraseBytes = self.phrases.map { Array($0.utf8) }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, phrase) in phraseBytes.enumerated() {
            if let first = phrase.first { byFirstByte[Int(first)].append(index) }
        }
        self.phrasesByFirstByte = byFirstByte
        self.hasEmptyPhrase = phraseBytes.contains { $0.isEmpty }
    }

    private let prefixBytes: [[UInt8]]
    private let phraseBytes: [[UInt8]]
    /// The phrases by their first byte: one pass over a sentence tries only the phrases that
    /// can start where it stands.
    private let phrasesByFirstByte: [[Int]]
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
        let lower = Self.lowercasedBytes(sentence)
        if prefixBytes.contains(where: { lower.starts(with: $0) }) { return true }
        if containsPhrase(lower) { return true }
        return Self.isByline(sentence)
    }

    /// Whether one of the phrases occurs in `lower` (lower-cased UTF-8).
    func containsPhrase(_ lower: [UInt8]) -> Bool {
        if hasEmptyPhrase { return true }
        return lower.withUnsafeBufferPointer { haystack in
            for start in haystack.indices {
                for index in phrasesByFirstByte[Int(haystack[start])] {
                    let needle = phraseBytes[index]
                    guard start + needle.count <= haystack.count else { continue }
                    if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
                }
            }
            return false
        }
    }

    /// The UTF-8 bytes of `text` lower-cased: ASCII in place, anything else by `lowercased()`.
    static func lowercasedBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 { return Array(text.lowercased().utf8) }
            if byte >= 0x41 && byte <= 0x5A { bytes[index] = byte | 0x20 }
        }
        return bytes
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
