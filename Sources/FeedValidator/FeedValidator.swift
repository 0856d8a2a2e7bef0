public import LibXML

/// Checks feed documents (Atom 1.0, RSS 2.0, RSS 1.0 and common extensions) in one streaming
/// pass and reports problems with the W3C Feed Validation Service's message identifiers.
///
/// ```swift
/// let report = FeedValidator().validate(bytes: Array(data))
/// for message in report.messages { print(message) }
/// ```
public struct FeedValidator: Sendable {
    /// The most messages kept in a report (later ones are still counted).
    public var maximumMessages: Int
    /// How the XML parser treats the document (safe defaults).
    public var parseOptions: XMLParseOptions

    /// Creates a validator.
    public init(maximumMessages: Int = 1_000, parseOptions: XMLParseOptions = XMLParseOptions()) {
        self.maximumMessages = maximumMessages
        self.parseOptions = parseOptions
    }

    /// Validates one document.
    /// - Parameters:
    ///   - bytes: the document as read or received.
    ///   - contentType: the HTTP `Content-Type` it was served with, or nil for a file.
    ///   - baseURL: where the document lives (for the self link and relative references).
    public func validate(bytes: [UInt8], contentType: String? = nil, baseURL: String? = nil) -> ValidationReport {
        var prelude: [ValidationMessage] = []
        let utf8 = DocumentEncoding.utf8(bytes, contentType: contentType, messages: &prelude)
        return utf8.withUnsafeBufferPointer { buffer in
            let run = ValidationRun(bytes: buffer, baseURL: baseURL, maximumMessages: maximumMessages)
            for message in prelude {
                run.report(message.code, message.message, line: message.line, column: message.column, element: "", parent: "")
            }
            let parser = XMLStreamParser(handler: run, options: parseOptions)
            run.parser = parser
            parser.feed(UnsafeRawBufferPointer(buffer))
            parser.finish()
            run.parser = nil
            for name in parser.entityNames.sorted().prefix(20) where !run.declaresHTMLEntities {
                let (line, column) = Self.firstReference(to: name, in: buffer)
                run.report(
                    "UndefinedNamedEntity", "&\(name); is not an XML entity (only &amp; &lt; &gt; &quot; &apos; are); use &#160; style numbers",
                    line: line, column: column, element: "", parent: "")
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) && run.messages.isEmpty {
                run.report("SAXError", "the document is empty", line: 1, column: 1, element: "", parent: "")
            }
            if let contentType { ContentTypeCheck.check(contentType, format: run.format, run: run) }
            var messages = run.messages
            messages.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            return ValidationReport(format: run.format, messages: messages, errors: run.errors, warnings: run.warnings)
        }
    }

    /// Line and column of the first `&name;` in the document (1, 1 when not found).
    static func firstReference(to name: String, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let needle = Array("&\(name);".utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        while index + needle.count <= bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            } else if byte == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return (line, index - lineStart + 1)
            }
            index += 1
        }
        return (1, 1)
    }
}
