import Foundation
import GRDB

extension SourceRecord {
    /// Columns of the `source` table, in the order of `databaseArguments`.
    static let columns = [
        "id", "url", "kind", "title", "etag", "last_modified", "last_fetched", "last_success", "next_fetch",
        "consecutive_failures", "last_error", "retired",
    ]

    /// Reads a `source` row.
    init(row: Row) throws {
        guard let kind = SourceKind(rawValue: row["kind"]) else { throw StoredValueError(column: "source.kind") }
        self.init(
            id: row["id"],
            url: row["url"],
            kind: kind,
            title: row["title"],
            etag: row["etag"],
            lastModified: row["last_modified"],
            lastFetched: (row["last_fetched"] as Int64?).map(Date.init(storeMilliseconds:)),
            lastSuccess: (row["last_success"] as Int64?).map(Date.init(storeMilliseconds:)),
            nextFetch: (row["next_fetch"] as Int64?).map(Date.init(storeMilliseconds:)),
            consecutiveFailures: row["consecutive_failures"],
            lastError: row["last_error"],
            retired: row["retired"]
        )
    }

    /// The values of `columns`.
    var databaseArguments: StatementArguments {
        [
            id, url, kind.rawValue, title, etag, lastModified, lastFetched?.storeMilliseconds, lastSuccess?.storeMilliseconds,
            nextFetch?.storeMilliseconds, consecutiveFailures, lastError, retired,
        ]
    }
}
