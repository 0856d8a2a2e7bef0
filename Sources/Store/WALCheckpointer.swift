import GRDB
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log into the database file on a connection of its own, beside the
/// writer, so that a commit never waits for a checkpoint's disk syncs.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold: it copies
/// the log into the file and syncs both, and a cold aggregation's commits spent a third of
/// their time there (about 200 ms every 25 sources, almost all of it in `fdatasync`). Here the
/// writer's log hook starts a passive checkpoint on another thread instead; passive
/// checkpoints never block the writer. The log restarts from its beginning only when a write
/// begins with every frame copied, which a background copy of a log that keeps growing never
/// achieves: so once the bulk is copied, the writer copies the few frames added meanwhile
/// itself, on its next commit, and the log is reused from the start after that.
final class WALCheckpointer: Sendable {
    /// Frames in the log that start a background copy.
    let start: Int32
    /// A background pass that copies at most this many new frames (an eighth of `start`) is
    /// the last one; the writer copies what was added after it.
    var finishBelow: Int32 { max(start / 8, 1) }

    private enum Phase {
        case idle
        case copying
        case copied
    }

    private let path: String
    private let phase = Mutex(Phase.idle)
    private let connection = Mutex<DatabaseQueue?>(nil)

    /// The default `start`: 8,000 frames, about 32 MB of log.
    static let defaultStart: Int32 = 8_000

    init(path: String, start: Int32 = defaultStart) {
        self.path = path
        self.start = start
    }

    /// Whether a background copy is under way.
    var isCopying: Bool { phase.withLock { $0 == .copying } }

    /// Installs the log hook on the writer's connection (replacing the automatic checkpoint).
    func install(on db: Database) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, _, frames in
                guard let context else { return SQLITE_OK }
                Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(frames: frames, connection: connection)
                return SQLITE_OK
            }, context)
    }

    /// Called by SQLite on the writer's thread after each commit, with the frames in the log.
    private func committed(frames: Int32, connection writer: OpaquePointer?) {
        let next: Phase? = phase.withLock { phase in
            switch phase {
            case .copying:
                return nil
            case .copied:
                phase = .idle
                return .copied
            case .idle:
                guard frames >= start else { return nil }
                phase = .copying
                return .copying
            }
        }
        switch next {
        case .copied:
            // The bulk was copied in the background: the rest is small, and once it is copied
            // the next write starts the log again from its beginning.
            sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        case .copying:
            if !copyInBackground() {
                // No second connection: copied here, as SQLite's own automatic checkpoint would.
                sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                phase.withLock { $0 = .idle }
            }
        default:
            break
        }
    }

    /// Starts a background copy; false when the checkpoint connection cannot be opened.
    private func copyInBackground() -> Bool {
        guard let queue = checkpointConnection() else { return false }
        queue.asyncWriteWithoutTransaction { [self] db in
            // The writer keeps adding frames meanwhile: another pass copies those, until a pass
            // finds few (at most three passes; the writer finishes what is left).
            var before = 0
            for _ in 0..<3 {
                guard let (_, copied) = try? db.checkpoint(.passive), copied - before > Int(finishBelow) else { break }
                before = copied
            }
            phase.withLock { $0 = .copied }
        }
        return true
    }

    private func checkpointConnection() -> DatabaseQueue? {
        connection.withLock { connection in
            if let connection { return connection }
            var configuration = Configuration()
            configuration.label = "tributary-store-checkpoint"
            configuration.busyMode = .immediateError
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            connection = try? DatabaseQueue(path: path, configuration: configuration)
            return connection
        }
    }
}
