import Foundation
import GRDB

extension ArticleRecord {
    /// Columns of the `article` table, in the order of `databaseArguments`.
    static let columns = [
        "id", "source_id", "entry_id", "url", "canonical_url", "title", "authors", "published", "updated", "first_seen",
        "last_changed", "language", "text", "html", "summary", "image", "topics", "regions", "countries", "content_hash",
        "story_id", "duplicate_of",
    ]

    /// Reads an `article` row.
    init(row: Row) throws {
        self.init(
            id: row["id"],
            sourceID: row["source_id"],
            entryID: row["entry_id"],
            url: row["url"],
            canonicalURL: row["canonical_url"],
            title: row["title"],
            authors: try StoreJSON.value([String].self, from: row["authors"], column: "article.authors"),
            published: (row["published"] as Int64?).map(Date.init(storeMilliseconds:)),
            updated: (row["updated"] as Int64?).map(Date.init(storeMilliseconds:)),
            firstSeen: Date(storeMilliseconds: row["first_seen"]),
            lastChanged: Date(storeMilliseconds: row["last_changed"]),
            language: row["language"],
            text: row["text"],
            html: row["html"],
            summary: try StoreJSON.value([String].self, from: row["summary"], column: "article.summary"),
            image: row["image"],
            topics: try StoreJSON.value([ScoredLabel].self, from: row["topics"], column: "article.topics"),
            regions: try StoreJSON.value([ScoredLabel].self, from: row["regions"], column: "article.regions"),
            countries: try StoreJSON.value([String].self, from: row["countries"], column: "article.countries"),
            contentHash: row["content_hash"],
            storyID: row["story_id"],
            duplicateOf: row["duplicate_of"]
        )
    }

    /// The values of `columns`.
    func databaseArguments() throws -> StatementArguments {
        [
            id, sourceID, entryID, url, canonicalURL, title, StoreJSON.text(authors), published?.storeMilliseconds,
            updated?.storeMilliseconds, firstSeen.storeMilliseconds, lastChanged.storeMilliseconds, language, text, html,
            StoreJSON.text(summary), image, StoreJSON.text(topics), StoreJSON.text(regions),
            StoreJSON.text(countries), contentHash, storyID, duplicateOf,
        ]
    }
}
