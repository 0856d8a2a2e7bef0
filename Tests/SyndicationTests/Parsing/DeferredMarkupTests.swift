import Testing

@testable import Syndication

/// `FeedParser.parseUnfinished(_:baseURL:contentType:onEntry:)`: entries' content and summary
/// markup left for `UnfinishedEntry.finished()`, which must give what parsing in one go gives.
@Suite("Entries with their markup finished later")
struct DeferredMarkupTests {
    static func entries(_ document: String, baseURL: String? = nil) -> (inline: [FeedEntry], unfinished: [UnfinishedEntry]) {
        let bytes = Array(document.utf8)
        let inline = FeedParser.parse(bytes, baseURL: baseURL).entries
        var unfinished: [UnfinishedEntry] = []
        _ = FeedParser.parseUnfinished(bytes, baseURL: baseURL, onEntry: { unfinished.append($0) })
        return (inline, unfinished)
    }

    @Test func contentAndSummaryWaitAndThenComeOutSanitizedWithResolvedLinks() throws {
        let (inline, unfinished) = Self.entries(
            """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
            <item><title>One</title><link>http://example.com/1</link>
            <description>&lt;p onclick="x()"&gt;Lead &lt;a href="/more"&gt;more&lt;/a&gt;&lt;/p&gt;</description>
            <content:encoded><![CDATA[<p>Body<script>alert(1)</script> <img src="pic.png"></p>]]></content:encoded>
            </item></channel></rss>
            """, baseURL: "http://example.com/feed/")
        let entry = try #require(unfinished.first)
        // Nothing was sanitized yet: the values wait, empty, with their markup beside them.
        #expect(entry.entry.summary?.value == "")
        #expect(entry.entry.content?.value == "")
        #expect(entry.summary?.html.contains("onclick") == true)
        let finished = entry.finished()
        #expect(finished.summary?.value == #"<p>Lead <a href="http://example.com/more">more</a></p>"#)
        #expect(finished.content?.value == #"<p>Body <img src="http://example.com/feed/pic.png" /></p>"#)
        #expect(finished.summary?.type == "html")
        #expect(finished == inline.first)
    }

    @Test func aLaterPlainSummaryReplacesAWaitingHTMLOne() throws {
        let (inline, unfinished) = Self.entries(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><id>urn:1</id><title>One</title>
            <summary type="html">&lt;b&gt;first&lt;/b&gt;</summary>
            <content type="text">body</content>
            <summary type="text">second</summary>
            </entry></feed>
            """)
        // (Without the content, the second summary would be taken as the content.)
        let entry = try #require(unfinished.first)
        #expect(entry.summary == nil)
        let finished = entry.finished()
        #expect(finished.summary?.value == "second")
        #expect(finished.content?.value == "body")
        #expect(finished == inline.first)
    }

    @Test func xhtmlContentAndABaseOfItsOwn() throws {
        let (inline, unfinished) = Self.entries(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/a/"><title>T</title>
            <entry><id>urn:2</id><title>Two</title>
            <content type="xhtml" xml:base="b/"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="c">c</a><br/>and <i>so</i>.</p></div></content>
            </entry></feed>
            """)
        let finished = try #require(unfinished.first).finished()
        #expect(finished.content?.value == #"<p>See <a href="http://example.org/a/b/c">c</a><br />and <i>so</i>.</p>"#)
        #expect(finished == inline.first)
    }

    @Test func anEntryWithoutIdLinkOrTitleGetsItsIdFromTheFinishedText() throws {
        let (inline, unfinished) = Self.entries(
            """
            <rss version="2.0"><channel><title>T</title>
            <item><description>&lt;p&gt;Only text&lt;script&gt;x&lt;/script&gt;&lt;/p&gt;</description></item>
            <item><description>Plain words</description></item>
            </channel></rss>
            """)
        #expect(unfinished.count == 2)
        let finished = unfinished.map { $0.finished() }
        #expect(finished[0].summary?.value == "<p>Only text</p>")
        #expect(finished[0].id == finished[0].derivedID)
        #expect(finished[0].id?.hasPrefix("urn:tributary:entry:") == true)
        #expect(finished == inline)
    }

    @Test func utf8ReadAsLatin1InsideMarkupIsRepairedWhenFinished() throws {
        let (inline, unfinished) = Self.entries(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>T</title>
            <item><title>Caf</title><description>&lt;p&gt;CafÃ© &amp;#150; bar&lt;/p&gt;</description></item>
            </channel></rss>
            """)
        let finished = try #require(unfinished.first).finished()
        // The sanitizer writes the windows-1252 reference &#150; as the character it meant.
        #expect(finished.summary?.value == "<p>Café &#x2013; bar</p>")
        #expect(finished == inline.first)
    }

    @Test func feedLevelTextAndTitlesAreNotDeferred() throws {
        let bytes = Array(
            """
            <rss version="2.0"><channel><title>&lt;b&gt;Feed&lt;/b&gt;</title><description>&lt;i&gt;About&lt;/i&gt;&lt;script&gt;x&lt;/script&gt;</description>
            <item><title>&lt;em&gt;Hi&lt;/em&gt;&lt;script&gt;x&lt;/script&gt;</title></item></channel></rss>
            """.utf8)
        var unfinished: [UnfinishedEntry] = []
        let result = FeedParser.parseUnfinished(bytes, onEntry: { unfinished.append($0) })
        #expect(result.feed.subtitle?.value == "<i>About</i>")
        let entry = try #require(unfinished.first)
        #expect(entry.summary == nil && entry.content == nil)
        #expect(entry.entry.title != nil)
        #expect(entry.entry.title == FeedParser.parse(bytes).entries.first?.title)
    }

    @Test func jsonFeedEntriesComeFinished() throws {
        let (inline, unfinished) = Self.entries(
            #"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","content_html":"<p>x<script>y</script></p>"}]}"#)
        #expect(unfinished.count == 1)
        #expect(unfinished.map { $0.finished() } == inline)
        #expect(inline.first?.content?.value == "<p>x</p>")
    }
}
