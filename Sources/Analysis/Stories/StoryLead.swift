/// The words of an article that say which event it reports: its title and the first words of
/// its text, without stop words, each marked as name-like (capitalized inside a sentence, or a
/// number) or not, and weighted by how early it comes.
struct StoryLead: Sendable {
    /// Term hashes with their weight before IDF (name-like terms weigh `entityWeight`; the
    /// word at position p of the lead, title first, is divided by 1 + `decay` × p / `leadWords`).
    var weightedTerms: [(term: UInt64, weight: Float)]

    /// The lead of an article.
    init(title: String?, text: String, leadWords: Int, entityWeight: Float, decay: Float = 0) {
        var tokens: [StoryToken] = []
        if let title, !title.isEmpty {
            var titleTokens = StoryTokenizer.tokens(of: title)
            // Headlines capitalize every word: trust a capital only where the text agrees.
            for index in titleTokens.indices { titleTokens[index].isSentenceInitial = true }
            tokens += titleTokens
        }
        tokens += StoryTokenizer.tokens(of: text, limit: leadWords)
        let stop = StoryStopWords.hashes
        let step = leadWords > 0 ? decay / Float(leadWords) : 0
        weightedTerms = tokens.enumerated().compactMap { position, token in
            guard token.length >= 2 || token.isNumeric, !stop.contains(token.hash) else { return nil }
            let weight = token.isEntityLike ? entityWeight : 1
            return (token.term, weight / (1 + step * Float(position)))
        }
    }

    /// The distinct terms in ascending order, with how often each occurs and its highest weight.
    var distinct: [(term: UInt64, count: Float, weight: Float)] {
        var result: [(term: UInt64, count: Float, weight: Float)] = []
        for (term, weight) in weightedTerms.sorted(by: { $0.term < $1.term }) {
            if let last = result.last, last.term == term {
                result[result.count - 1] = (term, last.count + 1, max(last.weight, weight))
            } else {
                result.append((term, 1, weight))
            }
        }
        return result
    }

    /// The TF-IDF vector (sublinear term frequency × the term's highest weight × IDF), normalized;
    /// `distinct` is this lead's, when already at hand.
    func vector(
        statistics: TermStatistics, distinct: [(term: UInt64, count: Float, weight: Float)]? = nil
    ) -> TermVector {
        let distinct = distinct ?? self.distinct
        // Sized once: a story keeps its first article's vector as its centroid, and arrays
        // grown by doubling would keep up to twice the room, in every story of the index.
        var entries: [TermVector.Entry] = []
        entries.reserveCapacity(distinct.count)
        for (term, count, weight) in distinct {
            let value = (1 + logf(count)) * weight * statistics.idf(of: term)
            guard value != 0 else { continue }
            entries.append(TermVector.Entry(term: UInt32(truncatingIfNeeded: term), weight: value))
        }
        return TermVector(sortedEntries: entries).normalized()
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
