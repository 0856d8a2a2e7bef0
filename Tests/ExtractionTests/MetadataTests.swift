import Testing

@testable import Extraction

@Suite("Metadata")
struct MetadataTests {
    @Test func jsonLDWinsOverOpenGraphAndMeta() {
        let head = """
            <meta property="og:title" content="OG title"><meta property="article:published_time" content="2023-01-01T00:00:00Z">
            <meta name="author" content="Meta Person">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example News"},
            {"@type":["NewsArticle"],"headline":"JSON-LD headline","datePublished":"2024-03-05T10:00:00-05:00",
            "dateModified":"2024-03-06T09:30:00Z","author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Ben Okafor"}]}]}</script>
            """
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: "<article>\(FixtureLoader.prose)</article>"), url: nil, contentType: nil)
        #expect(page.published == "2024-03-05T10:00:00-05:00")
        #expect(page.modified == "2024-03-06T09:30:00Z")
        #expect(page.authors == ["Ana Lima", "Ben Okafor"])
    }

    @Test func jsonLDValuesWrittenHTMLEscapedAreDecoded() {
        // Pages often HTML-escape their JSON-LD; a script's text is not decoded by the parser.
        let head = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Tom &amp; Jerry&rsquo;s day &bogus; out",
            "description":"Ten&#160;years &#x2014; later","image":"https://img.example/a.jpg?w=1200&amp;h=630",
            "author":["Ana &Aacute;lvarez"],"datePublished":"2024-03-05T10:00:00Z"}</script>
            """
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: "<article>\(FixtureLoader.prose)</article>"), url: nil, contentType: nil)
        #expect(page.title == "Tom & Jerry\u{2019}s day &bogus; out")
        #expect(page.description == "Ten years \u{2014} later")
        #expect(page.image == "https://img.example/a.jpg?w=1200&h=630")
        #expect(page.authors == ["Ana \u{C1}lvarez"])
    }

    @Test func openGraphAndMetaNamesAreFallbacks() {
        let head = """
            <meta property="og:site_name" content="Harbour Post"><meta property="og:image" content="/img/lead.jpg">
            <meta name="parsely-pub-date" content="2022-11-30T08:00:00Z"><meta name="author" content="By Carla Reyes">
            <meta property="og:locale" content="pt_BR">
            """
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: "<article>\(FixtureLoader.prose)</article>"), url: "https://harbour.example/news/1", contentType: nil
        )
        #expect(page.published == "2022-11-30T08:00:00Z")
        #expect(page.authors == ["Carla Reyes"])
        #expect(page.siteName == "Harbour Post")
        #expect(page.image == "https://harbour.example/img/lead.jpg")
        #expect(page.language == "pt-BR")
    }

    @Test func timeElementAndBylineWhenNoMeta() {
        let body = """
            <article><h1>Storm closes ports</h1><p class="byline">By <a rel="author" href="/staff/jo">Jo Park</a></p>
            <time datetime="2021-07-14T06:00:00+02:00">14 July</time>\(FixtureLoader.prose)</article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.published == "2021-07-14T06:00:00+02:00")
        #expect(page.authors == ["Jo Park"])
        #expect(!page.text.contains("Jo Park"))
        #expect(page.title == "Storm closes ports")
    }

    @Test func dateFromURLAsLastResort() {
        let page = ArticleExtractor.extract(
            FixtureLoader.page(body: "<article>\(FixtureLoader.prose)</article>"), url: "https://x.example/2020/02/29/leap-day-story",
            contentType: nil)
        #expect(page.published == "2020-02-29T00:00:00Z")
    }

    @Test func noDateRatherThanAWrongOne() {
        let head = "<meta property=\"article:published_time\" content=\"sometime last week\">"
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: "<article>\(FixtureLoader.prose)</article>"), url: nil, contentType: nil)
        #expect(page.published == nil)
    }

    @Test func titleSuffixIsRemovedWithoutHeading() {
        let head = "<title>Council passes budget | Harbour Post</title><meta property=\"og:site_name\" content=\"Harbour Post\">"
        let page = ArticleExtractor.extract(FixtureLoader.page(head: head, body: "<div>\(FixtureLoader.prose)</div>"), url: nil, contentType: nil)
        #expect(page.title == "Council passes budget")
    }

    @Test func headingPreferredWhenItMatchesTheTitle() {
        let head = "<title>Council passes budget after long debate - Harbour Post</title>"
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: "<article><h1>Council passes budget after long debate</h1>\(FixtureLoader.prose)</article>"),
            url: nil, contentType: nil)
        #expect(page.title == "Council passes budget after long debate")
        #expect(!page.text.contains("Council passes budget after long debate"))
    }

    /// The headline readers see wins over a differently worded metadata title on the same
    /// subject; a short heading ("Blog", a section's name) does not.
    @Test func aHeadlineOnTheSameSubjectWinsOverTheSocialTitle() {
        let head = "<meta property=\"og:title\" content=\"Health And Nutrition Trends For 2026\">"
        let seen = "<article><h1>Top 10 Health and Nutrition Trends to Watch</h1>\(FixtureLoader.prose)</article>"
        #expect(
            ArticleExtractor.extract(FixtureLoader.page(head: head, body: seen), url: nil, contentType: nil).title
                == "Top 10 Health and Nutrition Trends to Watch")
        let section = "<article><h1>Nutrition Blog</h1>\(FixtureLoader.prose)</article>"
        #expect(
            ArticleExtractor.extract(FixtureLoader.page(head: head, body: section), url: nil, contentType: nil).title
                == "Health And Nutrition Trends For 2026")
        let unrelated = "<article><h1>Our readers wrote to us about the ferry again</h1>\(FixtureLoader.prose)</article>"
        #expect(
            ArticleExtractor.extract(FixtureLoader.page(head: head, body: unrelated), url: nil, contentType: nil).title
                == "Health And Nutrition Trends For 2026")
    }

    /// The headline's `<h1>` loses what it shares with a metadata title's decorations (the
    /// site's name, a short section label after "|"), a heading nested in it and a date in it.
    @Test(arguments: [
        "<h1>Ferry fares rise in spring – Harbour Post</h1>",
        "<h1>Ferry fares rise in spring | Opinion</h1>",
        "<h1>Ferry fares rise in spring<div class=\"divider\"></div><h3>Posted on June 3, 2025</h3></h1>",
        "<h1><a href=\"/fares\"><time datetime=\"2025-06-03\">Jun 3 2025</time> Ferry fares rise in spring</a></h1>",
    ])
    func headlineWithoutItsDecorations(heading: String) {
        let head = "<meta property=\"og:site_name\" content=\"Harbour Post\"><title>Ferry fares rise in spring | Harbour Post</title>"
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: "<article>\(heading)\(FixtureLoader.prose)</article>"), url: nil, contentType: nil)
        #expect(page.title == "Ferry fares rise in spring")
    }

    /// A theme's first `<h1>` is often the site's name, a link home; the headline is the next
    /// one, even when the social title says something else.
    @Test(arguments: [
        "<h1 class=\"site-title\"><a href=\"/\">Harbour Post</a></h1>",
        "<h1><a href=\"https://harbour.example/\">The Harbour Post Daily</a></h1>",
        "<h1 class=\"logo\">Harbour Post</h1>",
    ])
    func theSitesNameInAnH1IsNoHeadline(logo: String) {
        let head = """
            <title>Ferry fares rise in spring | Harbour Post</title><meta property="og:site_name" content="Harbour Post">
            <meta property="og:title" content="Why your ferry ticket costs more">
            """
        let body = "<div class=\"top\">\(logo)</div><article><h1>Ferry fares rise in spring</h1>\(FixtureLoader.prose)</article>"
        let page = ArticleExtractor.extract(FixtureLoader.page(head: head, body: body), url: nil, contentType: nil)
        #expect(page.title == "Ferry fares rise in spring")
    }

    @Test(arguments: [
        ("Council passes budget | Harbour Post", "Council passes budget"),
        ("Council passes budget - Harbour Post", "Council passes budget"),
        ("Harbour Post: Council passes budget", "Harbour Post: Council passes budget"),
        ("Harbour Post | Council passes budget", "Council passes budget"),
        ("Lavrov in Cuba: High-level talks", "Lavrov in Cuba: High-level talks"),
    ])
    func titleSuffixes(_ raw: String, _ expected: String) {
        #expect(TitleCleaner.stripSite(raw, siteName: "Harbour Post", host: "harbourpost.example") == expected)
    }

    @Test func canonicalURLIsAbsolute() {
        let head = "<link rel=\"canonical\" href=\"/news/council-budget\">"
        let page = ArticleExtractor.extract(
            FixtureLoader.page(head: head, body: "<article>\(FixtureLoader.prose)</article>"), url: "https://harbour.example/x?utm=1",
            contentType: nil)
        #expect(page.canonicalURL == "https://harbour.example/news/council-budget")
        #expect(page.url == "https://harbour.example/x?utm=1")
    }
}
