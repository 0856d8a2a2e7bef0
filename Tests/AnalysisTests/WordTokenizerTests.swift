import Testing

@testable import Analysis

@Suite("Words, stop words and stems")
struct WordTokenizerTests {
    static let vectors: [(String, [String])] = [
        ("Hello, world!", ["Hello", "world"]),
        ("Don't stop O\u{2019}Brien's well-known show", ["Don't", "stop", "O\u{2019}Brien's", "well-known", "show"]),
        ("It costs 3.5 or 1,000 dollars.", ["It", "costs", "3.5", "or", "1,000", "dollars"]),
        ("Crème brûlée in Zürich — naïve café", ["Crème", "brûlée", "in", "Zürich", "naïve", "café"]),
        ("Москва и Санкт-Петербург", ["Москва", "и", "Санкт-Петербург"]),
        ("'quoted' - dash -- and end-", ["quoted", "dash", "and", "end"]),
        ("東京 2020", ["東京", "2020"]),
        ("e\u{301}te\u{301}", ["e\u{301}te\u{301}"]),
    ]

    @Test("tokenizes", arguments: vectors)
    func tokenizes(_ text: String, _ expected: [String]) {
        #expect(WordTokenizer.words(in: text) == expected)
    }

    @Test func lowercasedWords() {
        #expect(WordTokenizer.lowercasedWords(in: "The BBC Said") == ["the", "bbc", "said"])
    }

    @Test func englishStopWordsShipAndIgnoreCase() {
        #expect(StopWords.english.words.count > 200)
        #expect(StopWords.english.contains("the"))
        #expect(StopWords.english.contains("Because"))
        #expect(!StopWords.english.contains("election"))
        #expect(StopWords.builtIn(language: "en-GB") == .english)
        #expect(StopWords.builtIn(language: "xx") == nil)
    }

    @Test func otherLanguagesCanBeHeld() {
        let german = StopWords(language: "de", words: ["Der", "die", "das"])
        #expect(german.contains("der"))
        #expect(german.language == "de")
    }

    @Test(
        "stems inflections together",
        arguments: [
            ("elections", "election"), ("voted", "vot"), ("voting", "vot"), ("vote", "vot"),
            ("companies", "company"), ("taxes", "tax"), ("running", "run"), ("news", "new"), ("bus", "bus"),
        ])
    func stems(_ word: String, _ stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }
}
