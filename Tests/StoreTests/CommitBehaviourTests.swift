import Foundation
import Store
import Testing

@Suite("ArticleStore: commits are all or nothing")
struct CommitBehaviourTests {
    @Test(arguments: StoreFactory.allCases)
    func aFailedFetchKeepsEveryArticleAndRecordsTheError(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await ArticleBehaviourTests.seed(store)
        var failed = Sample.source("s1", nextFetch: Sample.date(900))
        failed.consecutiveFailures = 4
        failed.lastError = "HTTP 500"
        try await store.commit(SourceUpdate(source: failed))
        #expect(try await store.source(id: "s1") == failed)
        #expect(try await store.articleCount() == 5)
        #expect(try await store.articles(story: "story-1").map(\.id) == ["a1", "a3"])
    }

    @Test(arguments: StoreFactory.allCases)
    func anArticleOfAMissingStoryRollsBackTheWholeCommit(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await ArticleBehaviourTests.seed(store)
        let before = try #require(try await store.source(id: "s1"))
        var after = before
        after.etag = "\"new\""
        let update = SourceUpdate(
            source: after,
            articles: [Sample.article("fresh", story: "story-9"), Sample.article("orphan", story: "nowhere")],
            stories: [Sample.story("story-9")])
        let error = try await #require(throws: StoreError.self) { try await store.commit(update) }
        #expect(error.code == StoreError.Code.constraint)
        #expect(error.description.hasPrefix("store "))
        #expect(try await store.source(id: "s1") == before)
        #expect(try await store.article(id: "fresh") == nil)
        #expect(try await store.story(id: "story-9") == nil)
        #expect(try await store.articleCount() == 5)
        #expect(try await store.storyLabels().topics == ["diplomacy": 3])
    }

    @Test(arguments: StoreFactory.allCases)
    func anArticleOfAnUnknownSourceRollsBackTheWholeCommit(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        let update = SourceUpdate(
            source: Sample.source("s1"), articles: [Sample.article("stray", source: "unknown")], stories: [Sample.story("story-1")])
        let error = try await #require(throws: StoreError.self) { try await store.commit(update) }
        #expect(error.code == StoreError.Code.constraint)
        #expect(try await store.sources().isEmpty)
        #expect(try await store.story(id: "story-1") == nil)
    }

    @Test(arguments: StoreFactory.allCases)
    func orderInsideAnUpdateDoesNotMatterAndAnotherKnownSourceMay(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await store.saveSource(Sample.source("other"))
        // Articles come before their story in the update, and one belongs to another stored source.
        let update = SourceUpdate(
            source: Sample.source("s1"),
            articles: [Sample.article("x1"), Sample.article("x2", source: "other")],
            stories: [Sample.story("story-1", articleCount: 2)])
        try await store.commit(update)
        #expect(try await store.articles(story: "story-1").map(\.id) == ["x1", "x2"])
    }
}
