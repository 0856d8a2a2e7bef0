import Analysis
import ArgumentParser
import Foundation
import Syndication

extension Tributary {
    /// `tributary cluster`: groups articles into stories.
    struct Cluster: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cluster",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Group articles into stories: copies, rewrites and independent reports of one event.",
            discussion: """
                Input: JSON Lines, one article a line: {"id", "url", "title", "text", "published"} \
                (only "id" and "text" are required; "published" is RFC 3339). Output: JSON Lines in \
                input order: {"id", "story", "duplicateOf"}, where "duplicateOf" names the article \
                this one copies (same URL, same text, a near-copy or a teaser of it).

                Examples:
                  tributary cluster articles.jsonl
                  tributary cluster --explain articles.jsonl    # adds "signal", "score", "matched", "headlineScore"
                """
        )

        @Argument(help: "A JSON Lines file of articles, or - for standard input.")
        var input: String

        @Flag(help: "Say why each article joined its story: the signal (url, exact, minhash, containment, tfidf, new) and its score.")
        var explain = false

        struct Article: Decodable {
            var id: String
            var url: String?
            var title: String?
            var text: String?
            var published: String?
        }

        func run() throws {
            let bytes = try InputSource.readOrExit(input)
            var clusterer = StoryClusterer(settings: ClusterSettings())
            let decoder = JSONDecoder()
            var json = JSONWriter()
            var lineNumber = 0
            for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
                // Plain lines are read directly; any other goes through JSONDecoder, which
                // decides what it accepts and words the error.
                let article: Article
                if let plain = ArticleLine(line) {
                    article = Article(id: plain.id, url: plain.url, title: plain.title, text: plain.text, published: plain.published)
                } else {
                    do {
                        article = try decoder.decode(Article.self, from: Data(line))
                    } catch {
                        Console.error("\(input):\(lineNumber): not an article object: \(Self.reason(error))")
                        throw ExitCode(2)
                    }
                }
                let decision = clusterer.add(
                    ClusterArticle(
                        id: article.id, url: article.url, title: article.title, text: article.text ?? "",
                        published: article.published.flatMap { FeedDate.parse($0).date }))
                json.reset()
                json.beginObject()
                json.member("id", article.id)
                json.member("story", decision.storyID)
                json.member("duplicateOf", decision.duplicateOf)
                if explain {
                    json.member("signal", decision.explanation.signal.rawValue)
                    json.member("score", (decision.explanation.score * 1000).rounded() / 1000)
                    json.member("matched", decision.explanation.matched)
                    json.member("headlineScore", decision.explanation.headlineScore.map { ($0 * 1000).rounded() / 1000 })
                }
                json.endObject()
                Console.write(json.bytes + [0x0A])
            }
        }

        static func reason(_ error: any Error) -> String {
            switch error {
            case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
            case DecodingError.typeMismatch(_, let context): return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
            case DecodingError.dataCorrupted: return "invalid JSON"
            default: return "invalid JSON"
            }
        }
    }
}
