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

    /// Fetch states (of sources that failed or were not modified) not yet written.
    private var pendingStates: [SourceRecord] = []
    /// How many fetch states are written together: a run where most sources answer "not
    /// modified" writes a few transactions, not one per source. A run killed before a batch is
    /// written only fetches those sources again.
    static let fetchStateBatch = 250

    /// Records a source's fetch state with no articles; written with the next batch.
    func commit(source: SourceRecord) async throws {
        pendingStates.append(source)
        if pendingStates.count >= Self.fetchStateBatch { try await flushFetchStates() }
    }

    /// Writes the recorded fetch states, in one transaction.
    func flushFetchStates() async throws {
        guard !pendingStates.isEmpty else { return }
        let batch = pendingStates
        pendingStates = []
        try await store.saveSources(batch)
    }

    /// Identifies and clusters a source's articles and composes their stories (`StoryDesk.prepare`);
    /// `nil` when there are none, which `write` then stores as the fetch state alone.
    func prepare(source: SourceRecord, articles: [ArticleRecord], now: Date) async throws -> StoryDesk.Prepared? {
        if articles.isEmpty { return nil }
        return try await opened().prepare(source: source, articles: articles, now: now)
    }

    /// Writes what `prepare` gave, with the source's fetch state, in one transaction.
    func write(_ prepared: StoryDesk.Prepared?, source: SourceRecord) async throws -> StoryDesk.Tally {
        guard let prepared else {
            try await store.commit(SourceUpdate(source: source))
            return StoryDesk.Tally()
        }
        let tally = try await opened().write(prepared)
        if tally.new + tally.updated > 0 { changedStore = true }
        return tally
    }

    /// Saves the clustering index when it was opened and changed, then lets it go: publishing,
    /// which comes next, then reuses its memory instead of adding to it. Returns what the desk
    /// had to say about its opening (a rebuilt index).
    func saveIndexAndClose() async throws -> [String] {
        let notes = desk?.notes ?? []
        try await desk?.saveIndex()
        desk = nil
        return notes
    }

    private func opened() async throws -> StoryDesk {
        if let desk { return desk }
        let opened = try await StoryDesk.open(store: store, configuration: configuration)
        desk = opened
        return opened
    }
}
