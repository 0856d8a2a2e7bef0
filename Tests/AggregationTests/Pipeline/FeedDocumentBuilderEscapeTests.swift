import Testing

@testable import Aggregation

@Suite("Publishing: HTML escaping")
struct FeedDocumentBuilderEscapeTests {
    @Test func theFourMarkupCharactersAreEscapedAndNothingElse() {
        #expect(FeedDocumentBuilder.escape("Fish & <Chips> \"to go\"") == "Fish &amp; &lt;Chips&gt; &quot;to go&quot;")
        #expect(FeedDocumentBuilder.escape("plain text, l'été à Genève — 日本") == "plain text, l'été à Genève — 日本")
        #expect(FeedDocumentBuilder.escape("") == "")
    }

    @Test func aMarkupCharacterWithACombiningMarkIsEscapedToo() {
        // One Character to Swift ("<" and U+0301), but a bare "<" to an HTML parser.
        #expect(FeedDocumentBuilder.escape("a <\u{301}b") == "a &lt;\u{301}b")
        #expect(FeedDocumentBuilder.escape("\"\u{301}") == "&quot;\u{301}")
    }
}
