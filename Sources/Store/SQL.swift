/// SQL text built from column lists.
enum SQL {
    /// `INSERT … ON CONFLICT (id) DO UPDATE` for every column but `id`: an upsert that updates
    /// the row in place (no delete, so no cascade fires).
    static func upsert(table: String, columns: [String]) -> String {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let updates = columns.filter { $0 != "id" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) ON CONFLICT (id) DO UPDATE SET \(updates)"
    }
}
