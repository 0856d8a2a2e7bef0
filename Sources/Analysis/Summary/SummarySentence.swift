/// A sentence of an article prepared for ranking: its text, where it stands, and its words.
struct SummarySentence: Sendable {
    /// The sentence as written.
    let text: String
    /// The index of the article the sentence comes from (0 for a single article).
    let article: Int
    /// The index of the sentence among its article's candidate sentences.
    let position: Int
    /// The distinct stems of the sentence's content words.
    let terms: Set<String>
    /// The distinct lower-cased words, for near-duplicate tests.
    let words: Set<String>
    /// The number of words.
    let wordCount: Int

    init(text: String, article: Int, position: Int, stopWords: StopWords) {
        self.text = text
        self.article = article
        self.position = position
        let lowered = WordTokenizer.lowercasedWords(in: text)
        wordCount = lowered.count
        words = Set(lowered)
        var terms = Set<String>()
        for word in lowered where !stopWords.words.contains(word) && word.unicodeScalars.count > 1 {
            terms.insert(EnglishStemmer.stem(word))
        }
        self.terms = terms
    }

    /// The share of the smaller sentence's content stems that the other has too: high for two
    /// sources saying the same thing in other words.
    func termOverlap(_ other: SummarySentence) -> Double {
        let smaller = min(terms.count, other.terms.count)
        guard smaller > 0 else { return 0 }
        return Double(terms.intersection(other.terms).count) / Double(smaller)
    }

    /// Word-set Jaccard similarity with another sentence.
    func jaccard(_ other: SummarySentence) -> Double {
        let union = words.union(other.words).count
        guard union > 0 else { return 0 }
        return Double(words.intersection(other.words).count) / Double(union)
    }
}

extension SummarySentence {
    /// The same sentence at another position.
    init(renumbering sentence: SummarySentence, position: Int) {
        self.text = sentence.text
        self.article = sentence.article
        self.position = position
        self.terms = sentence.terms
        self.words = sentence.words
        self.wordCount = sentence.wordCount
    }
}
