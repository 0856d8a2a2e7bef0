/// A word of a text as the region tagger sees it: its folded form for lookup and how it was
/// written, for the capitalization and name-context rules.
struct PlaceToken: Sendable, Equatable {
    /// Lower-cased, diacritics removed ("türkiye" → "turkiye"); "-" for a hyphen.
    var key: String
    /// True when the word starts with an upper-case letter.
    var isCapitalized: Bool
    /// True when every letter is upper case (US, UAE, CUBA).
    var isAllCaps: Bool
    /// True for the first word of a sentence or line.
    var isSentenceInitial: Bool
    /// 0 for the title, 1 for the lead paragraph, 2 for the rest.
    var zone: Int
}
