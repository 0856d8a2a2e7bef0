import Foundation
import LibXML
import Testing

@Suite("Streaming XML parser")
struct XMLStreamParserTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    static func run(_ xml: String, options: XMLParseOptions = XMLParseOptions()) -> RecordingHandler {
        let handler = RecordingHandler()
        XMLStreamParser.parse(Array(xml.utf8), handler: handler, options: options)
        return handler
    }

    @Test func eventsInDocumentOrderWithNamespaces() {
        let handler = Self.run(#"<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><item a="1"><dc:creator>Ann</dc:creator></item></rss>"#)
        #expect(
            handler.events == [
                "start rss",
                "start item a=1",
                "start dc:creator {http://purl.org/dc/elements/1.1/}",
                "text Ann",
                "end dc:creator",
                "end item",
                "end rss",
            ])
        #expect(handler.problems.isEmpty)
    }

    @Test func attributeReferencesAreDecodedOnce() {
        let handler = Self.run(#"<a href="?x=1&amp;y=2&amp;amp;z" t="&lt;b&gt; &#233; &#x263A;"/>"#)
        #expect(handler.events.first == "start a href=?x=1&y=2&amp;z t=<b> é ☺")
    }

    @Test func cdataArrivesAsText() {
        let handler = Self.run("<t><![CDATA[<b>bold</b> & more]]></t>")
        #expect(handler.events == ["start t", "text <b>bold</b> & more", "end t"])
    }

    @Test func htmlEntitiesResolveAndAreReported() {
        let handler = Self.run("<t>caf&eacute;&nbsp;&hellip; &unknownthing; ok</t>")
        #expect(handler.events.contains("text café\u{A0}… &unknownthing; ok"))
        let parser = XMLStreamParser(handler: handler)
        parser.feed(Array("<t>&eacute;&zzz;</t>".utf8))
        parser.finish()
        #expect(parser.entityNames == ["eacute", "zzz"])
    }

    @Test func htmlEntitiesCanBeLeftUnresolved() {
        var options = XMLParseOptions()
        options.resolveHTMLEntities = false
        let handler = Self.run("<t>a&eacute;b</t>", options: options)
        #expect(handler.events.contains("text a&eacute;b"))
    }

    @Test func declaredEntitiesExpandButExternalOnesAreNeverLoaded() throws {
        let handler = RecordingHandler()
        XMLStreamParser.parse(try Self.fixture("external-entity.xml"), handler: handler)
        let hostname =
            (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unreadable"
        #expect(handler.events.contains("text &secret;"))
        #expect(handler.events.contains("text &remote;"))
        #expect(handler.events.contains("text hello world"))
        #expect(!handler.events.joined().contains(hostname) || hostname.isEmpty)
        #expect(handler.doctype == "doc")
    }

    @Test func billionLaughsStopsQuicklyWithAClearError() throws {
        let handler = RecordingHandler()
        let started = Date()
        let parser = XMLStreamParser(handler: handler)
        parser.feed(try Self.fixture("billion-laughs.xml"))
        parser.finish()
        #expect(Date().timeIntervalSince(started) < 5)
        let problem = try #require(handler.problems.first { $0.code == XMLParseError.Code.entityExpansionLimit })
        #expect(problem.message.contains("expands past the limit"))
        #expect(handler.events.contains("end lolz"))
        #expect(handler.text.utf8.count < 2 << 20)
    }

    @Test func errorsCarryLineAndColumnAndRecoveryContinues() {
        let handler = Self.run("<rss>\n<channel>\n<title>One</title>\n<bad attr=noquotes>x</bad>\n<title>Two &amp; three</title>\n</channel>\n</rss>")
        let first = handler.problems.first
        #expect(first?.line == 4)
        #expect((first?.column ?? 0) > 0)
        #expect(handler.events.contains("text Two & three"))
    }

    @Test func entitiesStillExpandAfterARecoveredError() {
        let handler = Self.run("<r><a x=1>q</a><b>1 &amp; 2 &lt; 3</b></r>")
        #expect(!handler.problems.isEmpty)
        #expect(handler.events.contains("text 1 & 2 < 3"))
    }

    @Test func deepNestingIsBoundedAndParsingGoesOn() {
        let depth = 5_000
        let xml = "<r>" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "<after>ok</after></r>"
        let handler = Self.run(xml)
        #expect(handler.problems.contains { $0.code == XMLParseError.Code.depthLimit })
        #expect(handler.events.contains("text ok"))
        #expect(handler.events.filter { $0 == "start x" }.count == 255)
    }

    @Test(arguments: [1, 7, 64, 4096])
    func chunkedInputGivesTheSameEvents(chunkSize: Int) {
        let xml = #"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;amp; B</title><entry><id>urn:x</id></entry></feed>"#
        let whole = Self.run(xml)
        let handler = RecordingHandler()
        let parser = XMLStreamParser(handler: handler)
        let bytes = Array(xml.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            parser.feed(bytes[start..<min(bytes.count, start + chunkSize)])
        }
        parser.finish()
        #expect(handler.events == whole.events)
    }

    @Test func emptyAndGarbageInputReportProblemsWithoutCrashing() {
        #expect(!Self.run("").problems.isEmpty || Self.run("").events.isEmpty)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let length = Int.random(in: 0..<300, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let handler = RecordingHandler()
            XMLStreamParser.parse(bytes, handler: handler)
        }
    }
}
