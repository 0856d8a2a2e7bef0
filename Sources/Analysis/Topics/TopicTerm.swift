/// A compiled keyword or phrase: the keys of its words, how to match them, its topic and weight.
///
/// Plain values only (no array of its own), so that the matching loops copy terms without
/// reference counting.
struct TopicTerm: Sendable {
    /// Where the numbers (in its `TopicIndex`) of its words' match keys lie in the index's
    /// `termKeys`: a stem each, or the word as written when `caseSensitive`.
    let keyStart: Int32
    /// How many words the term has.
    let keyCount: Int32
    /// Whether the words must match as written (the term has capitals).
    let caseSensitive: Bool
    /// The index of the topic in the set.
    let topic: Int
    /// The evidence one occurrence gives.
    let weight: Double
    /// A unique number, for counting occurrences per term.
    let serial: Int

    /// The match key of a lower-cased word.
    static func foldedKey(_ lowercased: String) -> String {
        EnglishStemmer.stem(lowercased)
    }

    /// The match key of a word as written: without a possessive or plural "s".
    static func casedKey(_ word: String) -> String {
        if word.hasSuffix("'s") || word.hasSuffix("’s") { return String(word.dropLast(2)) }
        return word
    }
}
