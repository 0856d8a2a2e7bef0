public import Foundation
import GRDB

extension SQLiteStore {
    /// Applies a retention policy in one transaction; see ``ArticleStore/prune(_:now:)``.
    public func prune(_ policy: RetentionPolicy, now: Date) async throws -> PruneResult {
        try await writing { db in
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS pruned (id TEXT NOT NULL PRIMARY KEY, story_id TEXT NOT NULL)")
            try db.execute(sql: "DELETE FROM pruned")
            if let days = policy.maxAgeDays {
                let cutoff = now.addingTimeInterval(-Double(max(0, days)) * 86_400)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO pruned SELECT id, story_id FROM article WHERE first_seen < ?",
                    arguments: [cutoff.storeMilliseconds])
            }
            if let keep = policy.maxArticlesPerSource {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO pruned SELECT id, story_id FROM (
                            SELECT id, story_id,
                                   ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY first_seen DESC, id DESC) AS rank
                            FROM article
                        ) WHERE rank > ?
                        """,
                    arguments: [max(0, keep)])
            }
            try db.execute(sql: "DELETE FROM article WHERE id IN (SELECT id FROM pruned)")
            let removed = db.changesCount
            let stories = try String.fetchAll(db, sql: "SELECT DISTINCT story_id FROM pruned ORDER BY story_id")
            try db.execute(sql: "DELETE FROM pruned")
            return PruneResult(articlesRemoved: removed, storiesRemoved: try Self.recount(stories: stories, db))
        }
    }
}
