/// Every statement an ``SQLiteStore`` runs, in one place: the map for another backend, and what
/// the tests check against `EXPLAIN QUERY PLAN` (each lookup uses an index, no full scan).
enum SQL {
    /// `INSERT … ON CONFLICT (id) DO UPDATE` for every column but `id`: an upsert that updates
    /// the row in place (no delete, so no cascade fires).
    static func upsert(table: String, columns: [String]) -> String {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let updates = columns.filter { $0 != "id" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) ON CONFLICT (id) DO UPDATE SET \(updates)"
    }

    // MARK: Sources

    static let upsertSource = upsert(table: "source", columns: SourceRecord.columns)
    static let sources = "SELECT * FROM source ORDER BY id"
    static let sourceByID = "SELECT * FROM source WHERE id = ?"
    /// Arguments: now. `nil` sorts first explicitly (PostgreSQL sorts NULL last by default).
    static let dueSources = """
        SELECT * FROM source WHERE retired = 0 AND (next_fetch IS NULL OR next_fetch <= ?)
        ORDER BY next_fetch IS NOT NULL, next_fetch, id
        """
    static let storiesOfSource = "SELECT DISTINCT story_id FROM article WHERE source_id = ?"
    static let deleteArticlesOfSource = "DELETE FROM article WHERE source_id = ?"
    static let deleteSource = "DELETE FROM source WHERE id = ?"

    // MARK: Articles

    static let upsertArticle = upsert(table: "article", columns: ArticleRecord.columns)
    static let articleByID = "SELECT * FROM article WHERE id = ?"
    static let articleByEntry = "SELECT * FROM article WHERE source_id = ? AND entry_id = ? ORDER BY first_seen, id LIMIT 1"
    static let articlesByContentHash = "SELECT * FROM article WHERE content_hash = ? ORDER BY first_seen, id"
    static let articlesByCanonicalURL = "SELECT * FROM article WHERE canonical_url = ? ORDER BY first_seen, id"
    static let articlesByStory = "SELECT * FROM article WHERE story_id = ? ORDER BY first_seen, id"
    static let articlesSince = "SELECT * FROM article WHERE first_seen >= ? ORDER BY first_seen, id"
    static let articleCount = "SELECT COUNT(*) FROM article"
    static let articleIDs = "SELECT id FROM article"
    /// Read from the `article_source_recent` index, one step per source.
    static let sourceIDsWithArticles = "SELECT DISTINCT source_id FROM article"
    /// The most values one batch read binds (SQLite's own limit is far higher; this keeps
    /// statements small and cacheable).
    static let maximumListParameters = 500
    /// Every column, or every column but `text` and `html` (read as `''` and `NULL`).
    static func articleColumns(bodies: Bool) -> String {
        bodies ? "*" : ArticleRecord.columns.map { $0 == "text" ? "'' AS text" : $0 == "html" ? "NULL AS html" : $0 }.joined(separator: ", ")
    }
    /// A batch read; arguments: the ids, then the content hashes, then the story ids.
    static func articles(matching keys: ArticleKeys, bodies: Bool) -> String {
        func list(_ column: String, _ count: Int) -> String? {
            count == 0 ? nil : "\(column) IN (\(Array(repeating: "?", count: count).joined(separator: ", ")))"
        }
        let conditions = [list("id", keys.ids.count), list("content_hash", keys.contentHashes.count), list("story_id", keys.stories.count)]
        return
            "SELECT \(articleColumns(bodies: bodies)) FROM article WHERE \(conditions.compactMap { $0 }.joined(separator: " OR ")) ORDER BY first_seen, id"
    }
    static let storyArticleCount = "SELECT COUNT(*) FROM article WHERE story_id = ?"

    // MARK: Stories

    static let upsertStory = upsert(table: "story", columns: StoryRecord.columns)
    static let storyByID = "SELECT * FROM story WHERE id = ?"
    /// Arguments: the ids.
    static func stories(ids count: Int) -> String {
        "SELECT * FROM story WHERE id IN (\(Array(repeating: "?", count: count).joined(separator: ", "))) ORDER BY id"
    }
    static let deleteStory = "DELETE FROM story WHERE id = ?"
    static let setArticleCount = "UPDATE story SET article_count = ? WHERE id = ?"
    static let deleteStoryLabels = "DELETE FROM story_label WHERE story_id = ?"
    static let insertStoryLabel = "INSERT OR IGNORE INTO story_label (kind, label_id, story_id, story_updated) VALUES (?, ?, ?, ?)"
    /// Arguments: since, limit.
    static let stories = "SELECT * FROM story WHERE updated >= ? ORDER BY updated DESC, id LIMIT ?"
    /// Arguments: since, kind, label id, limit. Walks `story_updated` newest first and looks
    /// each story's label up by the key of `story_label`, until `limit` stories carry it: one
    /// feed on demand (`generate`); publishing every feed reads `labelledStories` once instead.
    static let storiesByLabel = """
        SELECT story.* FROM story
        WHERE story.updated >= ? AND EXISTS (
            SELECT 1 FROM story_label WHERE story_label.story_id = story.id AND story_label.kind = ? AND story_label.label_id = ?)
        ORDER BY story.updated DESC, story.id LIMIT ?
        """
    /// Arguments: since. Every label row of the stories updated since then, in key order: read
    /// whole, by design (publishing groups them by label in one pass).
    static let labelledStories = "SELECT kind, label_id, story_id, story_updated FROM story_label WHERE story_updated >= ?"
    /// Read whole, by design: how many stories each label has.
    static let storyLabels = "SELECT kind, label_id, COUNT(*) AS stories FROM story_label GROUP BY kind, label_id"

    // MARK: Snapshots

    static let snapshotSize = "SELECT SUM(length(bytes)) FROM snapshot_piece WHERE name = ?"
    static let snapshotPieces = "SELECT bytes FROM snapshot_piece WHERE name = ? ORDER BY seq"
    static let deleteSnapshot = "DELETE FROM snapshot_piece WHERE name = ?"
    static let saveSnapshotPiece = "INSERT INTO snapshot_piece (name, seq, bytes) VALUES (?, ?, ?)"

    // MARK: Retention

    static let createPruned = "CREATE TEMP TABLE IF NOT EXISTS pruned (id TEXT NOT NULL PRIMARY KEY, story_id TEXT NOT NULL)"
    static let clearPruned = "DELETE FROM pruned"
    /// Arguments: the cut-off time.
    static let pruneByAge = "INSERT OR IGNORE INTO pruned SELECT id, story_id FROM article WHERE first_seen < ?"
    /// Arguments: how many to keep per source, twice. Only sources over the limit are ranked:
    /// counting reads the covering index alone, while ranking reads every article row (a fifth
    /// of a second for 20,000 articles).
    static let pruneBySourceCount = """
        INSERT OR IGNORE INTO pruned SELECT id, story_id FROM (
            SELECT id, story_id, ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY first_seen DESC, id DESC) AS rank
            FROM article
            WHERE source_id IN (SELECT source_id FROM article GROUP BY source_id HAVING COUNT(*) > ?)
        ) WHERE rank > ?
        """
    static let deletePruned = "DELETE FROM article WHERE id IN (SELECT id FROM pruned)"
    static let prunedStories = "SELECT DISTINCT story_id FROM pruned ORDER BY story_id"
}
