import Foundation
import Syndication
import Testing

@Suite("Atom, JSON Feed and OPML writers")
struct FeedWriterTests {
    static func sampleFeed() -> (FeedMetadata, [FeedEntry]) {
        var feed = FeedMetadata()
        feed.id = "tag:news.example.org,2026:all"
        feed.title = FeedText(value: "All stories & more <news>")
        feed.subtitle = FeedText(value: "Every story from every source")
        feed.updated = FeedDate(raw: "", date: Date(timeIntervalSince1970: 1_790_000_000))
        feed.links = [
            FeedLink(href: "https://news.example.org/all.atom", rel: "self", type: "application/atom+xml"),
            FeedLink(href: "https://news.example.org/", rel: "alternate", type: "text/html"),
        ]
        feed.authors = [FeedPerson(name: "Tributary", uri: "https://news.example.org/")]
        feed.generator = FeedGenerator(name: "Tributary", uri: "https://github.com/tributary", version: "0.1")
        feed.language = "en"

        var entry = FeedEntry()
        entry.id = "tag:news.example.org,2026-11-28:story-1"
        entry.title = FeedText(value: "Ministers meet in Havana")
        entry.published = FeedDate(raw: "", date: Date(timeIntervalSince1970: 1_789_990_000))
        entry.updated = FeedDate(raw: "", date: Date(timeIntervalSince1970: 1_789_995_000))
        entry.links = [
            FeedLink(href: "https://a.example/havana", rel: "alternate", type: "text/html"),
            FeedLink(href: "https://b.example/cuba-talks", rel: "related", type: "text/html", title: "B News"),
        ]
        entry.summary = FeedText(value: "The ministers met on Tuesday. They spoke of trade.")
        entry.content = FeedText(
            type: "html", value: "<p>The ministers met on Tuesday.</p><p>Sources: <a href=\"https://a.example/havana\">A</a></p>")
        entry.categories = [
            FeedCategory(term: "diplomacy", scheme: "https://news.example.org/topics/", label: "Diplomacy"),
            FeedCategory(term: "caribbean", scheme: "https://news.example.org/regions/", label: "Caribbean"),
        ]
        var source = FeedMetadata()
        source.id = "https://a.example/feed"
        source.title = FeedText(value: "A News")
        source.links = [FeedLink(href: "https://a.example/", rel: "alternate")]
        source.updated = FeedDate(raw: "", date: Date(timeIntervalSince1970: 1_789_990_000))
        entry.source = source
        return (feed, [entry])
    }

    @Test("Atom output parses back to the same values")
    func atomRoundTrip() throws {
        let (feed, entries) = Self.sampleFeed()
        let bytes = try AtomWriter().write(feed: feed, entries: entries)
        let parsed = FeedParser.parse(bytes)
        #expect(parsed.format == .atom10)
        #expect(parsed.wellFormed)
        #expect(parsed.feed.title?.value == "All stories & more <news>")
        #expect(parsed.feed.id == feed.id)
        #expect(parsed.feed.updated?.utcString == "2026-09-21T14:13:20Z")
        #expect(parsed.feed.links.contains { $0.rel == "self" && $0.href == "https://news.example.org/all.atom" })
        let entry = try #require(parsed.entries.first)
        #expect(entry.id == "tag:news.example.org,2026-11-28:story-1")
        #expect(entry.link == "https://a.example/havana")
        #expect(entry.links.contains { $0.rel == "related" && $0.href == "https://b.example/cuba-talks" && $0.title == "B News" })
        #expect(entry.summary?.value == "The ministers met on Tuesday. They spoke of trade.")
        #expect(entry.content?.type == "html")
        #expect(entry.content?.value.contains("<p>The ministers met on Tuesday.</p>") == true)
        #expect(entry.categories.map(\.term) == ["diplomacy", "caribbean"])
        #expect(entry.categories.first?.scheme == "https://news.example.org/topics/")
        #expect(entry.source?.title?.value == "A News")
        #expect(entry.published?.utcString == "2026-09-21T11:26:40Z")
        #expect(entry.updated?.utcString == "2026-09-21T12:50:00Z")
    }

    @Test("the same input gives the same bytes, with the declaration and namespace first")
    func atomDeterministic() throws {
        let (feed, entries) = Self.sampleFeed()
        let first = try AtomWriter().write(feed: feed, entries: entries)
        let second = try AtomWriter().write(feed: feed, entries: entries)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xml:lang=\"en\" xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(text.contains("<title>All stories &amp; more &lt;news&gt;</title>"))
        #expect(text.contains("<content type=\"html\">&lt;p&gt;The ministers"))
    }

    @Test("missing required elements are refused with the reason")
    func atomRequired() throws {
        var (feed, entries) = Self.sampleFeed()
        feed.authors = []
        #expect(throws: AtomWriterError(message: "tag:news.example.org,2026-11-28:story-1 has no author and the feed has none")) {
            try AtomWriter().write(feed: feed, entries: entries)
        }
        (feed, entries) = Self.sampleFeed()
        feed.id = nil
        #expect(throws: AtomWriterError(message: "the feed has no id")) { try AtomWriter().write(feed: feed, entries: entries) }
    }

    @Test("characters XML cannot carry are dropped, so the output stays well-formed")
    func atomControlCharacters() throws {
        var (feed, entries) = Self.sampleFeed()
        entries[0].title = FeedText(value: "Bad\u{0001}title\u{FFFE}")
        let bytes = try AtomWriter().write(feed: feed, entries: entries)
        let parsed = FeedParser.parse(bytes)
        #expect(parsed.wellFormed)
        #expect(parsed.entries.first?.title?.value == "Badtitle")
    }

    @Test("JSON Feed 1.1 output parses back through the JSON Feed reader")
    func jsonFeedRoundTrip() throws {
        let (feed, entries) = Self.sampleFeed()
        let bytes = JSONFeedWriter().write(feed: feed, entries: entries, feedURL: "https://news.example.org/all.json")
        let parsed = FeedParser.parse(bytes)
        #expect(parsed.format == .jsonfeed11)
        #expect(parsed.feed.title?.value == "All stories & more <news>")
        let entry = try #require(parsed.entries.first)
        #expect(entry.id == "tag:news.example.org,2026-11-28:story-1")
        #expect(entry.link == "https://a.example/havana")
        #expect(entry.summary?.value == "The ministers met on Tuesday. They spoke of trade.")
        #expect(entry.published?.utcString == "2026-09-21T11:26:40Z")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["feed_url"] as? String == "https://news.example.org/all.json")
        #expect(object["home_page_url"] as? String == "https://news.example.org/")
    }

    @Test("OPML written and read back keeps titles, URLs and folders")
    func opmlRoundTrip() throws {
        let document = OPMLDocument(
            title: "Subscriptions",
            created: Date(timeIntervalSince1970: 0),
            outlines: [
                .init(title: "World & more", feedURL: "https://w.example/feed", pageURL: "https://w.example/", folders: ["World"]),
                .init(title: "Cuba page", pageURL: "https://c.example/news", folders: ["World"]),
                .init(title: "Loose", feedURL: "https://l.example/rss"),
            ])
        let bytes = try document.serialized()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<dateCreated>Thu, 01 Jan 1970 00:00:00 GMT</dateCreated>"))
        let parsed = try OPMLDocument.parse(bytes)
        #expect(parsed.title == "Subscriptions")
        #expect(parsed.outlines == document.outlines)
    }

    @Test("OPML from other readers: nested folders, title instead of text, folders without URLs skipped")
    func opmlForeign() throws {
        let source = """
            <?xml version="1.0"?>
            <opml version="1.0"><head><title>Mine</title></head><body>
              <outline title="News"><outline text="Deep"><outline title="X" xmlUrl=" https://x.example/feed " htmlUrl="https://x.example/"/></outline></outline>
              <outline text="Empty folder"/>
              <outline text="Y" type="rss" xmlUrl="https://y.example/atom"/>
            </body></opml>
            """
        let parsed = try OPMLDocument.parse(Array(source.utf8))
        #expect(
            parsed.outlines == [
                .init(title: "X", feedURL: "https://x.example/feed", pageURL: "https://x.example/", folders: ["News", "Deep"]),
                .init(title: "Y", feedURL: "https://y.example/atom"),
            ])
    }

    @Test("a document that is not OPML is refused with a reason")
    func opmlRefused() {
        #expect(throws: OPMLError.self) { try OPMLDocument.parse(Array("<rss version=\"2.0\"/>".utf8)) }
    }
}
