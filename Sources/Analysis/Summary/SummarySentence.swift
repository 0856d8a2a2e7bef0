/// A sentence of an article prepared for ranking: where it lies in the article's bytes, where it
/// stands among the candidates, and its words as numbers of a `SummaryVocabulary` (sentences
/// compare numbers, never strings).
struct SummarySentence: Sendable {
    /// Where the sentence lies in its article's UTF-8 bytes, as written.
    let range: Range<Int>
    /// The index of the article the sentence comes from (0 for a single article).
    let article: Int
    /// The index of the sentence among its article's candidate sentences (0 until
    /// `Summarizer.candidateSentences` numbers the candidates it keeps).
    var position = 0
    /// The distinct stems of the sentence's content words, ascending.
    let terms: [Int32]
    /// The distinct lower-cased words, ascending, for near-duplicate tests.
    let distinctWords: [Int32]
    /// The number of words.
    let wordCount: Int

    /// Prepares the sentence `text` (UTF-8, at `range` of its article), numbering its words and
    /// stems in `vocabulary`.
    init(_ text: UnsafeBufferPointer<UInt8>, at range: Range<Int>, article: Int, vocabulary: inout SummaryVocabulary) {
        self.range = range
        self.article = article
        // Room for a word every four bytes and a stem every six, more than English needs: one
        // allocation each for most sentences.
        var words: [Int32] = []
        var terms: [Int32] = []
        words.reserveCapacity(text.count / 4 + 4)
        terms.reserveCapacity(text.count / 6 + 4)
        WordTokenizer.forEachLowercasedWordBytes(inUTF8: text) { word in
            let numbers = vocabulary.number(word)
            words.append(numbers.word)
            if numbers.stem >= 0 { terms.append(numbers.stem) }
        }
        wordCount = words.count
        self.terms = Self.distinct(terms)
        distinctWords = Self.distinct(words)
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
/// appearance: a word repeated in the texts is stemmed once, and sentences hold numbers. Words
/// are told apart by their bytes, so a text mixing composed and decomposed accents ("é" and
/// "e\u{301}") has two words where `String` equality would see one.
struct SummaryVocabulary {
    let stopWords: StopWords
    private let words = WordTable<(word: Int32, stem: Int32)>(capacity: 256)
    private let stems = WordTable<Int32>(capacity: 256)
    private var stemBytes: [UInt8] = []

    init(stopWords: StopWords = .english) {
        self.stopWords = stopWords
    }

    /// How many distinct stems have been numbered.
    var stemCount: Int { stems.count }

    /// The numbers of a lower-cased word (its UTF-8 bytes) and of its stem (-1 for a stop word
    /// or a one-letter word, which have none).
    mutating func number(_ lowercased: UnsafeBufferPointer<UInt8>) -> (word: Int32, stem: Int32) {
        let (known, place) = words.find(lowercased)
        if let known { return known }
        var stem: Int32 = -1
        if !stopWords.bytes.contains(lowercased) && Self.hasTwoScalars(lowercased) {
            EnglishStemmer.stem(lowercased, into: &stemBytes)
            stem = stemBytes.withUnsafeBufferPointer { text in
                let (number, place) = stems.find(text)
                if let number { return number }
                stems.insert(text, Int32(stems.count), at: place)
                return Int32(stems.count - 1)
            }
        }
        let numbers = (word: Int32(words.count), stem: stem)
        words.insert(lowercased, numbers, at: place)
        return numbers
    }

    /// Whether UTF-8 `bytes` hold more than one scalar.
    private static func hasTwoScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var scalars = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            scalars += 1
            if scalars > 1 { return true }
        }
        return false
    }
}
