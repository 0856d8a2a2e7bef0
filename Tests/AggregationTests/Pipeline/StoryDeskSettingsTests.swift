import Analysis
import Foundation
import Store
import Testing

@testable import Aggregation

@Suite("The clustering index is rebuilt when its settings are not the current ones")
struct StoryDeskSettingsTests {
    static let texts = [
        "Cuba and Russia sign an energy deal in Havana as Lavrov visits the island for talks on oil and power plants.",
        "Floods in Valencia leave thousands without power after record rain across eastern Spain on Tuesday night.",
    ]

    /// A store holding two articles and, as its index, the snapshot of a clusterer with `settings`
    /// that saw them.
    static func store(indexSettings settings: ClusterSettings) async throws -> SQLiteStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let articles = texts.enumerated().map { index, text in
            ArticleRecord(
                id: "a\(index)", sourceID: "s1", url: "https://n\(index).example/story", title: String(text.prefix(30)),
                firstSeen: now, lastChanged: now, text: text, contentHash: "h\(index)", storyID: "a\(index)")
        }
        let stories = articles.map { article in
            StoryRecord(
                id: article.storyID, firstSeen: now, updated: now, title: article.title, primaryArticleID: article.id, articleCount: 1,
                digest: article.id)
        }
        try await store.commit(
            SourceUpdate(source: SourceRecord(id: "s1", url: "https://s1.example/feed", kind: .feed), articles: articles, stories: stories))
        var clusterer = StoryClusterer(settings: settings)
        for article in articles {
            _ = clusterer.add(ClusterArticle(id: article.id, url: article.url, title: article.title, text: article.text))
        }
        try await store.saveIndex(named: StoryDesk.indexName, try CompactEncoder().encode(clusterer.snapshot))
        return store
    }

    static func savedSnapshot(_ store: SQLiteStore) async throws -> StorySnapshot {
        let snapshot = try await store.loadIndex(named: StoryDesk.indexName, reading: StoryDesk.snapshot(size:pieces:))
        return try #require(snapshot ?? nil)
    }

    @Test func anIndexOfOldMinHashSignaturesIsRebuiltWithTheCurrentScheme() async throws {
        // Settings as a snapshot written before the scheme setting existed decodes them.
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(ClusterSettings())) as? [String: Any])
        json["minhashScheme"] = nil
        let old = try JSONDecoder().decode(ClusterSettings.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.minhashScheme == .permutations)
        #expect(old != ClusterSettings())

        let store = try await Self.store(indexSettings: old)
        #expect(try await Self.savedSnapshot(store).settings.minhashScheme == .permutations)
        let desk = try await StoryDesk.open(store: store, configuration: PipelineFixtures.configuration(sources: []))
        try await desk.saveIndex()

        let rebuilt = try await Self.savedSnapshot(store)
        #expect(rebuilt.settings == ClusterSettings())
        #expect(Set(rebuilt.articleIDs) == ["a0", "a1"])
        let entry = try #require(rebuilt.articleIDs.firstIndex(of: "a0"))
        let words = Shingler().shingles(of: Self.texts[0])
        let current = MinHasher(scheme: .onePermutation).signature(of: words)
        #expect(rebuilt.lsh.signature(at: entry) == current.map { UInt16(truncatingIfNeeded: $0) })
        #expect(current != MinHasher(scheme: .permutations).signature(of: words))
    }

    @Test func anIndexWithTheCurrentSettingsIsKept() async throws {
        let store = try await Self.store(indexSettings: ClusterSettings())
        let before = try await store.loadIndex(named: StoryDesk.indexName)
        let desk = try await StoryDesk.open(store: store, configuration: PipelineFixtures.configuration(sources: []))
        try await desk.saveIndex()
        // Nothing was caught up or rebuilt, so nothing was written.
        #expect(try await store.loadIndex(named: StoryDesk.indexName) == before)
    }
}
