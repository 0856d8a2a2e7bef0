internal import CLibXML2

/// Writes an XML document element by element (libxml2's xmlTextWriter), so the output is
/// well-formed by construction: names are checked, text and attribute values are escaped, and
/// characters XML cannot carry are dropped.
public final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var openElements = 0

    /// Starts a UTF-8 document (`<?xml version="1.0" encoding="UTF-8"?>`), indented by
    /// `indent` spaces per level (0 for none).
    public init(indent: Int = 2) throws(XMLParseError) {
        LibXMLRuntime.ensureInitialized()
        guard let buffer = xmlBufferCreate() else {
            throw XMLParseError(code: "WriterUnavailable", message: "libxml2 could not allocate a buffer", severity: .fatal)
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLParseError(code: "WriterUnavailable", message: "libxml2 could not create a writer", severity: .fatal)
        }
        self.buffer = buffer
        self.writer = writer
        if indent > 0 {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, String(repeating: " ", count: indent))
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens an element; `namespaceURI` declares it (as the default namespace when `prefix` is nil).
    public func startElement(_ name: String, prefix: String? = nil, namespaceURI: String? = nil) throws(XMLParseError) {
        try Self.validateName(name)
        if prefix != nil || namespaceURI != nil {
            try check(xmlTextWriterStartElementNS(writer, prefix, name, namespaceURI), "open <\(name)>")
        } else {
            try check(xmlTextWriterStartElement(writer, name), "open <\(name)>")
        }
        openElements += 1
    }

    /// Writes an attribute of the element just opened.
    public func attribute(_ name: String, _ value: String) throws(XMLParseError) {
        try Self.validateName(name)
        try check(xmlTextWriterWriteAttribute(writer, name, Self.xmlSafe(value)), "write attribute \(name)")
    }

    /// Writes escaped character data.
    public func text(_ value: String) throws(XMLParseError) {
        try check(xmlTextWriterWriteString(writer, Self.xmlSafe(value)), "write text")
    }

    /// Closes the innermost open element.
    public func endElement() throws(XMLParseError) {
        guard openElements > 0 else {
            throw XMLParseError(code: "WriterState", message: "endElement() with no open element", severity: .error)
        }
        try check(xmlTextWriterEndElement(writer), "close an element")
        openElements -= 1
    }

    /// Writes `<name>text</name>`.
    public func element(_ name: String, text value: String, attributes: [(String, String)] = []) throws(XMLParseError) {
        try startElement(name)
        for (attributeName, attributeValue) in attributes { try attribute(attributeName, attributeValue) }
        try text(value)
        try endElement()
    }

    /// Closes every open element and returns the document's UTF-8 bytes.
    public func finish() throws(XMLParseError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "end the document")
        openElements = 0
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func check(_ status: Int32, _ action: String) throws(XMLParseError) {
        if status < 0 {
            throw XMLParseError(code: "WriterFailed", message: "could not \(action)", severity: .error)
        }
    }

    /// Rejects names that would make the output ill-formed.
    static func validateName(_ name: String) throws(XMLParseError) {
        let valid =
            !name.isEmpty
            && name.unicodeScalars.enumerated().allSatisfy { index, scalar in
                scalar.properties.isAlphabetic || scalar == "_" || scalar == ":"
                    || (index > 0 && (scalar.properties.numericType != nil || scalar == "-" || scalar == "."))
            }
        if !valid {
            throw XMLParseError(code: "InvalidName", message: "'\(name)' is not a valid XML name", severity: .error)
        }
    }

    /// The text with every character XML 1.0 cannot carry removed.
    public static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isXMLCharacter))
        return String(scalars)
    }

    /// Whether a scalar is allowed in an XML 1.0 document.
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
