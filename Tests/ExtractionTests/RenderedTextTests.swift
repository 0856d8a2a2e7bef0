import Testing

@testable import Extraction

@Suite("Rendered text and class words")
struct RenderedTextTests {
    @Test func charactersAreCountedLikeStringCount() {
        for text in ["", "plain words", "line\r\nbreak", "caf\u{E9}", "cafe\u{301}", "👩\u{200D}💻 coder", "a\rb"] {
            #expect(ArticleRenderer.characterCount(text) == text.count, "\(text)")
        }
    }

    @Test func creditLinesForTheArticlesPeopleAreRecognised() {
        #expect(BylineMatcher.isCreditForPeople("Written by Jane Doe"))
        #expect(BylineMatcher.isCreditForPeople("MEDICALLY REVIEWED BY Toni Golen, MD"))
        #expect(!BylineMatcher.isCreditForPeople("Written by hand, the letter survived."))
        #expect(!BylineMatcher.isCreditForPeople("Written by " + String(repeating: "Jane Doe and ", count: 20) + "friends"))
        #expect(!BylineMatcher.isCreditForPeople("The budget was written by the council"))
    }

    @Test func spacerParagraphsOfJoinersAreDropped() {
        // Page builders keep empty paragraphs for spacing by putting a zero-width joiner in them.
        let body = """
            <article>\(FixtureLoader.prose)<p>&zwj;</p><p> &#8205; &#x200C;&shy; </p>
            <p>The developer sign 👩&zwj;💻 stays one emoji inside a sentence that readers can see and read through.</p></article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        let paragraphs = page.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 4)
        #expect(paragraphs.last?.contains("👩\u{200D}💻") == true)
        #expect(!page.html.contains("<p>\u{200D}</p>"))
        #expect(page.html.components(separatedBy: "<p>").count - 1 == 4)
    }

    @Test func picturesCreditLinesAreLeftOutAndTheProseAroundThemKept() {
        let body = """
            <article>\(FixtureLoader.prose)
            <figure><img src="/a.jpg"><p>Image credit: \u{A9} Depositphotos.com/someone</p></figure>
            <p>Photo: Reuters</p><p>CREDIT: Getty Images / Staff</p><p>Photograph courtesy of the city archive</p>
            <p>Photography: the art of light, as the museum's new hall calls it in a show that opens this week in the old town.</p>
            <p>Imagery from the satellite: clearer than ever, the agency said of the first pictures it published on Monday.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(!page.text.lowercased().contains("credit"))
        #expect(!page.text.contains("Reuters"))
        #expect(!page.text.contains("city archive"))
        #expect(page.text.contains("Photography: the art of light"))
        #expect(page.text.contains("Imagery from the satellite"))
        #expect(BoilerplateFilter.isCreditLine("Picture source: NASA"))
        #expect(BoilerplateFilter.isCreditLine("Illustration \u{A9} Jane Doe"))
        #expect(BoilerplateFilter.isCreditLine("(Image credit: Wareable)"))
        #expect(BoilerplateFilter.isCreditLine("Getty Images / Holger Leue"))
        #expect(BoilerplateFilter.isCreditLine("Shutterstock via Associated Press"))
        #expect(!BoilerplateFilter.isCreditLine("Getty Images reported higher sales of editorial pictures this quarter."))
        #expect(!BoilerplateFilter.isCreditLine("(The photo was taken in 1962.)"))
        #expect(!BoilerplateFilter.isCreditLine("Video: 4K/30p with no crop"))
        #expect(!BoilerplateFilter.isCreditLine("Image: " + String(repeating: "a long caption that goes on ", count: 8)))
    }

    @Test func captionsStayBesideTheirPicturesButOutOfTheText() {
        let body = """
            <article>\(FixtureLoader.prose)
            <figure><img src="/a.jpg"><figcaption>The mayor signs the budget at city hall on Tuesday evening.</figcaption></figure>
            <div class="wp-caption"><img src="/b.jpg"><p class="wp-caption-text">Councillors before the vote, seen from the public gallery.</p></div>
            <div class="story has-captions"><p>The caption class of a wrapper names no caption, so this paragraph of the story stays in its text.</p></div>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(!page.text.contains("The mayor signs"))
        #expect(!page.text.contains("Councillors before the vote"))
        #expect(page.text.contains("this paragraph of the story stays"))
        #expect(page.html.contains("<figcaption>The mayor signs the budget at city hall on Tuesday evening.</figcaption>"))
        #expect(page.html.contains("Councillors before the vote"))
    }

    @Test func affiliateDisclosuresAreLeftOutAndSentencesAboutCommissionsKept() {
        let body = """
            <article><p>Products are chosen independently by our editors. Purchases made through our links may earn us a commission.</p>
            \(FixtureLoader.prose)
            <p>As an Amazon Associate, this website earns from qualifying purchases.</p>
            <p>Affiliate programs: streamers earn a commission when viewers buy games or gear through affiliate links.</p>
            <p>Travel agents get a commission when you buy insurance from them, the report found.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(!page.text.contains("chosen independently"))
        #expect(!page.text.contains("Amazon Associate"))
        #expect(page.text.contains("streamers earn a commission"))
        #expect(page.text.contains("Travel agents get a commission"))
        #expect(BoilerplateFilter.isAffiliateDisclosure("This post may contain affiliate links. If you buy through them I may earn a commission."))
        #expect(!BoilerplateFilter.isAffiliateDisclosure("The council voted on the commission's report and its links to the mayor."))
    }

    @Test func aPaywallBoxInsideTheArticleIsLeftOut() {
        let body = """
            <article><div class="entry-content">\(FixtureLoader.prose)
            <div class="restricted-content-breaker"><h3>This article is exclusive to subscribers</h3>
            <p>Unlock this article, plus in-depth analysis, newsletters, premium events and news alerts.</p><p>$39 a month</p></div>
            </div></article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The mayor is expected to sign"))
        #expect(!page.text.contains("exclusive to subscribers"))
        #expect(!page.text.contains("Unlock this article"))
        #expect(BoilerplateFilter.hint(ofWords: "restricted-content-breaker") == .boilerplate)
        #expect(BoilerplateFilter.ShortPhrase("Advertising").map(BoilerplateFilter.isStockPhrase) == true)
        #expect(BoilerplateFilter.ShortPhrase("Jump to Recipe").map(BoilerplateFilter.isStockPhrase) == true)
        #expect(BoilerplateFilter.ShortPhrase("Get the Recipe").map(BoilerplateFilter.isStockPhrase) == true)
    }

    @Test func aSignUpFormsConsentLineIsLeftOut() {
        let body = """
            <article>\(FixtureLoader.prose)
            <p>By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use and Privacy Policy.</p>
            <p>By signing up, you consent to receive our daily newsletter.</p>
            <p>By clicking the gear icon, readers can change how the map is drawn and which layers it shows on screen.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(!page.text.contains("Sign Me Up"))
        #expect(!page.text.contains("daily newsletter"))
        #expect(page.text.contains("By clicking the gear icon"))
    }

    @Test func linkWordsWrappedInSpansStayInTheirSentence() {
        // Text pasted from a word processor wraps every run, the links' words too.
        let body = """
            <article>\(FixtureLoader.prose)
            <p><span style="font-weight: 400;">We also expect high homebuying costs to </span><a href="/families"><span \
            style="font-weight: 400;">make families smaller</span></a><span style="font-weight: 400;">. The fertility rate has \
            been </span><a href="/fertility"><span style="font-weight: 400;">gradually declining</span></a><span> for years, \
            and it is expected to continue falling as prices keep rising.</span></p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("homebuying costs to make families smaller. The fertility rate has been gradually declining for years"))
        #expect(page.html.contains("<a href=\"/families\">make families smaller</a>"))
    }

    @Test func linksOfALinkHeavySentenceStayInIt() {
        let body = """
            <article>\(FixtureLoader.prose)
            <p>Options include <a href="/lambda"><span>AWS Lambda</span></a>, <a href="/gcf"><span>Google Cloud \
            Functions</span></a>, and <a href="/azure"><span>Azure Functions</span></a>.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("Options include AWS Lambda, Google Cloud Functions, and Azure Functions."))
    }

    @Test func aLinkBetweenWordsStaysWhateverItsClassAndOneEndingTheParagraphGoes() {
        let body = """
            <article>\(FixtureLoader.prose)
            <p>From there, you can start to <a class="recommendation-inline-link" href="/guests">divide up the guest list</a>. \
            If you and your partner are paying for the day, plan for about seventy percent of the invitations to be yours.</p>
            <p>The small laptop may not match the larger one for speed, but its battery and its bright screen make it the \
            better pick for travellers. <a class="read-more" href="/review">Read More</a></p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("you can start to divide up the guest list. If you and your partner"))
        #expect(page.text.contains("the better pick for travellers."))
        #expect(!page.text.contains("Read More"))
    }

    @Test func aSpanMostlyOfLinkWordsStaysInItsSentence() {
        let body = """
            <article>\(FixtureLoader.prose)
            <p>On Monday the <span><a href="/fed">Federal Reserve Bank of New York</a> said</span> that prices rose again \
            in the spring, led by rents and insurance, while wages kept pace for most workers in the region.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("On Monday the Federal Reserve Bank of New York said that prices rose again"))
    }

    @Test func aListOfLinksTheTextIntroducesIsKeptAndOneAtTheEndIsNot() {
        let items = (1...4).map { "<li><p><a href=\"/pulls/\($0)\">libgccjit: patch number \($0) for the compiler</a></p></li>" }.joined()
        let related = (1...4).map { "<li><a href=\"/post/\($0)\">Another post of ours, number \($0)</a></li>" }.joined()
        let body = """
            <article><p>There has been some nice progress on the compiler side these past months, with more to come.</p>
            <p>Many patches were sent for review:</p><div class="ulist"><ul>\(items)</ul></div>
            \(FixtureLoader.prose)
            <p>If you liked this post you might also like:</p><ul>\(related)</ul></article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("libgccjit: patch number 1 for the compiler"))
        #expect(page.text.contains("libgccjit: patch number 4 for the compiler"))
        #expect(!page.text.contains("Another post of ours"))
    }

    @Test func aListOfLinksBetweenParagraphsIsKeptButNotATableOfContents() {
        let tools = (1...3).map { "<li><a href=\"https://shop.example/pliers-\($0)\">Long nose pliers, model \($0)</a></li>" }.joined()
        let contents = (1...3).map { "<li><a href=\"#part-\($0)\">Part \($0) of this guide</a></li>" }.joined()
        let related = (1...3).map { "<li><a href=\"/post/\($0)\">Another post of ours, number \($0)</a></li>" }.joined()
        let body = """
            <article><p>Every electrician needs a few tools, and this guide walks through the ones our readers use most.</p>
            <ul>\(contents)</ul>
            <p>Pliers grip, bend and cut wire; choose a pair with comfortable handles and a hardened cutting edge.</p>
            <ul>\(tools)</ul>
            \(FixtureLoader.prose)
            <ul>\(related)</ul></article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("Long nose pliers, model 1"))
        #expect(page.text.contains("Long nose pliers, model 3"))
        #expect(!page.text.contains("of this guide"))
        #expect(!page.text.contains("Another post of ours"))
    }

    @Test func headingsAreNotFurnitureByTheirHeaderClassOrTheirAnchorId() {
        let body = """
            <article>\(FixtureLoader.prose)
            <h2 class="header-anchor-post">Part three: the vote itself</h2>
            <p>Members voted late at night, after the mayor had spoken for the plan and two members had changed their minds.</p>
            <h3 id="what-is-social-media-marketing">What social media said about it</h3>
            <p>Residents posted photographs of the crowded chamber, and the council's own account answered their questions.</p>
            <div id="social-share"><p>Share this story on social media with your friends and family.</p></div>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("Part three: the vote itself"))
        #expect(page.text.contains("What social media said about it"))
        #expect(!page.text.contains("Share this story"))
    }

    @Test func creditLinesForTheArticlesPeopleAreLeftOutWhereverTheyStand() {
        let body = """
            <article>\(FixtureLoader.prose)
            <p>Written by Jane Doe</p><p>Contributions From: Austin Palmer</p>
            <p>Reviewed by John Roe, MD, Editor in Chief, Springfield Health Watch; Editorial Advisory Board Member, Springfield Press</p>
            <p>Written by hand, the council's first budget survives in the city archive.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(!page.text.contains("Jane Doe"))
        #expect(!page.text.contains("Austin Palmer"))
        #expect(!page.text.contains("John Roe"))
        #expect(page.text.contains("Written by hand"))
    }

    @Test func linesPointingToOtherStoriesAreLeftOut() {
        let body = """
            <article>\(FixtureLoader.prose)
            <p>Read more: <a href="/budget-2023">Last year's budget, line by line</a></p>
            <p>&gt;&gt; Related: <a href="/schools">Which schools the plan repairs first</a></p>
            <p>Related: the vote came a week after the <a href="/strike">teachers' strike</a> ended.</p>
            <p>See also: the appendix printed with the budget, which lists every bridge.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(!page.text.contains("Last year's budget"))
        #expect(!page.text.contains("Which schools the plan repairs first"))
        #expect(page.text.contains("See also: the appendix"))
        #expect(page.text.contains("Related: the vote came a week after"))
        #expect(BoilerplateFilter.isRelatedStoryLine("[Read more: A Guide to Small Business Accounting]"))
        #expect(!BoilerplateFilter.isRelatedStoryLine("More than forty members voted for the plan."))
    }

    @Test func cssModuleClassNamesAreReadWordByWord() {
        #expect(BoilerplateFilter.splittingCamelCase("AdvisorResourcesCTA_title__Aue3u") == "advisor resources cta_title__aue3u")
        #expect(BoilerplateFilter.hint(ofWords: BoilerplateFilter.splittingCamelCase("RelatedStories_list__x1")) == .boilerplate)
        #expect(BoilerplateFilter.hint(ofWords: BoilerplateFilter.splittingCamelCase("ArticleBody_text__p2")) == .content)
        // Hand-written camel case stays whole: `edTag` is no tag list.
        #expect(BoilerplateFilter.splittingCamelCase("edTag") == "edtag")
        let body = """
            <article><div class="ArticleBody_root__a1">\(FixtureLoader.prose)
            <div class="AdvisorResourcesCTA_box__Aue3u"><p>Build a better practice with our free planning kit for advisers.</p></div>
            </div></article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The mayor is expected to sign"))
        #expect(!page.text.contains("planning kit"))
    }

    @Test func whatAPageAddsUnderTheTextEndsIt() {
        let body = """
            <article>\(FixtureLoader.prose)
            <h3>Article Sources</h3><p>City of Springfield, "Budget 2024", council minutes of 12 March, page 4.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The mayor is expected to sign"))
        #expect(!page.text.contains("council minutes"))
        let markers = [
            "Citations", "How we reviewed this article:", "Contributing Writer", "Meet the testers", "Recent posts:",
            "More Articles You Might Enjoy",
        ]
        for marker in markers {
            #expect(BoilerplateFilter.isEndMarker(marker), "\(marker)")
        }
        #expect(!BoilerplateFilter.isEndMarker("References"))
    }

    @Test func callsToFollowTheSiteOrJoinItsNewsletterAreLeftOut() {
        let body = """
            <article>\(FixtureLoader.prose)
            <p>Follow us on Telegram, Facebook, Instagram and X for the latest news and updates.</p>
            <p>Want more? Sign up for our newsletter, The Selection, and shop smarter.</p>
            <p>Join Our Genius Newsletter</p>
            <p>The council's newsletter, sent to every household, had announced the vote a week before it took place.</p>
            </article>
            """
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(!page.text.contains("Telegram"))
        #expect(!page.text.contains("The Selection"))
        #expect(!page.text.contains("Genius"))
        #expect(page.text.contains("The council's newsletter, sent to every household"))
    }

    @Test(arguments: [
        ("one two\n\nthree  four", 4),
        ("", 0),
        (" \n\n ", 0),
        ("naïve café, déjà vu", 4),
        ("single", 1),
    ])
    func wordsAreTheRunsBetweenSpacesAndLineBreaks(text: String, words: Int) {
        #expect(ArticleExtractor.wordCount(of: text) == words)
    }

    @Test func fragmentsAreFoundAnywhereInTheText() {
        let set = FragmentSet(["share-", "nav", "x"])
        func occurs(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { set.occurs(in: $0) }
        }
        #expect(occurs("share-bar"))
        #expect(occurs("top-nav"))
        #expect(occurs("mainnavigation"))
        #expect(occurs("box"))
        #expect(!occurs("shar-e na-v"))
        #expect(!occurs("share"))
        #expect(!occurs(""))
        var empty = "anything"
        #expect(!empty.withUTF8 { FragmentSet([]).occurs(in: $0) })
    }

    @Test func everyWordOfASetPassesItsShapeTest() {
        let words = ["nav", "recommendations", "ad", "a", "ünïcode"]
        let shapes = TokenShapes(words)
        for word in words {
            var word = word
            #expect(word.withUTF8 { shapes.mayHold($0) })
        }
    }

    @Test func aClassWordShapedLikeAHintWordIsNotOne() {
        // "nov" has the length and the first and last letters of "nav".
        #expect(BoilerplateFilter.hint(ofWords: "nav") == .boilerplate)
        #expect(BoilerplateFilter.hint(ofWords: "nov") == .none)
        #expect(BoilerplateFilter.hint(ofWords: "entry nov") == .content)
    }

    @Test(arguments: [
        ("https://example.com/a", true),
        ("/relative/path", true),
        ("javascript", true),
        ("javascript:alert(1)", false),
        (" JaVa\tScript:alert(1)", false),
        ("VBScript:msgbox", false),
        ("DATA:text/html;base64,AAAA", false),
        ("java\u{00A0}script:alert(1)", false),
        ("jav\u{0430}script:alert(1)", true),
    ])
    func scriptAndDataLinksAreUnsafeHoweverWritten(link: String, safe: Bool) {
        #expect(URLResolver.isSafe(link) == safe)
    }

    @Test(arguments: [
        ("  plain  ", "plain"),
        ("\u{00A0}\tno-break and tab\n", "no-break and tab"),
        (" \u{301}a mark after a space ", "\u{301}a mark after a space"),
        ("untouched", "untouched"),
        (" \n ", ""),
    ])
    func spacesAreTrimmedByScalarAndNothingElse(text: String, trimmed: String) {
        #expect(text.trimmingSpaces().unicodeScalars.elementsEqual(trimmed.unicodeScalars))
        #expect(Substring(text).trimmingSpaces().unicodeScalars.elementsEqual(trimmed.unicodeScalars))
    }

    @Test func jsonLDWithLineBreaksInItsStringsAndATrailingCommaIsRead() throws {
        let script = "<!--\n{\"@type\": \"NewsArticle\",\n \"headline\": \"Two\nlines\tand a tab\",\n \"name\": \"café\",}\n-->"
        let object = try #require(JSONLDReader.parse(script) as? [String: Any])
        #expect(object["headline"] as? String == "Two lines and a tab")
        #expect(object["name"] as? String == "café")
    }
}
