import Analysis
import Foundation
import Store

/// The one place where articles get their identity and story and are written: decides new,
/// changed, unchanged or copied; clusters new articles; recomposes the stories they touch; and
/// commits each source's changes in one transaction. An actor, because the clustering index
/// is shared by every source of a run.
actor StoryDesk {
    /// What one source's commit changed.
    struct Tally: Sendable, Equatable {
        var new = 0
        var updated = 0
        var unchanged = 0
        var duplicates = 0
        var newStories = 0
    }

    static let indexName = "stories"
    /// Articles read with their texts at a time when the index is rebuilt from the store.
    static let rebuildBatch = 500

    private let store: any ArticleStore
    private let composer: StoryComposer
    private var clusterer: StoryClusterer
    private var dirty = false

    /// Loads the clustering index from the store and makes it match the store: it forgets the
    /// articles no longer stored and adds those stored after it was saved.
    static func open(store: any ArticleStore, configuration: Configuration) async throws -> StoryDesk {
        var settings = ClusterSettings()
        if let threshold = configuration.analysis.storyThreshold { settings.storyThreshold = Float(threshold) }
        if let window = configuration.analysis.storyWindow { settings.timeWindow = window.seconds }
        var clusterer = StoryClusterer(settings: settings)
        // nil: no index saved; .some(nil): one saved that cannot be read (an older version's).
        var discarded = false
        switch try await store.loadIndex(named: indexName, reading: Self.snapshot(size:pieces:)) {
        case .some(.some(let snapshot)) where snapshot.settings == settings:
            clusterer = StoryClusterer(snapshot: snapshot)
        case .some:
            discarded = true
        case .none:
            break
        }
        // The store decides what the index holds: articles it no longer has (removed by
        // retention, or with their source) are forgotten, and articles stored after the index
        // was saved (a run killed before saving it) are added, oldest first.
        let stored = Set(try await store.articleIDs())
        var changed = clusterer.forget(keeping: stored.contains) > 0
        let missing = stored.subtracting(clusterer.snapshot.articleIDs)
        if !missing.isEmpty {
            // Oldest first, their texts read a batch at a time: rebuilding the index of a large
            // store never holds every article's text at once.
            let order = try await store.articles(matching: ArticleKeys(ids: Array(missing)), bodies: false).map(\.id)
            for start in stride(from: 0, to: order.count, by: Self.rebuildBatch) {
                let batch = Array(order[start..<min(start + Self.rebuildBatch, order.count)])
                for article in try await store.articles(matching: ArticleKeys(ids: batch), bodies: true) {
                    _ = clusterer.add(Self.clusterArticle(article))
                }
            }
            changed = true
        }
        let notes =
            discarded && !missing.isEmpty
            ? [
                "the story index saved before could not be used (saved by an older version, or with other story settings): "
                    + "rebuilt from the \(missing.count) stored articles"
            ] : []
        let desk = StoryDesk(
            store: store, composer: StoryComposer(summarySentences: configuration.analysis.summarySentences), clusterer: clusterer,
            sourcesWithArticles: Set(try await store.sourceIDsWithArticles()), notes: notes)
        if changed { await desk.markDirty() }
        return desk
    }

    /// What a person should know about how the desk opened (a rebuilt index).
    let notes: [String]

    /// The saved index, compact binary read piece by piece. One that cannot be read (among them
    /// the JSON of early stores, and every index saved before terms were 32-bit) is rebuilt
    /// from the stored articles.
    @Sendable static func snapshot(size: Int, pieces next: () throws -> [UInt8]?) -> StorySnapshot? {
        var first = try? next()
        while first?.isEmpty == true { first = try? next() }
        guard let head = first else { return nil }
        var pending: [UInt8]? = head
        return try? CompactDecoder().decode(StorySnapshot.self, size: size) {
            if let piece = pending {
                pending = nil
                return piece
            }
            return try next()
        }
    }

    private init(
        store: any ArticleStore, composer: StoryComposer, clusterer: StoryClusterer, sourcesWithArticles: Set<String>, notes: [String]
    ) {
        self.store = store
        self.composer = composer
        self.clusterer = clusterer
        self.sourcesWithArticles = sourcesWithArticles
        self.notes = notes
    }

    /// The sources with articles in the store (as the desk opened, plus those prepared since):
    /// only their incoming articles can be known already.
    private var sourcesWithArticles: Set<String>

    private func markDirty() { dirty = true }

    private static func clusterArticle(_ article: ArticleRecord) -> ClusterArticle {
        ClusterArticle(
            id: article.id, url: article.canonicalURL ?? article.url, title: article.title, text: article.text, published: article.published)
    }

    /// A source's changes, decided and composed by `prepare`, waiting for `write`.
    struct Prepared: Sendable {
        /// Numbers the preparations of a run, in commit order.
        let serial: Int
        let source: SourceRecord
        let now: Date
        var tally: Tally
        /// The articles to write, in order: new ones with their story, changed ones.
        let articles: [ArticleRecord]
        /// Stories this source opened.
        let openedStories: Set<String>
        /// Articles stored before whose content changed.
        let updatedIDs: Set<String>
        /// The stories as they will be written (`compose`).
        var stories: [StoryRecord] = []
        /// The earlier preparations, not yet written, whose stories and articles the composition
        /// used (`compose`).
        var usedPending: Set<Int> = []
    }

    /// Preparations not yet written, by serial: what `compose` reads in place of the store for
    /// them, so that a source can be prepared while the one before it is being written.
    private var pending: [Int: Prepared] = [:]
    /// Preparations whose write failed: a composition that used one of them is redone.
    private var failed: Set<Int> = []
    private var serials = 0
    /// The time of the last preparation.
    private var lastPrepared: Date?

    /// Identifies and clusters a source's articles (new, changed, unchanged or copied) and
    /// composes the stories they touch; `write` then stores them. Between the two, the next
    /// source can be prepared: it sees this one's stories and articles as if stored.
    ///
    /// The store is read at most twice whatever the number of articles: once for what it holds
    /// of the incoming ids and content hashes (skipped for a source with nothing stored), once
    /// for the stories they join with those stories' articles (without texts).
    func prepare(source: SourceRecord, articles incoming: [ArticleRecord], now: Date) async throws -> Prepared {
        // New articles are first seen when prepared, each source later than the one before: the
        // order of a story's articles (and so its lead and summary) follows the configuration,
        // not which source happened to answer first.
        var now = now
        if let last = lastPrepared, now <= last { now = last.addingTimeInterval(0.001) }
        lastPrepared = now
        var tally = Tally()
        var toWrite: [String: ArticleRecord] = [:]
        var order: [String] = []
        var openedStories: Set<String> = []
        var updatedIDs: Set<String> = []
        // Ids are per source and a source is prepared once a run: nothing pending has them, and
        // the content hashes only matter for this source's own articles. A source with nothing
        // stored (every source of a first run) has nothing to look up.
        var known: [ArticleRecord] = []
        if sourcesWithArticles.contains(source.id) {
            known = try await store.articles(
                matching: ArticleKeys(ids: incoming.map(\.id), contentHashes: incoming.map(\.contentHash)), bodies: false)
        }
        sourcesWithArticles.insert(source.id)
        var byID: [String: ArticleRecord] = [:]
        var sourcesByHash: [String: Set<String>] = [:]
        for article in known {
            if byID[article.id] == nil { byID[article.id] = article }
            sourcesByHash[article.contentHash, default: []].insert(article.sourceID)
        }
        for var article in incoming where toWrite[article.id] == nil {
            if let existing = byID[article.id] {
                if existing.contentHash == article.contentHash {
                    tally.unchanged += 1
                    continue
                }
                article.firstSeen = existing.firstSeen
                article.storyID = existing.storyID
                article.duplicateOf = existing.duplicateOf
                article.lastChanged = now
                updatedIDs.insert(article.id)
                tally.updated += 1
            } else if sourcesByHash[article.contentHash]?.contains(article.sourceID) == true {
                // The entry's id changed but its content did not: the same article.
                tally.unchanged += 1
                continue
            } else {
                article.firstSeen = now
                article.lastChanged = now
                let decision = clusterer.add(Self.clusterArticle(article))
                dirty = true
                article.storyID = decision.storyID
                article.duplicateOf = decision.duplicateOf
                if decision.duplicateOf != nil { tally.duplicates += 1 }
                if decision.explanation.signal == .new {
                    openedStories.insert(decision.storyID)
                }
                tally.new += 1
            }
            toWrite[article.id] = article
            order.append(article.id)
        }
        serials += 1
        var prepared = Prepared(
            serial: serials, source: source, now: now, tally: tally, articles: order.compactMap { toWrite[$0] },
            openedStories: openedStories, updatedIDs: updatedIDs)
        try await compose(&prepared)
        pending[prepared.serial] = prepared
        return prepared
    }

    /// Composes the stories a preparation touches from what is stored and what is pending.
    private func compose(_ prepared: inout Prepared) async throws {
        let now = prepared.now
        var newStoryIDs = prepared.openedStories
        // A story the clusterer opened just now has nothing stored yet: only the others are read.
        // The articles joining each story, in order; stories that only new copies joined keep
        // their summary and labels, and are not re-read (`adding(copies:to:now:)`).
        var joining: [String: [ArticleRecord]] = [:]
        var touchedStories: [String] = []
        for article in prepared.articles {
            if joining[article.storyID] == nil { touchedStories.append(article.storyID) }
            joining[article.storyID, default: []].append(article)
        }
        let onlyCopies = Set(
            touchedStories.filter { storyID in
                joining[storyID, default: []].allSatisfy { $0.duplicateOf != nil && !prepared.updatedIDs.contains($0.id) }
            })
        let storedStoryIDs = touchedStories.filter { !newStoryIDs.contains($0) }
        // Taken before the store is read: a write that ends while this composition waits for
        // the store is then in both, and the same either way.
        let earlier = pending.values.filter { $0.serial < prepared.serial }.sorted { $0.serial < $1.serial }
        var usedPending: Set<Int> = []
        var previousStories: [String: StoryRecord] = [:]
        var storedMembers: [String: [String: ArticleRecord]] = [:]
        if !storedStoryIDs.isEmpty {
            // The members of every story that will be composed again are read with the stories,
            // in one trip: all but those only copies joined, unless such a story is nowhere to be
            // found, which a second read then covers.
            let likelyRecomposed = storedStoryIDs.filter { !onlyCopies.contains($0) }
            let (stories, members) = try await store.stories(ids: storedStoryIDs, membersOf: likelyRecomposed)
            for story in stories { previousStories[story.id] = story }
            let wanted = Set(storedStoryIDs)
            for earlier in earlier {
                for story in earlier.stories where wanted.contains(story.id) {
                    previousStories[story.id] = story
                    usedPending.insert(earlier.serial)
                }
            }
            let recomposed = storedStoryIDs.filter { previousStories[$0] == nil || !onlyCopies.contains($0) }
            if !recomposed.isEmpty {
                var read = members
                let unread = recomposed.filter { onlyCopies.contains($0) }
                if !unread.isEmpty {
                    read += try await store.articles(matching: ArticleKeys(stories: unread), bodies: false)
                }
                for member in read {
                    storedMembers[member.storyID, default: [:]][member.id] = member
                }
                let recomposing = Set(recomposed)
                for earlier in earlier {
                    for article in earlier.articles where recomposing.contains(article.storyID) {
                        storedMembers[article.storyID, default: [:]][article.id] = article
                        usedPending.insert(earlier.serial)
                    }
                }
            }
        }
        var stories: [StoryRecord] = []
        for storyID in touchedStories {
            let joining = joining[storyID] ?? []
            let previous = previousStories[storyID]
            if let previous, onlyCopies.contains(storyID) {
                stories.append(composer.adding(copies: joining, to: previous, now: now))
                continue
            }
            var members = storedMembers[storyID] ?? [:]
            for article in joining { members[article.id] = article }
            if previous == nil, !newStoryIDs.contains(storyID) {
                // A story whose opening article was never stored: it is new to the store all the same.
                newStoryIDs.insert(storyID)
            }
            stories.append(composer.compose(id: storyID, members: Array(members.values), previous: previous, now: now))
        }
        prepared.tally.newStories = newStoryIDs.count
        prepared.stories = stories
        prepared.usedPending = usedPending
    }

    /// Writes a preparation with its source's fetch state, in one transaction. One composed
    /// from an earlier preparation whose write failed is composed again first, from what was
    /// stored. Preparations are written in the order they were made.
    func write(_ prepared: Prepared) async throws -> Tally {
        var prepared = prepared
        defer { pending[prepared.serial] = nil }
        if !prepared.usedPending.isDisjoint(with: failed) { try await compose(&prepared) }
        do {
            try await store.commit(SourceUpdate(source: prepared.source, articles: prepared.articles, stories: prepared.stories))
        } catch {
            failed.insert(prepared.serial)
            throw error
        }
        return prepared.tally
    }

    /// Saves the clustering index when it changed since it was loaded.
    func saveIndex() async throws {
        guard dirty else { return }
        let snapshot = clusterer.snapshot
        // Encoded straight into the store, piece by piece: never the whole index in memory.
        try await store.saveIndex(named: Self.indexName) { store in try CompactEncoder().encode(snapshot, emit: store) }
        dirty = false
    }
}
