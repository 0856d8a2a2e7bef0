import GRDB

extension SQLiteStore {
    /// The ``StoreError`` for any failure of a store operation on `path`.
    static func storeError(_ error: any Error, path: String) -> any Error {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError:
            return StoreError(error, path: path)
        case let error as StoredValueError:
            return StoreError(code: StoreError.Code.badValue, message: "\(error.column) holds an unreadable value", path: path)
        default:
            return error
        }
    }
}

extension StoreError {
    /// Wraps an SQLite failure, keeping SQLite's one-line message.
    init(_ error: DatabaseError, path: String) {
        let code: String
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: code = Code.busy
        case .SQLITE_CORRUPT: code = Code.corrupt
        case .SQLITE_NOTADB: code = Code.notADatabase
        case .SQLITE_CONSTRAINT: code = Code.constraint
        case .SQLITE_CANTOPEN: code = Code.cannotOpen
        case .SQLITE_READONLY, .SQLITE_PERM: code = Code.readOnly
        case .SQLITE_FULL: code = Code.full
        case .SQLITE_IOERR: code = Code.io
        default: code = Code.database
        }
        let message = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
        self.init(code: code, message: message, path: path, sqliteCode: Int(error.extendedResultCode.rawValue))
    }
}
