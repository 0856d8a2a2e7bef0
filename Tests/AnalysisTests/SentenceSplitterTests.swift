import Testing

@testable import Analysis

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    static let vectors: [(String, [String])] = [
        ("Mr. Smith went to Washington. He arrived late.", ["Mr. Smith went to Washington.", "He arrived late."]),
        ("Dr. Jones met Prof. Lee at St. Mary's. They talked.", ["Dr. Jones met Prof. Lee at St. Mary's.", "They talked."]),
        ("The U.S. economy grew. It was fast.", ["The U.S. economy grew.", "It was fast."]),
        ("She moved to the U.K. She liked it.", ["She moved to the U.K.", "She liked it."]),
        ("The U.S. President spoke on Feb. 19 in Ohio. Nobody came.", ["The U.S. President spoke on Feb. 19 in Ohio.", "Nobody came."]),
        ("Apple Inc. reported results. The shares rose.", ["Apple Inc. reported results.", "The shares rose."]),
        ("He works at Acme Inc. The firm is small.", ["He works at Acme Inc.", "The firm is small."]),
        ("It ranked No. 5 in the list. Good.", ["It ranked No. 5 in the list.", "Good."]),
        ("J. K. Rowling wrote it. George W. Bush read it.", ["J. K. Rowling wrote it.", "George W. Bush read it."]),
        ("Growth was 3.5 per cent. Rates fell 0.25 points.", ["Growth was 3.5 per cent.", "Rates fell 0.25 points."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ("He waited\u{2026} Then he left.", ["He waited\u{2026}", "Then he left."]),
        ("\"He left.\" She said nothing.", ["\"He left.\"", "She said nothing."]),
        ("\u{201C}He left.\u{201D} She said nothing.", ["\u{201C}He left.\u{201D}", "She said nothing."]),
        ("(It was late.) Everyone slept.", ["(It was late.)", "Everyone slept."]),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        ("What?! No way.", ["What?!", "No way."]),
        ("First paragraph without a stop\nSecond paragraph.", ["First paragraph without a stop", "Second paragraph."]),
        ("Line one.\n\nLine two.\r\nLine three.", ["Line one.", "Line two.", "Line three."]),
        ("Visit example.com for more. Thanks.", ["Visit example.com for more.", "Thanks."]),
        ("It happened at 3 p.m. on Friday. Police came.", ["It happened at 3 p.m. on Friday.", "Police came."]),
        ("Prices rose, e.g. for bread. Sales fell.", ["Prices rose, e.g. for bread.", "Sales fell."]),
        ("He scored 12. 2020 was better.", ["He scored 12.", "2020 was better."]),
        ("no capital after. this stays together.", ["no capital after. this stays together."]),
        ("Gen. Smith and Lt. Col. Brown arrived. They saluted.", ["Gen. Smith and Lt. Col. Brown arrived.", "They saluted."]),
        // Letters beyond ASCII before the breaks: sentences are cut at the right bytes.
        (
            "Zoë met Dr. Ávila in São Paulo. Él habló. \u{201C}Sí.\u{201D} Ok.",
            ["Zoë met Dr. Ávila in São Paulo.", "Él habló.", "\u{201C}Sí.\u{201D}", "Ok."]
        ),
    ]

    @Test("splits the vectors", arguments: vectors)
    func splits(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.english.sentences(in: text) == expected)
    }

    @Test func emptyAndWhitespaceTextGiveNoSentences() {
        #expect(SentenceSplitter.english.sentences(in: "").isEmpty)
        #expect(SentenceSplitter.english.sentences(in: "  \n\n \t ").isEmpty)
    }

    @Test func customAbbreviationsAreHonoured() {
        let splitter = SentenceSplitter(abbreviations: Abbreviations(titles: ["Hr"], beforeNumbers: [], others: []))
        #expect(splitter.sentences(in: "Hr. Meyer kam. Er ging.") == ["Hr. Meyer kam.", "Er ging."])
    }
}
