import Testing

@testable import Analysis

@Suite("Summaries")
struct SummarizerTests {
    @Test func summaryKeepsOriginalOrderAndWholeSentences() throws {
        let text = try Fixture.text("article.txt")
        let sentences = SentenceSplitter.english.sentences(in: text)
        let summary = Summarizer.summarize(text, sentences: 3)
        #expect(summary.count == 3)
        let positions = summary.compactMap { sentences.firstIndex(of: $0) }
        #expect(positions.count == 3, "every summary sentence is a whole sentence of the text")
        #expect(positions == positions.sorted())
        #expect(summary.first == "The city council approved a new budget for public libraries on Monday, ending months of debate over funding cuts.")
    }

    @Test func boilerplateIsNeverChosen() throws {
        let text = try Fixture.text("article.txt")
        let summary = Summarizer.summarize(text, sentences: 5)
        #expect(summary.count == 5)
        for sentence in summary {
            #expect(!sentence.hasPrefix("By "))
            #expect(!sentence.contains("Click here"))
            #expect(!sentence.hasPrefix("Photo:"))
            #expect(!sentence.contains("All rights reserved"))
        }
    }

    @Test(
        "recognizes boilerplate",
        arguments: [
            "By Jane Doe", "By JOHN SMITH, Reuters", "Click here to read the full story.", "No time to read? Get a summary.",
            "Get a summary of the news.", "Sign up for our daily briefing.", "Follow us on Twitter.",
            "© 2024 Daily Planet. All rights reserved.", "Image: Getty Images", "Read more: the full report.",
            "Scroll down for video", "Photo: Jane Doe/AP", "Café owners, CLICK HERE to read the full story.",
        ])
    func recognizesBoilerplate(_ sentence: String) {
        #expect(BoilerplateFilter.english.isBoilerplate(sentence))
    }

    @Test func phrasesAreFoundAnywhereInAnyCaseAndNotPastTheEnd() {
        let filter = BoilerplateFilter(prefixes: [], phrases: ["Ünïcode Phrase", "the end"])
        #expect(filter.isBoilerplate("Some text with ÜNÏCODE PHRASE inside."))
        #expect(filter.isBoilerplate("This is THE END"))
        #expect(!filter.isBoilerplate("This is the en"))
        #expect(!filter.isBoilerplate("unicode phrase, without its marks"))
        #expect(!filter.isBoilerplate(""))
    }

    @Test(arguments: [
        "PLAIN ASCII Text, 42!",
        "“Quoted” — DASHED … and ‘SINGLE’",
        "ÜBER Straße ẞ İstanbul ΟΔΟΣ ΣΊΣΥΦΟΣ Ǆemal ﬁ",
        "Мир ДРУЖБА Ⅻ Ⓐ 𐐀𐐨 e\u{301}E\u{301} ÅNGSTRÖM",
        "",
    ])
    func sentencesAreLowerCasedAsLowercasedDoesIt(_ sentence: String) {
        #expect(BoilerplateFilter.lowercasedBytes(sentence) == Array(sentence.lowercased().utf8))
    }

    @Test func phrasesOfOneByteAndPhrasesSharingTheirOpeningAreAllTried() {
        let filter = BoilerplateFilter(prefixes: [], phrases: ["©", "x", "subscribe now", "subscribers only", "sub"])
        #expect(filter.isBoilerplate("Ends with x"))
        #expect(filter.isBoilerplate("Text © owner"))
        #expect(filter.isBoilerplate("For SUBSCRIBERS ONLY."))
        #expect(filter.isBoilerplate("Then sub"))
        #expect(!filter.isBoilerplate("Nothing here at all."))
        let none = BoilerplateFilter(prefixes: [], phrases: ["subscribe now"])
        #expect(!none.isBoilerplate("Subscribe no"))
        #expect(!none.isBoilerplate("subscribers now"))
    }

    @Test(
        "keeps real sentences",
        arguments: [
            "By the end of the year, prices had doubled across the region.",
            "The minister said the plan would be published next week.",
            "Readers can follow the debate in parliament on Tuesday.",
        ])
    func keepsContent(_ sentence: String) {
        #expect(!BoilerplateFilter.english.isBoilerplate(sentence))
    }

    @Test("returns the number of sentences asked, clamped to 1...5", arguments: [(0, 1), (1, 1), (2, 2), (3, 3), (5, 5), (9, 5)])
    func sentenceCount(_ asked: Int, _ expected: Int) throws {
        let text = try Fixture.text("article.txt")
        #expect(Summarizer.summarize(text, sentences: asked).count == expected)
    }

    @Test func shortFragmentsAreSkipped() {
        let text =
            "Breaking news. Officials confirmed the bridge will close for repairs from next month. Updated. "
            + "Drivers will be diverted through the town centre for six weeks while the work goes on."
        let summary = Summarizer.summarize(text, sentences: 2)
        #expect(
            summary == [
                "Officials confirmed the bridge will close for repairs from next month.",
                "Drivers will be diverted through the town centre for six weeks while the work goes on.",
            ])
    }

    @Test func wordBudgetIsRespectedWithoutCuttingSentences() throws {
        let text = try Fixture.text("article.txt")
        let sentences = SentenceSplitter.english.sentences(in: text)
        for budget in [25, 40, 60, 100] {
            let summary = Summarizer.summarize(text, wordBudget: budget)
            #expect(!summary.isEmpty)
            #expect(summary.count <= 5)
            let words = summary.reduce(0) { $0 + WordTokenizer.words(in: $1).count }
            #expect(words <= budget)
            #expect(summary.allSatisfy { sentences.contains($0) })
        }
        #expect(Summarizer.summarize(text, wordBudget: 3).isEmpty)
    }

    @Test func emptyTextGivesEmptySummary() {
        #expect(Summarizer.summarize("").isEmpty)
        #expect(Summarizer.storySummary([], sentences: 3).isEmpty)
    }

    @Test func shortTextIsReturnedWhole() {
        let text = "The museum reopens on Saturday after a two-year renovation."
        #expect(Summarizer.summarize(text) == [text])
    }

    @Test func nearDuplicateSentencesAreNotBothChosen() {
        let text =
            "The storm closed every school in the county on Tuesday morning. "
            + "The storm closed every school in the county on Tuesday. "
            + "Power lines were down across the valley and thousands of homes lost heat. "
            + "Crews expect to restore electricity to most homes by Thursday evening."
        let summary = Summarizer.summarize(text, sentences: 3)
        #expect(summary.count == 3)
        #expect(
            !(summary.contains("The storm closed every school in the county on Tuesday morning.")
                && summary.contains("The storm closed every school in the county on Tuesday.")))
    }

    @Test func storySummaryCoversSourcesWithoutDuplicates() {
        let first =
            "Flooding forced hundreds of families from their homes in the river valley on Sunday. "
            + "Rescue teams used boats to reach people trapped on upper floors. "
            + "The local football match was postponed."
        let second =
            "Flooding forced hundreds of families from their homes in the river valley on Sunday night. "
            + "Officials said the river rose two metres in six hours after record rainfall. "
            + "A shelter opened at the town hall for families who lost their homes to flooding."
        let summary = Summarizer.storySummary([first, second], sentences: 3)
        #expect(summary.count == 3)
        for (i, a) in summary.enumerated() {
            for b in summary[(i + 1)...] {
                let wa = Set(WordTokenizer.lowercasedWords(in: a))
                let wb = Set(WordTokenizer.lowercasedWords(in: b))
                #expect(Double(wa.intersection(wb).count) / Double(wa.union(wb).count) <= 0.6)
            }
        }
        #expect(summary.contains { $0.hasPrefix("Flooding forced hundreds") })
    }

    @Test func summarizingIsFast() throws {
        let text = try Fixture.text("article.txt")
        let long = Array(repeating: text, count: 6).joined(separator: "\n")
        _ = Summarizer.summarize(long)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<50 { _ = Summarizer.summarize(long) }
        }
        // 50 long articles; generous so that debug builds on a busy machine pass.
        #expect(elapsed < .seconds(5))
    }
}
