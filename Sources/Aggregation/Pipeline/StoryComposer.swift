import Analysis
import Foundation
import Store

/// Builds a story's record from its articles: the primary article, the title, a summary over
/// every source, the topics and regions most of its articles share, and a digest of what a
/// feed shows, so that `updated` moves only when that really changes.
struct StoryComposer: Sendable {
    let summarySentences: Int

    /// The record of the story `id` made of `members` (at least one); `previous` is what the
    /// store held, whose `firstSeen` is kept and whose `updated` is kept unless the digest changed.
    func compose(id: String, members: [ArticleRecord], previous: StoryRecord?, now: Date) -> StoryRecord {
        let ordered = members.sorted { ($0.firstSeen, $0.id) < ($1.firstSeen, $1.id) }
        let originals = ordered.filter { $0.duplicateOf == nil }
        // The article that opened the story leads it (on a tie of first-seen times, the order
        // of ids would otherwise decide).
        let primary = originals.first { $0.id == id } ?? originals.first ?? ordered[0]
        // The story summary chooses among the key sentences of the first few independent
        // reports (each article's own summary), so its cost does not grow with the story.
        let leads = originals.prefix(8).map { $0.summary.joined(separator: " ") }.filter { !$0.isEmpty }
        let summary =
            leads.count > 1
            ? Summarizer.storySummary(leads, sentences: summarySentences)
            : primary.summary
        let topics = Self.consensus(originals.prefix(16).map(\.topics), keep: 3)
        let regions = Self.consensus(originals.prefix(16).map(\.regions), keep: 12)
        let image = primary.image ?? ordered.first { $0.image != nil }?.image
        let digest = StableHash.hex(
            [primary.title, summary.joined(separator: "\n"), image ?? ""]
                + ordered.map { "\($0.id)|\($0.url ?? "")|\($0.title)|\($0.contentHash)" }
                + topics.map(\.id) + regions.map(\.id))
        let firstSeen = previous?.firstSeen ?? primary.firstSeen
        let updated: Date
        if let previous, previous.digest == digest {
            updated = previous.updated
        } else {
            updated = now
        }
        return StoryRecord(
            id: id, firstSeen: firstSeen, updated: updated, title: primary.title, summary: summary,
            primaryArticleID: primary.id, articleCount: ordered.count, topics: topics, regions: regions, image: image,
            digest: digest)
    }

    /// The record after copies of its articles joined it: the same summary and labels, one
    /// more source each, and a new digest (the list of sources is part of what feeds show).
    func adding(copies: [ArticleRecord], to previous: StoryRecord, now: Date) -> StoryRecord {
        var story = previous
        story.articleCount += copies.count
        story.digest = StableHash.hex([previous.digest] + copies.map { "\($0.id)|\($0.url ?? "")|\($0.title)" })
        story.updated = now
        if story.image == nil { story.image = copies.first { $0.image != nil }?.image }
        return story
    }

    /// The labels of a story: each label's mean score over the articles (an article without it
    /// counts 0), those reaching half the best mean, best first, at most `keep`.
    static func consensus(_ labelLists: [[ScoredLabel]], keep: Int) -> [ScoredLabel] {
        guard !labelLists.isEmpty else { return [] }
        var sums: [String: (name: String, score: Double)] = [:]
        for labels in labelLists {
            for label in labels {
                let current = sums[label.id]
                sums[label.id] = (current?.name ?? label.name, (current?.score ?? 0) + label.score)
            }
        }
        let count = Double(labelLists.count)
        let means = sums.map { ScoredLabel(id: $0.key, name: $0.value.name, score: ArticleAnalyzer.rounded($0.value.score / count)) }
        guard let best = means.map(\.score).max(), best > 0 else { return [] }
        return
            means
            .filter { $0.score >= best / 2 }
            .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
            .prefix(keep)
            .map { $0 }
    }
}
