import Foundation
import LibXML
import Testing

@Suite("Documents, XPath and HTML")
struct MarkupDocumentTests {
    @Test func xpathWithNamespaces() throws {
        let xml =
            #"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><entry><title>A</title><media:thumbnail url="u1"/></entry><entry><title>B</title></entry></feed>"#
        let document = try MarkupDocument.parseXML(Array(xml.utf8))
        let namespaces = ["a": "http://www.w3.org/2005/Atom", "media": "http://search.yahoo.com/mrss/"]
        let titles = try document.select("//a:entry/a:title", namespaces: namespaces)
        #expect(titles.map(\.textContent) == ["A", "B"])
        let thumbnail = try #require(try document.select("//media:thumbnail", namespaces: namespaces).first)
        #expect(thumbnail.attribute("url") == "u1")
        #expect(thumbnail.namespaceURI == "http://search.yahoo.com/mrss/")
        #expect(try document.evaluateString("count(//a:entry)", namespaces: namespaces) == "2")
        #expect(document.problems.isEmpty)
    }

    @Test func attributeValuesAndTextAreReadWhateverTheirShape() throws {
        let html = #"<body><script>if (a < b) {}</script><p class="lead &amp; note" title="" data-x='caf&eacute;'>Tom &amp; <b>Jerry</b></p></body>"#
        let document = try MarkupDocument.parseHTML(Array(html.utf8))
        let paragraph = try #require(try document.select("//p").first)
        #expect(paragraph.attributes.map { "\($0.name.localName)=\($0.value)" } == ["class=lead & note", "title=", "data-x=café"])
        #expect(paragraph.firstChild?.textContent == "Tom & ")
        #expect(paragraph.textContent == "Tom & Jerry")
        #expect(try document.select("//script").first?.firstChild?.textContent == "if (a < b) {}")
        // An XML attribute referring to an entity holds a text, a reference and a text node.
        let xml = try MarkupDocument.parseXML(Array(#"<!DOCTYPE a [<!ENTITY e "E">]><a b="x&amp;y" c="1&#50;3" d="x&e;y"/>"#.utf8))
        #expect(xml.root?.attributes.map(\.value) == ["x&y", "123", "xEy"])
    }

    @Test func subtreeSerializationKeepsXHTML() throws {
        let xml = #"<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b> &amp; bye</p></div></content>"#
        let document = try MarkupDocument.parseXML(Array(xml.utf8))
        let root = try #require(document.root)
        #expect(root.innerMarkup == #"<div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b> &amp; bye</p></div>"#)
        #expect(root.elements.first?.name == "div")
    }

    @Test func brokenXMLRecoversAndReportsEveryProblem() throws {
        let document = try MarkupDocument.parseXML(Array("<a><b>one</a><c>two".utf8))
        #expect(document.root?.textContent.contains("one") == true)
        #expect(document.problems.count >= 2)
        #expect(document.problems.allSatisfy { $0.line >= 1 })
    }

    @Test func notXMLAtAllThrowsAReadableError() {
        #expect(throws: XMLParseError.self) { try MarkupDocument.parseXML([]) }
    }

    @Test func htmlUsesTheEncodingWeDecided() throws {
        // UTF-8 without <meta charset>: libxml2 alone would read it as ISO-8859-1.
        let html = "<html><body><p>Díaz-Canel — café</p></body></html>"
        let document = try MarkupDocument.parseHTML(Array(html.utf8), encoding: "UTF-8")
        let paragraph = try #require(try document.select("//p").first)
        #expect(paragraph.textContent == "Díaz-Canel — café")
        let latin1: [UInt8] = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        let decoded = try MarkupDocument.parseHTML(latin1, encoding: "ISO-8859-1")
        #expect(try decoded.select("//p").first?.textContent == "café")
    }

    @Test func brokenAndHostileHTMLNeverCrashes() throws {
        let broken = "<div><p>one<p>two<table><td>cell</div></span><script>x</script>"
        let document = try MarkupDocument.parseHTML(Array(broken.utf8))
        #expect(try document.select("//p").count == 2)
        let deep = String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000)
        let started = Date()
        _ = try MarkupDocument.parseHTML(Array(deep.utf8))
        #expect(Date().timeIntervalSince(started) < 10)
        _ = try MarkupDocument.parseHTML([])
    }

    @Test func brokenHTMLReportsEveryProblemWithItsLine() throws {
        let broken = "<div>\n<p>one</span>\n<b>two</div>\n<p>three &bogus; four</p>"
        let document = try MarkupDocument.parseHTML(Array(broken.utf8))
        #expect(try document.select("//p").count == 2)
        #expect(document.problems.count >= 2)
        #expect(document.problems.allSatisfy { $0.line >= 1 && $0.line <= 4 })
        #expect(document.problems.contains { $0.message.contains("span") && $0.line == 2 })
        #expect(try MarkupDocument.parseHTML(Array("<p>fine</p>".utf8)).problems.isEmpty)
    }

    @Test func nodesKeepTheirDocumentAlive() throws {
        func firstParagraph() throws -> MarkupNode? {
            let document = try MarkupDocument.parseHTML(Array("<p class=x>kept</p>".utf8))
            return try document.select("//p").first
        }
        let node = try #require(try firstParagraph())
        #expect(node.textContent == "kept")
        #expect(node.attribute("class") == "x")
    }
}
