import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a source's new state, its stories and articles in one transaction: all or nothing.
    ///
    /// References are checked when the transaction commits, so the order inside the update does
    /// not matter; a missing source or story rolls everything back.
    public func commit(_ update: SourceUpdate) async throws {
        try await writing { db in
            try db.cachedStatement(sql: SQL.upsertSource).execute(arguments: update.source.databaseArguments)
            for story in update.stories {
                try Self.save(story, db)
            }
            let statement = try db.cachedStatement(sql: SQL.upsertArticle)
            for article in update.articles {
                try statement.execute(arguments: try article.databaseArguments())
            }
        }
    }

    /// The named snapshot blob, if saved.
    public func loadIndex(named name: String) async throws -> [UInt8]? {
        try await reading { db in
            try Row.fetchOne(db, sql: SQL.snapshot, arguments: [name]).map { row in
                [UInt8](row["bytes"] as Data)
            }
        }
    }

    /// Saves (replaces) the named snapshot blob.
    public func saveIndex(named name: String, _ bytes: [UInt8]) async throws {
        try await writing { db in
            // Bound without a copy: the clustering index runs to tens of megabytes, and SQLite
            // takes its own copy while binding anyway.
            try bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else {
                    try db.execute(sql: SQL.saveSnapshot, arguments: [name, Data()])
                    return
                }
                let view = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none)
                try db.execute(sql: SQL.saveSnapshot, arguments: [name, view])
            }
        }
    }
}
