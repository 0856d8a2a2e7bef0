/// Everything the validator found in one document.
public struct ValidationReport: Sendable {
    /// The format recognised from the root element.
    public var format: FeedFormat
    /// The messages in document order (at most `FeedValidator.maximumMessages` of them).
    public var messages: [ValidationMessage]
    /// How many errors were found, including any not stored.
    public var errors: Int
    /// How many warnings were found, including any not stored.
    public var warnings: Int

    /// Creates a report.
    public init(format: FeedFormat, messages: [ValidationMessage], errors: Int, warnings: Int) {
        self.format = format
        self.messages = messages
        self.errors = errors
        self.warnings = warnings
    }

    /// True when there is no error (warnings and info allowed).
    public var valid: Bool { errors == 0 }

    /// Whether some message is `code` or one of its specialisations.
    public func contains(_ code: String) -> Bool { messages.contains { $0.isA(code) } }
}
