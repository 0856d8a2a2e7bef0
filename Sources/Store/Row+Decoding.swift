import GRDB

extension Row {
    /// Every row `statement` selects, each decoded by `decode` while the statement stands on it.
    ///
    /// No row is copied: `Row.fetchAll` makes a `DatabaseValue` of every column of every row,
    /// and reading a copied row by column name lower-cases the column names on each access
    /// (a 22-column article row read by name lower-cased about 250 strings). Here a name is
    /// looked up in the statement's table and a value is read straight from SQLite.
    static func decodeAll<Record>(
        _ statement: Statement, arguments: StatementArguments = StatementArguments(), _ decode: (Row) throws -> Record
    ) throws -> [Record] {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var records: [Record] = []
        while let row = try rows.next() { records.append(try decode(row)) }
        return records
    }

    /// The first row `statement` selects, decoded by `decode`, or nil when it selects none.
    static func decodeFirst<Record>(
        _ statement: Statement, arguments: StatementArguments = StatementArguments(), _ decode: (Row) throws -> Record
    ) throws -> Record? {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        return try rows.next().map(decode)
    }
}
