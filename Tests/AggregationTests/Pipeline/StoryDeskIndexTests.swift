import Analysis
import Foundation
import Store
import Testing

@testable import Aggregation

/// The desk makes the saved clustering index match the store when it opens.
@Suite("The clustering index follows the store")
struct StoryDeskIndexTests {
    private typealias Fixture = StoryDeskSettingsTests

    @Test func articlesTheStoreNoLongerHoldsAreForgotten() async throws {
        let store = try await Fixture.store(indexSettings: ClusterSettings())
        // Retention keeps one article per source: a1 (ties go to the greater id).
        let pruned = try await store.prune(RetentionPolicy(maxArticlesPerSource: 1), now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(pruned.articlesRemoved == 1)
        #expect(try await Fixture.savedSnapshot(store).articleIDs.count == 2)

        let desk = try await StoryDesk.open(store: store, configuration: PipelineFixtures.configuration(sources: []))
        try await desk.saveIndex()
        let snapshot = try await Fixture.savedSnapshot(store)
        #expect(snapshot.articleIDs == ["a1"])
        #expect(snapshot.stories.stories.map(\.id) == ["a1"])

        // A copy of the removed article is news again, not a copy of something gone.
        var clusterer = StoryClusterer(snapshot: snapshot)
        let copy = clusterer.add(ClusterArticle(id: "c0", url: "https://n0.example/story", title: "Again", text: Fixture.texts[0]))
        #expect(copy.duplicateOf == nil && copy.storyID == "c0")
        let other = clusterer.add(ClusterArticle(id: "c1", title: "Again", text: Fixture.texts[1]))
        #expect(other.duplicateOf == "a1")
    }

    @Test func aStoreWithoutAnIndexIsIndexedOldestFirstInBatches() async throws {
        // More articles than one rebuild batch, stored newest first: the rebuilt index must hold
        // them oldest first, as clustering them in that order in one go does.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path)
        let words = ["harbour", "budget", "minister", "flood", "court", "energy", "election", "museum", "strike", "vaccine", "rail", "bank"]
        let count = 2 * StoryDesk.rebuildBatch + 101
        let articles = (0..<count).reversed().map { number in
            let text = (0..<24).map { words[(number * 7 + $0 * ($0 % 5 + 1)) % words.count] }.joined(separator: " ") + " \(number)."
            let seen = Date(timeIntervalSince1970: 1_800_000_000 + Double(number))
            return ArticleRecord(
                id: "a\(number)", sourceID: "s1", url: "https://n.example/\(number)", title: "Story \(number % 40)", firstSeen: seen,
                lastChanged: seen, text: text, contentHash: "h\(number)", storyID: "a\(number)")
        }
        let stories = articles.map { article in
            StoryRecord(
                id: article.storyID, firstSeen: article.firstSeen, updated: article.firstSeen, title: article.title,
                primaryArticleID: article.id, articleCount: 1, digest: article.id)
        }
        try await store.commit(
            SourceUpdate(source: SourceRecord(id: "s1", url: "https://s1.example/feed", kind: .feed), articles: articles, stories: stories))

        let desk = try await StoryDesk.open(store: store, configuration: PipelineFixtures.configuration(sources: []))
        try await desk.saveIndex()
        let rebuilt = try await Fixture.savedSnapshot(store)
        #expect(rebuilt.articleIDs == (0..<count).map { "a\($0)" })
        var inOneGo = StoryClusterer()
        for article in articles.reversed() {
            _ = inOneGo.add(ClusterArticle(id: article.id, url: article.url, title: article.title, text: article.text))
        }
        #expect(rebuilt.articleStory == inOneGo.snapshot.articleStory)
    }

    @Test func articlesStoredAfterTheIndexWasSavedAreAdded() async throws {
        let store = try await Fixture.store(indexSettings: ClusterSettings())
        // An index saved before a1 was stored, as a run killed before its save leaves it.
        var clusterer = StoryClusterer()
        _ = clusterer.add(ClusterArticle(id: "a0", url: "https://n0.example/story", title: "Cuba and Russia", text: Fixture.texts[0]))
        try await store.saveIndex(named: StoryDesk.indexName, try CompactEncoder().encode(clusterer.snapshot))

        let desk = try await StoryDesk.open(store: store, configuration: PipelineFixtures.configuration(sources: []))
        try await desk.saveIndex()
        #expect(try await Fixture.savedSnapshot(store).articleIDs == ["a0", "a1"])
    }

    @Test func anIndexThatCannotBeReadIsRebuiltAndSaysSo() async throws {
        let store = try await Fixture.store(indexSettings: ClusterSettings())
        // An index an older version saved (JSON, without the term mark) cannot be read.
        try await store.saveIndex(named: StoryDesk.indexName, Array(#"{"settings":{},"articleIDs":["a0"]}"#.utf8))
        let desk = try await StoryDesk.open(store: store, configuration: PipelineFixtures.configuration(sources: []))
        #expect(
            await desk.notes == [
                "the story index saved before could not be used (saved by an older version, or with other story settings): "
                    + "rebuilt from the 2 stored articles"
            ])
        try await desk.saveIndex()
        #expect(try await Fixture.savedSnapshot(store).articleIDs == ["a0", "a1"])

        // Opened again, the saved index is read: nothing to say.
        let again = try await StoryDesk.open(store: store, configuration: PipelineFixtures.configuration(sources: []))
        #expect(await again.notes.isEmpty)
    }
}
