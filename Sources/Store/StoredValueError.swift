/// A stored column whose value cannot be decoded (e.g. JSON text damaged by hand).
struct StoredValueError: Error {
    /// `table.column`.
    var column: String
}
