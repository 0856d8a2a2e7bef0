import Foundation
import Store
import Testing

@Suite("ArticleStore: retention and removing sources")
struct RetentionBehaviourTests {
    /// s1: days 0…5 in story A (days 0, 1) and B (days 2…5); s2: days 1 and 4, in B and C.
    static func seed(_ store: any ArticleStore) async throws {
        let s1 = (0..<6).map { day in
            Sample.article("s1-d\(day)", source: "s1", story: day < 2 ? "A" : "B", firstSeen: Sample.day(Double(day)))
        }
        try await store.commit(
            SourceUpdate(
                source: Sample.source("s1"), articles: s1,
                stories: [Sample.story("A", articleCount: 2), Sample.story("B", articleCount: 5), Sample.story("C")]))
        try await store.commit(
            SourceUpdate(
                source: Sample.source("s2"),
                articles: [
                    Sample.article("s2-d1", source: "s2", story: "B", firstSeen: Sample.day(1)),
                    Sample.article("s2-d4", source: "s2", story: "C", firstSeen: Sample.day(4)),
                ]))
    }

    @Test(arguments: StoreFactory.allCases)
    func removingASourceRemovesItsArticlesAndTheStoriesLeftEmpty(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        try await store.removeSource(id: "s1")
        #expect(try await store.source(id: "s1") == nil)
        #expect(try await store.sources().map(\.id) == ["s2"])
        #expect(try await store.articles(since: nil).map(\.id) == ["s2-d1", "s2-d4"])
        #expect(try await store.story(id: "A") == nil)
        #expect(try await store.story(id: "B")?.articleCount == 1)
        #expect(try await store.story(id: "C")?.articleCount == 1)
        #expect(try await store.stories(.all, since: nil, limit: 10).map(\.id) == ["B", "C"])
        #expect(try await store.storyLabels().topics == ["diplomacy": 2])
        try await store.removeSource(id: "unknown")
        #expect(try await store.articleCount() == 2)
    }

    @Test(arguments: StoreFactory.allCases)
    func byAgeRemovesArticlesFirstSeenBeforeTheCutOff(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        // now = day 5; 3 days keeps day 2 (exactly at the cut-off) and later.
        let result = try await store.prune(RetentionPolicy(maxAgeDays: 3), now: Sample.day(5))
        #expect(result == PruneResult(articlesRemoved: 3, storiesRemoved: 1))
        #expect(try await store.articles(since: nil).map(\.id) == ["s1-d2", "s1-d3", "s1-d4", "s2-d4", "s1-d5"])
        #expect(try await store.story(id: "A") == nil)
        #expect(try await store.story(id: "B")?.articleCount == 4)
        #expect(try await store.story(id: "C")?.articleCount == 1)
        #expect(try await store.sources().count == 2)
    }

    @Test(arguments: StoreFactory.allCases)
    func perSourceKeepsTheNewestArticles(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        try await store.commit(
            SourceUpdate(
                source: Sample.source("s2"), articles: [Sample.article("s2-d4-b", source: "s2", story: "C", firstSeen: Sample.day(4))],
                stories: [Sample.story("C", articleCount: 2)]))
        let result = try await store.prune(RetentionPolicy(maxArticlesPerSource: 2), now: Sample.day(5))
        // s1 keeps days 5 and 4; s2 keeps the two of day 4 (its day 1 goes).
        #expect(result == PruneResult(articlesRemoved: 5, storiesRemoved: 1))
        #expect(try await store.articles(since: nil).map(\.id) == ["s1-d4", "s2-d4", "s2-d4-b", "s1-d5"])
        #expect(try await store.story(id: "B")?.articleCount == 2)
        #expect(try await store.story(id: "C")?.articleCount == 2)

        let ties = try await store.prune(RetentionPolicy(maxArticlesPerSource: 1), now: Sample.day(5))
        #expect(ties == PruneResult(articlesRemoved: 2, storiesRemoved: 0))
        // Same first-seen time: the greater id is the one kept.
        #expect(try await store.articles(since: nil).map(\.id) == ["s2-d4-b", "s1-d5"])
    }

    @Test(arguments: StoreFactory.allCases)
    func bothLimitsTogetherAndNoLimitAtAll(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.seed(store)
        #expect(try await store.prune(RetentionPolicy(), now: Sample.day(100)) == PruneResult(articlesRemoved: 0, storiesRemoved: 0))
        #expect(try await store.articleCount() == 8)
        let result = try await store.prune(RetentionPolicy(maxAgeDays: 2, maxArticlesPerSource: 1), now: Sample.day(5))
        #expect(result == PruneResult(articlesRemoved: 6, storiesRemoved: 1))
        #expect(try await store.articles(since: nil).map(\.id) == ["s2-d4", "s1-d5"])
        let everything = try await store.prune(RetentionPolicy(maxArticlesPerSource: 0), now: Sample.day(5))
        #expect(everything == PruneResult(articlesRemoved: 2, storiesRemoved: 2))
        #expect(try await store.stories(.all, since: nil, limit: 10).isEmpty)
        #expect(try await store.storyLabels().regions.isEmpty)
        #expect(try await store.sources().count == 2)
    }
}
