/// An article's headline as the story index compares it: its distinctive words (no stop words)
/// weighted by inverse document frequency and normalized, so that the cosine of two headlines
/// says how much of what each one announces the other announces too.
///
/// A headline names the event an article reports. Two reports of one event usually share its
/// main names and words in their headlines; follow-ups on a running story (the court case the
/// day after the raid, the reaction after the match) share the names in their leads but announce
/// a different event above them.
enum StoryHeadline {
    /// The headline vector of `title`; empty when there is no title or nothing distinctive in it.
    static func vector(of title: String?, statistics: TermStatistics) -> TermVector {
        guard let title, !title.isEmpty else { return TermVector() }
        let stop = StoryStopWords.hashes
        var weighted: [UInt64: Float] = [:]
        for token in StoryTokenizer.tokens(of: title)
        where (token.length >= 2 || token.isNumeric) && !stop.contains(token.hash) {
            weighted[token.term] = statistics.idf(of: token.term)
        }
        return TermVector(weighted).normalized()
    }
}
