import Testing

@testable import LibXML

/// Parses hand their libxml2 dictionary and the names made from it on to the next parse: names
/// must still be read from each document as written, whatever came before or runs beside.
@Suite("Names kept from one parse to the next")
struct XMLNameCacheTests {
    static func events(_ xml: String) -> [String] {
        let handler = RecordingHandler()
        XMLStreamParser.parse(Array(xml.utf8), handler: handler)
        return handler.events
    }

    @Test func aPrefixBoundToAnotherNamespaceInTheNextDocumentIsReadAsWritten() {
        #expect(Self.events(#"<a:x xmlns:a="urn:one"><a:y/></a:x>"#) == ["start a:x {urn:one}", "start a:y {urn:one}", "end a:y", "end a:x"])
        #expect(Self.events(#"<a:x xmlns:a="urn:two"><a:y/></a:x>"#) == ["start a:x {urn:two}", "start a:y {urn:two}", "end a:y", "end a:x"])
        #expect(Self.events(#"<b:x xmlns:b="urn:one"><y/></b:x>"#) == ["start b:x {urn:one}", "start y", "end y", "end b:x"])
        #expect(Self.events("<x><a:y/></x>").prefix(2) == ["start x", "start a:y"])
    }

    @Test func parsesAliveAtOnceDoNotShareACache() {
        // Fed in turns, chunk by chunk: each parse has its own names while it runs.
        let first = RecordingHandler()
        let second = RecordingHandler()
        let one = XMLStreamParser(handler: first)
        let two = XMLStreamParser(handler: second)
        let documents = [
            #"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title></entry></feed>"#,
            #"<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><item><dc:title>u</dc:title></item></rss>"#,
        ].map { Array($0.utf8) }
        for start in stride(from: 0, to: documents.map(\.count).max()!, by: 7) {
            for (parser, bytes) in zip([one, two], documents) where start < bytes.count {
                parser.feed(bytes[start..<min(bytes.count, start + 7)])
            }
        }
        one.finish()
        two.finish()
        #expect(
            first.events.prefix(3) == [
                "start feed {http://www.w3.org/2005/Atom}", "start entry {http://www.w3.org/2005/Atom}", "start title {http://www.w3.org/2005/Atom}",
            ])
        #expect(second.events.prefix(3) == ["start rss", "start item", "start dc:title {http://purl.org/dc/elements/1.1/}"])
    }

    @Test func aDocumentOfManyNamesDoesNotLeaveThemBehind() {
        // A hostile document's names would otherwise stay with the process.
        let names = (0..<(XMLNameCache.maximumNames + 500)).map { "<n\($0)/>" }.joined()
        let events = Self.events("<r>" + names + "</r>")
        #expect(events.count == 2 * (XMLNameCache.maximumNames + 500) + 2)
        #expect(XMLNameCache.idleDictionarySizes.allSatisfy { $0 <= XMLNameCache.maximumNames })
    }
}
