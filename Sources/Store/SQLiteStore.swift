public import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB, in WAL mode.
///
/// Opening creates the file and its parent folders, then applies the schema migrations. Readers
/// never block the writer; writes are `IMMEDIATE` transactions that wait up to
/// `busyTimeout` for another process's lock. A process killed at any point leaves the file
/// usable without repair: SQLite rolls an unfinished transaction back on the next open.
public final class SQLiteStore: ArticleStore {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let migrator: DatabaseMigrator
    /// Copies the log into the file beside the writer.
    let checkpointer: WALCheckpointer

    /// Opens (creating if needed) the store at `path`, waiting up to `busyTimeout` seconds for
    /// locks held by other processes.
    public convenience init(path: String, busyTimeout: TimeInterval = 10) throws {
        try self.init(path: path, busyTimeout: busyTimeout, migrator: StoreSchema.migrator())
    }

    /// Opens the store with a given migrator (tests add migrations to prove upgrades).
    /// `checkpointFrames` is the log size, in pages, that starts a background checkpoint.
    init(path: String, busyTimeout: TimeInterval, migrator: DatabaseMigrator, checkpointFrames: Int32 = WALCheckpointer.defaultStart) throws {
        self.path = path
        self.migrator = migrator
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(code: StoreError.Code.cannotOpen, message: "cannot create folder \(folder.path)", path: path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "tributary-store"
        let checkpointer = WALCheckpointer(path: path, start: checkpointFrames)
        self.checkpointer = checkpointer
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a killed process loses nothing it committed; a power cut may
            // roll back the last transactions but never corrupts the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The log is copied into the file beside the writer, not inside the commit that
            // fills it (replacing SQLite's automatic checkpoint; see `WALCheckpointer`).
            if !db.configuration.readonly { checkpointer.install(on: db) }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw StoreError(
                    code: StoreError.Code.newerSchema, message: "the file was written by a newer version of tributary", path: path)
            }
            try migrator.migrate(pool)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Runs `body` in a read transaction, turning failures into ``StoreError``.
    func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Runs `body` in one write transaction (all or nothing), turning failures into ``StoreError``.
    func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Checks the whole file (`PRAGMA integrity_check`) and its references
    /// (`PRAGMA foreign_key_check`): the problems found, none when the store is sound.
    public func integrityProblems() async throws -> [String] {
        try await reading { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let references = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "\(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) refers to a missing \(row[2] as String? ?? "?")"
            }
            return integrity + references
        }
    }

    /// The identifiers of the migrations applied to the file, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await reading { [migrator] db in try migrator.appliedMigrations(db) }
    }
}
