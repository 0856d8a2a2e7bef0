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
    /// The lower-cased words, for near-duplicate tests (made a set only when compared: most
    /// candidates never are).
    let lowered: [String]
    /// The number of words.
    var wordCount: Int { lowered.count }

    /// Prepares `text`; `stems` remembers the stems (or `nil` for stop words and one-letter
    /// words) of the words seen so far, so a word repeated in an article is looked at once.
    init(text: String, article: Int, position: Int, stopWords: StopWords, stems: inout [String: String?]) {
        self.text = text
        self.article = article
        self.position = position
        lowered = WordTokenizer.lowercasedWords(in: text)
        var terms = Set<String>()
        for word in lowered {
            let stem: String?
            if let known = stems[word] {
                stem = known
            } else {
                stem = !stopWords.words.contains(word) && word.unicodeScalars.count > 1 ? EnglishStemmer.stem(word) : nil
                stems[word] = stem
            }
            if let stem { terms.insert(stem) }
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
        let words = Set(lowered)
        let otherWords = Set(other.lowered)
        let union = words.union(otherWords).count
        guard union > 0 else { return 0 }
        return Double(words.intersection(otherWords).count) / Double(union)
    }
}

extension SummarySentence {
    /// The same sentence at another position.
    init(renumbering sentence: SummarySentence, position: Int) {
        self.text = sentence.text
        self.article = sentence.article
        self.position = position
        self.terms = sentence.terms
        self.lowered = sentence.lowered
    }
}
