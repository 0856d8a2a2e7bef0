public import Foundation
import GRDB

extension SQLiteStore {
    /// The articles `sql` selects.
    private func articles(_ sql: String, _ arguments: StatementArguments) async throws -> [ArticleRecord] {
        try await reading { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(ArticleRecord.init(row:)) }
    }

    /// The article with this id, if stored.
    public func article(id: String) async throws -> ArticleRecord? {
        try await articles(SQL.articleByID, [id]).first
    }

    /// The article a source stored for a feed entry.
    public func article(sourceID: String, entryID: String) async throws -> ArticleRecord? {
        try await articles(SQL.articleByEntry, [sourceID, entryID]).first
    }

    /// Articles with this content hash, ordered by first-seen time then id.
    public func articles(contentHash: String) async throws -> [ArticleRecord] {
        try await articles(SQL.articlesByContentHash, [contentHash])
    }

    /// Articles with this canonical URL, ordered by first-seen time then id.
    public func articles(canonicalURL: String) async throws -> [ArticleRecord] {
        try await articles(SQL.articlesByCanonicalURL, [canonicalURL])
    }

    /// The articles of a story, ordered by first-seen time then id.
    public func articles(story: String) async throws -> [ArticleRecord] {
        try await articles(SQL.articlesByStory, [story])
    }

    /// Articles first seen at or after `since` (all when `nil`), ordered by first-seen time then id.
    public func articles(since: Date?) async throws -> [ArticleRecord] {
        try await articles(SQL.articlesSince, [since?.storeMilliseconds ?? Int64.min])
    }

    /// How many articles are stored.
    public func articleCount() async throws -> Int {
        try await reading { db in try Int.fetchOne(db, sql: SQL.articleCount) ?? 0 }
    }
}
