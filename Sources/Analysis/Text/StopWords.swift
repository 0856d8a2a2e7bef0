/// A language's stop words: function words that carry no topic ("the", "of", "would").
///
/// The English list ships with the module; lists for other languages are built from any
/// collection of words, so a configuration can supply them.
public struct StopWords: Sendable, Hashable {
    /// The BCP 47 language code of the list ("en").
    public let language: String
    /// The words, lower-cased.
    public let words: Set<String>

    /// Creates a list for `language` from `words`, which are lower-cased.
    public init<Words: Sequence>(language: String, words: Words) where Words.Element == String {
        self.language = language
        self.words = Set(words.map { $0.lowercased() })
        bytes = WordNumbers(self.words.map { ($0, 0) })
    }

    /// The words again, looked up by their UTF-8 bytes.
    let bytes: WordNumbers

    public static func == (lhs: StopWords, rhs: StopWords) -> Bool {
        lhs.language == rhs.language && lhs.words == rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(language)
        hasher.combine(words)
    }

    /// Whether `word` is a stop word; the comparison ignores case.
    public func contains(_ word: String) -> Bool {
        words.contains(word) || words.contains(word.lowercased())
    }

    /// The built-in English list (`Resources/stopwords-en.txt`).
    public static let english = StopWords(language: "en", words: ResourceText.lines(named: "stopwords-en"))

    /// The built-in list for a language code, or `nil` when none ships.
    public static func builtIn(language: String) -> StopWords? {
        switch language.lowercased().prefix(2) {
        case "en": english
        default: nil
        }
    }
}
