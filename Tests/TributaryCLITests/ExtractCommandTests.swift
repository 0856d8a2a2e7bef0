import Foundation
import Testing

/// `tributary extract` and `tributary summarize`, run as a user would.
@Suite("tributary extract and summarize (end to end)")
struct ExtractCommandTests {
    @Test func pagesExtractedSideBySideComeOutInInputOrder() throws {
        let page = ParseCommandTests.fixture("lavrov-in-cuba.html")
        let feed = ParseCommandTests.fixture("rss20.xml")
        let inputs = [page, feed, "/nonexistent/page.html", page, feed, page]
        for format in ["json", "text"] {
            let alone = try ParseCommandTests.run(["extract", "--format", format, "-j", "1"] + inputs)
            #expect(alone.status == 2)
            #expect(alone.stderr == "tributary: /nonexistent/page.html: no such file\n")
            if format == "json" {
                #expect(try ParseCommandTests.objects(alone.stdout).map { $0["input"] as? String } == inputs)
            }
            let sideBySide = try ParseCommandTests.run(
                ["extract", "--format", format, "-j", "3"] + inputs, environment: ["TRIBUTARY_HELD_LIMIT": "0"])
            #expect(sideBySide.status == 2)
            #expect(sideBySide.stdout == alone.stdout)
            #expect(sideBySide.stderr == alone.stderr)
        }
    }

    @Test func theSeedPageBecomesACleanArticleWithPlacesAndTopics() throws {
        let run = try ParseCommandTests.run(["extract", ParseCommandTests.fixture("lavrov-in-cuba.html")])
        #expect(run.status == 0)
        let page = try #require(try ParseCommandTests.objects(run.stdout).first)
        #expect(page["pageType"] as? String == "article")
        let text = try #require(page["text"] as? String)
        #expect(text.components(separatedBy: "\n\n").count == 5)
        for boilerplate in ["No time to read", "Get a summary", "Previous Article", "Next Article", "{\"title\""] {
            #expect(!text.contains(boilerplate), "\(boilerplate) leaked into the text")
        }
        let countries = try #require(page["countries"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(Array(countries.prefix(3)) == ["CU", "RU", "VE"])
        let regions = try #require(page["regions"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        for region in ["caribbean", "latin-america-and-the-caribbean", "eastern-europe", "europe"] {
            #expect(regions.contains(region))
        }
        let topics = try #require(page["topics"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(topics.first == "diplomacy")
        let summary = try #require(page["summary"] as? [String])
        #expect(summary.count == 3)
        #expect(summary.allSatisfy { text.contains($0) })
    }

    @Test func textFormatPrintsOnlyTheArticle() throws {
        let run = try ParseCommandTests.run(["extract", "--format", "text", ParseCommandTests.fixture("lavrov-in-cuba.html")])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Russian Foreign Minister Sergei Lavrov met"))
        #expect(!run.stdout.contains("<"))
    }

    @Test func summarizeReadsStandardInput() throws {
        let article =
            "The council met on Monday. It approved the budget after a long debate. Critics said the plan cut services. The mayor said it would balance the books. A final vote is due in March."
        let run = try ParseCommandTests.run(["summarize", "--sentences", "2", "-"], stdin: Data(article.utf8))
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { article.contains($0) })
        let refused = try ParseCommandTests.run(["summarize", "--sentences", "9", "-"], stdin: Data(article.utf8))
        #expect(refused.status == 64)
    }

    @Test func clusterPutsCopiesInOneStory() throws {
        let lines = [
            #"{"id":"a","url":"https://one.example/story?utm_source=x","title":"Storm closes harbour","text":"A severe storm closed the harbour on Tuesday, stranding ferries and cancelling all crossings until the wind drops, officials said."}"#,
            #"{"id":"b","url":"https://one.example/story","title":"Storm closes harbour","text":"A severe storm closed the harbour on Tuesday, stranding ferries and cancelling all crossings until the wind drops, officials said."}"#,
            #"{"id":"c","title":"Chess club wins title","text":"The town chess club won the regional championship on Sunday after a tense final round against the defending champions."}"#,
        ]
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let run = try ParseCommandTests.run(["cluster", input.path])
        #expect(run.status == 0)
        let objects = try ParseCommandTests.objects(run.stdout)
        #expect(objects.map { $0["id"] as? String } == ["a", "b", "c"])
        #expect(objects[0]["story"] as? String == objects[1]["story"] as? String)
        #expect(objects[1]["duplicateOf"] as? String == "a")
        #expect(objects[2]["story"] as? String != objects[0]["story"] as? String)
    }
}
