import Analysis
import ArgumentParser

extension Tributary {
    /// `tributary summarize`: the key sentences of an article.
    struct Summarize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summarize",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Print the summary of an article's text, one sentence a line.",
            discussion: """
                The summary is extractive: whole sentences of the article, in their original order, \
                chosen for their position and for how much of the article they cover. Bylines, photo \
                credits and widget text ("Click here", "No time to read?") are never chosen.

                Examples:
                  tributary summarize article.txt
                  tributary summarize --sentences 2 - < article.txt
                  tributary summarize --words 60 article.txt
                """
        )

        @Argument(help: "A plain-text article, or - for standard input (the default).")
        var input: String = "-"

        @Option(help: "How many sentences (1 to 5).")
        var sentences: Int = 3

        @Option(help: "A word budget instead of a sentence count (the summary never cuts a sentence).")
        var words: Int?

        func validate() throws {
            guard (1...Summarizer.maximumSentences).contains(sentences) else {
                throw ValidationError("--sentences must be between 1 and \(Summarizer.maximumSentences)")
            }
            if let words, words < 1 { throw ValidationError("--words must be at least 1") }
        }

        func run() throws {
            let bytes = try InputSource.readOrExit(input)
            let text = String(decoding: bytes, as: UTF8.self)
            let summary = words.map { Summarizer.summarize(text, wordBudget: $0) } ?? Summarizer.summarize(text, sentences: sentences)
            Console.write(Array(summary.map { $0 + "\n" }.joined().utf8))
        }
    }
}
