import Foundation
import Store
import Testing

@Suite("SQLiteStore: damaged files")
struct DamagedFileTests {
    /// A populated, closed store file (its log checked into the file).
    static func populatedFile(in folder: TemporaryFolder) async throws -> String {
        let path = folder.path("tributary.sqlite")
        let store = try SQLiteStore(path: path)
        try await ArticleBehaviourTests.seed(store)
        for round in 0..<40 {
            let id = "bulk-\(round)"
            try await store.commit(
                SourceUpdate(source: Sample.source("s1"), articles: [Sample.article(id, story: id)], stories: [Sample.story(id)]))
        }
        return path
    }

    /// Overwrites the bytes from `offset` to the end of the file with junk.
    static func damage(_ path: String, from offset: (UInt64) -> UInt64) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        let start = offset(size)
        try handle.seek(toOffset: start)
        try handle.write(contentsOf: Data((start..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
        try handle.close()
    }

    @Test func junkOverEveryPageButTheFirstIsAStoreErrorOnOpening() async throws {
        let folder = try TemporaryFolder()
        let path = try await Self.populatedFile(in: folder)
        try Self.damage(path) { _ in 4096 }
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error.code == StoreError.Code.corrupt)
        #expect(error.description == "store \(path): database disk image is malformed")
    }

    @Test func junkOverTheLastPagesIsFoundByTheIntegrityCheckOrAStoreError() async throws {
        let folder = try TemporaryFolder()
        let path = try await Self.populatedFile(in: folder)
        try Self.damage(path) { size in size - 8192 }
        let store = try SQLiteStore(path: path)
        var problems: [String] = []
        do {
            problems = try await store.integrityProblems()
            _ = try await store.articles(since: nil)
            _ = try await store.stories(.all, since: nil, limit: 1000)
        } catch let error as StoreError {
            #expect(error.code == StoreError.Code.corrupt)
            #expect(error.path == path)
            problems.append(error.description)
        }
        #expect(!problems.isEmpty)
    }
}
