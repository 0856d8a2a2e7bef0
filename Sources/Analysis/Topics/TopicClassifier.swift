import Foundation

/// Assigns topics to a news text by weighted keywords and phrases: multi-label, each with a
/// score from 0 to 1, the title counting more than the body.
public struct TopicClassifier: Sendable {
    /// The topics the classifier chooses from.
    public let topics: TopicSet
    private let index: TopicIndex

    /// How much more an occurrence in the title counts than one in the body.
    public var titleWeight = 3.0
    /// Topics whose evidence is below this share of the leading topic's are not reported.
    public var relativeThreshold = 0.3
    /// The least evidence (sum of weights) for any topic to be reported.
    public var minimumEvidence = 2.0
    /// How much an occurrence in the lead (the first `leadWords` words of the text) counts:
    /// news puts what the article is about first, background and asides later.
    public var leadWeight = 2.0
    /// Words of text that form the lead.
    public var leadWords = 50

    /// Creates a classifier over a topic set (by default the built-in one).
    public init(topics: TopicSet = .builtIn) {
        self.topics = topics
        self.index = TopicIndex(topics)
    }

    /// The topics of a text, best first; empty when nothing is clearly signalled.
    public func classify(title: String, text: String) -> [TopicScore] {
        let evidence = evidence(title: title, text: text)
        guard let best = evidence.max(), best >= minimumEvidence else { return [] }
        let confidence = 1 - exp(-best / 8)
        var scores: [TopicScore] = []
        for (topic, value) in evidence.enumerated() where value >= minimumEvidence && value >= best * relativeThreshold {
            let definition = topics.definitions[topic]
            let score = (value / best) * confidence
            scores.append(TopicScore(id: definition.id, name: definition.name, score: (score * 1000).rounded() / 1000))
        }
        return scores.enumerated().sorted { lhs, rhs in
            lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The evidence for each topic, by index in the set: for each matching term, its weight
    /// times the logarithm of its weighted occurrences.
    func evidence(title: String, text: String) -> [Double] {
        var hits: [Int: (term: TopicTerm, count: Double)] = [:]
        index.forEachMatch(in: TopicText(title, index: index)) { term, _ in
            hits[term.serial, default: (term, 0)].count += titleWeight
        }
        index.forEachMatch(in: TopicText(text, index: index)) { term, position in
            hits[term.serial, default: (term, 0)].count += position < leadWords ? leadWeight : 1
        }
        var evidence = [Double](repeating: 0, count: topics.definitions.count)
        for (term, count) in hits.values {
            evidence[term.topic] += term.weight * log2(1 + count)
        }
        for topic in evidence.indices { evidence[topic] *= topics.definitions[topic].prior }
        return evidence
    }
}
