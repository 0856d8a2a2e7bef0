import Foundation
import Syndication
import Testing

@Suite("Feed parser behaviour")
struct FeedParserBehaviourTests {
    static func parse(_ text: String, baseURL: String? = nil, contentType: String? = nil) -> ParsedFeed {
        FeedParser.parse(Array(text.utf8), baseURL: baseURL, contentType: contentType)
    }

    @Test(arguments: [
        (#"<rss version="2.0"><channel/></rss>"#, FeedFormat.rss20),
        (#"<rss version="0.91"><channel/></rss>"#, .rss091),
        (#"<rss version="0.92"><channel/></rss>"#, .rss092),
        (#"<rss version="0.93"><channel/></rss>"#, .rss093),
        (#"<rss version="0.94"><channel/></rss>"#, .rss094),
        (#"<rss><channel/></rss>"#, .rss),
        (#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>"#, .rss10),
        (#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"/>"#, .rss090),
        (#"<feed xmlns="http://www.w3.org/2005/Atom"/>"#, .atom10),
        (#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"/>"#, .atom03),
        (#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#, .jsonfeed11),
        (#"  {"version": "https://jsonfeed.org/version/1", "items": []}"#, .jsonfeed10),
    ])
    func formatIsDetectedFromTheContent(document: String, format: FeedFormat) {
        #expect(Self.parse(document).format == format)
    }

    @Test func anHTMLPageIsNotAFeed() {
        let result = Self.parse("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>")
        #expect(result.format == .unknown)
        #expect(result.warnings.contains { $0.code == "NotAFeed" })
        #expect(result.entries.isEmpty)
    }

    @Test func relativeURLsResolveAgainstXMLBaseThenTheDocumentURL() throws {
        let xml = """
            <rss version="2.0"><channel><link>/</link>
            <item><link>story/1</link><enclosure url="../media/a.mp3" type="audio/mpeg" length="1"/>
            <description>&lt;a href="/about"&gt;About&lt;/a&gt; &lt;img src="pic.png"&gt;</description></item>
            </channel></rss>
            """
        let result = Self.parse(xml, baseURL: "https://news.example/feeds/main.xml")
        let entry = try #require(result.entries.first)
        #expect(result.feed.link == "https://news.example/")
        #expect(entry.link == "https://news.example/feeds/story/1")
        #expect(entry.enclosures.first?.url == "https://news.example/media/a.mp3")
        #expect(entry.summary?.value == #"<a href="https://news.example/about">About</a> <img src="https://news.example/feeds/pic.png" />"#)
        let unresolved = Self.parse(xml)
        #expect(unresolved.entries.first?.link == "story/1")
    }

    @Test func dangerousMarkupIsRemovedFromEveryTextConstruct() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
            <title type="html">&lt;b onmouseover="steal()"&gt;Bold&lt;/b&gt;&lt;script&gt;x()&lt;/script&gt;</title>
            <content type="html">&lt;iframe src="https://x.example"&gt;&lt;/iframe&gt;&lt;a href="javascript:alert(1)"&gt;link&lt;/a&gt;&lt;p style="color: red; background: url(http://x)"&gt;t&lt;/p&gt;</content>
            </entry></feed>
            """
        let entry = try #require(Self.parse(xml).entries.first)
        #expect(entry.title?.value == "<b>Bold</b>")
        let content = try #require(entry.content?.value)
        #expect(!content.contains("iframe"))
        #expect(!content.contains("javascript"))
        #expect(!content.contains("url("))
        #expect(content.contains("color: red"))
    }

    @Test func rssTextIsGuessedAsHTMLOnlyWhenItLooksLikeHTML() throws {
        let xml =
            #"<rss version="2.0"><channel><item><title>Plain &amp; simple</title></item><item><title>&lt;em&gt;Marked&lt;/em&gt; up</title></item></channel></rss>"#
        let entries = Self.parse(xml).entries
        #expect(entries.map { $0.title?.type } == ["text", "html"])
        #expect(entries.map { $0.title?.value } == ["Plain & simple", "<em>Marked</em> up"])
    }

    @Test func datesKeepTheirRawTextAndNeverFailTheFeed() throws {
        let xml =
            #"<rss version="2.0"><channel><item><pubDate>Mon, 19 Feb 24 10:00 EST</pubDate></item><item><pubDate>the day after tomorrow</pubDate></item></channel></rss>"#
        let result = Self.parse(xml)
        #expect(result.wellFormed)
        #expect(result.entries[0].published?.utcString == "2024-02-19T15:00:00Z")
        #expect(result.entries[1].published?.raw == "the day after tomorrow")
        #expect(result.entries[1].published?.date == nil)
    }

    @Test func entriesWithoutAnIdGetOneThatDoesNotChange() throws {
        let xml =
            #"<rss version="2.0"><channel><item><title>Same</title><pubDate>Mon, 19 Feb 2024 10:00:00 GMT</pubDate></item><item><title>Other</title></item><item><link>https://x.example/a</link></item></channel></rss>"#
        let first = Self.parse(xml).entries.map(\.id)
        let second = Self.parse(xml).entries.map(\.id)
        #expect(first == second)
        #expect(Set(first).count == 3)
        #expect(first[2] == "https://x.example/a")
        #expect(first[0]?.hasPrefix("urn:tributary:entry:") == true)
    }

    @Test func theHTTPCharsetDecidesTheEncoding() throws {
        let bytes: [UInt8] =
            Array(#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>caf"#.utf8) + [0xE9]
            + Array("</title></channel></rss>".utf8)
        let result = FeedParser.parse(bytes, contentType: "application/rss+xml; charset=iso-8859-1")
        #expect(result.encoding == "iso-8859-1")
        #expect(result.feed.title?.value == "café")
    }

    @Test func aBillionLaughsFailsFastAndSaysWhy() throws {
        var xml = #"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">"#
        var previous = "a"
        for level in 1...9 {
            let name = "e\(level)"
            xml += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = name
        }
        xml += #"]><rss version="2.0"><channel><title>&e9;</title></channel></rss>"#
        let started = Date()
        let result = Self.parse(xml)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(!result.wellFormed)
        #expect(result.warnings.contains { $0.code == "EntityExpansionLimit" })
    }

    @Test func hugeFeedsStreamEntriesOneByOne() {
        let item = "<item><title>t</title><description>some words of text</description></item>"
        let xml = "<rss version=\"2.0\"><channel>" + String(repeating: item, count: 20_000) + "</channel></rss>"
        var count = 0
        let result = FeedParser.parse(Array(xml.utf8)) { _ in count += 1 }
        #expect(count == 20_000)
        #expect(result.entries.isEmpty)
        #expect(result.wellFormed)
    }

    @Test func arbitraryBytesNeverCrashTheParser() {
        var generator = SplitMix64(seed: 0xFEED)
        let pieces = [
            "<rss>", "<item>", "</item>", "<title>", "&amp;", "&", "<", "]]>", "<![CDATA[", "\u{0}", "é",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "x", "\"", "<!DOCTYPE x [", "<!ENTITY e \"&e;\">",
        ]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<40, using: &generator) { text += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
            _ = Self.parse(text)
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = FeedParser.parse(bytes)
        }
    }

    @Test func unknownExtensionElementsAreKept() throws {
        let xml =
            #"<rss version="2.0" xmlns:x="https://ext.example/ns"><channel><item><x:rating scale="5">4</x:rating><x:note>kept</x:note></item></channel></rss>"#
        let entry = try #require(Self.parse(xml).entries.first)
        #expect(entry.extensions.contains { $0.prefix == "x" && $0.name == "note" && $0.text == "kept" })
        #expect(entry.extensions.contains { $0.prefix == "x" && $0.name == "rating" && $0.attributes["scale"] == "5" })
    }
}
