// Writes to a store in a loop until it is killed: the subject of StoreTests' SIGKILL test.
//
//     store-crash-probe PATH
//
// Each round commits one SourceUpdate: source `probe` with `etag` = the round number, a story
// `story-N` and `CrashProbe.articlesPerRound` articles `article-N-K` in it. After a commit returns
// the round number is printed on its own line, so the test knows which rounds are committed.
// Rounds continue from the last one stored; the loop stops by itself after 100,000 rounds.
import Foundation
import Store

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: store-crash-probe PATH\n".utf8))
    exit(64)
}

let articlesPerRound = 8
let filler = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 90)

do {
    let store = try SQLiteStore(path: arguments[1])
    let first = (try await store.source(id: "probe")?.etag).flatMap { Int($0) }.map { $0 + 1 } ?? 1
    for round in first..<(first + 100_000) {
        let now = Date()
        let source = SourceRecord(id: "probe", url: "https://example.com/feed", kind: .feed, etag: "\(round)", lastFetched: now)
        let story = StoryRecord(
            id: "story-\(round)", firstSeen: now, updated: now, title: "Round \(round)", primaryArticleID: "article-\(round)-0",
            articleCount: articlesPerRound, digest: "\(round)")
        let articles = (0..<articlesPerRound).map { index in
            ArticleRecord(
                id: "article-\(round)-\(index)", sourceID: "probe", entryID: "\(round)-\(index)", title: "Article \(round) \(index)",
                firstSeen: now, lastChanged: now, text: "\(round) \(index) \(filler)", contentHash: "\(round)-\(index)",
                storyID: story.id)
        }
        try await store.commit(SourceUpdate(source: source, articles: articles, stories: [story]))
        FileHandle.standardOutput.write(Data("\(round)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("store-crash-probe: \(error)\n".utf8))
    exit(1)
}
