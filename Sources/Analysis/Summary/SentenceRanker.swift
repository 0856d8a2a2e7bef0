import Foundation

/// Scores the candidate sentences of a news text: lead position, centrality (how much of the
/// sentence's vocabulary the rest of the text repeats), and length.
///
/// News puts the key facts first, so position dominates; centrality breaks ties in favour of
/// sentences about what the whole text is about, and the length factor passes over fragments
/// and run-on sentences (often captions glued to text). The weights were chosen on a small
/// development sample and are round numbers on a flat optimum.
struct SentenceRanker: Sendable {
    /// How much position matters; a sentence's lead score is `leadWeight / (1 + position / leadScale)`.
    var leadWeight = 1.0
    var leadScale = 1.0
    /// How much centrality (0…1, relative to the most central sentence) adds.
    var centralityWeight = 0.2
    /// Sentences shorter than this many words are penalized.
    var shortLength = 10
    /// Sentences longer than this many words are penalized in proportion to their length.
    var longLength = 28

    /// A score for every sentence, by index in `sentences`.
    /// - Parameter support: how many units (sentences or articles) contain each term, by the
    ///   term's number.
    func scores(_ sentences: [SummarySentence], support: [Int]) -> [Double] {
        var centrality = sentences.map { sentence -> Double in
            guard !sentence.terms.isEmpty else { return 0 }
            let total = sentence.terms.reduce(0.0) { $0 + log(Double(max(support[Int($1)], 1))) }
            return total / sqrt(Double(sentence.terms.count))
        }
        if let top = centrality.max(), top > 0 { centrality = centrality.map { $0 / top } }
        return sentences.indices.map { index in
            let sentence = sentences[index]
            let position = Double(sentence.position)
            var score = leadWeight / (1 + position / leadScale)
            score += centralityWeight * centrality[index]
            return score * lengthFactor(sentence.wordCount)
        }
    }

    private func lengthFactor(_ words: Int) -> Double {
        if words < shortLength { return 0.5 + 0.5 * Double(words) / Double(shortLength) }
        if words > longLength { return max(0.4, Double(longLength) / Double(words)) }
        return 1
    }
}
