import Testing

@testable import Extraction

@Suite("Page types, links and feeds")
struct PageTypeTests {
    static let indexBody: String = {
        var items = ""
        for number in 1...12 {
            items +=
                "<li><h3><a href=\"/world/2024/02/\(10 + number)/story-number-\(number)-about-events\">Story number \(number) about important events today</a></h3></li>"
        }
        items +=
            "<li><h3><a href=\"/world/2024/02/11/story-number-1-about-events#comments\">Story number 1 about important events today</a></h3></li>"
        return
            "<nav><a href=\"/world/2024/01/01/nav-link-that-looks-like-an-article\">A navigation link that looks like an article</a></nav><main><ul>\(items)</ul></main>"
    }()

    @Test func indexPageListsArticleLinksInOrderWithoutDuplicates() {
        let page = ArticleExtractor.extract(FixtureLoader.page(body: Self.indexBody), url: "https://news.example/world/", contentType: nil)
        #expect(page.pageType == .index)
        #expect(page.links.count == 12)
        #expect(
            page.links.first
                == PageLink(
                    url: "https://news.example/world/2024/02/11/story-number-1-about-events", title: "Story number 1 about important events today"))
        #expect(page.links.last?.url == "https://news.example/world/2024/02/22/story-number-12-about-events")
        #expect(!page.links.contains { $0.url.contains("nav-link") })
    }

    @Test func localIndexPageFollowsLocalLinksOnly() {
        let body =
            Self.indexBody.replacingOccurrences(of: "href=\"/world/", with: "href=\"world/")
            + "<p><a href=\"https://other.example/world/2024/02/11/a-story-on-another-site\">A story on another site entirely</a></p>"
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: "file:///srv/samples/index.html", contentType: nil)
        #expect(page.pageType == .index)
        #expect(page.links.count == 12)
        #expect(page.links.first?.url == "file:///srv/samples/world/2024/02/11/story-number-1-about-events")
        #expect(!page.links.contains { $0.url.hasPrefix("https:") })
    }

    @Test func webIndexPageDoesNotFollowFileLinks() {
        let body = Self.indexBody.replacingOccurrences(of: "href=\"/world/", with: "href=\"file:///etc/world/")
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: "https://news.example/world/", contentType: nil)
        #expect(page.links.isEmpty)
    }

    @Test func articlePageIsArticleWithoutLinks() {
        let page = ArticleExtractor.extract(
            FixtureLoader.page(body: "<article>\(FixtureLoader.prose)\(FixtureLoader.prose)</article>"), url: nil, contentType: nil)
        #expect(page.pageType == .article)
        #expect(page.links.isEmpty)
    }

    @Test func emptyPageIsOther() {
        let page = ArticleExtractor.extract(FixtureLoader.page(body: "<form><input name=q><button>Go</button></form>"), url: nil, contentType: nil)
        #expect(page.pageType == .other)
        #expect(page.text.isEmpty)
    }

    @Test func feedAutodiscovery() {
        let head = """
            <link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="alternate" type="application/atom+xml" href="https://news.example/atom.xml">
            <link rel="alternate" type="application/feed+json" href="feed.json"><link rel="alternate" hreflang="fr" href="/fr/">
            <link rel="stylesheet" type="text/css" href="/site.css"><link rel="alternate" type="application/rss+xml" href="/rss.xml">
            """
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: FixtureLoader.prose), url: "https://news.example/section/page", contentType: nil)
        #expect(page.feeds == ["https://news.example/rss.xml", "https://news.example/atom.xml", "https://news.example/section/feed.json"])
    }

    @Test func relativeLinksStayRelativeWithoutAnyBase() {
        let head = "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\">"
        let page = ArticleExtractor.extract(FixtureLoader.page(head: head, body: FixtureLoader.prose), url: nil, contentType: nil)
        #expect(page.feeds == ["/rss.xml"])
    }
}
