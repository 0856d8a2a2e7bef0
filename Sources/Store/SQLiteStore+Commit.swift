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

    /// Reads the named snapshot piece by piece, one stored row at a time; see
    /// ``ArticleStore/loadIndex(named:reading:)``.
    public func loadIndex<Result: Sendable>(named name: String, reading read: @escaping IndexReader<Result>) async throws -> Result? {
        try await reading { db in
            guard let size = try Int.fetchOne(db, sql: SQL.snapshotSize, arguments: [name]) else { return nil }
            let rows = try Row.fetchCursor(db, sql: SQL.snapshotPieces, arguments: [name])
            return try read(size) { try rows.next().map { [UInt8]($0["bytes"] as Data) } }
        }
    }

    /// Saves (replaces) the named snapshot in one transaction, as rows of at most
    /// ``snapshotPieceSize`` bytes written while `write` produces them; see
    /// ``ArticleStore/saveIndex(named:writing:)``.
    public func saveIndex(named name: String, writing write: @escaping IndexWriter) async throws {
        try await writing { db in
            try db.execute(sql: SQL.deleteSnapshot, arguments: [name])
            let statement = try db.cachedStatement(sql: SQL.saveSnapshotPiece)
            var pending: [UInt8] = []
            pending.reserveCapacity(Self.snapshotPieceSize)
            var pieces = 0
            func flush() throws {
                // Bound without a copy of ours; SQLite takes its own while binding.
                try pending.withUnsafeMutableBytes { raw in
                    let view = raw.baseAddress.map { Data(bytesNoCopy: $0, count: raw.count, deallocator: .none) } ?? Data()
                    try statement.execute(arguments: [name, pieces, view])
                }
                pieces += 1
                pending.removeAll(keepingCapacity: true)
            }
            try write { piece in
                var rest = piece[...]
                while !rest.isEmpty {
                    let taken = rest.prefix(Self.snapshotPieceSize - pending.count)
                    pending.append(contentsOf: taken)
                    rest = rest.dropFirst(taken.count)
                    if pending.count == Self.snapshotPieceSize { try flush() }
                }
            }
            // The last piece, or the only one of an empty snapshot (which is saved, not absent).
            if !pending.isEmpty || pieces == 0 { try flush() }
        }
    }

    /// The largest piece of a snapshot stored in one row.
    static let snapshotPieceSize = 1 << 18
}
