internal import CLibXML2

/// A parsed XML or HTML document. It owns libxml2's tree and frees it when the last reference
/// goes; nodes hold their document strongly, so a node never outlives its tree.
public final class MarkupDocument {
    /// Which grammar parsed the document.
    public enum Kind: Sendable { case xml, html }

    let pointer: xmlDocPtr
    /// Which grammar parsed the document.
    public let kind: Kind
    /// The problems found while parsing (empty for a clean document).
    public let problems: [XMLParseError]

    init(pointer: xmlDocPtr, kind: Kind, problems: [XMLParseError]) {
        self.pointer = pointer
        self.kind = kind
        self.problems = problems
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element, if the document has one.
    public var root: MarkupNode? {
        xmlDocGetRootElement(pointer).map { MarkupNode(document: self, pointer: $0) }
    }

    /// Parses XML (UTF-8 unless `encoding` names another) into a tree. With `recover` (default)
    /// a broken document still gives what could be read, and every problem is in `problems`.
    /// No network, no DTD loading, no entity substitution; depth bounded by libxml2.
    public static func parseXML(_ bytes: [UInt8], encoding: String? = "UTF-8", baseURL: String? = nil, recover: Bool = true) throws(XMLParseError)
        -> MarkupDocument
    {
        LibXMLRuntime.ensureInitialized()
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(code: XMLParseError.Code.parserUnavailable, message: "libxml2 could not create a parser", severity: .fatal)
        }
        defer { xmlFreeParserCtxt(context) }
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        if recover { options |= Int32(XML_PARSE_RECOVER.rawValue) }
        if encoding != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        let collector = ProblemCollector()
        let document: xmlDocPtr? = collector.collect(from: context) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), baseURL, encoding, options)
                }
            }
        }
        guard let document else {
            throw collector.problems.first { $0.severity != .warning }
                ?? XMLParseError(code: "XML_ERR_DOCUMENT_EMPTY", message: "the document is empty or not XML", line: 1, column: 1, severity: .fatal)
        }
        return MarkupDocument(pointer: document, kind: .xml, problems: collector.problems)
    }

    /// Parses HTML in the given encoding (decide it first: libxml2 would otherwise assume
    /// ISO-8859-1). Broken markup never fails; a document without content gives an empty tree.
    public static func parseHTML(_ bytes: [UInt8], encoding: String = "UTF-8", baseURL: String? = nil) throws(XMLParseError) -> MarkupDocument {
        LibXMLRuntime.ensureInitialized()
        guard let context = htmlNewParserCtxt() else {
            throw XMLParseError(code: XMLParseError.Code.parserUnavailable, message: "libxml2 could not create an HTML parser", severity: .fatal)
        }
        defer { htmlFreeParserCtxt(context) }
        let collector = ProblemCollector()
        let document = collector.collect(from: context) { readHTML(bytes, encoding: encoding, baseURL: baseURL, with: context) }
        guard let document else {
            throw XMLParseError(code: "HTML_ERR_DOCUMENT_EMPTY", message: "the page has no content", line: 1, column: 1, severity: .fatal)
        }
        return MarkupDocument(pointer: document, kind: .html, problems: collector.problems)
    }

    /// Runs libxml2's HTML parser over `bytes` with the context's callbacks: recovering, no
    /// network, no implied `html`/`body`, an empty input read as an empty page. The tree, when
    /// the callbacks build one (`parseHTML`'s do; `HTMLEventParser`'s do not).
    static func readHTML(_ bytes: [UInt8], encoding: String, baseURL: String?, with context: htmlParserCtxtPtr) -> xmlDocPtr? {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_COMPACT.rawValue)
        let source = bytes.isEmpty ? Array("<html></html>".utf8) : bytes
        return source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), baseURL, encoding, options)
            }
        }
    }

    /// The whole document serialized as UTF-8 text.
    public func serialized() -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        if kind == .html {
            htmlDocDumpMemoryFormat(pointer, &buffer, &size, 0)
        } else {
            xmlDocDumpMemoryEnc(pointer, &buffer, &size, "UTF-8")
        }
        guard let buffer else { return "" }
        defer { tributary_xmlFree(buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
    }
}

/// Gathers the structured errors of one parser context (through its `_private` slot, so
/// concurrent parses never share a handler).
final class ProblemCollector {
    private(set) var problems: [XMLParseError] = []
    private let limit = 1_000

    func collect<T>(from context: xmlParserCtxtPtr, _ body: () -> T) -> T {
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        // libxml2 passes problems to `serror` only from a handler marked as SAX2's, which an
        // HTML parser's default handler is not: without the mark its problems went unreported.
        context.pointee.sax.pointee.initialized = XML_SAX2_MAGIC
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = context.pointee._private else { return }
            let collector = Unmanaged<ProblemCollector>.fromOpaque(owner).takeUnretainedValue()
            if collector.problems.count < collector.limit { collector.problems.append(XMLParseError(error)) }
        }
        defer { context.pointee._private = nil }
        return body()
    }
}
