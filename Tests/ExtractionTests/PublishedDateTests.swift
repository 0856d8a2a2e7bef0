import Testing

@testable import Extraction

/// Which date a page gets when its metadata and what it shows disagree.
@Suite("Published date")
struct PublishedDateTests {
    private static let published = "<meta property=\"article:published_time\" content=\"2023-01-10T09:00:00-05:00\">"
    private static let modified = "<meta property=\"article:modified_time\" content=\"2024-06-02T12:00:00-05:00\">"

    private func extract(head: String = "", body: String, url: String? = nil) -> ExtractedPage {
        ArticleExtractor.extract(FixtureLoader.page(head: head, body: body), url: url, contentType: nil)
    }

    @Test func timeElementInTheHeaderGivesTheDate() {
        let body = """
            <article><h1>Harbour reopens after storm</h1><div class="meta"><time datetime="2022-09-14">Sept. 14</time></div>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(body: body).published == "2022-09-14T00:00:00Z")
    }

    @Test func statedDateShownOnThePageWins() {
        let body = """
            <article><h1>Harbour reopens</h1><p class="dates">Published January 10, 2023. Updated June 2, 2024</p>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(head: Self.published + Self.modified, body: body).published == "2023-01-10T09:00:00-05:00")
    }

    @Test func modificationDateShownAloneLeavesTheStatedDate() {
        // The header shows only the metadata's modification date: that is the revision, and
        // `modified` carries it; the publication date stays the stated one.
        let body = """
            <article><h1>Harbour reopens</h1><div><span>Last updated:</span> <span>June 2, 2024</span></div>
            \(FixtureLoader.prose)</article>
            """
        let page = extract(head: Self.published + Self.modified, body: body)
        #expect(page.published == "2023-01-10T09:00:00-05:00")
        #expect(page.modified == "2024-06-02T12:00:00-05:00")
    }

    @Test func modificationDateShownAloneIsThePagesDateWhenOnlySchemaOrgStatesThePublication() {
        // JSON-LD (or microdata) states the publication, no `<meta>` does, and the page shows
        // readers its revision: an evergreen page presented as of that revision.
        let body = """
            <article><h1>Harbour reopens</h1><div><span>Last updated:</span> <span>June 2, 2024</span></div>
            \(FixtureLoader.prose)</article>
            """
        let jsonLD = """
            <script type="application/ld+json">{"@type": "Article", "datePublished": "2023-01-10T09:00:00-05:00",
            "dateModified": "2024-06-02T12:00:00-05:00"}</script>
            """
        #expect(extract(head: jsonLD, body: body).published == "2024-06-02T12:00:00-05:00")
        let microdata = "<meta itemprop=\"datePublished\" content=\"2023-01-10\">"
        #expect(extract(head: microdata + Self.modified, body: body).published == "2024-06-02T12:00:00-05:00")
        // The same page with an OpenGraph publication time keeps the stated date.
        #expect(extract(head: jsonLD + Self.published, body: body).published == "2023-01-10T09:00:00-05:00")
        // A revision date the page does not show changes nothing.
        let hidden = """
            <article><h1>Harbour reopens</h1>\(FixtureLoader.prose)</article>
            """
        #expect(extract(head: jsonLD, body: hidden).published == "2023-01-10T09:00:00-05:00")
    }

    @Test func statedDatesThatDisagreeGiveTheOneShown() {
        // JSON-LD says 2018, the `<meta>` publication time says 2024 and the page shows 2024.
        let jsonLD = """
            <script type="application/ld+json">{"@type": "Article", "datePublished": "2018-04-03T16:50:31Z"}</script>
            """
        let meta = "<meta property=\"article:published_time\" content=\"2024-06-02T12:00:00Z\">"
        let body = """
            <article><h1>Harbour reopens</h1><p class="byline">By Ann Lee · June 2, 2024</p>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(head: jsonLD + meta, body: body).published == "2024-06-02T12:00:00Z")
        // Neither shown: the JSON-LD date, first in precedence, stands.
        let plain = "<article><h1>Harbour reopens</h1>\(FixtureLoader.prose)</article>"
        #expect(extract(head: jsonLD + meta, body: plain).published == "2018-04-03T16:50:31Z")
    }

    @Test func modificationDateShownAloneIsThePagesDateWithoutAStatedOne() {
        let body = """
            <article><h1>Harbour reopens</h1><div><span>Last updated:</span> <span>June 2, 2024</span></div>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(head: Self.modified, body: body).published == "2024-06-02T12:00:00-05:00")
    }

    @Test func originalDateBeforeTheRevisionWins() {
        // No stated date: "March 3 · Updated June 2" in the header gives March 3.
        let header = """
            <article><h1>Harbour reopens</h1><p class="meta"><span>March 3, 2024</span> · <span>Updated June 2, 2024</span></p>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(head: Self.modified, body: header).published == "2024-03-03T00:00:00Z")
        // The same line under the article, out of the header.
        let below = """
            <article><h1>Harbour reopens</h1>\(FixtureLoader.prose)
            <p class="credit">Interview by Jo Park</p><p class="date">March 3, 2024. <i>Updated: June 2, 2024</i></p></article>
            """
        #expect(extract(head: Self.modified, body: below).published == "2024-03-03T00:00:00Z")
    }

    @Test func dateBelowALongStandfirstIsInTheHeader() {
        // The standfirst is long enough to pass for a paragraph; the date line under it still
        // belongs to the header block around the headline.
        let head = "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":\"Jun 24, 2025\"}</script>"
        let body = """
            <article><div class="intro"><h1>How much to charge for a class</h1>
            <p class="summary">Setting a price is one of the hardest parts of teaching: too low and you burn out, too high and the room stays empty, so here is how to decide.</p>
            <div class="byline"><div>Shauna Mitchell</div><div>August 25, 2024</div></div></div>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(head: head, body: body).published == "2024-08-25T00:00:00Z")
    }

    @Test func publishedLabelNearTheArticleOutranksAnUnshownStatedDate() {
        let head = "<meta property=\"article:published_time\" content=\"2025-11-29T12:28:31-05:00\">"
        let body = """
            <article><h1>Free accounting tools</h1>\(FixtureLoader.prose)
            <div class="published">Published <time datetime="2025-08-13">August 13, 2025</time></div></article>
            """
        #expect(extract(head: head, body: body).published == "2025-08-13T00:00:00Z")
    }

    @Test func datesBesideTheHeadlineComeBeforeDatesAboveIt() {
        let body = """
            <main><div class="promo"><figure><figcaption>Tasting evening: 02 Apr 2026 18:00</figcaption></figure></div>
            <div class="head"><h1>The ultimate guide to wine</h1><div class="by"><span>Sarah Knowles</span>
            <time class="article-date">22 June 2020</time></div></div>
            <div class="body">\(FixtureLoader.prose)</div></main>
            """
        #expect(extract(body: body).published == "2020-06-22T00:00:00Z")
    }

    @Test func utcTimeElementShowingTheLocalDayGivesThatDay() {
        let body = """
            <article><h1>Home gym on a budget</h1><span><time datetime="2026-02-24T04:13:00Z">February 23, 2026</time></span>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(body: body).published == "2026-02-23T00:00:00Z")
    }

    @Test func jsonLDInAMetaValueIsRead() {
        let head = """
            <meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">
            """
        #expect(extract(head: head, body: "<article>\(FixtureLoader.prose)</article>").published == "2025-11-17T09:00:00-05:00")
    }

    @Test func urlDateFromOpenGraphWithAMonthName() {
        // The canonical link is broken; og:url holds the date, with the month written out.
        let head = """
            <link rel="canonical" href="What are wine styles?">
            <meta property="og:url" content="https://wine.example/blog/2023/october/03/wine-styles">
            """
        let body = "<article><h1>Wine styles</h1><p>03/10/2023</p>\(FixtureLoader.prose)</article>"
        #expect(extract(head: head, body: body).published == "2023-10-03T00:00:00Z")
    }

    @Test func headerDateOutranksAStatedDateNotShown() {
        let body = """
            <article><h1>Harbour reopens</h1><p class="byline">By Jo Park · Updated March 3, 2024</p>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(head: Self.published, body: body).published == "2024-03-03T00:00:00Z")
    }

    @Test func utcTimeStampTakesTheLocalDayShown() {
        let head = "<meta property=\"article:published_time\" content=\"2025-12-19T02:41:41Z\">"
        let body = "<article><h1>Late post</h1><p>December 18, 2025</p>\(FixtureLoader.prose)</article>"
        #expect(extract(head: head, body: body).published == "2025-12-18T00:00:00Z")
        // Without a shown date, the URL's day decides.
        let fromURL = extract(head: head, body: "<article>\(FixtureLoader.prose)</article>", url: "https://blog.example/2025/12/18/late-post")
        #expect(fromURL.published == "2025-12-18T00:00:00Z")
    }

    @Test func datesOfOtherStoriesAreNotThePagesDate() {
        let body = """
            <article><h1>Harbour reopens</h1>\(FixtureLoader.prose)</article>
            <aside><h2>More news</h2><ul><li><a href="/a">Ferry strike ends</a> <span>March 1, 2021</span></li>
            <li><a href="/b">Bridge vote delayed</a> <span>February 27, 2021</span></li></ul></aside>
            <footer><p>© 2024 Harbour Post. Updated daily.</p></footer>
            """
        #expect(extract(body: body).published == nil)
    }

    @Test(arguments: [
        ("Last updated: 2025-02-22", "2025-02-22T00:00:00Z"),
        ("Jun 08, 2023 • 11 Minute Read", "2023-06-08T00:00:00Z"),
        ("Posted on 3rd March 2023 by Jo", "2023-03-03T00:00:00Z"),
    ])
    func findsADateInAShortLine(_ line: String, _ expected: String) {
        #expect(DateNormalizer.find(in: line).map(DateNormalizer.format) == expected)
    }

    @Test(arguments: ["Call 555-123-4567", "Top 10 tips for 2024", "© 2024 Harbour Post", "11 Minute Read"])
    func findsNoDateWhereThereIsNone(_ line: String) {
        #expect(DateNormalizer.find(in: line) == nil)
    }
}
