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
        #expect(WordTokenizer.lowercasedWords(in: "ÉCOLE Zürich İSTANBUL") == ["école", "zürich", "i\u{307}stanbul"])
    }

    /// The tokenizer reads bytes; this reads scalars one by one, as the rules are written.
    static func referenceWords(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if WordTokenizer.isWordScalar(scalar) {
                current.append(scalar)
                continue
            }
            guard !current.isEmpty else { continue }
            let previous = scalars[index - 1]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            var joins = false
            if let next {
                switch scalar {
                case "'", "\u{2019}", "\u{02BC}": joins = previous.properties.isAlphabetic && next.properties.isAlphabetic
                case "-", "\u{2010}", "\u{2011}": joins = WordTokenizer.isWordScalar(previous) && WordTokenizer.isWordScalar(next)
                case ".", ",":
                    joins = previous.properties.generalCategory == .decimalNumber && next.properties.generalCategory == .decimalNumber
                default: joins = false
                }
            }
            if joins {
                current.append(scalar)
            } else {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    @Test func agreesWithTheScalarRulesOnMixedText() {
        // Letters of several scripts, digits, joiners, combining marks, symbols and emoji, in
        // every order a seeded generator gives.
        let pieces: [String] = [
            "a", "Z", "é", "É", "ß", "İ", "Я", "東", "٣", "7", "0", "'", "\u{2019}", "\u{02BC}", "-", "\u{2010}", "\u{2011}",
            ".", ",", " ", "\n", "\u{301}", "😀", "€", "_", "\u{00A0}", "Ⅻ", "ǅ",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(WordTokenizer.words(in: text) == Self.referenceWords(text), "\(text.debugDescription)")
            #expect(WordTokenizer.lowercasedWords(in: text) == Self.referenceWords(text).map { $0.lowercased() }, "\(text.debugDescription)")
        }
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
