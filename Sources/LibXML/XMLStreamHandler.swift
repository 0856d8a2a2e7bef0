/// A namespace declaration (`xmlns:prefix="uri"`) made on a start tag.
public struct XMLNamespaceDeclaration: Sendable, Hashable {
    /// The declared prefix, or nil for the default namespace.
    public var prefix: String?
    /// The namespace URI as written.
    public var uri: String

    /// Creates a declaration.
    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

/// Receives the events of a streaming XML parse, in document order.
///
/// Text arrives in pieces: one text node may be split over several `characters` calls.
/// Buffers are valid only during the call.
public protocol XMLStreamHandler: AnyObject {
    /// A start tag, with its attributes (references decoded) and the namespaces it declares.
    func startElement(_ name: XMLName, attributes: [XMLAttribute], namespaces: [XMLNamespaceDeclaration])
    /// An end tag (also reported for tags libxml2 closes while recovering).
    func endElement(_ name: XMLName)
    /// Character data, UTF-8; CDATA sections arrive here too.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
    /// A problem found in the document; parsing goes on unless it is fatal and recovery is off.
    func problem(_ error: XMLParseError)
    /// The document type declaration, when there is one.
    func documentType(name: String, publicID: String?, systemID: String?)
}

extension XMLStreamHandler {
    /// Ignores problems by default.
    public func problem(_ error: XMLParseError) {}
    /// Ignores the document type by default.
    public func documentType(name: String, publicID: String?, systemID: String?) {}
}
