import Testing

@testable import Extraction

@Suite("Hostile input")
struct RobustnessTests {
    @Test func deepNestingFinishes() {
        let depth = 100_000
        let html =
            String(repeating: "<div>", count: depth) + "<p>Deep inside the page there is one sentence, with a comma, and a full stop at its end.</p>"
            + String(repeating: "</div>", count: depth)
        let page = ArticleExtractor.extract(Array(html.utf8), url: nil, contentType: nil)
        #expect(page.pageType != .index)
    }

    @Test func hugePageFinishes() {
        var html = "<html><body><article>"
        let sentence = String(repeating: "Word after word fills this long paragraph, sentence by sentence. ", count: 20)
        var number = 0
        while html.utf8.count < 20_000_000 {
            number += 1
            html += "<p>Paragraph \(number). " + sentence + "</p>"
        }
        html += "</article></body></html>"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let page = ArticleExtractor.extract(Array(html.utf8), url: nil, contentType: nil)
            #expect(page.wordCount > 1_000_000)
            #expect(page.pageType == .article)
        }
        #expect(elapsed < .seconds(60))
    }

    @Test(arguments: [0, 1, 2, 3])
    func garbageBytesNeverCrash(_ seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        let bytes = (0..<50_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        _ = ArticleExtractor.extract(bytes, url: "not a url", contentType: "text/html; charset=bogus")
    }

    @Test func emptyAndBrokenMarkup() {
        #expect(ArticleExtractor.extract([], url: nil, contentType: nil).text.isEmpty)
        let broken = ArticleExtractor.extract(
            Array("<html><body><p>Unclosed <b>tags <i>everywhere<div></span></table><p>and more".utf8), url: nil, contentType: nil)
        #expect(broken.pageType != .index)
        _ = ArticleExtractor.extract(
            Array("<script type=\"application/ld+json\">{\"@type\": [1, {\"a\": ]]]</script>".utf8), url: nil, contentType: nil)
    }

    @Test func unclosedButtonDoesNotHideTheArticle() {
        let body = "<header><button class=\"menu\"><span>Menu</header><main><article>\(FixtureLoader.prose)</article></main>"
        let page = ArticleExtractor.extract(FixtureLoader.page(body: body), url: nil, contentType: nil)
        #expect(page.text.contains("The city council approved"))
    }
}

/// A tiny deterministic generator for garbage input.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
