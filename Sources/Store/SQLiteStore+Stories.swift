public import Foundation
import GRDB

extension SQLiteStore {
    /// The story with this id, if stored.
    public func story(id: String) async throws -> StoryRecord? {
        try await reading { db in
            try Row.decodeFirst(try db.cachedStatement(sql: SQL.storyByID), arguments: [id], StoryRecord.init(row:))
        }
    }

    /// The stored stories among `ids`, ordered by id.
    public func stories(ids: [String]) async throws -> [StoryRecord] {
        try await reading { db in try Self.stories(ids: ids, in: db) }
    }

    /// The stored stories among `ids` and the articles (without bodies) of the stories among
    /// `memberStories`, in one read transaction: one trip to a reader connection, not two.
    public func stories(ids: [String], membersOf memberStories: [String]) async throws -> (stories: [StoryRecord], members: [ArticleRecord]) {
        try await reading { db in
            (try Self.stories(ids: ids, in: db), try Self.articles(matching: ArticleKeys(stories: memberStories), bodies: false, in: db))
        }
    }

    /// `stories(ids:)` inside a read: long lists in parts of `SQL.maximumListParameters`.
    static func stories(ids: [String], in db: Database) throws -> [StoryRecord] {
        var found: [StoryRecord] = []
        for part in ids.chunked(SQL.maximumListParameters) {
            let statement = try db.cachedStatement(sql: SQL.stories(ids: part.count))
            found += try Row.decodeAll(statement, arguments: StatementArguments(part), StoryRecord.init(row:))
        }
        return found.sorted { $0.id < $1.id }
    }

    /// At most `limit` stories matching `filter`, updated at or after `since`, newest first.
    ///
    /// A topic or region filter walks the stories newest first until `limit` of them carry the
    /// label: cheap for a label on many stories, a walk of the window for a rare one. To read
    /// every label's stories, ``newestStoryIDs(byLabelSince:limit:)`` reads the labels once.
    public func stories(_ filter: StoryFilter, since: Date?, limit: Int) async throws -> [StoryRecord] {
        let since = since?.storeMilliseconds ?? Int64.min
        let limit = max(0, limit)
        let sql: String
        let arguments: StatementArguments
        switch filter {
        case .all:
            sql = SQL.stories
            arguments = [since, limit]
        case .topic(let id), .region(let id):
            sql = SQL.storiesByLabel
            arguments = [since, filter.labelKind, id, limit]
        }
        return try await reading { db in
            try Row.decodeAll(try db.cachedStatement(sql: sql), arguments: arguments, StoryRecord.init(row:))
        }
    }

    /// For every topic and region carried by a story updated at or after `since` (any when
    /// `nil`): the ids of its newest `limit` such stories, newest first (`updated` descending,
    /// then id ascending), as ``stories(_:since:limit:)`` orders them. One read of the label
    /// rows, in key order; each label holds at most twice `limit` ids at any moment.
    public func newestStoryIDs(byLabelSince since: Date?, limit: Int) async throws -> [StoryFilter: [String]] {
        let since = since?.storeMilliseconds ?? Int64.min
        let limit = max(0, limit)
        guard limit > 0 else { return [:] }
        let newest = try await reading { db in
            var newest: [StoryFilter: NewestStories] = [:]
            let rows = try Row.fetchCursor(try db.cachedStatement(sql: SQL.labelledStories), arguments: [since])
            while let row = try rows.next() {
                let label: String = row[1]
                let filter: StoryFilter = (row[0] as String) == StoryFilter.topicKind ? .topic(label) : .region(label)
                newest[filter, default: NewestStories(limit: limit)].add(id: row[2], updated: row[3])
            }
            return newest
        }
        return newest.mapValues { $0.ids }
    }

    /// For every topic and region id: how many stories carry it.
    public func storyLabels() async throws -> (topics: [String: Int], regions: [String: Int]) {
        let counts = try await reading { db in
            try Row.decodeAll(try db.cachedStatement(sql: SQL.storyLabels)) { row in
                (kind: row["kind"] as String, label: row["label_id"] as String, stories: row["stories"] as Int)
            }
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
        // Cached statements: a run saves thousands of stories, and SQLite's compiler showed in
        // the profile of a cold run when these were compiled each time.
        try db.cachedStatement(sql: SQL.upsertStory).execute(arguments: try story.databaseArguments())
        try db.cachedStatement(sql: SQL.deleteStoryLabels).execute(arguments: [story.id])
        let labels = story.topics.map { (StoryFilter.topicKind, $0.id) } + story.regions.map { (StoryFilter.regionKind, $0.id) }
        let statement = try db.cachedStatement(sql: SQL.insertStoryLabel)
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

/// The newest `limit` of the stories offered, by `updated` descending then id ascending,
/// holding at most twice `limit` between sorts.
struct NewestStories {
    let limit: Int
    private var offered: [(updated: Int64, id: String)] = []

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(id: String, updated: Int64) {
        offered.append((updated, id))
        if offered.count >= 2 * limit { keepNewest() }
    }

    /// The kept ids, newest first.
    var ids: [String] {
        var copy = self
        copy.keepNewest()
        return copy.offered.map(\.id)
    }

    private mutating func keepNewest() {
        offered.sort { $0.updated == $1.updated ? $0.id < $1.id : $0.updated > $1.updated }
        if offered.count > limit { offered.removeLast(offered.count - limit) }
    }
}
