public import Foundation
import GRDB

extension SQLiteStore {
    /// The articles `sql` selects (the statement prepared once per connection).
    private func articles(_ sql: String, _ arguments: StatementArguments) async throws -> [ArticleRecord] {
        try await reading { db in try Row.decodeAll(try db.cachedStatement(sql: sql), arguments: arguments, ArticleRecord.init(row:)) }
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

    /// The stored articles matching any of `keys`, ordered by first-seen time then id; without
    /// `bodies`, with empty text and no HTML (the two columns are not even read).
    public func articles(matching keys: ArticleKeys, bodies: Bool) async throws -> [ArticleRecord] {
        if keys.isEmpty { return [] }
        return try await reading { db in try Self.articles(matching: keys, bodies: bodies, in: db) }
    }

    /// `articles(matching:bodies:)` inside a read.
    static func articles(matching keys: ArticleKeys, bodies: Bool, in db: Database) throws -> [ArticleRecord] {
        if keys.isEmpty { return [] }
        func fetch(_ keys: ArticleKeys) throws -> [ArticleRecord] {
            let statement = try db.cachedStatement(sql: SQL.articles(matching: keys, bodies: bodies))
            return try Row.decodeAll(statement, arguments: StatementArguments(keys.ids + keys.contentHashes + keys.stories), ArticleRecord.init(row:))
        }
        // SQLite allows a bounded number of parameters per statement: long lists are read in parts.
        let limit = SQL.maximumListParameters
        if keys.ids.count + keys.contentHashes.count + keys.stories.count <= limit { return try fetch(keys) }
        var found: [String: ArticleRecord] = [:]
        for part in keys.ids.chunked(limit) {
            for article in try fetch(ArticleKeys(ids: part)) { found[article.id] = article }
        }
        for part in keys.contentHashes.chunked(limit) {
            for article in try fetch(ArticleKeys(contentHashes: part)) { found[article.id] = article }
        }
        for part in keys.stories.chunked(limit) {
            for article in try fetch(ArticleKeys(stories: part)) { found[article.id] = article }
        }
        return found.values.sorted { ($0.firstSeen, $0.id) < ($1.firstSeen, $1.id) }
    }

    /// How many articles are stored.
    public func articleCount() async throws -> Int {
        try await reading { db in try Int.fetchOne(db, sql: SQL.articleCount) ?? 0 }
    }

    /// The ids of every stored article, in no particular order.
    public func articleIDs() async throws -> [String] {
        try await reading { db in try String.fetchAll(db, sql: SQL.articleIDs) }
    }

    /// The ids of the sources that have articles stored, in no particular order.
    public func sourceIDsWithArticles() async throws -> [String] {
        try await reading { db in try String.fetchAll(db, sql: SQL.sourceIDsWithArticles) }
    }
}

extension Array {
    /// The array in consecutive parts of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
