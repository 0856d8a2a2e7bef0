/// A sentence of an article prepared for ranking: its text, where it stands, and its words as
/// numbers of a `SummaryVocabulary` (sentences compare numbers, never strings).
struct SummarySentence: Sendable {
    /// The sentence as written.
    let text: String
    /// The index of the article the sentence comes from (0 for a single article).
    let article: Int
    /// The index of the sentence among its article's candidate sentences.
    let position: Int
    /// The distinct stems of the sentence's content words, ascending.
    let terms: [Int32]
    /// The distinct lower-cased words, ascending, for near-duplicate tests.
    let distinctWords: [Int32]
    /// The number of words.
    let wordCount: Int

    /// Prepares `text`, numbering its words and stems in `vocabulary`.
    init(text: String, article: Int, position: Int, vocabulary: inout SummaryVocabulary) {
        self.text = text
        self.article = article
        self.position = position
        var words: [Int32] = []
        var terms: [Int32] = []
        WordTokenizer.forEachWord(in: text) { word in
            let numbers = vocabulary.number(word.lowercased())
            words.append(numbers.word)
            if numbers.stem >= 0 { terms.append(numbers.stem) }
        }
        wordCount = words.count
        self.terms = Self.distinct(terms)
        distinctWords = Self.distinct(words)
    }

    /// The same sentence at another position.
    init(renumbering sentence: SummarySentence, position: Int) {
        self.text = sentence.text
        self.article = sentence.article
        self.position = position
        self.terms = sentence.terms
        self.distinctWords = sentence.distinctWords
        self.wordCount = sentence.wordCount
    }

    /// The share of the smaller sentence's content stems that the other has too: high for two
    /// sources saying the same thing in other words.
    func termOverlap(_ other: SummarySentence) -> Double {
        let smaller = min(terms.count, other.terms.count)
        guard smaller > 0 else { return 0 }
        return Double(Self.sharedCount(terms, other.terms)) / Double(smaller)
    }

    /// Word-set Jaccard similarity with another sentence.
    func jaccard(_ other: SummarySentence) -> Double {
        let shared = Self.sharedCount(distinctWords, other.distinctWords)
        let union = distinctWords.count + other.distinctWords.count - shared
        guard union > 0 else { return 0 }
        return Double(shared) / Double(union)
    }

    private static func distinct(_ numbers: [Int32]) -> [Int32] {
        var sorted = numbers.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// How many numbers two ascending lists without repeats share.
    private static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var (i, j, shared) = (0, 0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}

/// The lower-cased words and the stems of one summary's sentences, numbered in order of first
/// appearance: a word repeated in the texts is stemmed once, and sentences hold numbers.
struct SummaryVocabulary {
    let stopWords: StopWords
    private var words: [String: (word: Int32, stem: Int32)] = [:]
    private var stems: [String: Int32] = [:]

    init(stopWords: StopWords = .english) {
        self.stopWords = stopWords
    }

    /// How many distinct stems have been numbered.
    var stemCount: Int { stems.count }

    /// The numbers of a lower-cased word and of its stem (-1 for a stop word or a one-letter
    /// word, which have none).
    mutating func number(_ word: String) -> (word: Int32, stem: Int32) {
        if let known = words[word] { return known }
        var stem: Int32 = -1
        if !stopWords.words.contains(word) && word.unicodeScalars.count > 1 {
            let text = EnglishStemmer.stem(word)
            if let number = stems[text] {
                stem = number
            } else {
                stem = Int32(stems.count)
                stems[text] = stem
            }
        }
        let numbers = (word: Int32(words.count), stem: stem)
        words[word] = numbers
        return numbers
    }
}
