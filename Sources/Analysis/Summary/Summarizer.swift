/// Extractive summaries of news text: whole sentences of the text, in their original order.
///
/// Sentences are ranked by lead position, centrality and length, with
/// boilerplate (bylines, photo credits, calls to action) and short fragments skipped and
/// near-identical sentences never both chosen.
public enum Summarizer {
    /// The most sentences a summary holds.
    public static let maximumSentences = 5
    /// Candidates with fewer words than this are fragments, used only when nothing longer exists.
    static let minimumWords = 6
    /// Word-set Jaccard similarity above which two sentences count as the same.
    static let duplicateSimilarity = 0.6
    /// Content-stem overlap above which a sentence from another article restates a chosen one.
    static let paraphraseOverlap = 0.5
    static let ranker = SentenceRanker()

    /// The best `sentences` sentences of `text` (clamped to 1…5), in original order.
    public static func summarize(_ text: String, sentences: Int = 3) -> [String] {
        let count = min(max(sentences, 1), maximumSentences)
        return select(from: [text], limit: count, wordBudget: nil)
    }

    /// The best sentences of `text` whose words together fit in `wordBudget` (at most 5), in
    /// original order. Sentences are never cut: a sentence that does not fit is passed over.
    public static func summarize(_ text: String, wordBudget: Int) -> [String] {
        select(from: [text], limit: maximumSentences, wordBudget: max(wordBudget, 0))
    }

    /// The sentences that best cover a story told by several articles, no two near-identical,
    /// ordered by their place in their articles (then by article).
    public static func storySummary(_ articles: [String], sentences: Int) -> [String] {
        let count = min(max(sentences, 1), maximumSentences)
        return select(from: articles, limit: count, wordBudget: nil)
    }

    static func select(from articles: [String], limit: Int, wordBudget: Int?) -> [String] {
        var vocabulary = SummaryVocabulary()
        let candidates = articles.enumerated().flatMap { candidateSentences(in: $0.element, article: $0.offset, vocabulary: &vocabulary) }
        guard !candidates.isEmpty else { return [] }
        let scores = rank(candidates, articleCount: articles.count, stems: vocabulary.stemCount)
        let order = candidates.indices.sorted { scores[$0] > scores[$1] }
        var chosen: [SummarySentence] = []
        var words = 0
        for index in order where chosen.count < limit {
            let sentence = candidates[index]
            if let budget = wordBudget, words + sentence.wordCount > budget { continue }
            if chosen.contains(where: { $0.jaccard(sentence) > duplicateSimilarity }) { continue }
            // Across sources, a sentence restating a chosen one in other words adds nothing.
            if chosen.contains(where: { $0.article != sentence.article && $0.termOverlap(sentence) > paraphraseOverlap }) { continue }
            chosen.append(sentence)
            words += sentence.wordCount
        }
        return chosen.sorted { ($0.position, $0.article) < ($1.position, $1.article) }.map { sentence in
            var text = articles[sentence.article]
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[sentence.range]), as: UTF8.self) }
        }
    }

    /// The non-boilerplate sentences of one article, fragments dropped when possible. Sentences
    /// are read where they lie in the text's bytes; only the chosen ones become strings.
    static func candidateSentences(in text: String, article: Int, vocabulary: inout SummaryVocabulary) -> [SummarySentence] {
        let filter = BoilerplateFilter.english
        var text = text
        var prepared: [SummarySentence] = []
        var full = 0
        text.withUTF8 { bytes in
            var lower: [UInt8] = []
            for range in SentenceSplitter.english.sentenceRanges(in: bytes) {
                let sentence = UnsafeBufferPointer(rebasing: bytes[range])
                if filter.isBoilerplate(utf8: sentence, scratch: &lower) { continue }
                let candidate = SummarySentence(sentence, at: range, article: article, vocabulary: &vocabulary)
                if candidate.wordCount >= minimumWords { full += 1 }
                prepared.append(candidate)
            }
        }
        let minimum = full > 0 ? minimumWords : 1
        prepared.removeAll { $0.wordCount < minimum }
        for index in prepared.indices { prepared[index].position = index }
        return prepared
    }

    /// Scores the candidates; `stems` is the number of distinct stems they are numbered with.
    static func rank(_ candidates: [SummarySentence], articleCount: Int, stems: Int) -> [Double] {
        // How many units contain each stem: articles when there are several, else sentences.
        var support = [Int](repeating: 0, count: stems)
        if articleCount > 1 {
            // An article's candidates are consecutive: a stem counts once per article.
            var lastArticle = [Int](repeating: -1, count: stems)
            for sentence in candidates {
                for term in sentence.terms where lastArticle[Int(term)] != sentence.article {
                    lastArticle[Int(term)] = sentence.article
                    support[Int(term)] += 1
                }
            }
        } else {
            for sentence in candidates { for term in sentence.terms { support[Int(term)] += 1 } }
        }
        return ranker.scores(candidates, support: support)
    }
}
