import LibXML
import Testing

@testable import Extraction

@Suite("Main content")
struct ArticleExtractorTests {
    @Test func lavrovPageYieldsExactlyItsFiveParagraphs() throws {
        let page = ArticleExtractor.extract(try FixtureLoader.bytes("lavrov-in-cuba.html"), url: nil, contentType: "text/html")
        let expected = try FixtureLoader.text("lavrov-in-cuba.expected.txt").trimmingSpaces()
        #expect(page.text == expected)
        #expect(page.text.components(separatedBy: "\n\n").count == 5)
    }

    @Test(arguments: [
        "No time to read?", "Get a summary", "Previous Article", "Next Article", "All-Polish Youth", "New Star Factory", "Most read", "cookies",
        "All rights reserved", "Twitter",
    ])
    func lavrovPageDropsBoilerplate(_ phrase: String) throws {
        let page = ArticleExtractor.extract(try FixtureLoader.bytes("lavrov-in-cuba.html"), url: nil, contentType: nil)
        #expect(!page.text.contains(phrase))
        #expect(!page.html.contains(phrase))
    }

    @Test func lavrovPageMetadata() throws {
        let page = ArticleExtractor.extract(try FixtureLoader.bytes("lavrov-in-cuba.html"), url: nil, contentType: nil)
        #expect(page.title == "Lavrov in Cuba: High-level talks reinforce Moscow-Havana ties")
        #expect(page.published == "2024-02-20T08:15:00Z")
        #expect(page.siteName == "The Daily Meridian")
        #expect(page.language == "en")
        #expect(page.pageType == .article)
        #expect(page.canonicalURL == "https://meridian.example/world/2024/02/20/lavrov-in-cuba-high-level-talks")
        #expect(page.wordCount > 300)
    }

    @Test func htmlIsSanitizedAndLinksAbsolute() {
        let body = """
            <article><p onclick="steal()">Read the <a href="/reports/annual-2024">annual report</a> and the <a href="javascript:alert(1)">summary</a> before the meeting, which starts at noon on Friday in the main hall.</p>
            <script>alert('x')</script><p>Second paragraph of the story with <em>emphasis</em> and a figure below that shows the results of the survey in detail.</p>
            <figure><img src="/img/chart.png" alt="Chart"><figcaption>Results of the survey.</figcaption></figure></article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: "https://news.example/story", contentType: nil)
        #expect(page.html.contains("href=\"https://news.example/reports/annual-2024\""))
        #expect(!page.html.contains("javascript:"))
        #expect(!page.html.contains("onclick"))
        #expect(!page.html.contains("<script"))
        #expect(page.html.contains("<img src=\"https://news.example/img/chart.png\" alt=\"Chart\">"))
        #expect(page.html.contains("<em>emphasis</em>"))
    }

    /// One more paragraph of the budget story (`FixtureLoader.prose`).
    private static let review =
        "<p>Officials said the vote would be reviewed by the regional authority before the end of the month, as the law requires for any budget that raises taxes.</p>"

    /// The text extracted from a page with this body.
    private func text(of body: String) -> String {
        ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil).text
    }

    /// Readers' paragraphs, long enough to outweigh a third of a short article.
    private static func testimonials(_ count: Int) -> String {
        (1...count).map { number in
            "<p>Reader \(number) wrote that the staff were friendly, the waiting room was clean and the appointment started on time, "
                + "and that they would recommend the practice to every family in the neighbourhood without hesitation.</p>"
        }.joined()
    }

    @Test func aLongCommentThreadIsNeverTheArticle() {
        let body = """
            <div class="wrap"><article class="post">\(FixtureLoader.prose)</article>
            <div id="comments" class="comments-area"><h3>Reader responses</h3>\(Self.testimonials(6))</div></div>
            """
        let text = text(of: body)
        #expect(text.contains("The mayor is expected to sign the budget"))
        #expect(!text.contains("Reader 1 wrote"))
    }

    @Test func aPageFooterHoldingAThirdOfThePageIsLeftOut() {
        // The same testimonials twice, as themes write them: in the footer for large screens,
        // and in a bar named like a footer for small ones.
        let body = """
            <div class="site-root"><div class="site"><main><article class="post">\(FixtureLoader.prose)
            \(Self.review)</article></main>
            <footer class="colophon"><div class="reviews">\(Self.testimonials(3))</div></footer></div>
            <div class="bar bar-footer hide-large"><div class="reviews">\(Self.testimonials(3))</div></div></div>
            """
        let text = text(of: body)
        #expect(text.contains("The mayor is expected to sign the budget"))
        #expect(text.contains("reviewed by the regional authority"))
        #expect(!text.contains("Reader 1 wrote"))
    }

    @Test func theArticleContainerDoesNotClimbIntoTheFooter() {
        // The article in plain layout divisions beside the footer: a container climbing towards
        // more prose must not count the footers' (which are furniture) as the article's.
        let body = """
            <div class="site-root"><div class="site"><div class="layout"><div class="section"><div class="row"><div class="col">
            \(FixtureLoader.prose)
            \(Self.review)
            </div></div></div></div>
            <footer class="colophon"><div class="reviews">\(Self.testimonials(3))</div></footer></div>
            <div class="bar bar-footer hide-large"><div class="reviews">\(Self.testimonials(3))</div></div></div>
            """
        let text = text(of: body)
        #expect(text.contains("The mayor is expected to sign the budget"))
        #expect(!text.contains("Reader 1 wrote"))
    }

    /// A story's teaser as news sites list them: its own <article> with a linked title and
    /// the opening paragraph.
    private static func teaser(_ number: Int) -> String {
        """
        <article class="post-\(number)"><div class="title"><a href="/news/\(number)">Story \(number) of the day</a></div>
        <div class="body"><p>Teaser \(number): the harbour authority said on Wednesday that the new ferry terminal would open in March, \
        after two years of delays caused by storms, a shortage of steel and a dispute with the contractor over the price.</p></div></article>
        """
    }

    @Test func aListOfOtherStoriesBesideTheArticleIsLeftOut() {
        let body = """
            <div class="page"><div class="story">\(FixtureLoader.prose)
            \(Self.review)
            <p>The council's finance committee will publish a detailed breakdown of the spending on its website, listing every project and the district it serves.</p>
            <p>Residents can comment on the list until the end of January, and the committee has promised to answer every question raised at the public meetings.</p>
            <p>Last year's budget was approved in a single evening, but the debate over the tax increase made this one the longest session in a decade.</p></div>
            <section class="slot"><div class="label">Also in the news</div>\((1...2).map(Self.teaser).joined())</section></div>
            """
        let text = text(of: body)
        #expect(text.contains("The mayor is expected to sign the budget"))
        #expect(text.contains("longest session in a decade"))
        #expect(!text.contains("Teaser 1:"))
    }

    @Test func aPageMadeOfArticleTilesKeepsThem() {
        // The tiles come in groups, none of which holds a third of the page.
        let body = """
            <main><p>The best ferry rides of the year, chosen by our writers after a summer at sea, from short harbour hops to long island crossings.</p>
            <section class="tiles"><div class="zone">\((1...2).map(Self.teaser).joined())</div>
            <div class="zone">\((3...4).map(Self.teaser).joined())</div><div class="zone">\((5...6).map(Self.teaser).joined())</div>
            <div class="zone">\((7...8).map(Self.teaser).joined())</div></section></main>
            """
        let text = text(of: body)
        #expect(text.contains("Teaser 1:"))
        #expect(text.contains("Teaser 8:"))
    }

    @Test func aHighlightersClassesInsideCodeAreNotFurniture() {
        // Prism and highlight.js class code comments `comment` and HTML tags `tag`.
        let body = """
            <article>\(FixtureLoader.prose)<pre><code class="language-bash"><span class="token comment"># start a repository</span>
            git init
            <span class="hljs-comment"># and record the first change</span>
            git commit -m "<span class="token tag">first</span>"</code></pre></article>
            """
        let text = text(of: body)
        #expect(text.contains("# start a repository"))
        #expect(text.contains("# and record the first change"))
        #expect(text.contains("first"))
    }

    @Test func aDataTablesCellClassesStyleTheData() {
        // A design system's type scale (`font-utility-2`) names a furniture word.
        let cell = "td class=\"py-tight font-utility-2\""
        let body = """
            <article>\(FixtureLoader.prose)<table><thead><tr><th>Week</th><th>Monday</th><th>Saturday</th></tr></thead>
            <tr><\(cell)>1</td><\(cell)>Rest day with a short walk</td><\(cell)>Easy run of thirty minutes</td></tr>
            <tr><\(cell)>2</td><\(cell)>Rest day with stretching</td><\(cell)>Long run of forty minutes</td></tr></table></article>
            """
        let text = text(of: body)
        #expect(text.contains("Easy run of thirty minutes"))
        #expect(text.contains("Long run of forty minutes"))
    }

    @Test func aLayoutTablesCellsKeepTheirHints() {
        let body = """
            <table><tr><td class="sidebar"><p>Subscribe to our newsletter for weekly tips and offers from our partners and friends.</p></td>
            <td class="content">\(FixtureLoader.prose)</td></tr></table>
            """
        let text = text(of: body)
        #expect(text.contains("The city council approved the new budget"))
        #expect(!text.contains("Subscribe to our newsletter"))
    }

    @Test func aDropDownsChoicesAreNotProse() {
        // A blog's archive widget, a month per option, beside a post whose comment thread (which
        // votes against its container) is longer than the post.
        let months = (1...100).map { "<option value=\"/\($0)\">Archive of month number \($0) of the blog (12 posts)</option>" }.joined()
        let comments = (1...10).map {
            "<p>Comment \($0): I read this with great interest and I think the council made the right choice for the city and its schools.</p>"
        }.joined()
        let body = """
            <div class="wrap"><main><article class="post">\(FixtureLoader.prose)</article><div id="comments" class="comments-area">\(comments)</div></main>
            <aside class="sidebar"><section class="widget"><div class="widget-wrap"><h4>Archives</h4><select name="archive">\(months)</select></div></section></aside></div>
            """
        let text = text(of: body)
        #expect(text.contains("The mayor is expected to sign the budget"))
        #expect(!text.contains("Archive of month"))
        #expect(!text.contains("Comment 1:"))
    }

    @Test func aScrapInsideTheArticleDoesNotWinWhenVotesSinkTheArticle() {
        // A buyer's guide: a greeting box, the guide's prose, customers' reviews in a carousel
        // (furniture), and a long list of links to other cities' guides. Every container of the
        // guide scores below zero; the greeting scores a little above it.
        let reviews = (1...2).map { number in
            "<p>Review \(number): the crew arrived on time, wrapped every piece of furniture with care and "
                + "finished the whole move in under five hours, and the final bill matched the written estimate to the dollar.</p>"
        }.joined()
        let cities = (1...150).map { "<li><a href=\"/movers/city-\($0)/\">Movers in city number \($0)</a></li>" }.joined()
        let body = """
            <main><article class="post"><div class="intro"><div class="intro__text">I have helped people move for years. Let me help you.</div></div>
            <h2>Best movers in the city</h2>\(String(repeating: FixtureLoader.prose, count: 3))<div class="carousel">\(reviews)</div><h2>Movers nearby</h2><ul class="columns">\(cities)</ul></article></main>
            """
        let text = text(of: body)
        #expect(text.contains("The city council approved the new budget"))
        #expect(text.contains("The mayor is expected to sign the budget"))
        #expect(!text.contains("Movers in city number"))
    }

    @Test func aHeaderWithADivLeftOpenDoesNotSwallowTheArticle() {
        // libxml2 ignores `</header>` while the menu's div is open; a browser closes both.
        let menu = (1...4).map { "<div class=\"column\"><h3>Menu group \($0)</h3><p>Forms, licenses and agents, guide number \($0)</p></div>" }
            .joined()
        let body = """
            <div class="page-content"><header class="site"><nav class="mega">\(menu)<div class="panel"></header>
            <h1>How to start an LLC</h1>\(FixtureLoader.prose)</div>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The city council approved the new budget"))
        #expect(!page.text.contains("guide number"))
    }

    @Test func thePageFooterIsNeverTheArticle() {
        // A legal notice longer than the article, in the page's footer landmark.
        let notice = (1...8).map { number in
            "<p>Notice \(number): this material is not intended to replace the advice of a qualified advisor, and the information, "
                + "obtained from sources believed to be reliable, is not guaranteed as to its accuracy or completeness.</p>"
        }.joined()
        let body = """
            <main><div class="entry">\(FixtureLoader.prose)</div></main><footer><div class="legal-text">\(notice)</div></footer>
            """
        let text = text(of: body)
        #expect(text.contains("The mayor is expected to sign the budget"))
        #expect(!text.contains("Notice 1:"))
    }

    @Test func classWordsAreFoundInEitherCase() {
        #expect(ByteSearch.containsIgnoringCase("x-bar Site-FOOTER", "footer"))
        #expect(ByteSearch.containsIgnoringCase("footer", "footer"))
        #expect(!ByteSearch.containsIgnoringCase("foote", "footer"))
        #expect(!ByteSearch.containsIgnoringCase("", "comment"))
        #expect(!ByteSearch.containsIgnoringCase("f\u{F6}oter", "footer"))
        // A needle opening with a non-letter, a match at the very end, a false start before it.
        #expect(ByteSearch.containsIgnoringCase("https://x.org/AUTHOR/jane", "/author/"))
        #expect(ByteSearch.containsIgnoringCase("authoauthor", "author"))
        #expect(!ByteSearch.containsIgnoringCase("/authors", "/author/"))
        #expect(ByteSearch.contains("application/ld+json", "ld+json"))
        #expect(!ByteSearch.contains("application/json", "ld+json"))
        #expect(ByteSearch.contains("any", ""))
    }

    @Test func separatorsAreFoundByTheirBytesFromEitherEnd() {
        let title = "Caf\u{E9} news \u{2014} the long read \u{2014} Le Monde"
        let first = ByteSearch.range(of: " \u{2014} ", in: title)
        let last = ByteSearch.range(of: " \u{2014} ", in: title, backwards: true)
        #expect(first.map { String(title[..<$0.lowerBound]) } == "Caf\u{E9} news")
        #expect(first.map { String(title[$0.upperBound...]) } == "the long read \u{2014} Le Monde")
        #expect(last.map { String(title[..<$0.lowerBound]) } == "Caf\u{E9} news \u{2014} the long read")
        #expect(last.map { String(title[$0.upperBound...]) } == "Le Monde")
        // At the very start and the very end; absent; longer than the text; empty.
        #expect(ByteSearch.range(of: "| ", in: "| Site", backwards: true).map { String("| Site"[$0.upperBound...]) } == "Site")
        #expect(ByteSearch.range(of: " |", in: "Title |").map { String("Title |"[..<$0.lowerBound]) } == "Title")
        #expect(ByteSearch.range(of: " | ", in: "no separator") == nil)
        #expect(ByteSearch.range(of: "longer than it", in: "short") == nil)
        #expect(ByteSearch.range(of: "", in: "any") == nil)
    }

    @Test func textBuilderCollapsesEveryKindOfSpaceBetweenRuns() {
        // No-break, thin and zero-width spaces, a byte-order mark, tabs and line breaks.
        let text = "  caf\u{E9}\u{A0}\u{A0}na\u{EF}ve\u{2009}\u{200B}x\u{FEFF}\ty\n\nz \u{2014} end  "
        #expect(TextBuilder.collapse(text) == "caf\u{E9} na\u{EF}ve x y z \u{2014} end")
        var builder = TextBuilder()
        builder.append("one ")
        builder.append(" two")
        builder.append("three")
        #expect(builder.result == "one twothree")
    }

    @Test func keepsListsHeadingsQuotesAndTables() {
        let body = """
            <div class="entry-content">\(FixtureLoader.prose)
            <h2>What comes next</h2><ul><li>Road repairs in the north district</li><li>New teachers for primary schools</li></ul>
            <blockquote><p>We have waited a long time for this.</p></blockquote>
            <table><tr><th>Item</th><th>Cost</th></tr><tr><td>Roads</td><td>12m</td></tr></table></div>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("What comes next"))
        #expect(page.text.contains("Road repairs in the north district"))
        #expect(page.text.contains("We have waited a long time for this."))
        #expect(page.html.contains("<h2>What comes next</h2>"))
        #expect(page.html.contains("<li>"))
        #expect(page.html.contains("<blockquote>"))
        #expect(page.html.contains("<td>Roads</td>"))
    }

    @Test func dropsShareBarsRelatedListsAndNewsletterBoxes() {
        let body = """
            <div class="story-body">\(FixtureLoader.prose)
            <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Another story about the council and its budget plans</a></li><li><a href="/b">The mayor answers readers</a></li></ul></div>
            <div class="newsletter"><p>Sign up for our daily newsletter and never miss a story again, delivered every morning.</p></div>
            <div class="social-share"><a href="#">Share on Facebook</a></div></div>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The city council approved"))
        #expect(!page.text.contains("Another story"))
        #expect(!page.text.contains("newsletter"))
        #expect(!page.text.contains("Share on Facebook"))
    }

    @Test func paragraphsAreSeparatedByOneBlankLine() {
        let page = ArticleExtractor.extract(FixtureLoader.page(body: "<article>\(FixtureLoader.prose)</article>"), url: nil, contentType: nil)
        #expect(page.text.components(separatedBy: "\n\n").count == 3)
        #expect(!page.text.contains("\n\n\n"))
        #expect(!page.text.hasPrefix("\n") && !page.text.hasSuffix("\n"))
    }

    @Test func jsonLDArticleBodyGuidesTheChoice() {
        let body = """
            <div class="a"><p>Short teaser text that is not the article but looks a little like prose, with commas, and stops.</p></div>
            <div class="b">\(FixtureLoader.prose)</div>
            """
        let script =
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Budget\",\"articleBody\":\"The city council approved the new budget on Tuesday evening after a debate that lasted more than six hours, with members split over spending on roads and schools. Supporters said the plan would repair dozens of bridges and hire more teachers, while critics warned that the tax increase would hurt small businesses across the region. The mayor is expected to sign the budget next week, and the first projects could begin as early as the spring, according to officials familiar with the schedule.\"}</script>"
        let page = ArticleExtractor.extract(FixtureLoader.page(head: script, body: body), url: nil, contentType: nil)
        #expect(page.text.hasPrefix("The city council approved"))
        #expect(!page.text.contains("Short teaser"))
    }

    @Test func paragraphsBesideALongCommentThreadAreTheArticle() {
        // The paragraphs sit directly in the element that also holds the comments, whose
        // length votes against it: still the article, without the comments.
        let body = """
            <div class="wrap"><div class="postarea"><h1>Council approves the budget</h1>
            \(FixtureLoader.prose)
            <div id="comments" class="comments-area"><h2 class="comments-title">5 comments</h2><ol class="comment-list"><li class="comment"><p>Reader 0 wrote: I have followed this council for years and the debate on Tuesday was the longest I can remember, with the same arguments about roads, schools and taxes made again and again by both sides.</p></li><li class="comment"><p>Reader 1 wrote: I have followed this council for years and the debate on Tuesday was the longest I can remember, with the same arguments about roads, schools and taxes made again and again by both sides.</p></li><li class="comment"><p>Reader 2 wrote: I have followed this council for years and the debate on Tuesday was the longest I can remember, with the same arguments about roads, schools and taxes made again and again by both sides.</p></li><li class="comment"><p>Reader 3 wrote: I have followed this council for years and the debate on Tuesday was the longest I can remember, with the same arguments about roads, schools and taxes made again and again by both sides.</p></li><li class="comment"><p>Reader 4 wrote: I have followed this council for years and the debate on Tuesday was the longest I can remember, with the same arguments about roads, schools and taxes made again and again by both sides.</p></li></ol></div>
            </div><aside><p>About the site</p></aside></div>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body))
        #expect(page.text.hasPrefix("The city council approved the new budget"))
        #expect(page.text.hasSuffix("according to officials familiar with the schedule."))
        #expect(!page.text.contains("Reader 3 wrote"))
        #expect(page.pageType == .article)
    }

    @Test func aHiddenModalLongerThanTheArticleIsNotTheArticle() {
        // A closed "republish" dialog whose guidelines outweigh the article; readers never see it.
        let guidelines = (1...4).map { number in
            "<p>Guideline \(number): you may republish our stories for free, online or in print, as long as you credit the writer and the newsroom and do not edit the text.</p>"
        }.joined()
        let body = """
            <main><article><h1>Council approves the budget</h1>\(FixtureLoader.prose)</article>
            <div class="republish-panel" style="display: none"><h2>Republish this story</h2>\(guidelines)</div></main>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body))
        #expect(page.text.hasPrefix("The city council approved the new budget"))
        #expect(!page.text.contains("Guideline"))
    }

    /// The hint of the first element of `body` whose class contains `marker`.
    private func hint(ofClassContaining marker: String, in body: String) -> BoilerplateFilter.Hint? {
        let analysis = PageAnalysis(tree: ArticleExtractor.parse(FixtureLoader.page(body: body), contentType: nil))
        let tree = analysis.tree
        let found = (0..<tree.count).first { tree.kinds[$0] == .element && (tree.attribute("class", of: $0) ?? "").contains(marker) }
        return found.map { analysis.hints[$0] }
    }

    /// A WordPress post lists its taxonomy in its own classes (`tag-…`, `category-…`): on a page
    /// with one post container those labels do not make it a tag list.
    @Test func aPostLabelledWithItsTagsIsNotATagList() {
        let post = "post-40217 post type-post status-publish hentry category-city tag-budget tag-city-council"
        #expect(BoilerplateFilter.hint(ofWords: post) == .boilerplate)
        #expect(BoilerplateFilter.hint(ofWords: BoilerplateFilter.withoutPostLabels(post)) == .content)
        let body = "<main><article class=\"\(post)\"><div>\(FixtureLoader.prose)</div></article></main>"
        #expect(hint(ofClassContaining: "hentry", in: body) == .content)
        // A newsletter widget classed `hentry`, without taxonomy labels, is not a second post.
        let widget = "<div class=\"optin-box hentry enews-widget\"><p>Get my free guide.</p></div>"
        let withWidgets = body.replacingOccurrences(of: "</main>", with: widget + widget + "</main>")
        #expect(hint(ofClassContaining: "status-publish", in: withWidgets) == .content)
        // Without the post signature the same tokens still mean a tag list.
        #expect(BoilerplateFilter.withoutPostLabels("widget tag-cloud tag-list") == "widget tag-cloud tag-list")
    }

    /// Where several posts are listed (teasers of related posts), each keeps its judgement.
    @Test func listedPostsLabelledWithTagsStayFurniture() {
        let teaser = "<article class=\"post type-post status-publish hentry tag-roads\"><p>A teaser.</p></article>"
        let body = "<main><div class=\"entry-content\">\(FixtureLoader.prose)</div><section>\(teaser)\(teaser)</section></main>"
        #expect(hint(ofClassContaining: "hentry", in: body) == .boilerplate)
    }

    /// `menu` is a furniture word, and so are the compounds menus are named with (`submenu`,
    /// `megamenu`), but not any word that merely contains it (a paragraph classed `contextmenu`).
    @Test func menuWordsButNotEveryWordContainingMenu() {
        #expect(BoilerplateFilter.hint(ofWords: "site-menu") == .boilerplate)
        #expect(BoilerplateFilter.hint(ofWords: "dropdown submenu") == .boilerplate)
        #expect(BoilerplateFilter.hint(ofWords: "megamenu-panel") == .boilerplate)
        #expect(BoilerplateFilter.hint(ofWords: "contextmenu body") == .content)
    }

    /// `skip` alone in a class name is not furniture; a "skip to content" link still is.
    @Test func skipAloneIsNotFurniture() {
        #expect(BoilerplateFilter.hint(ofWords: "skip-item topic1") == .none)
        #expect(BoilerplateFilter.hint(ofWords: "skip-link screen-reader-text") == .boilerplate)
        #expect(BoilerplateFilter.hint(ofWords: "skip-to-content") == .boilerplate)
    }

    /// React's streaming rendering sends late parts of the page as `<div hidden id="S:n">`,
    /// which a script moves into place at once: readers see them, so they are text. Other
    /// hidden elements stay out.
    @Test func streamedSegmentsAreReadOthersHiddenAreNot() {
        let body = """
            <main><h1>Index funds</h1><template id="B:0"></template><template id="B:1"></template></main>
            <div hidden id="S:0"><div class="prose">\(FixtureLoader.prose)</div></div>
            <div hidden id="S:1"><div class="prose">\(FixtureLoader.prose.replacingOccurrences(of: "city council", with: "county board"))</div></div>
            <div hidden id="terms"><p>These terms of use apply to every visitor of the site and were last revised in March; \
            read them before you subscribe to any of our newsletters or services, please.</p></div>
            <script>$RC("B:0","S:0");$RC("B:1","S:1")</script>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The city council approved the new budget"))
        #expect(page.text.contains("The county board approved the new budget"))
        #expect(page.text.contains("The mayor is expected to sign the budget"))
        #expect(!page.text.contains("terms of use"))
    }

    /// A heading such as "About the Author" or "12 comments" after most of the article ends it:
    /// the bio and the comments under it stay out. Before most of the text it ends nothing.
    @Test func anEndMarkerAfterTheArticleEndsIt() {
        let bio = """
            <h3>About the Author</h3><p>Maureen Salamon is the executive editor of the newsletter and writes about health, \
            fitness and medicine for several of the group's other titles and magazines.</p>
            <h3>12 comments:</h3><p>Great article, thank you for writing it; I shared it with everyone in my running club and \
            they all loved it very much indeed.</p>
            """
        let after = ArticleExtractor.extract(
            FixtureLoader.page(body: "<div class=\"entry\">\(FixtureLoader.prose)\(bio)</div>"), url: nil, contentType: nil)
        #expect(after.text.contains("The mayor is expected to sign the budget"))
        #expect(!after.text.contains("executive editor"))
        #expect(!after.text.contains("Great article"))
        #expect(!after.text.contains("About the Author"))
        let before = ArticleExtractor.extract(
            FixtureLoader.page(body: "<div class=\"entry\"><h2>Comments</h2>\(FixtureLoader.prose)</div>"), url: nil, contentType: nil)
        #expect(before.text.contains("The mayor is expected to sign the budget"))
        #expect(BoilerplateFilter.isEndMarker("One Comment"))
        #expect(BoilerplateFilter.isEndMarker("Related posts:"))
        #expect(!BoilerplateFilter.isEndMarker("Comments on the budget from the council"))
    }

    /// Words such as `toc` or `jump` name tables of contents and jump links, and also the
    /// sections those point to: a section so named that is mostly prose is text, a list of links
    /// so named is not.
    @Test func sectionsNamedAfterTheirTableOfContentsAreText() {
        let sentences = [
            "Forming a limited liability company starts with choosing a name that no other business in the state uses already.",
            "The articles of organization are then filed with the department, together with the filing fee and the address.",
            "Within one hundred and twenty days the company must publish a notice in two newspapers for six weeks in a row.",
            "Every company files a biennial statement that keeps its address for service of process up to date with the state.",
            "An operating agreement is not filed with anyone, but members should sign one soon after the company is formed.",
            "Taxes depend on how many members the company has and on whether it chooses to be treated as a corporation.",
        ]
        let sections = sentences.enumerated().map { index, sentence in
            "<section class=\"toc-para\" id=\"toc_\(index)\"><h2>Step \(index + 1)</h2><p>\(sentence) \(sentence)</p></section>"
        }.joined()
        let toc = (0..<6).map { "<li><a href=\"#toc_\($0)\">Go to step number \($0 + 1) of the guide</a></li>" }.joined()
        let body = "<div class=\"article-content\"><div class=\"toc\"><ul>\(toc)</ul></div><div class=\"toc-chapters\">\(sections)</div></div>"
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        for sentence in sentences { #expect(page.text.contains(sentence)) }
        #expect(!page.text.contains("Go to step number"))
        #expect(BoilerplateFilter.hint(ofWords: "toc-para") == .weakBoilerplate)
        #expect(BoilerplateFilter.hint(ofWords: "toc-para sidebar") == .boilerplate)
    }

    /// `drawer` names a site's sliding menu and also an accordion's panel; `profile` names a
    /// profile box and also turns up in anchors made from product names (`ge-profile-x2-review`).
    /// Sections so named that are mostly prose are text; a menu drawer of links is not.
    @Test func accordionDrawersAndProductProfilesAreText() {
        let sentences = [
            "We brushed twice a day for four weeks with each toothbrush and noted how clean our teeth felt after every session.",
            "The timer and the pressure sensor were the two features that changed how long and how hard our testers brushed.",
            "Battery life ran from two to five weeks on one charge, and every handle we tested came with a charging stand.",
        ]
        let panels = sentences.map { "<li class=\"accordion_drawer\"><h3>What we tested</h3><p>\($0) \($0)</p></li>" }.joined()
        let review = "<div class=\"product\" id=\"acme-profile-x200-review\"><h2>Acme Profile X200</h2><p>\(sentences[0]) \(sentences[2])</p></div>"
        let menu = (1...8).map { "<li><a href=\"/section/\($0)\">Section number \($0)</a></li>" }.joined()
        let body = """
            <div class="nav-drawer"><ul>\(menu)</ul></div>
            <article class="article-content">\(FixtureLoader.prose)<ul class="accordion">\(panels)</ul>\(review)</article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        for sentence in sentences { #expect(page.text.contains(sentence)) }
        #expect(page.text.contains("Acme Profile X200"))
        #expect(!page.text.contains("Section number"))
        #expect(BoilerplateFilter.hint(ofWords: "accordion_drawer") == .weakBoilerplate)
        #expect(BoilerplateFilter.hint(ofWords: "author-profile") == .boilerplate)
    }

    @Test func loadingPlaceholdersAreFurniture() {
        for line in ["Loading...", "Loading specifications\u{2026}", "Like Loading...", "Loading prices for your region\u{2026}"] {
            #expect(BoilerplateFilter.ShortPhrase(line).map(BoilerplateFilter.isStockPhrase) == true, "\(line)")
        }
        for line in ["Loading the truck took two hours.", "Loading docks", "Unloading..."] {
            #expect(BoilerplateFilter.ShortPhrase(line).map(BoilerplateFilter.isStockPhrase) == false, "\(line)")
        }
    }

    /// A closed accordion panel (WAI-ARIA `role="region"` labelled by its header) is one click
    /// from the reader: its text is part of the article. Other hidden elements stay out.
    @Test func closedAccordionPanelsAreText() {
        let answers = [
            "Most installations take one to three days once the permits are approved and the panels have been delivered to you.",
            "The inspector checks the wiring and the mounting before the utility connects the system to the electric grid.",
            "Monitoring apps show how much power the panels produce each hour, so a fault shows up within a day or two.",
            "Cleaning is rarely needed: rain washes most dust away, though a hose helps after a long dry and dusty summer.",
        ]
        let panels = answers.enumerated().map { index, answer in
            "<button id=\"q\(index)\">Question \(index)</button><div role=\"region\" aria-labelledby=\"q\(index)\" style=\"display:none\"><p>\(answer) \(answer)</p></div>"
        }.joined()
        let body = """
            <main><p>Solar panel installation happens in a few steps, each explained below in turn for home owners.</p>\(panels)
            <div style="display:none"><p>Sign in to your account to save these answers and compare offers from installers near you.</p></div></main>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        for answer in answers { #expect(page.text.contains(answer)) }
        #expect(!page.text.contains("Sign in to your account"))
    }

    /// A "Republish this article" box holds the article's HTML, escaped, in a `<textarea>`: a
    /// form field's value, not prose, so the box is not taken for the article.
    @Test func aTextareaHoldingTheArticleIsNoProse() {
        let article = String(repeating: FixtureLoader.prose, count: 3)
        let escaped = article.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        let body = """
            <div class="sidebar-content"><div class="wrap"><div class="sidebar-layout">
            <article class="post"><h1>Gardening shows to watch</h1>\(article)</article></div></div></div>
            <div class="sidebar"><div class="widget republication_tracker_tool"><h2>Republish!</h2>
            <p>Republish our articles for free, online or in print, under a Creative Commons license.</p>
            <textarea readonly rows="5">\(escaped)</textarea></div></div>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The city council approved the new budget on Tuesday evening"))
        #expect(!page.text.contains("Republish our articles"))
    }
}
