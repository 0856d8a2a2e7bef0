import Analysis
import Foundation
import Store

/// Turns drafts into stored articles' analysed parts: summary, topics, regions and countries
/// (with the source's hints added), and the content fingerprint. Pure and thread-safe.
struct ArticleAnalyzer: Sendable {
    let classifier: TopicClassifier
    let tagger: RegionTagger
    let summarySentences: Int

    init(configuration: Configuration) {
        classifier = TopicClassifier(topics: configuration.topics.topicSet)
        tagger = RegionTagger()
        summarySentences = configuration.analysis.summarySentences
    }

    /// The analysed article; identity, times and story are the caller's.
    func analyse(_ draft: ArticleDraft, source: SourceSettings, id: String, now: Date) -> ArticleRecord {
        let topics = classifier.classify(title: draft.title, text: draft.text).map {
            ScoredLabel(id: $0.id, name: $0.name, score: Self.rounded($0.score))
        }
        let tagging = tagger.tag(title: draft.title, text: draft.text)
        var regions = tagging.regions.map { ScoredLabel(id: $0.id, name: $0.name, score: Self.rounded($0.score)) }
        regions += tagging.countries.map { ScoredLabel(id: $0.id, name: $0.name, score: Self.rounded($0.score)) }
        return ArticleRecord(
            id: id, sourceID: source.id, entryID: draft.entryID, url: draft.url, canonicalURL: draft.canonicalURL,
            title: draft.title, authors: draft.authors, published: draft.published, updated: draft.updated,
            firstSeen: now, lastChanged: now, language: draft.language, text: draft.text, html: draft.html,
            summary: Summarizer.summarize(draft.text, sentences: summarySentences), image: draft.image,
            topics: withHints(topics, hints: source.topics, names: { classifier.topics[$0]?.name }),
            regions: withHints(regions, hints: source.regions, names: regionName),
            countries: tagging.countries.map(\.id), contentHash: StableHash.contentHash(title: draft.title, text: draft.text),
            storyID: "", duplicateOf: nil)
    }

    private func regionName(_ id: String) -> String? {
        tagger.gazetteer.regions[id]?.name ?? tagger.gazetteer.countries[id.uppercased()]?.name
    }

    /// Labels with the configured hints added at full score (kept once, best score).
    private func withHints(_ labels: [ScoredLabel], hints: [String], names: (String) -> String?) -> [ScoredLabel] {
        var result = labels
        for hint in hints {
            if let index = result.firstIndex(where: { $0.id == hint }) {
                result[index].score = max(result[index].score, 1)
            } else {
                result.append(ScoredLabel(id: hint, name: names(hint) ?? hint, score: 1))
            }
        }
        return result.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
    }

    /// Scores kept to three decimals, so stored values and feeds do not flicker.
    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }
}

/// Builds the analyzer on first use: loading the gazetteer and the topic index takes tens of
/// milliseconds, which a run where every source answers "not modified" never needs to spend.
actor AnalyzerOnDemand {
    private let configuration: Configuration
    private var built: ArticleAnalyzer?

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The analyzer, built by the first caller.
    func analyzer() -> ArticleAnalyzer {
        if let built { return built }
        let analyzer = ArticleAnalyzer(configuration: configuration)
        built = analyzer
        return analyzer
    }
}
