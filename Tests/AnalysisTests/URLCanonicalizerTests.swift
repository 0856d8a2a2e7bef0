import Testing

@testable import Analysis

@Suite struct URLCanonicalizerTests {
    static let cases: [(String, String)] = [
        ("https://example.com/news/story?utm_source=x&utm_medium=y", "https://example.com/news/story"),
        ("https://example.com/a?fbclid=abc&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&ref=home", "https://example.com/a"),
        ("HTTP://Example.COM/Path", "https://example.com/Path"),
        ("https://www.example.com/a/", "https://example.com/a"),
        ("http://example.com:80/a", "https://example.com/a"),
        ("https://example.com:443/a#comments", "https://example.com/a"),
        ("https://example.com:8080/a", "https://example.com:8080/a"),
        ("https://example.com/news/story/amp", "https://example.com/news/story"),
        ("https://example.com/news/story.amp.html", "https://example.com/news/story.html"),
        ("https://amp.example.com/news/story", "https://example.com/news/story"),
        ("https://example.com/news/story?amp=1", "https://example.com/news/story"),
        ("https://example-com.cdn.ampproject.org/c/s/example.com/news/story", "https://example.com/news/story"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com//a//b/", "https://example.com/a/b"),
    ]

    @Test(arguments: cases)
    func canonicalizes(input: String, expected: String) {
        #expect(URLCanonicalizer().canonicalize(input) == expected)
    }

    @Test(arguments: ["not a url", "mailto:someone@example.com", "ftp://example.com/file", ""])
    func rejectsNonWebAddresses(input: String) {
        #expect(URLCanonicalizer().canonicalize(input) == nil)
    }

    @Test func keepsMeaningfulParameters() {
        #expect(URLCanonicalizer().canonicalize("https://example.com/watch?v=abc") == "https://example.com/watch?v=abc")
    }
}
