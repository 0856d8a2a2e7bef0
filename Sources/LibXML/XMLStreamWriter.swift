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

    /// Throws when libxml2 reports a failure; `action` is only worded then.
    private func check(_ status: Int32, _ action: @autoclosure () -> String) throws(XMLParseError) {
        if status < 0 {
            throw XMLParseError(code: "WriterFailed", message: "could not \(action())", severity: .error)
        }
    }

    /// Rejects names that would make the output ill-formed.
    static func validateName(_ name: String) throws(XMLParseError) {
        // The names a writer is given are ASCII words: passed by their bytes, without looking up
        // Unicode properties scalar by scalar.
        if isPlainASCIIName(name) { return }
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

    /// Whether `name` is letters, digits, `_`, `:`, `-` and `.` of ASCII, opening with a letter,
    /// `_` or `:`: a valid name by the rule of `validateName`.
    private static func isPlainASCIIName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let first = bytes.first, first &- 0x41 < 26 || first &- 0x61 < 26 || first == 0x5F || first == 0x3A else { return false }
            for byte in bytes.dropFirst() {
                let letter = byte &- 0x41 < 26 || byte &- 0x61 < 26
                guard letter || byte &- 0x30 < 10 || byte == 0x5F || byte == 0x3A || byte == 0x2D || byte == 0x2E else { return false }
            }
            return true
        }
    }

    /// The text with every character XML 1.0 cannot carry removed.
    public static func xmlSafe(_ text: String) -> String {
        guard holdsNonXMLCharacters(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isXMLCharacter))
        return String(scalars)
    }

    /// Whether `text` holds a character XML 1.0 cannot carry (see `isXMLCharacter`), found by
    /// its bytes: a control character other than tab, line feed and carriage return (one byte
    /// below 0x20), or U+FFFE and U+FFFF (EF BF BE, EF BF BF); a String holds no surrogates.
    private static func holdsNonXMLCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return true
                }
            }
            return false
        }
    }

    /// Whether a scalar is allowed in an XML 1.0 document.
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
