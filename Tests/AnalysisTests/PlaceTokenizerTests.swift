import Testing

@testable import Analysis

@Suite("PlaceTokenizer")
struct PlaceTokenizerTests {
    @Test func asciiWordsAreLowerCasedWithTheirCapitalization() {
        let tokens = PlaceTokenizer.tokens(of: "The UAE and CUBA met in Guinea-Bissau; US troops 2026.", zone: 0, splitsLead: false)
        #expect(tokens.map(\.key) == ["the", "uae", "and", "cuba", "met", "in", "guinea", "-", "bissau", "us", "troops", "2026"])
        #expect(tokens.map(\.isCapitalized) == [true, true, false, true, false, false, true, false, true, true, false, false])
        #expect(tokens.map(\.isAllCaps) == [false, true, false, true, false, false, false, false, false, true, false, false])
        #expect(tokens.map(\.isSentenceInitial) == [true, false, false, false, false, false, false, false, false, true, false, false])
    }

    @Test func otherScriptsAreFoldedAndMixedWordsKeepTheirFirstLetter() {
        let tokens = PlaceTokenizer.tokens(of: "Türkiye's ÉCOLE São Paulo x1 Ñ 2nd", zone: 0, splitsLead: false)
        #expect(tokens.map(\.key) == ["turkiye", "s", "ecole", "sao", "paulo", "x1", "n", "2nd"])
        #expect(tokens.map(\.isCapitalized) == [true, false, true, true, true, false, true, false])
        // "Ñ" has one letter: not "all caps"; "ÉCOLE" has five upper-case letters.
        #expect(tokens.map(\.isAllCaps) == [false, false, true, false, false, false, false, false])
    }

    @Test func theFirstParagraphIsTheLeadZone() {
        let tokens = PlaceTokenizer.tokens(of: "Cuba talks.\n\nRussia replies.", zone: 1, splitsLead: true)
        #expect(tokens.map(\.zone) == [1, 1, 2, 2])
        #expect(tokens.map(\.isSentenceInitial) == [true, false, true, false])
    }
}
