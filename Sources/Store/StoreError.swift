/// A store operation that failed, with the store it concerns.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier, one of ``Code``.
    public var code: String
    /// What went wrong, in one line (SQLite's own message when it came from SQLite).
    public var message: String
    /// The database file, or `memory` for an ``InMemoryStore``.
    public var path: String
    /// SQLite's extended result code, when the failure came from SQLite; otherwise 0.
    public var sqliteCode: Int

    /// Creates an error value.
    public init(code: String, message: String, path: String, sqliteCode: Int = 0) {
        self.code = code
        self.message = message
        self.path = path
        self.sqliteCode = sqliteCode
    }

    /// `store PATH: message` — the line a person reads.
    public var description: String {
        "store \(path): \(message)"
    }

    /// The stable codes.
    public enum Code {
        /// Another connection holds the lock past the busy timeout.
        public static let busy = "busy"
        /// The file is damaged.
        public static let corrupt = "corrupt"
        /// The file is not an SQLite database.
        public static let notADatabase = "notADatabase"
        /// A key, reference or check constraint failed (e.g. an article's story does not exist).
        public static let constraint = "constraint"
        /// The file or its folder cannot be opened or created.
        public static let cannotOpen = "cannotOpen"
        /// The file or its folder is read-only.
        public static let readOnly = "readOnly"
        /// The disk is full.
        public static let full = "full"
        /// An input/output error.
        public static let io = "io"
        /// The file was migrated by a newer version of Tributary than this one.
        public static let newerSchema = "newerSchema"
        /// A stored value could not be decoded.
        public static let badValue = "badValue"
        /// Any other SQLite failure.
        public static let database = "database"
    }
}
