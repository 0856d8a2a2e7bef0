import Foundation
import Store
import Testing

@Suite("ArticleStore: sources and fetch state")
struct SourceBehaviourTests {
    @Test(arguments: StoreFactory.allCases)
    func savesReadsAndReplacesSourcesByID(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await store.saveSource(Sample.source("zeta"))
        try await store.saveSource(Sample.source("alpha"))
        #expect(try await store.sources() == [Sample.source("alpha"), Sample.source("zeta")])
        #expect(try await store.source(id: "zeta") == Sample.source("zeta"))
        #expect(try await store.source(id: "missing") == nil)

        var moved = Sample.source("zeta")
        moved.url = "https://new.example/feed.xml"
        moved.etag = nil
        moved.consecutiveFailures = 0
        moved.lastError = nil
        moved.kind = .index
        try await store.saveSource(moved)
        #expect(try await store.source(id: "zeta") == moved)
        #expect(try await store.sources().count == 2)
    }

    @Test(arguments: StoreFactory.allCases)
    func severalSourcesAreSavedTogetherAndReplaceByID(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        try await store.saveSource(Sample.source("beta"))
        var beta = Sample.source("beta")
        beta.lastError = "HTTP 500"
        try await store.saveSources([Sample.source("alpha"), beta, Sample.source("gamma")])
        #expect(try await store.sources().map(\.id) == ["alpha", "beta", "gamma"])
        #expect(try await store.source(id: "beta") == beta)
        try await store.saveSources([])
        #expect(try await store.sources().count == 3)
    }

    @Test(arguments: StoreFactory.allCases)
    func aSourceWithOnlyDefaultsRoundTrips(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        let bare = SourceRecord(id: "bare", url: "https://bare.example/", kind: .page)
        try await store.saveSource(bare)
        let stored = try #require(try await store.source(id: "bare"))
        #expect(stored == bare)
        #expect(stored.etag == nil && stored.nextFetch == nil && stored.consecutiveFailures == 0 && !stored.retired)
    }

    @Test(arguments: StoreFactory.allCases)
    func dueSourcesAreTheUnretiredOnesWhoseTimeHasComeNeverFetchedFirst(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        let now = Sample.date(1_000)
        for source in [
            Sample.source("later", nextFetch: now.addingTimeInterval(0.001)),
            Sample.source("exactly-now", nextFetch: now),
            Sample.source("b-past", nextFetch: Sample.date(10)),
            Sample.source("a-past", nextFetch: Sample.date(10)),
            Sample.source("oldest", nextFetch: Sample.date(1)),
            Sample.source("never-z"),
            Sample.source("never-a"),
            Sample.source("gone", nextFetch: Sample.date(1), retired: true),
            Sample.source("gone-never", retired: true),
        ] {
            try await store.saveSource(source)
        }
        let due = try await store.dueSources(at: now).map(\.id)
        #expect(due == ["never-a", "never-z", "oldest", "a-past", "b-past", "exactly-now"])
        #expect(try await store.dueSources(at: Sample.date(0)).map(\.id) == ["never-a", "never-z"])
    }

    @Test(arguments: StoreFactory.allCases)
    func datesKeepMillisecondsAndRoundTheRest(_ factory: StoreFactory) async throws {
        let store = try factory.make().store
        var source = Sample.source("precise", nextFetch: Date(timeIntervalSince1970: 1_700_000_000.123_4))
        source.lastFetched = Date(timeIntervalSince1970: 1_700_000_000.987_6)
        try await store.saveSource(source)
        let stored = try #require(try await store.source(id: "precise"))
        #expect(stored.nextFetch == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(stored.lastFetched == Date(timeIntervalSince1970: 1_700_000_000.988))
        // Comparisons use the stored (rounded) value: 0.1234 is due at 0.1231 because both are .123.
        #expect(try await store.dueSources(at: Date(timeIntervalSince1970: 1_700_000_000.123_1)).map(\.id) == ["precise"])
        #expect(try await store.dueSources(at: Date(timeIntervalSince1970: 1_700_000_000.122)).isEmpty)
    }
}
