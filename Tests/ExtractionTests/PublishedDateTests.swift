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

    @Test func modificationDateShownAloneIsThePagesDate() {
        let body = """
            <article><h1>Harbour reopens</h1><div><span>Last updated:</span> <span>June 2, 2024</span></div>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(head: Self.published + Self.modified, body: body).published == "2024-06-02T12:00:00-05:00")
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
