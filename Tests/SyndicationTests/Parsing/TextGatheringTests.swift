import Testing

@testable import Syndication

@Suite("Text gathering")
struct TextGatheringTests {
    private func close(_ key: String, in gathering: inout TextGathering, unwrappingDiv: Bool = false, stripWhitespace: Bool = true)
        -> (text: String, expectingText: Bool)?
    {
        gathering.close(key, unwrappingDiv: unwrappingDiv, stripWhitespace: stripWhitespace)
    }

    private func append(_ text: String, to gathering: inout TextGathering, escapingMarkup: Bool = false) {
        var copy = text
        copy.withUTF8 { gathering.append($0, escapingMarkup: escapingMarkup) }
    }

    @Test func aNestedElementTakesOnlyItsOwnTextAndTheOuterOneKeepsTheRest() throws {
        var gathering = TextGathering()
        gathering.open("outer", expectingText: true)
        append("before ", to: &gathering)
        gathering.open("inner", expectingText: false)
        append("inside", to: &gathering)
        let innerResult = close("inner", in: &gathering, unwrappingDiv: false, stripWhitespace: true)
        let inner = try #require(innerResult)
        #expect(inner.text == "inside")
        #expect(inner.expectingText == false)
        append(" after", to: &gathering)
        let outerResult = close("outer", in: &gathering, unwrappingDiv: false, stripWhitespace: false)
        let outer = try #require(outerResult)
        #expect(outer.text == "before  after")
        #expect(outer.expectingText == true)
    }

    @Test func closingAnotherKeyChangesNothing() throws {
        var gathering = TextGathering()
        gathering.open("title", expectingText: true)
        append("kept", to: &gathering)
        let mismatched = close("link", in: &gathering, unwrappingDiv: false, stripWhitespace: true)
        #expect(mismatched == nil)
        let closedResult = close("title", in: &gathering, unwrappingDiv: false, stripWhitespace: true)
        #expect(try #require(closedResult).text == "kept")
    }

    @Test func textWithNoElementOpenIsDropped() throws {
        var gathering = TextGathering()
        append("lost", to: &gathering)
        gathering.open("title", expectingText: true)
        append("x", to: &gathering)
        let closedResult = close("title", in: &gathering, unwrappingDiv: false, stripWhitespace: true)
        #expect(try #require(closedResult).text == "x")
    }

    @Test(arguments: [
        (" \n\tplain\r\n ", "plain"),
        ("\u{A0}no-break space\u{A0}", "no-break space"),
        ("  caf\u{E9}  ", "caf\u{E9}"),
        (" \n ", ""),
    ])
    func whitespaceAroundIsStrippedAsBefore(text: String, expected: String) throws {
        var gathering = TextGathering()
        gathering.open("title", expectingText: true)
        append(text, to: &gathering)
        let closedResult = close("title", in: &gathering, unwrappingDiv: false, stripWhitespace: true)
        let closed = try #require(closedResult)
        #expect(closed.text == expected)
        #expect(closed.text == text.trimmingWhitespace())
    }

    @Test func markupIsEscapedWhenAsked() throws {
        var gathering = TextGathering()
        gathering.open("content", expectingText: true)
        append("a < b & c > d", to: &gathering, escapingMarkup: true)
        let closedResult = close("content", in: &gathering, unwrappingDiv: false, stripWhitespace: true)
        let closed = try #require(closedResult)
        #expect(closed.text == "a &lt; b &amp; c &gt; d")
    }

    @Test func anEnclosingDivIsUnwrappedFromThePieces() throws {
        var gathering = TextGathering()
        gathering.open("outer", expectingText: true)
        append("not part of it", to: &gathering)
        gathering.open("content", expectingText: true)
        for piece in ["\n", "<div class=\"x\">", "Hello ", "<b>", "world", "</b>", "</div>", "\n"] { append(piece, to: &gathering) }
        let closedResult = close("content", in: &gathering, unwrappingDiv: true, stripWhitespace: true)
        let closed = try #require(closedResult)
        #expect(closed.text == "Hello <b>world</b>")
    }
}
