import Foundation
import Testing

@testable import Store

@Suite("ArticleStore: articles")
struct ArticleBehaviourTests {
    /// Two sources, three stories, five articles with shared hashes and URLs.
    static func seed(_ store: any ArticleStore) async throws {
        try await store.commit(
            SourceUpdate(
                source: Sample.source("s1"),
                articles: [
                    Sample.article("a3", firstSeen: Sample.date(30), contentHash: "same", canonicalURL: "https://x.example/story"),
                    Sample.article("a1", firstSeen: Sample.date(10), contentHash: "same"),
                    Sample.article("a2", story: "story-2", firstSeen: Sample.date(20), canonicalURL: "https://x.example/story"),
                ],
                stories: [Sample.story("story-1", articleCount: 3), Sample.story("story-2", articleCount: 2)]))
        try await store.commit(
            SourceUpdate(
                source: Sample.source("s2"),
                articles: [
                    Sample.article("b2", source: "s2", story: "story-2", firstSeen: Sample.date(10), contentHash: "same"),
                    Sample.article("b1", source: "s2", story: "story-3", firstSeen: Sample.date(10), entryID: "shared-entry"),
                ],
                stories: [Sample.story("story-3")]))
    }

    @Test(arguments: StoreFactory.allCases)
    func everyFieldRoundTrips(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        var article = Sample.article("full")
        article.duplicateOf = "other"
        article.topics.append(ScoredLabel(id: "odd", name: "Odd", score: .infinity))
        let story = Sample.story("story-1")
        try await store.commit(SourceUpdate(source: Sample.source("s1"), articles: [article], stories: [story]))
        #expect(try await store.article(id: "full") == article)
        #expect(try await store.story(id: "story-1") == story)

        var bare = ArticleRecord(
            id: "bare", sourceID: "s1", title: "", firstSeen: Sample.date(1), lastChanged: Sample.date(1), text: "",
            contentHash: "h", storyID: "story-1")
        try await store.commit(SourceUpdate(source: Sample.source("s1"), articles: [bare]))
        #expect(try await store.article(id: "bare") == bare)
        bare.title = "changed"
        #expect(try await store.article(id: "bare") != bare)
    }

    @Test(arguments: StoreFactory.allCases)
    func lookupsByEntryHashURLStoryAndTime(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        #expect(try await store.article(id: "a2")?.title == "Title of a2 — “quoted”")
        #expect(try await store.article(id: "nope") == nil)
        #expect(try await store.article(sourceID: "s1", entryID: "entry-a1")?.id == "a1")
        #expect(try await store.article(sourceID: "s2", entryID: "shared-entry")?.id == "b1")
        #expect(try await store.article(sourceID: "s1", entryID: "shared-entry") == nil)
        #expect(try await store.article(sourceID: "s2", entryID: "entry-a1") == nil)
        #expect(try await store.articles(contentHash: "same").map(\.id) == ["a1", "b2", "a3"])
        #expect(try await store.articles(contentHash: "none").isEmpty)
        #expect(try await store.articles(canonicalURL: "https://x.example/story").map(\.id) == ["a2", "a3"])
        #expect(try await store.articles(story: "story-1").map(\.id) == ["a1", "a3"])
        #expect(try await store.articles(story: "story-2").map(\.id) == ["b2", "a2"])
        #expect(try await store.articles(since: nil).map(\.id) == ["a1", "b1", "b2", "a2", "a3"])
        #expect(try await store.articles(since: Sample.date(20)).map(\.id) == ["a2", "a3"])
        #expect(try await store.articles(since: Sample.date(31)).isEmpty)
        #expect(try await store.articleCount() == 5)
        #expect(try await store.sourceIDsWithArticles().sorted() == ["s1", "s2"])
        // A source stored without articles has none to report.
        try await store.commit(SourceUpdate(source: Sample.source("s3")))
        #expect(try await store.sourceIDsWithArticles().sorted() == ["s1", "s2"])
    }

    @Test(arguments: StoreFactory.allCases)
    func batchReadsMatchAnyKeyInFirstSeenOrderWithOrWithoutBodies(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        // An id, a hash shared by three articles (one of them also named by id) and a story.
        let keys = ArticleKeys(ids: ["a2", "b2", "missing"], contentHashes: ["same"], stories: ["story-3"])
        let full = try await store.articles(matching: keys, bodies: true)
        #expect(full.map(\.id) == ["a1", "b1", "b2", "a2", "a3"])
        #expect(full.first { $0.id == "a2" } == (try await store.article(id: "a2")))
        let light = try await store.articles(matching: keys, bodies: false)
        #expect(light.map(\.id) == full.map(\.id))
        for (article, withBody) in zip(light, full) {
            #expect(article.text.isEmpty && article.html == nil)
            var expected = withBody
            expected.text = ""
            expected.html = nil
            #expect(article == expected)
        }
        #expect(try await store.articles(matching: ArticleKeys(stories: ["story-2"]), bodies: false).map(\.id) == ["b2", "a2"])
        #expect(try await store.articles(matching: ArticleKeys(), bodies: true).isEmpty)
        #expect(try await store.articles(matching: ArticleKeys(ids: ["missing"]), bodies: true).isEmpty)
    }

    @Test(arguments: StoreFactory.allCases)
    func batchReadsOfLongListsAreReadInPartsAndMerged(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        // More keys than one statement binds; the matches sit at both ends of the lists.
        let filler = (0..<700).map { "none-\($0)" }
        let keys = ArticleKeys(ids: ["b1"] + filler + ["a3"], contentHashes: filler + ["hash-a2"], stories: filler)
        #expect(try await store.articles(matching: keys, bodies: true).map(\.id) == ["b1", "a2", "a3"])
        #expect(try await store.stories(ids: filler + ["story-3", "story-1"]).map(\.id) == ["story-1", "story-3"])
    }

    @Test(arguments: StoreFactory.allCases)
    func storiesWithTheirMembersInOneRead(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        // Members of some of the stories asked for, without bodies, in first-seen order across
        // parts of a long list; the same as the two reads one after the other.
        let filler = (0..<700).map { "none-\($0)" }
        let (stories, members) = try await store.stories(ids: ["story-3", "story-2", "story-1"], membersOf: ["story-2"] + filler + ["story-1"])
        #expect(stories.map(\.id) == ["story-1", "story-2", "story-3"])
        #expect(members.map(\.id) == ["a1", "b2", "a2", "a3"])
        #expect(members.allSatisfy { $0.text.isEmpty && $0.html == nil })
        #expect(members == (try await store.articles(matching: ArticleKeys(stories: ["story-1", "story-2"]), bodies: false)))
        let (none, noMembers) = try await store.stories(ids: ["story-9"], membersOf: [])
        #expect(none.isEmpty && noMembers.isEmpty)
    }

    @Test(arguments: StoreFactory.allCases)
    func aCommitReplacesArticlesByIDAndKeepsTheRest(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        var changed = Sample.article("a1", firstSeen: Sample.date(10), contentHash: "new-hash")
        changed.title = "Corrected headline"
        try await store.commit(SourceUpdate(source: Sample.source("s1"), articles: [changed]))
        #expect(try await store.article(id: "a1") == changed)
        #expect(try await store.articles(contentHash: "same").map(\.id) == ["b2", "a3"])
        #expect(try await store.articles(contentHash: "new-hash").map(\.id) == ["a1"])
        #expect(try await store.articleCount() == 5)
    }

    @Test(arguments: StoreFactory.allCases)
    func snapshotsAreSavedReplacedAndKeptApart(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        #expect(try await store.loadIndex(named: "clusters") == nil)
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try await store.saveIndex(named: "clusters", bytes)
        try await store.saveIndex(named: "empty", [])
        #expect(try await store.loadIndex(named: "clusters") == bytes)
        #expect(try await store.loadIndex(named: "empty") == [])
        try await store.saveIndex(named: "clusters", [1, 2, 3])
        #expect(try await store.loadIndex(named: "clusters") == [1, 2, 3])
        #expect(try await store.loadIndex(named: "empty") == [])
    }

    @Test(arguments: StoreFactory.allCases)
    func aSnapshotWrittenInPiecesReadsBackWhole(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        // Longer than two of the SQLite store's rows, handed over in uneven pieces.
        let bytes = (0..<(2 * SQLiteStore.snapshotPieceSize + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9) }
        try await store.saveIndex(named: "clusters") { save in
            var start = 0
            var length = 1
            while start < bytes.count {
                let end = min(bytes.count, start + length)
                try bytes[start..<end].withUnsafeBytes(save)
                start = end
                length = length * 3 + 1
            }
        }
        #expect(try await store.loadIndex(named: "clusters") == bytes)
        // Nothing handed over: an empty snapshot, not an absent one.
        try await store.saveIndex(named: "clusters") { _ in }
        #expect(try await store.loadIndex(named: "clusters") == [])
    }

    @Test(arguments: StoreFactory.allCases)
    func aSnapshotWhoseWritingFailsLeavesTheOneBefore(_ factory: StoreFactory) async throws {
        struct Interrupted: Error {}
        let store = try factory.make().store
        try await store.saveIndex(named: "clusters", [4, 5, 6])
        let large = [UInt8](repeating: 9, count: SQLiteStore.snapshotPieceSize + 1)
        await #expect(throws: (any Error).self) {
            try await store.saveIndex(named: "clusters") { save in
                try large.withUnsafeBytes(save)
                throw Interrupted()
            }
        }
        #expect(try await store.loadIndex(named: "clusters") == [4, 5, 6])
    }
}
