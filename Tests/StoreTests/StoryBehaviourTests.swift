import Foundation
import Store
import Testing

@Suite("ArticleStore: stories, feeds and labels")
struct StoryBehaviourTests {
    /// Stories with their articles, committed in one update.
    static func commit(_ stories: [StoryRecord], to store: any ArticleStore) async throws {
        let articles = stories.map { Sample.article("a-\($0.id)", story: $0.id) }
        try await store.commit(SourceUpdate(source: Sample.source("s1"), articles: articles, stories: stories))
    }

    @Test(arguments: StoreFactory.allCases)
    func newestFirstThenIDWithSinceAndLimit(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.commit(
            [
                Sample.story("old", updated: Sample.date(10)),
                Sample.story("tie-b", updated: Sample.date(50)),
                Sample.story("tie-a", updated: Sample.date(50)),
                Sample.story("new", updated: Sample.date(90)),
            ], to: store)
        #expect(try await store.stories(.all, since: nil, limit: 10).map(\.id) == ["new", "tie-a", "tie-b", "old"])
        #expect(try await store.stories(.all, since: nil, limit: 2).map(\.id) == ["new", "tie-a"])
        #expect(try await store.stories(.all, since: Sample.date(50), limit: 10).map(\.id) == ["new", "tie-a", "tie-b"])
        #expect(try await store.stories(.all, since: Sample.date(91), limit: 10).isEmpty)
        #expect(try await store.stories(.all, since: nil, limit: 0).isEmpty)
        #expect(try await store.stories(.all, since: nil, limit: -1).isEmpty)
    }

    @Test(arguments: StoreFactory.allCases)
    func topicAndRegionFeedsSelectByLabelAtAnyLevel(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.commit(
            [
                Sample.story("cuba", updated: Sample.date(30), topics: ["diplomacy"], regions: ["americas", "caribbean", "cu"]),
                Sample.story("haiti", updated: Sample.date(20), topics: ["disasters", "health"], regions: ["americas", "caribbean", "ht"]),
                Sample.story("france", updated: Sample.date(10), topics: ["sport"], regions: ["europe", "western-europe", "fr"]),
                Sample.story("nowhere", updated: Sample.date(40), topics: [], regions: []),
            ], to: store)
        #expect(try await store.stories(.region("caribbean"), since: nil, limit: 10).map(\.id) == ["cuba", "haiti"])
        #expect(try await store.stories(.region("americas"), since: nil, limit: 1).map(\.id) == ["cuba"])
        #expect(try await store.stories(.region("americas"), since: Sample.date(25), limit: 9).map(\.id) == ["cuba"])
        #expect(try await store.stories(.region("fr"), since: nil, limit: 10).map(\.id) == ["france"])
        #expect(try await store.stories(.topic("health"), since: nil, limit: 10).map(\.id) == ["haiti"])
        #expect(try await store.stories(.topic("caribbean"), since: nil, limit: 10).isEmpty)
        #expect(try await store.stories(.region("diplomacy"), since: nil, limit: 10).isEmpty)
        #expect(try await store.stories(.all, since: nil, limit: 10).map(\.id) == ["nowhere", "cuba", "haiti", "france"])
        let found = try await store.stories(.topic("diplomacy"), since: nil, limit: 10)
        #expect(found == [Sample.story("cuba", updated: Sample.date(30), topics: ["diplomacy"], regions: ["americas", "caribbean", "cu"])])

        let labels = try await store.storyLabels()
        #expect(labels.topics == ["diplomacy": 1, "disasters": 1, "health": 1, "sport": 1])
        #expect(
            labels.regions == [
                "americas": 2, "caribbean": 2, "cu": 1, "ht": 1, "europe": 1, "western-europe": 1, "fr": 1,
            ])
    }

    @Test(arguments: StoreFactory.allCases)
    func replacingAStoryMovesItInEveryFeed(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await Self.commit(
            [
                Sample.story("moving", updated: Sample.date(10), topics: ["economy"], regions: ["cu"]),
                Sample.story("steady", updated: Sample.date(20), topics: ["economy"], regions: ["cu"]),
            ], to: store)
        let moved = Sample.story("moving", updated: Sample.date(30), topics: ["economy", "energy"], regions: ["ht", "ht"])
        try await store.commit(SourceUpdate(source: Sample.source("s1"), stories: [moved]))
        #expect(try await store.story(id: "moving") == moved)
        #expect(try await store.stories(.topic("economy"), since: nil, limit: 10).map(\.id) == ["moving", "steady"])
        #expect(try await store.stories(.topic("energy"), since: nil, limit: 10).map(\.id) == ["moving"])
        #expect(try await store.stories(.region("cu"), since: nil, limit: 10).map(\.id) == ["steady"])
        #expect(try await store.stories(.region("ht"), since: Sample.date(30), limit: 10).map(\.id) == ["moving"])
        let labels = try await store.storyLabels()
        #expect(labels.topics == ["economy": 2, "energy": 1])
        #expect(labels.regions == ["cu": 1, "ht": 1])
        #expect(try await store.story(id: "absent") == nil)
    }

    /// Publishing reads every label's newest stories at once: for each label, exactly the
    /// stories its own feed query gives, in the same order, past the point where the store
    /// compacts what it holds (twice the limit) and through ties of `updated`.
    @Test(arguments: StoreFactory.allCases)
    func everyLabelsNewestStoriesAreItsFeed(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        let topics = ["economy", "health", "sport"]
        let regions = ["americas", "cu", "ht", "europe", "fr"]
        var stories: [StoryRecord] = []
        for number in 0..<40 {
            // Updates repeat (ties broken by id), labels vary, one region on a single story.
            let storyTopics = topics.enumerated().filter { (number + $0.offset) % ($0.offset + 2) == 0 }.map(\.element)
            var storyRegions = regions.enumerated().filter { (number * 3 + $0.offset) % ($0.offset + 2) == 0 }.map(\.element)
            if number == 17 { storyRegions.append("nz") }
            stories.append(
                Sample.story(
                    String(format: "s%02d", (number * 7) % 40), updated: Sample.date(Double(number % 13)), topics: storyTopics, regions: storyRegions)
            )
        }
        try await Self.commit(stories, to: store)
        for (since, limit) in [(nil, 3), (nil, 100), (Sample.date(6), 2), (Sample.date(12), 5)] as [(Date?, Int)] {
            let newest = try await store.newestStoryIDs(byLabelSince: since, limit: limit)
            var expected: [StoryFilter: [String]] = [:]
            for label in topics.map(StoryFilter.topic) + (regions + ["nz"]).map(StoryFilter.region) {
                let ids = try await store.stories(label, since: since, limit: limit).map(\.id)
                if !ids.isEmpty { expected[label] = ids }
            }
            #expect(newest == expected, "since \(String(describing: since)), limit \(limit)")
        }
        // Spot checks that do not lean on the feed query: "nz" has one story, and no label
        // has a story updated after the newest.
        #expect(try await store.newestStoryIDs(byLabelSince: nil, limit: 5)[.region("nz")] == ["s39"])
        #expect(try await store.newestStoryIDs(byLabelSince: Sample.date(13), limit: 5).isEmpty)
        #expect(try await store.newestStoryIDs(byLabelSince: nil, limit: 0).isEmpty)
        let all = try await store.newestStoryIDs(byLabelSince: nil, limit: 100)
        #expect(all[.topic("economy")]?.count == stories.filter { $0.topics.contains { $0.id == "economy" } }.count)
    }
}
