/// One problem (or piece of advice) found in a feed document, where it is and what it concerns.
public struct ValidationMessage: Sendable, Hashable, CustomStringConvertible {
    /// How much a message matters.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Advice that does not count as an error or a warning.
        case info
        /// A best-practice problem; the feed is still valid.
        case warning
        /// A violation of the specification; the feed is invalid.
        case error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        /// Orders info before warning before error.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Error, warning or info (from the identifier, per `message-codes.tsv`).
    public var severity: Severity
    /// The W3C Feed Validation Service identifier, e.g. `InvalidRFC3339Date`.
    public var code: String
    /// One plain-English sentence saying what is wrong.
    public var message: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// The element concerned, as written (`updated`, `dc:date`), or empty.
    public var element: String
    /// Its parent element, or empty.
    public var parent: String

    /// Creates a message; the severity comes from the catalog.
    public init(code: String, message: String, line: Int, column: Int, element: String = "", parent: String = "") {
        self.severity = MessageCatalog.severity(of: code)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.element = element
        self.parent = parent
    }

    /// `line:column: severity: Code: message`.
    public var description: String {
        "\(line):\(column): \(severity.rawValue): \(code): \(message)"
    }

    /// Whether this message is `code` or a specialisation of it.
    public func isA(_ code: String) -> Bool { MessageCatalog.code(self.code, isA: code) }
}
