import Foundation
import GRDB
import Testing

@testable import Store

@Suite("SQLiteStore: the file, migrations and errors")
struct SQLiteStoreTests {
    @Test func opensANewFileInFoldersItCreatesInWALModeAtTheLatestVersion() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("a/b/c/tributary.sqlite")
        let store = try SQLiteStore(path: path)
        #expect(store.path == path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try await store.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        #expect(try await store.integrityProblems().isEmpty)
        let mode = try await DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func reopeningAFileKeepsEverythingAndRunsNoMigrationAgain() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            try await ArticleBehaviourTests.seed(store)
            try await store.saveIndex(named: "clusters", [7, 8, 9])
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        #expect(try await reopened.articleCount() == 5)
        #expect(try await reopened.source(id: "s2") == Sample.source("s2"))
        #expect(try await reopened.article(id: "a1") == Sample.article("a1", firstSeen: Sample.date(10), contentHash: "same"))
        #expect(try await reopened.loadIndex(named: "clusters") == [7, 8, 9])
    }

    @Test func aLaterMigrationUpgradesAnExistingFileKeepingItsData() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        do {
            try await ArticleBehaviourTests.seed(SQLiteStore(path: path))
        }
        let later: StoreSchema.Migration = (
            "v99", { db in try db.execute(sql: "ALTER TABLE article ADD COLUMN word_count INTEGER NOT NULL DEFAULT 0") }
        )
        let upgraded = try SQLiteStore(path: path, busyTimeout: 5, migrator: StoreSchema.migrator(extra: [later]))
        #expect(try await upgraded.appliedMigrations() == ["v1", "v2", "v3", "v4", "v99"])
        #expect(try await upgraded.articleCount() == 5)
        #expect(try await upgraded.article(id: "b1")?.entryID == "shared-entry")
        let columns = try await upgraded.pool.read { db in try db.columns(in: "article").map(\.name) }
        #expect(columns.last == "word_count")

        // This build's migrator does not know v99: the file is refused, not touched.
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error.code == StoreError.Code.newerSchema)
        #expect(error.description == "store \(path): the file was written by a newer version of tributary")
        #expect(try await upgraded.articleCount() == 5)
    }

    @Test func aVersion1FileKeepsItsSnapshotsThroughTheUpgradeToPieces() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        let index = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        do {
            var version1 = DatabaseMigrator()
            version1.registerMigration(StoreSchema.migrations[0].identifier, migrate: StoreSchema.migrations[0].apply)
            let queue = try DatabaseQueue(path: path)
            try version1.migrate(queue)
            try await queue.write { db in
                try db.execute(
                    sql: "INSERT INTO snapshot (name, bytes) VALUES (?, ?), (?, ?)", arguments: ["clusters", Data(index), "empty", Data()])
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        #expect(try await store.loadIndex(named: "clusters") == index)
        #expect(try await store.loadIndex(named: "empty") == [])
        #expect(try await store.loadIndex(named: "other") == nil)
        let tables = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'snapshot%'")
        }
        #expect(tables == ["snapshot_piece"])
    }

    @Test func aVersion2FileKeepsItsStoryLabelsThroughTheUpgradeToLabelsByStory() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        do {
            var version2 = DatabaseMigrator()
            for migration in StoreSchema.migrations.prefix(2) { version2.registerMigration(migration.identifier, migrate: migration.apply) }
            let store = try SQLiteStore(path: path, busyTimeout: 5, migrator: version2)
            #expect(try await store.appliedMigrations() == ["v1", "v2"])
            try await StoryBehaviourTests.commit(
                [
                    Sample.story("cuba", updated: Sample.date(30), topics: ["diplomacy"], regions: ["americas", "cu"]),
                    Sample.story("haiti", updated: Sample.date(20), topics: ["health"], regions: ["americas", "ht"]),
                ], to: store)
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        #expect(try await store.integrityProblems().isEmpty)
        #expect(try await store.stories(.region("americas"), since: nil, limit: 10).map(\.id) == ["cuba", "haiti"])
        #expect(try await store.stories(.topic("health"), since: nil, limit: 10).map(\.id) == ["haiti"])
        #expect(try await store.newestStoryIDs(byLabelSince: nil, limit: 10)[.region("americas")] == ["cuba", "haiti"])
        let labels = try await store.storyLabels()
        #expect(labels.topics == ["diplomacy": 1, "health": 1])
        #expect(labels.regions == ["americas": 2, "cu": 1, "ht": 1])
        // Keyed by story first now, and the index by story is gone with the old table.
        let key = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "PRAGMA index_info(sqlite_autoindex_story_label_1)").map { $0["name"] as String }
        }
        #expect(key == ["story_id", "kind", "label_id"])
        let indexes = try await store.pool.read { db in try db.indexes(on: "story_label").map(\.name).sorted() }
        // v4 drops the index in feed order that v3 made.
        #expect(indexes == ["sqlite_autoindex_story_label_1"])
        // A story saved again has its labels replaced.
        try await StoryBehaviourTests.commit([Sample.story("cuba", updated: Sample.date(40), topics: ["sport"], regions: ["cu"])], to: store)
        #expect(try await store.stories(.region("americas"), since: nil, limit: 10).map(\.id) == ["haiti"])
        #expect(try await store.stories(.topic("sport"), since: nil, limit: 10).map(\.id) == ["cuba"])
    }

    @Test func theLogIsCopiedIntoTheFileBesideTheWriterAndReusedFromItsStart() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        // A checkpoint after every 20 pages of log: the commits below start many.
        let store = try SQLiteStore(path: path, busyTimeout: 5, migrator: StoreSchema.migrator(), checkpointFrames: 20)
        let text = String(repeating: "A paragraph of news text. ", count: 200)
        let deadline = Date().addingTimeInterval(30)
        for batch in 0..<300 {
            let articles = (0..<4).map { index in
                var article = Sample.article("a\(batch)-\(index)", story: "s\(batch)")
                article.text = text
                return article
            }
            try await store.commit(SourceUpdate(source: Sample.source("s1"), articles: articles, stories: [Sample.story("s\(batch)")]))
            // A loaded machine can starve the copying thread while the writer goes on, and the
            // log then grows past the file: each copy is let finish, so what is measured is
            // whether the log is copied and restarted, not how fast.
            while store.checkpointer.isCopying && Date() < deadline { try await Task.sleep(for: .milliseconds(1)) }
        }
        // Every page of the file came through the log: a log never copied, or never started
        // again from its beginning, would hold every page written, rewritten ones again, and be
        // larger than the file. Copied and restarted, it holds a few commits' pages.
        let log = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        let file = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(file > 4_000_000, "file of \(file) bytes")
        #expect(log > 0 && log < file / 4, "log of \(log) bytes, file of \(file)")
        #expect(try await store.articleCount() == 1200)
        #expect(try await store.integrityProblems().isEmpty)
    }

    @Test func aLargeSnapshotIsStoredInRowsOfAtMostOnePiece() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.path("tributary.sqlite"))
        let size = SQLiteStore.snapshotPieceSize
        try await store.saveIndex(named: "clusters", [UInt8](repeating: 1, count: 2 * size + 10))
        try await store.saveIndex(named: "small", [2, 3])
        let rows = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, seq, length(bytes) AS size FROM snapshot_piece ORDER BY name, seq").map {
                "\($0["name"] as String) \($0["seq"] as Int) \($0["size"] as Int)"
            }
        }
        #expect(rows == ["clusters 0 \(size)", "clusters 1 \(size)", "clusters 2 10", "small 0 2"])
        // Replaced by a shorter one: no rows of the longer one are left behind.
        try await store.saveIndex(named: "clusters", [5])
        let left = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshot_piece WHERE name = 'clusters'") }
        #expect(left == 1)
        #expect(try await store.loadIndex(named: "clusters") == [5])
    }

    @Test func aFileOfJunkIsAStoreErrorNamingThePath() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        let junk = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 13) })
        try junk.write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error.code == StoreError.Code.notADatabase)
        #expect(error.path == path)
        #expect(error.sqliteCode == 26)
        #expect(error.description == "store \(path): file is not a database")
    }

    @Test func aFolderWhereTheFileShouldBeIsAStoreError() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error.code == StoreError.Code.cannotOpen)
        #expect(error.description.hasPrefix("store \(path): "))
    }

    @Test func aDamagedValueIsAStoreErrorNotACrash() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        let store = try SQLiteStore(path: path)
        try await ArticleBehaviourTests.seed(store)
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE article SET authors = '[\"unclosed' WHERE id = 'a2'") }
        let error = try await #require(throws: StoreError.self) { try await store.article(id: "a2") }
        #expect(error.code == StoreError.Code.badValue)
        #expect(error.description == "store \(path): article.authors holds an unreadable value")
        #expect(try await store.article(id: "a1") != nil)
    }

    @Test func aLockHeldPastTheBusyTimeoutIsAStoreErrorAndAShorterOneIsWaitedFor() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        let impatient = try SQLiteStore(path: path, busyTimeout: 0.05)
        let patient = try SQLiteStore(path: path, busyTimeout: 30)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }

        let error = try await #require(throws: StoreError.self) { try await impatient.saveSource(Sample.source("s1")) }
        #expect(error.code == StoreError.Code.busy)
        #expect(error.description == "store \(path): database is locked")

        let waiting = Task { try await patient.saveSource(Sample.source("s1")) }
        try await Task.sleep(for: .milliseconds(100))
        try other.inDatabase { db in try db.execute(sql: "COMMIT") }
        try await waiting.value
        #expect(try await impatient.source(id: "s1") == Sample.source("s1"))
    }
}
