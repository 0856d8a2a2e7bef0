import LibXML
import Testing

@Suite("XML writer")
struct XMLStreamWriterTests {
    @Test func writesEscapedWellFormedDocuments() throws {
        let writer = try XMLStreamWriter(indent: 0)
        try writer.startElement("feed", namespaceURI: "http://www.w3.org/2005/Atom")
        try writer.element("title", text: "Fish & <Chips>", attributes: [("type", "text")])
        try writer.startElement("link")
        try writer.attribute("href", "https://example.com/?a=1&b=\"2\"")
        try writer.endElement()
        try writer.endElement()
        let output = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(
            output == """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Fish &amp; &lt;Chips&gt;</title><link href="https://example.com/?a=1&amp;b=&quot;2&quot;"/></feed>

                """)
        let reparsed = try MarkupDocument.parseXML(Array(output.utf8))
        #expect(reparsed.problems.isEmpty)
    }

    @Test func charactersXMLCannotCarryAreDropped() throws {
        let writer = try XMLStreamWriter(indent: 0)
        try writer.element("t", text: "a\u{0}b\u{1B}c\u{FFFE}d")
        let output = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(output.contains("<t>abcd</t>"))
    }

    @Test func textWithoutForbiddenCharactersIsKeptAsWritten() throws {
        // Tabs, line breaks, U+FFFD and the bytes around U+FFFE's stay; U+FFFF goes.
        let writer = try XMLStreamWriter(indent: 0)
        try writer.element("t", text: "a\tb\nc\r\u{FFFD}\u{FFBE}é\u{1F600}\u{FFFF}z")
        let output = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(output.contains("<t>a\tb\nc&#13;\u{FFFD}\u{FFBE}é\u{1F600}z</t>"))
    }

    @Test(arguments: ["", "1abc", "a b", "a<b", "-a", ".a", "a/b", "a\u{0}"])
    func invalidNamesAreRejected(name: String) throws {
        let writer = try XMLStreamWriter()
        #expect(throws: XMLParseError.self) { try writer.startElement(name) }
        #expect(throws: XMLParseError.self) { try writer.attribute(name, "v") }
    }

    @Test(arguments: ["a", "_a", ":a", "media:content", "a-b.c_9", "Élan", "日本"])
    func validNamesAreAccepted(name: String) throws {
        let writer = try XMLStreamWriter(indent: 0)
        try writer.startElement(name)
        try writer.attribute(name, "v")
        try writer.endElement()
        #expect(String(decoding: try writer.finish(), as: UTF8.self).contains("<\(name) \(name)=\"v\"/>"))
    }

    @Test func endWithoutStartIsAnError() throws {
        let writer = try XMLStreamWriter()
        #expect(throws: XMLParseError.self) { try writer.endElement() }
    }
}
