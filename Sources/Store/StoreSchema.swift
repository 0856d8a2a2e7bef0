import GRDB

/// The versioned schema of an SQLite store.
///
/// Migrations run in order, each once, in its own transaction, and are never edited after
/// release: a change of schema is a new migration appended to `migrations`. To add v5, append
/// for example
///
///     ("v5", { db in
///         try db.execute(sql: "ALTER TABLE article ADD COLUMN word_count INTEGER NOT NULL DEFAULT 0")
///     }),
///
/// and read the new column with a default where older rows lack it. A file migrated by a newer
/// build (an identifier this build does not know) is refused, never touched.
enum StoreSchema {
    /// A migration: its identifier and what it does.
    typealias Migration = (identifier: String, apply: @Sendable (Database) throws -> Void)

    /// Every migration of the released schema, oldest first.
    static let migrations: [Migration] = [
        ("v1", createVersion1),
        ("v2", createVersion2),
        ("v3", createVersion3),
        ("v4", dropFeedIndex),
    ]

    /// A migrator for `migrations` followed by `extra` (tests use it to prove an upgrade).
    static func migrator(extra: [Migration] = []) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations + extra {
            migrator.registerMigration(migration.identifier, migrate: migration.apply)
        }
        return migrator
    }

    /// v1: sources, stories with their label index, articles, snapshots.
    ///
    /// Dates are INTEGER milliseconds since 1970-01-01T00:00:00Z; lists are JSON text.
    private static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE source (
                    id TEXT NOT NULL PRIMARY KEY,
                    url TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT,
                    etag TEXT,
                    last_modified TEXT,
                    last_fetched INTEGER,
                    last_success INTEGER,
                    next_fetch INTEGER,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    retired INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX source_due ON source (retired, next_fetch, id);

                CREATE TABLE story (
                    id TEXT NOT NULL PRIMARY KEY,
                    first_seen INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    primary_article_id TEXT NOT NULL,
                    article_count INTEGER NOT NULL,
                    topics TEXT NOT NULL,
                    regions TEXT NOT NULL,
                    image TEXT,
                    digest TEXT NOT NULL
                );
                CREATE INDEX story_updated ON story (updated DESC, id);

                CREATE TABLE story_label (
                    kind TEXT NOT NULL CHECK (kind IN ('topic', 'region')),
                    label_id TEXT NOT NULL,
                    story_id TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
                    story_updated INTEGER NOT NULL,
                    PRIMARY KEY (kind, label_id, story_id)
                ) WITHOUT ROWID;
                CREATE INDEX story_label_feed ON story_label (kind, label_id, story_updated DESC, story_id);
                CREATE INDEX story_label_story ON story_label (story_id);

                CREATE TABLE article (
                    id TEXT NOT NULL PRIMARY KEY,
                    source_id TEXT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
                    entry_id TEXT,
                    url TEXT,
                    canonical_url TEXT,
                    title TEXT NOT NULL,
                    authors TEXT NOT NULL,
                    published INTEGER,
                    updated INTEGER,
                    first_seen INTEGER NOT NULL,
                    last_changed INTEGER NOT NULL,
                    language TEXT,
                    text TEXT NOT NULL,
                    html TEXT,
                    summary TEXT NOT NULL,
                    image TEXT,
                    topics TEXT NOT NULL,
                    regions TEXT NOT NULL,
                    countries TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    story_id TEXT NOT NULL REFERENCES story (id) DEFERRABLE INITIALLY DEFERRED,
                    duplicate_of TEXT
                );
                CREATE INDEX article_entry ON article (source_id, entry_id, first_seen, id);
                CREATE INDEX article_source_recent ON article (source_id, first_seen DESC, id DESC);
                CREATE INDEX article_content_hash ON article (content_hash, first_seen, id);
                CREATE INDEX article_canonical_url ON article (canonical_url, first_seen, id);
                CREATE INDEX article_story ON article (story_id, first_seen, id);
                CREATE INDEX article_first_seen ON article (first_seen, id);

                CREATE TABLE snapshot (
                    name TEXT NOT NULL PRIMARY KEY,
                    bytes BLOB NOT NULL
                );
                """)
    }

    /// v2: snapshots in numbered pieces, so that saving the clustering index (tens of
    /// megabytes) never holds it whole in memory; each v1 snapshot becomes its piece 0.
    private static func createVersion2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE snapshot_piece (
                    name TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    bytes BLOB NOT NULL,
                    PRIMARY KEY (name, seq)
                );
                INSERT INTO snapshot_piece (name, seq, bytes) SELECT name, 0, bytes FROM snapshot;
                DROP TABLE snapshot;
                """)
    }

    /// v3: a story's labels stored together, keyed by story first. Saving a story rewrites its
    /// labels; keyed by label they were scattered over the table and over an index by story,
    /// so each commit of a cold aggregation touched three pages per label (about half of the
    /// pages it wrote). The feed index stays: feeds read one label's stories, newest first.
    private static func createVersion3(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE story_label_v3 (
                    story_id TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('topic', 'region')),
                    label_id TEXT NOT NULL,
                    story_updated INTEGER NOT NULL,
                    PRIMARY KEY (story_id, kind, label_id)
                ) WITHOUT ROWID;
                INSERT INTO story_label_v3 (story_id, kind, label_id, story_updated)
                    SELECT story_id, kind, label_id, story_updated FROM story_label ORDER BY story_id, kind, label_id;
                DROP TABLE story_label;
                ALTER TABLE story_label_v3 RENAME TO story_label;
                CREATE INDEX story_label_feed ON story_label (kind, label_id, story_updated DESC, story_id);
                """)
    }

    /// v4: no index of labels in feed order. Its keys (label, then the story's update time) put
    /// each new label row on a page of its own: in a cold aggregation 113 of the 297 pages one
    /// source's transaction wrote (38%) were this index's. Publishing reads the labels of every
    /// story once instead (``SQLiteStore/newestStoryIDs(byLabelSince:limit:)``), and one
    /// label's feed walks the stories newest first (``SQL/storiesByLabel``).
    private static func dropFeedIndex(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS story_label_feed")
    }
}
