public import Foundation
import GRDB

extension SQLiteStore {
    /// Every source, ordered by id.
    public func sources() async throws -> [SourceRecord] {
        try await reading { db in try Row.decodeAll(try db.cachedStatement(sql: SQL.sources), SourceRecord.init(row:)) }
    }

    /// The source with this id, if stored.
    public func source(id: String) async throws -> SourceRecord? {
        try await reading { db in try Row.decodeFirst(try db.cachedStatement(sql: SQL.sourceByID), arguments: [id], SourceRecord.init(row:)) }
    }

    /// Inserts or replaces a source by id; its articles are kept.
    public func saveSource(_ source: SourceRecord) async throws {
        try await writing { db in try db.execute(sql: SQL.upsertSource, arguments: source.databaseArguments) }
    }

    /// Inserts or replaces several sources by id in one transaction.
    public func saveSources(_ sources: [SourceRecord]) async throws {
        guard !sources.isEmpty else { return }
        try await writing { db in
            let statement = try db.cachedStatement(sql: SQL.upsertSource)
            for source in sources { try statement.execute(arguments: source.databaseArguments) }
        }
    }

    /// Removes a source and its articles; stories left empty are removed, the others recounted.
    public func removeSource(id: String) async throws {
        try await writing { db in
            let stories = try String.fetchAll(db, sql: SQL.storiesOfSource, arguments: [id])
            try db.execute(sql: SQL.deleteArticlesOfSource, arguments: [id])
            try db.execute(sql: SQL.deleteSource, arguments: [id])
            _ = try Self.recount(stories: stories, db)
        }
    }

    /// Sources not retired whose next fetch is `nil` or not after `date`, by next fetch (`nil`
    /// first) then id.
    public func dueSources(at date: Date) async throws -> [SourceRecord] {
        try await reading { db in
            try Row.decodeAll(try db.cachedStatement(sql: SQL.dueSources), arguments: [date.storeMilliseconds], SourceRecord.init(row:))
        }
    }

    /// Recounts the articles of `stories` and deletes those left with none: how many were deleted.
    static func recount(stories: [String], _ db: Database) throws -> Int {
        var removed = 0
        for story in stories {
            let count = try Int.fetchOne(db, sql: SQL.storyArticleCount, arguments: [story]) ?? 0
            if count == 0 {
                try db.execute(sql: SQL.deleteStory, arguments: [story])
                removed += db.changesCount
            } else {
                try db.execute(sql: SQL.setArticleCount, arguments: [count, story])
            }
        }
        return removed
    }
}
