/// Recognises the short lines above an article that carry its byline, date or reading time.
enum BylineMatcher {
    private static let monthWords: [String] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan ", "feb ", "mar ", "apr ", "jun ", "jul ", "aug ", "sep ", "sept ", "oct ", "nov ", "dec ",
        "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    ]

    /// Whether a short line looks like a byline, a dateline, a reading time or an update note.
    static func isMetadataLine(_ text: String, authors: [String]) -> Bool {
        guard text.count < 140 else { return false }
        let lower = text.lowercased()
        if lower.hasPrefix("by ") || lower.hasPrefix("by:") || lower.hasPrefix("written by") || lower.hasPrefix("posted by")
            || lower.hasPrefix("author:") || lower.hasPrefix("published") || lower.hasPrefix("updated") || lower.hasPrefix("posted on")
            || lower.hasPrefix("last updated") || lower.hasPrefix("reviewed by") || lower.hasPrefix("fact checked")
            || lower.hasPrefix("medically reviewed")
        {
            return true
        }
        if lower.contains("min read") || lower.contains("minute read") || lower.contains("minutes read") || lower.contains("reading time") {
            return true
        }
        for author in authors where author.count >= 4 && lower.contains(author.lowercased()) && text.count < 80 { return true }
        if text.count < 60, containsDate(lower) { return true }
        return false
    }

    /// Openings of a credit line for the article's people, wherever it stands (an author box
    /// under the text): `Written by Jane Doe`, `Contributions From: Austin Palmer`, `Edited By`.
    private static let creditOpenings = [
        "written by", "contributions from", "contributed by", "edited by", "reviewed by", "medically reviewed by", "fact checked by",
        "fact-checked by",
    ]

    /// Whether a block is a line crediting the article's writers, editors or reviewers: under 200
    /// characters, opening with a credit (`creditOpenings`) and not ending a sentence ("Written by
    /// hand, the letter survived." stays).
    static func isCreditForPeople(_ text: String) -> Bool {
        guard let last = text.last, last != "." else { return false }
        // Asked of every paragraph: the opening is read first, and the length (a walk over the
        // text) only for a line that opens as a credit.
        let opening = text.prefix(creditOpeningLength).lowercased()
        return creditOpenings.contains { opening.hasPrefix($0) } && text.count < 200
    }

    /// Characters enough for the longest credit opening.
    private static let creditOpeningLength = creditOpenings.map(\.count).max() ?? 0

    /// Whether lower-cased text holds a written date ("March 5, 2024", "2024-03-05", "05/03/2024").
    static func containsDate(_ lower: String) -> Bool {
        let hasDigit = lower.contains { $0.isNumber }
        guard hasDigit else { return false }
        for month in monthWords where lower.contains(month) { return true }
        return DateNormalizer.normalize(lower) != nil
    }
}
