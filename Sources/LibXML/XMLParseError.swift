internal import CLibXML2

/// A problem libxml2 (or our own limits) found in a document, with where it is.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        case warning, error, fatal
    }

    /// A stable identifier: libxml2's error number as `XML_ERR_<n>`, or one of ours.
    public var code: String
    /// libxml2's numeric code, when the problem came from libxml2.
    public var number: Int
    /// What is wrong, in one line.
    public var message: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// How serious it is.
    public var severity: Severity

    /// Creates an error value.
    public init(code: String, number: Int = 0, message: String, line: Int = 0, column: Int = 0, severity: Severity = .error) {
        self.code = code
        self.number = number
        self.message = message
        self.line = line
        self.column = column
        self.severity = severity
    }

    /// `line:column: severity: message` — the line a person reads.
    public var description: String {
        "\(line):\(column): \(severity.rawValue): \(message)"
    }

    /// Well-known codes raised by this module rather than by libxml2.
    public enum Code {
        /// An entity expands past the configured budget (e.g. a "billion laughs" document).
        public static let entityExpansionLimit = "EntityExpansionLimit"
        /// An entity the document uses without declaring it (an HTML entity such as `&nbsp;`,
        /// resolved, or an unknown one, kept as text).
        public static let undefinedEntity = "UndefinedEntity"
        /// Elements nested deeper than allowed.
        public static let depthLimit = "DepthLimit"
        /// The parser could not be created.
        public static let parserUnavailable = "ParserUnavailable"
    }
}

extension XMLParseError {
    /// Builds an error value from libxml2's structured error record.
    init(_ error: UnsafePointer<xmlError>) {
        let record = error.pointee
        let severity: Severity
        switch record.level {
        case XML_ERR_WARNING: severity = .warning
        case XML_ERR_FATAL: severity = .fatal
        default: severity = .error
        }
        var text = record.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        self.init(
            code: "XML_ERR_\(record.code)",
            number: Int(record.code),
            message: text,
            line: Int(record.line),
            column: Int(record.int2),
            severity: severity
        )
    }
}
