import Foundation
import Store

/// Opens the story desk (and with it the clustering index, the largest thing a run reads) only
/// when a source brings articles, so a run where every source answers "not modified" stays cheap.
actor LazyDesk {
    private let store: any ArticleStore
    private let configuration: Configuration
    private var desk: StoryDesk?
    /// Whether articles or stories were written in this run.
    private(set) var changedStore = false

    init(store: any ArticleStore, configuration: Configuration) {
        self.store = store
        self.configuration = configuration
    }

    /// Writes a source's fetch state with no articles.
    func commit(source: SourceRecord) async throws {
        try await store.commit(SourceUpdate(source: source))
    }

    /// Identifies, clusters and writes a source's articles with its fetch state.
    func commit(source: SourceRecord, articles: [ArticleRecord], now: Date) async throws -> StoryDesk.Tally {
        if articles.isEmpty {
            try await store.commit(SourceUpdate(source: source))
            return StoryDesk.Tally()
        }
        let desk = try await opened()
        let tally = try await desk.commit(source: source, articles: articles, now: now)
        if tally.new + tally.updated > 0 { changedStore = true }
        return tally
    }

    /// Saves the clustering index when it was opened and changed.
    func saveIndex() async throws {
        try await desk?.saveIndex()
    }

    private func opened() async throws -> StoryDesk {
        if let desk { return desk }
        let opened = try await StoryDesk.open(store: store, configuration: configuration)
        desk = opened
        return opened
    }
}
