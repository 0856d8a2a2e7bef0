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

    /// The word as a TF-IDF term: the low 32 bits of its hash. Lead and headline vectors hold
    /// terms (a story's centroid and headlines are most of the clustering index); among 100,000
    /// distinct words about one pair shares a term, which only adds a little to the cosine of
    /// texts using either.
    var term: UInt64 { hash & 0xFFFF_FFFF }

    /// Capitalized inside a sentence, or a number: a likely name, place, date or figure.
    var isEntityLike: Bool { isNumeric || (isCapitalized && !isSentenceInitial) }
}
