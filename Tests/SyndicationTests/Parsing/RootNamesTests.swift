import Testing

@testable import Syndication

/// What the parser makes of the names and language a document declares on its root: the
/// per-document steps that take byte searches instead of Foundation's string search.
@Suite("Root names and language")
struct RootNamesTests {
    @Test(arguments: [
        ("http://backend.userland.com/rss2", ""),
        ("http://backend.userland.com/rss", ""),
        ("HTTP://Backend.UserLand.com/RSS2", ""),
        ("https://mirror.example/backend.userland.com/rss091", ""),
        ("http://purl.org/dc/elements/1.1/", "dc"),
        ("http://www.w3.org/2005/Atom", ""),
        ("http://backend.userland.com/blogChannelModule", "blogchannel"),
    ])
    func knownNamespacesHaveTheirShortNames(uri: String, short: String) {
        #expect(FeedNamespaces.shortName(for: uri) == short)
    }

    @Test(arguments: ["http://backend.userland.com/", "http://example.com/rss", "backend.userland.com/rs", "urn:x"])
    func otherNamespacesHaveNone(uri: String) {
        #expect(FeedNamespaces.shortName(for: uri) == nil)
    }

    @Test func elementsInUserLandsNamespaceAreRSSElements() throws {
        let document = #"""
            <rss version="2.0" xmlns:u="http://backend.userland.com/rss2">
            <channel><u:title>Wire</u:title><item><u:title>First</u:title><u:link>http://example.com/1</u:link></item></channel>
            </rss>
            """#
        let parsed = FeedParser.parse(Array(document.utf8), baseURL: nil, contentType: nil)
        #expect(parsed.feed.title?.value == "Wire")
        let entry = try #require(parsed.entries.first)
        #expect(entry.title?.value == "First")
        #expect(entry.link == "http://example.com/1")
    }

    @Test(arguments: [("en_US", "en-US"), ("en-GB", "en-GB"), ("pt_BR_x", "pt-BR-x"), ("fr", "fr")])
    func theRootLanguageUsesHyphens(given: String, expected: String) {
        let document = #"<rss version="2.0" xml:lang="\#(given)"><channel><title>T</title></channel></rss>"#
        #expect(FeedParser.parse(Array(document.utf8), baseURL: nil, contentType: nil).feed.language == expected)
    }

    @Test func aTextConstructsLanguageUsesHyphens() {
        let document = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry xml:lang="de_AT"><title>Titel</title>\
            <summary xml:lang="en">Plain</summary></entry></feed>
            """
        let entry = FeedParser.parse(Array(document.utf8), baseURL: nil, contentType: nil).entries.first
        #expect(entry?.title?.language == "de-AT")
        #expect(entry?.summary?.language == "en")
    }
}
