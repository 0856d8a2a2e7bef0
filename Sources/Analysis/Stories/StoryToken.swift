/// One word of an article as the story index sees it: a stable hash of its lower-cased form
/// and what its spelling says (capitalized, a number, the first word of a sentence).
struct StoryToken: Sendable, Equatable {
    /// Stable hash of the lower-cased word.
    var hash: UInt64
    /// Number of Unicode scalars in the word.
    var length: Int
    /// The word starts with an upper-case letter.
    var isCapitalized: Bool
    /// The word starts with a digit.
    var isNumeric: Bool
    /// The word opens a sentence or a line (its capital says nothing about it being a name).
    var isSentenceInitial: Bool

    /// Capitalized inside a sentence, or a number: a likely name, place, date or figure.
    var isEntityLike: Bool { isNumeric || (isCapitalized && !isSentenceInitial) }
}
