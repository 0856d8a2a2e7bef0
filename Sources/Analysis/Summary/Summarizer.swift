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
        let candidates = articles.enumerated().flatMap { candidateSentences(in: $0.element, article: $0.offset) }
        guard !candidates.isEmpty else { return [] }
        let scores = rank(candidates, articleCount: articles.count)
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
        return chosen.sorted { ($0.position, $0.article) < ($1.position, $1.article) }.map(\.text)
    }

    /// The non-boilerplate sentences of one article, fragments dropped when possible.
    static func candidateSentences(in text: String, article: Int) -> [SummarySentence] {
        let filter = BoilerplateFilter.english
        let kept = SentenceSplitter.english.sentences(in: text).filter { !filter.isBoilerplate($0) }
        var stems: [String: String?] = [:]
        let prepared = kept.map { SummarySentence(text: $0, article: article, position: 0, stopWords: .english, stems: &stems) }
        let full = prepared.filter { $0.wordCount >= minimumWords }
        let usable = full.isEmpty ? prepared.filter { $0.wordCount > 0 } : full
        return usable.enumerated().map { offset, sentence in
            SummarySentence(renumbering: sentence, position: offset)
        }
    }

    static func rank(_ candidates: [SummarySentence], articleCount: Int) -> [Double] {
        var support: [String: Int] = [:]
        if articleCount > 1 {
            var perArticle: [Int: Set<String>] = [:]
            for sentence in candidates { perArticle[sentence.article, default: []].formUnion(sentence.terms) }
            for terms in perArticle.values { for term in terms { support[term, default: 0] += 1 } }
        } else {
            for sentence in candidates { for term in sentence.terms { support[term, default: 0] += 1 } }
        }
        return ranker.scores(candidates, support: support)
    }
}
