import Foundation
import Testing

@testable import Syndication

/// A large feed parsed as two parts side by side (`FeedParser.parseInParts`): where the
/// splitter cuts, what it declines, and that whatever is cut gives what one pass gives, or
/// nothing.
@Suite("Feeds parsed in two parts")
struct FeedPartsTests {
    static func cut(_ text: String) -> FeedCut? {
        Array(text.utf8).withUnsafeBufferPointer { FeedSplitter.cut($0) }
    }

    static func rss(items: [String], channelTail: String = "") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
        \(items.joined(separator: "\n"))
        \(channelTail)</channel></rss>
        """
    }

    static func item(_ number: Int, extra: String = "") -> String {
        "<item><title>Story \(number)</title><link>https://news.example/\(number)</link>\(extra)</item>"
    }

    /// The entries and result of one pass, finished.
    static func onePass(_ text: String) -> (entries: [FeedEntry], result: ParsedFeed) {
        var entries: [FeedEntry] = []
        let result = FeedParser.parse(Array(text.utf8)) { entries.append($0) }
        return (entries, result)
    }

    /// The entries and result of two parts, finished, or nil when not cut.
    static func inParts(_ text: String) -> (entries: [FeedEntry], result: ParsedFeed)? {
        let collected = Collected()
        let result = FeedParser.parseInParts(Array(text.utf8), minimumBytes: 0) { part, entry in
            collected.add(part, entry.finished())
        }
        return result.map { (collected.parts[0] + collected.parts[1], $0) }
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var parts: [[FeedEntry]] = [[], []]
        func add(_ part: Int, _ entry: FeedEntry) { lock.withLock { parts[part].append(entry) } }
    }

    @Test func anRSSChannelIsCutAtTheEntryNearestTheMiddle() throws {
        let document = Self.rss(items: (0..<4).map { Self.item($0) })
        let cut = try #require(Self.cut(document))
        let bytes = Array(document.utf8)
        #expect(String(decoding: bytes[cut.headEnd...].prefix(19), as: UTF8.self) == "<item><title>Story ")
        #expect(String(decoding: bytes[cut.cut...].prefix(20), as: UTF8.self) == "<item><title>Story 2")
        #expect(String(decoding: cut.closing, as: UTF8.self) == "</channel></rss>")
        #expect(cut.entries == (first: 2, second: 2))
    }

    @Test func aPrefixedAtomFeedClosesWithItsPrefix() throws {
        let document = """
            <atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>T</atom:title>
            <atom:entry><atom:title>A</atom:title></atom:entry>
            <atom:entry><atom:title>B</atom:title></atom:entry>
            <atom:entry><atom:title>C</atom:title></atom:entry></atom:feed>
            """
        let cut = try #require(Self.cut(document))
        #expect(String(decoding: cut.closing, as: UTF8.self) == "</atom:feed>")
        #expect(cut.entries.first + cut.entries.second == 3)
    }

    @Test func markupInsideCommentsCDATAAndAttributesIsNotStructure() throws {
        let tricky = Self.item(
            1,
            extra: #"<description><![CDATA[<item>not an entry</item> </channel>]]></description><!-- <item> --><?pi <item>?>"#
                + #"<enclosure url="https://x.example/a?b=1>2" type="audio/mpeg" length="1"/>"#)
        let document = Self.rss(items: [Self.item(0), tricky, Self.item(2)])
        let cut = try #require(Self.cut(document))
        #expect(cut.entries.first + cut.entries.second == 3)
    }

    @Test(arguments: [
        ("a DOCTYPE", "<!DOCTYPE rss SYSTEM \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">" + rss(items: [item(0), item(1)])),
        ("metadata after the entries", rss(items: [item(0), item(1)], channelTail: "<copyright>C</copyright>")),
        ("one entry", rss(items: [item(0)])),
        ("tags that do not nest", rss(items: [item(0), "<item><title>x</item></title>", item(2)])),
        ("an unfinished comment", rss(items: [item(0), item(1)]) + "<!-- no end"),
        ("entries outside a channel", "<rss><channel><title>T</title></channel><item><title>A</title></item><item><title>B</title></item></rss>"),
    ])
    func declines(reason: String, document: String) {
        #expect(Self.cut(document) == nil, "\(reason)")
    }

    @Test func anRDFImageAfterTheEntriesIsDeclined() {
        let document = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="https://news.example/"><title>T</title>
            <item><title>A</title></item><item><title>B</title></item></channel>
            <image rdf:about="https://news.example/i.png"><url>https://news.example/i.png</url></image></rdf:RDF>
            """
        #expect(Self.cut(document) == nil)
    }

    @Test func twoPartsGiveWhatOnePassGives() throws {
        let items = (0..<40).map { number in
            Self.item(
                number,
                extra: """
                    <description>&lt;p onclick="x()"&gt;Text &amp;amp; more \(number)&lt;/p&gt;&lt;script&gt;bad()&lt;/script&gt;</description>\
                    <pubDate>Tue, 0\(number % 9 + 1) Jan 2026 10:00:00 GMT</pubDate><category>c\(number % 3)</category>
                    """)
        }
        let document = Self.rss(items: items)
        let parts = try #require(Self.inParts(document))
        let whole = Self.onePass(document)
        #expect(parts.entries.count == 40)
        #expect(parts.entries == whole.entries)
        #expect(parts.result == whole.result)
    }

    /// An `xml:base` on an entry outlives it when nothing above declares one (as feedparser
    /// does): the entries after it resolve against it, which a second part starting from the
    /// head would not know. The parts do not agree at the cut, so the document is not cut.
    @Test func aBaseLeftByAnEarlierEntryStopsTheCut() throws {
        let document = Self.rss(items: [
            #"<item xml:base="https://other.example/dir/"><title>A</title><link>a</link></item>"#,
            "<item><title>B</title><link>b</link></item>",
        ])
        let whole = Self.onePass(document)
        #expect(whole.entries.last?.link == "https://other.example/dir/b")
        #expect(Self.inParts(document) == nil)
    }

    /// A W3C latitude without its longitude waits for the next one, in the next entry.
    @Test func aPositionHalfGivenByAnEarlierEntryStopsTheCut() throws {
        let geo = #"xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#""#
        let document = """
            <rss version="2.0" \(geo)><channel><title>T</title>
            <item><title>A</title><geo:lat>10.5</geo:lat></item>
            <item><title>B</title><geo:long>20.25</geo:long></item>
            </channel></rss>
            """
        let whole = Self.onePass(document)
        #expect(whole.entries.last?.location?.coordinates == [[10.5, 20.25]])
        #expect(Self.inParts(document) == nil)
    }

    @Test func aProblemInAPartStopsTheCut() {
        let document = Self.rss(items: [Self.item(0), "<item><title>caf&eacute;</title></item>", Self.item(2), Self.item(3)])
        #expect(Self.cut(document) != nil)
        #expect(Self.inParts(document) == nil)
    }

    /// A void element with content is well-formed XML, which the repair before parsing rewrites
    /// (`<br>b</br>` → `<br/>b`): a document it would change is not cut, however cleanly its
    /// parts read.
    @Test func aDocumentARepairWouldChangeIsNotCut() throws {
        let document = Self.rss(items: [Self.item(0), Self.item(1, extra: "<description>a<br>b</br>c</description>"), Self.item(2), Self.item(3)])
        #expect(Self.cut(document) != nil)
        #expect(Self.inParts(document) == nil)
    }

    /// The scan for repairs can miss one in a document libxml2 reads with an error (see
    /// `XMLRepair.repairsAreDue`); its parts then have a problem, and it is not cut either.
    @Test func aRepairTheScanMissesComesWithAProblem() throws {
        let hidden = #"<description><br title="<!--"/> <img src="i.png"> --></description>"#
        let document = Self.rss(items: [Self.item(0), Self.item(1, extra: hidden), Self.item(2), Self.item(3)])
        #expect(Self.inParts(document) == nil)
        #expect(Self.onePass(document).result.wellFormed == false)
    }

    @Test func smallAndJSONDocumentsAreNotCut() {
        let document = Array(Self.rss(items: (0..<4).map { Self.item($0) }).utf8)
        #expect(FeedParser.parseInParts(document) { _, _ in } == nil)
        let json = Array(#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#.utf8)
        #expect(FeedParser.parseInParts(json, minimumBytes: 0) { _, _ in } == nil)
    }
}
