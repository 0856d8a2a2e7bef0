import Foundation
import Store
import Testing

@Suite("SQLiteStore: several stores on one file")
struct SharedFileTests {
    @Test func anotherStoreSeesCommittedDataAndNothingOfAnAbortedCommit() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        let writer = try SQLiteStore(path: path)
        let reader = try SQLiteStore(path: path)
        try await writer.commit(SourceUpdate(source: Sample.source("s1"), articles: [Sample.article("kept")], stories: [Sample.story("story-1")]))
        #expect(try await reader.article(id: "kept") == Sample.article("kept"))

        var next = Sample.source("s1")
        next.etag = "\"aborted\""
        // Three rows are written before the last article's missing story aborts the transaction.
        let aborted = SourceUpdate(
            source: next, articles: [Sample.article("lost-1", story: "story-2"), Sample.article("lost-2", story: "gone")],
            stories: [Sample.story("story-2")])
        await #expect(throws: StoreError.self) { try await writer.commit(aborted) }
        for store in [writer, reader, try SQLiteStore(path: path)] {
            #expect(try await store.source(id: "s1") == Sample.source("s1"))
            #expect(try await store.articles(since: nil).map(\.id) == ["kept"])
            #expect(try await store.story(id: "story-2") == nil)
            #expect(try await store.storyLabels().topics == ["diplomacy": 1])
            #expect(try await store.integrityProblems().isEmpty)
        }
    }

    @Test func concurrentCommitsFromTwoStoresAllLand() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tributary.sqlite")
        let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for round in 0..<25 {
                        let id = "w\(index)-\(round)"
                        try await store.commit(
                            SourceUpdate(
                                source: Sample.source("s\(index)"), articles: [Sample.article(id, source: "s\(index)", story: id)],
                                stories: [Sample.story(id)]))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await stores[0].articleCount() == 50)
        #expect(try await stores[1].stories(.topic("diplomacy"), since: nil, limit: 100).count == 50)
        #expect(try await stores[1].integrityProblems().isEmpty)
    }
}
