public import Foundation
import GRDB

extension SQLiteStore {
    static let upsertSource = SQL.upsert(table: "source", columns: SourceRecord.columns)

    /// Every source, ordered by id.
    public func sources() async throws -> [SourceRecord] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY id").map(SourceRecord.init(row:))
        }
    }

    /// The source with this id, if stored.
    public func source(id: String) async throws -> SourceRecord? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM source WHERE id = ?", arguments: [id]).map(SourceRecord.init(row:))
        }
    }

    /// Inserts or replaces a source by id; its articles are kept.
    public func saveSource(_ source: SourceRecord) async throws {
        try await writing { db in
            try db.execute(sql: Self.upsertSource, arguments: source.databaseArguments)
        }
    }

    /// Removes a source and its articles; stories left empty are removed, the others recounted.
    public func removeSource(id: String) async throws {
        try await writing { db in
            let stories = try String.fetchAll(db, sql: "SELECT DISTINCT story_id FROM article WHERE source_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM article WHERE source_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [id])
            _ = try Self.recount(stories: stories, db)
        }
    }

    /// Sources not retired whose next fetch is `nil` or not after `date`, by next fetch (`nil`
    /// first) then id.
    public func dueSources(at date: Date) async throws -> [SourceRecord] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM source
                    WHERE retired = 0 AND (next_fetch IS NULL OR next_fetch <= ?)
                    ORDER BY next_fetch IS NOT NULL, next_fetch, id
                    """,
                arguments: [date.storeMilliseconds]
            ).map(SourceRecord.init(row:))
        }
    }

    /// Recounts the articles of `stories` and deletes those left with none: how many were deleted.
    static func recount(stories: [String], _ db: Database) throws -> Int {
        var removed = 0
        for story in stories {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE story_id = ?", arguments: [story]) ?? 0
            if count == 0 {
                try db.execute(sql: "DELETE FROM story WHERE id = ?", arguments: [story])
                removed += db.changesCount
            } else {
                try db.execute(sql: "UPDATE story SET article_count = ? WHERE id = ?", arguments: [count, story])
            }
        }
        return removed
    }
}
