public import Foundation
import GRDB

extension SQLiteStore {
    static let upsertArticle = SQL.upsert(table: "article", columns: ArticleRecord.columns)

    /// Articles matching `condition`, ordered by first-seen time then id.
    private func articles(where condition: String, _ arguments: StatementArguments, limit: Int = -1) async throws -> [ArticleRecord] {
        try await reading { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM article WHERE \(condition) ORDER BY first_seen, id LIMIT \(limit)", arguments: arguments
            ).map(ArticleRecord.init(row:))
        }
    }

    /// The article with this id, if stored.
    public func article(id: String) async throws -> ArticleRecord? {
        try await articles(where: "id = ?", [id], limit: 1).first
    }

    /// The article a source stored for a feed entry.
    public func article(sourceID: String, entryID: String) async throws -> ArticleRecord? {
        try await articles(where: "source_id = ? AND entry_id = ?", [sourceID, entryID], limit: 1).first
    }

    /// Articles with this content hash, ordered by first-seen time then id.
    public func articles(contentHash: String) async throws -> [ArticleRecord] {
        try await articles(where: "content_hash = ?", [contentHash])
    }

    /// Articles with this canonical URL, ordered by first-seen time then id.
    public func articles(canonicalURL: String) async throws -> [ArticleRecord] {
        try await articles(where: "canonical_url = ?", [canonicalURL])
    }

    /// The articles of a story, ordered by first-seen time then id.
    public func articles(story: String) async throws -> [ArticleRecord] {
        try await articles(where: "story_id = ?", [story])
    }

    /// Articles first seen at or after `since` (all when `nil`), ordered by first-seen time then id.
    public func articles(since: Date?) async throws -> [ArticleRecord] {
        try await articles(where: "first_seen >= ?", [since?.storeMilliseconds ?? Int64.min])
    }

    /// How many articles are stored.
    public func articleCount() async throws -> Int {
        try await reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0 }
    }
}
