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
    }

    private let prefixBytes: [[UInt8]]
    private let phraseBytes: [[UInt8]]

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
        let lower = Array(sentence.lowercased().utf8)
        if prefixBytes.contains(where: { lower.starts(with: $0) }) { return true }
        if phraseBytes.contains(where: { Self.occurs($0, in: lower) }) { return true }
        return Self.isByline(sentence)
    }

    /// Whether `needle` occurs in `haystack` (byte-wise; both lower-cased UTF-8).
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
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
