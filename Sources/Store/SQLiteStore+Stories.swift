public import Foundation
import GRDB

extension SQLiteStore {
    static let upsertStory = SQL.upsert(table: "story", columns: StoryRecord.columns)

    /// The story with this id, if stored.
    public func story(id: String) async throws -> StoryRecord? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM story WHERE id = ?", arguments: [id]).map(StoryRecord.init(row:))
        }
    }

    /// At most `limit` stories matching `filter`, updated at or after `since`, newest first.
    ///
    /// A topic or region filter walks the `story_label_feed` index in feed order, so the cost is
    /// that of `limit` rows, not of every story carrying the label.
    public func stories(_ filter: StoryFilter, since: Date?, limit: Int) async throws -> [StoryRecord] {
        let since = since?.storeMilliseconds ?? Int64.min
        let limit = max(0, limit)
        let sql: String
        let arguments: StatementArguments
        switch filter {
        case .all:
            sql = "SELECT * FROM story WHERE updated >= ? ORDER BY updated DESC, id LIMIT ?"
            arguments = [since, limit]
        case .topic(let id), .region(let id):
            sql = """
                SELECT story.* FROM story_label JOIN story ON story.id = story_label.story_id
                WHERE story_label.kind = ? AND story_label.label_id = ? AND story_label.story_updated >= ?
                ORDER BY story_label.story_updated DESC, story_label.story_id LIMIT ?
                """
            arguments = [filter.labelKind, id, since, limit]
        }
        return try await reading { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(StoryRecord.init(row:))
        }
    }

    /// For every topic and region id: how many stories carry it.
    public func storyLabels() async throws -> (topics: [String: Int], regions: [String: Int]) {
        let counts = try await reading { db in
            try Row.fetchAll(db, sql: "SELECT kind, label_id, COUNT(*) AS stories FROM story_label GROUP BY kind, label_id")
                .map { row in (kind: row["kind"] as String, label: row["label_id"] as String, stories: row["stories"] as Int) }
        }
        var topics: [String: Int] = [:]
        var regions: [String: Int] = [:]
        for count in counts {
            if count.kind == StoryFilter.topicKind {
                topics[count.label] = count.stories
            } else {
                regions[count.label] = count.stories
            }
        }
        return (topics, regions)
    }

    /// Writes a story and replaces its rows in `story_label`.
    static func save(_ story: StoryRecord, _ db: Database) throws {
        try db.execute(sql: upsertStory, arguments: try story.databaseArguments())
        try db.execute(sql: "DELETE FROM story_label WHERE story_id = ?", arguments: [story.id])
        let labels = story.topics.map { (StoryFilter.topicKind, $0.id) } + story.regions.map { (StoryFilter.regionKind, $0.id) }
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO story_label (kind, label_id, story_id, story_updated) VALUES (?, ?, ?, ?)")
        for (kind, label) in labels {
            try statement.execute(arguments: [kind, label, story.id, story.updated.storeMilliseconds])
        }
    }
}

extension StoryFilter {
    /// `story_label.kind` of topics.
    static let topicKind = "topic"
    /// `story_label.kind` of regions.
    static let regionKind = "region"

    /// The `story_label.kind` this filter selects, `nil` for `.all`.
    var labelKind: String? {
        switch self {
        case .all: nil
        case .topic: Self.topicKind
        case .region: Self.regionKind
        }
    }
}
