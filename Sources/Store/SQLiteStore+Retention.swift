public import Foundation
import GRDB

extension SQLiteStore {
    /// Applies a retention policy in one transaction; see ``ArticleStore/prune(_:now:)``.
    public func prune(_ policy: RetentionPolicy, now: Date) async throws -> PruneResult {
        try await writing { db in
            try db.execute(sql: SQL.createPruned)
            try db.execute(sql: SQL.clearPruned)
            if let days = policy.maxAgeDays {
                let cutoff = now.addingTimeInterval(-Double(max(0, days)) * 86_400)
                try db.execute(sql: SQL.pruneByAge, arguments: [cutoff.storeMilliseconds])
            }
            if let keep = policy.maxArticlesPerSource {
                try db.execute(sql: SQL.pruneBySourceCount, arguments: [max(0, keep), max(0, keep)])
            }
            try db.execute(sql: SQL.deletePruned)
            let removed = db.changesCount
            let stories = try String.fetchAll(db, sql: SQL.prunedStories)
            try db.execute(sql: SQL.clearPruned)
            return PruneResult(articlesRemoved: removed, storiesRemoved: try Self.recount(stories: stories, db))
        }
    }
}
