/// What the validator knows of each message identifier: its severity and its ancestors in the
/// W3C validator's class hierarchy (`InvalidRFC3339Date` is an `InvalidValue`, which is an `Error`).
public enum MessageCatalog {
    /// The severity of `code`; unknown identifiers are errors.
    public static func severity(of code: String) -> ValidationMessage.Severity {
        table[code]?.severity ?? .error
    }

    /// Whether `code` is `ancestor` or specialises it, following the bases transitively.
    public static func code(_ code: String, isA ancestor: String) -> Bool {
        if code == ancestor { return true }
        guard let bases = table[code]?.bases else { return false }
        return bases.contains { self.code($0, isA: ancestor) }
    }

    /// Whether the catalog defines `code`.
    public static func contains(_ code: String) -> Bool { table[code] != nil }
}
