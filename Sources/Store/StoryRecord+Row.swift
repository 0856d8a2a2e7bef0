import Foundation
import GRDB

extension StoryRecord {
    /// Columns of the `story` table, in the order of `databaseArguments`.
    static let columns = [
        "id", "first_seen", "updated", "title", "summary", "primary_article_id", "article_count", "topics", "regions", "image",
        "digest",
    ]

    /// Reads a `story` row.
    init(row: Row) throws {
        self.init(
            id: row["id"],
            firstSeen: Date(storeMilliseconds: row["first_seen"]),
            updated: Date(storeMilliseconds: row["updated"]),
            title: row["title"],
            summary: try StoreJSON.value([String].self, from: row["summary"], column: "story.summary"),
            primaryArticleID: row["primary_article_id"],
            articleCount: row["article_count"],
            topics: try StoreJSON.value([ScoredLabel].self, from: row["topics"], column: "story.topics"),
            regions: try StoreJSON.value([ScoredLabel].self, from: row["regions"], column: "story.regions"),
            image: row["image"],
            digest: row["digest"]
        )
    }

    /// The values of `columns`.
    func databaseArguments() throws -> StatementArguments {
        [
            id, firstSeen.storeMilliseconds, updated.storeMilliseconds, title, StoreJSON.text(summary), primaryArticleID,
            articleCount, StoreJSON.text(topics), StoreJSON.text(regions), image, digest,
        ]
    }
}
