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
            return (token.hash, weight / (1 + step * Float(position)))
        }
    }

    /// The distinct terms.
    var terms: Set<UInt64> { Set(weightedTerms.map(\.term)) }

    /// The TF-IDF vector (sublinear term frequency × the term's highest weight × IDF), normalized.
    func vector(statistics: TermStatistics) -> TermVector {
        var counts: [UInt64: (count: Float, weight: Float)] = [:]
        for (term, weight) in weightedTerms {
            let current = counts[term] ?? (0, 0)
            counts[term] = (current.count + 1, max(current.weight, weight))
        }
        var weighted: [UInt64: Float] = [:]
        weighted.reserveCapacity(counts.count)
        for (term, value) in counts {
            weighted[term] = (1 + logf(value.count)) * value.weight * statistics.idf(of: term)
        }
        return TermVector(weighted).normalized()
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
