import Foundation
import Store

/// Records for tests, with every field set unless a test says otherwise.
enum Sample {
    /// A whole-second date `seconds` after 2023-11-14T22:13:20Z.
    static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: 1_700_000_000 + seconds)
    }

    /// `days` whole days after `date(0)`.
    static func day(_ days: Double) -> Date {
        date(days * 86_400)
    }

    static func source(_ id: String, nextFetch: Date? = nil, retired: Bool = false) -> SourceRecord {
        SourceRecord(
            id: id, url: "https://\(id).example/feed.xml", kind: .feed, title: "Source \(id)", etag: "\"e-\(id)\"",
            lastModified: "Tue, 14 Nov 2023 22:13:20 GMT", lastFetched: date(10), lastSuccess: date(5), nextFetch: nextFetch,
            consecutiveFailures: 1, lastError: "HTTP 503", retired: retired)
    }

    static func article(
        _ id: String, source: String = "s1", story: String = "story-1", firstSeen: Date = date(0), contentHash: String? = nil,
        canonicalURL: String? = nil, entryID: String? = nil
    ) -> ArticleRecord {
        ArticleRecord(
            id: id, sourceID: source, entryID: entryID ?? "entry-\(id)", url: "https://\(source).example/\(id)?utm=x",
            canonicalURL: canonicalURL ?? "https://\(source).example/\(id)", title: "Title of \(id) — “quoted”",
            authors: ["Ada Lovelace", "Émile Zola"], published: date(-3600), updated: date(-60), firstSeen: firstSeen,
            lastChanged: firstSeen.addingTimeInterval(30), language: "en", text: "First paragraph of \(id).\n\nSecond one 🌊.",
            html: "<p>First paragraph of \(id).</p><p>Second one 🌊.</p>", summary: ["First paragraph of \(id)."],
            image: "https://\(source).example/\(id).jpg",
            topics: [ScoredLabel(id: "diplomacy", name: "Diplomacy", score: 0.1 + 0.2)],
            regions: [ScoredLabel(id: "caribbean", name: "Caribbean", score: 2.0 / 3.0), ScoredLabel(id: "cu", name: "Cuba", score: 0.5)],
            countries: ["cu"], contentHash: contentHash ?? "hash-\(id)", storyID: story, duplicateOf: nil)
    }

    static func story(
        _ id: String, updated: Date = date(100), topics: [String] = ["diplomacy"], regions: [String] = ["caribbean", "cu"],
        articleCount: Int = 1
    ) -> StoryRecord {
        StoryRecord(
            id: id, firstSeen: date(0), updated: updated, title: "Story \(id)", summary: ["One.", "Two."],
            primaryArticleID: "a-\(id)", articleCount: articleCount,
            topics: topics.map { ScoredLabel(id: $0, name: $0.capitalized, score: 0.75) },
            regions: regions.map { ScoredLabel(id: $0, name: $0.uppercased(), score: 0.25) }, image: nil, digest: "digest-\(id)")
    }
}
