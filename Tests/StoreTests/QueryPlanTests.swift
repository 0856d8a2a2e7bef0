import GRDB
import Testing

@testable import Store

/// Every lookup the store makes is answered from an index, never a full scan.
@Suite("SQLiteStore: query plans")
struct QueryPlanTests {
    struct Lookup: Sendable, CustomTestStringConvertible {
        var name: String
        var sql: String
        /// The index the plan must use.
        var index: String
        /// Whether sorting outside the index is acceptable (small or already-narrow results).
        var mayUseTempBTree = false
        var testDescription: String { name }
    }

    static let lookups: [Lookup] = [
        Lookup(name: "dueSources", sql: SQL.dueSources, index: "source_due", mayUseTempBTree: true),
        Lookup(name: "articleByEntry", sql: SQL.articleByEntry, index: "article_entry"),
        Lookup(name: "articlesByContentHash", sql: SQL.articlesByContentHash, index: "article_content_hash"),
        Lookup(name: "articlesByCanonicalURL", sql: SQL.articlesByCanonicalURL, index: "article_canonical_url"),
        Lookup(name: "articlesByStory", sql: SQL.articlesByStory, index: "article_story"),
        Lookup(
            name: "articlesMatching (hashes and stories)",
            sql: SQL.articles(matching: ArticleKeys(contentHashes: ["h"], stories: ["s", "t"]), bodies: false),
            index: "article_story", mayUseTempBTree: true),
        Lookup(
            name: "articlesMatching (ids and hashes)", sql: SQL.articles(matching: ArticleKeys(ids: ["a", "b"], contentHashes: ["h"]), bodies: true),
            index: "article_content_hash", mayUseTempBTree: true),
        Lookup(name: "articlesSince", sql: SQL.articlesSince, index: "article_first_seen"),
        Lookup(name: "storyArticleCount", sql: SQL.storyArticleCount, index: "article_story"),
        Lookup(name: "stories", sql: SQL.stories, index: "story_updated"),
        Lookup(name: "storiesByLabel", sql: SQL.storiesByLabel, index: "story_updated"),
        Lookup(name: "deleteStoryLabels", sql: SQL.deleteStoryLabels, index: "PRIMARY KEY"),
        Lookup(name: "storiesOfSource", sql: SQL.storiesOfSource, index: "article_source_recent", mayUseTempBTree: true),
        Lookup(name: "pruneByAge", sql: SQL.pruneByAge, index: "article_first_seen"),
        Lookup(name: "pruneBySourceCount", sql: SQL.pruneBySourceCount, index: "article_source_recent"),
        Lookup(name: "sourceIDsWithArticles", sql: SQL.sourceIDsWithArticles, index: "article_source_recent"),
    ]

    @Test(arguments: lookups)
    func usesItsIndex(_ lookup: Lookup) async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.path("tributary.sqlite"))
        let plan = try await store.pool.write { db in
            try db.execute(sql: SQL.createPruned)
            // No statement has a literal question mark: each one is a parameter.
            let arguments = StatementArguments(Array(repeating: "1", count: lookup.sql.filter { $0 == "?" }.count))
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(lookup.sql)", arguments: arguments).map { $0["detail"] as String }
        }
        // An index by name, or the table's own key ("USING PRIMARY KEY (story_id=?)").
        let used = plan.contains { step in
            step.contains("INDEX \(lookup.index) ") || step.hasSuffix("INDEX \(lookup.index)") || step.contains("USING \(lookup.index) (")
        }
        #expect(used, "\(plan)")
        let fullScans = plan.filter { $0.hasPrefix("SCAN ") && !$0.contains(" INDEX ") && !$0.contains("subquery") }
        #expect(fullScans.isEmpty, "\(plan)")
        if !lookup.mayUseTempBTree {
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }

    /// The two reads of every label row, whole by design (publishing's one pass, and the count
    /// per label): they scan `story_label` itself, never another table, and the pass sorts nothing.
    @Test func labelReadsScanOnlyTheLabels() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.path("tributary.sqlite"))
        for (sql, sorts) in [(SQL.labelledStories, false), (SQL.storyLabels, true)] {
            let plan = try await store.pool.read { db in
                let arguments = StatementArguments(Array(repeating: "1", count: sql.filter { $0 == "?" }.count))
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
            }
            #expect(plan.filter { !$0.contains("TEMP B-TREE") } == ["SCAN story_label"], "\(plan)")
            if !sorts { #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)") }
        }
    }
}
