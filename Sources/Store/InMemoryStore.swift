public import Foundation

/// A store in memory, for tests of the layers above: the same contract as ``SQLiteStore``
/// (orders, millisecond dates, reference checks, all-or-nothing commits), nothing on disk.
public actor InMemoryStore: ArticleStore {
    private var sourceTable: [String: SourceRecord] = [:]
    private var articleTable: [String: ArticleRecord] = [:]
    private var storyTable: [String: StoryRecord] = [:]
    private var snapshots: [String: [UInt8]] = [:]
    private var failingSources: Set<String> = []

    /// What ``StoreError/path`` says for this store.
    public static let path = "memory"

    /// Creates an empty store.
    public init() {}

    /// Every source, ordered by id.
    public func sources() -> [SourceRecord] {
        sourceTable.values.sorted { $0.id < $1.id }
    }

    /// The source with this id, if stored.
    public func source(id: String) -> SourceRecord? {
        sourceTable[id]
    }

    /// Makes every commit of the source `id` fail with a `database` error, as a full disk
    /// would (or succeed again): for tests of what the layers above do then.
    public func failCommits(ofSource id: String, _ fail: Bool = true) {
        if fail { failingSources.insert(id) } else { failingSources.remove(id) }
    }

    /// Inserts or replaces a source by id.
    public func saveSource(_ source: SourceRecord) {
        sourceTable[source.id] = source.storeRounded
    }

    /// Inserts or replaces several sources by id.
    public func saveSources(_ sources: [SourceRecord]) {
        for source in sources { saveSource(source) }
    }

    /// Removes a source and its articles; stories left empty are removed, the others recounted.
    public func removeSource(id: String) {
        let removed = articleTable.values.filter { $0.sourceID == id }
        for article in removed { articleTable[article.id] = nil }
        sourceTable[id] = nil
        _ = recount(stories: Set(removed.map(\.storyID)))
    }

    /// Sources not retired whose next fetch is `nil` or not after `date`, by next fetch (`nil`
    /// first) then id.
    public func dueSources(at date: Date) -> [SourceRecord] {
        let now = date.storeRounded
        return sourceTable.values.filter { !$0.retired && ($0.nextFetch.map { $0 <= now } ?? true) }.sorted { left, right in
            switch (left.nextFetch, right.nextFetch) {
            case (nil, nil): left.id < right.id
            case (nil, _): true
            case (_, nil): false
            case (let a?, let b?): a == b ? left.id < right.id : a < b
            }
        }
    }

    /// The article with this id, if stored.
    public func article(id: String) -> ArticleRecord? {
        articleTable[id]
    }

    /// The article a source stored for a feed entry.
    public func article(sourceID: String, entryID: String) -> ArticleRecord? {
        articles { $0.sourceID == sourceID && $0.entryID == entryID }.first
    }

    /// Articles with this content hash, ordered by first-seen time then id.
    public func articles(contentHash: String) -> [ArticleRecord] {
        articles { $0.contentHash == contentHash }
    }

    /// Articles with this canonical URL, ordered by first-seen time then id.
    public func articles(canonicalURL: String) -> [ArticleRecord] {
        articles { $0.canonicalURL == canonicalURL }
    }

    /// The articles of a story, ordered by first-seen time then id.
    public func articles(story: String) -> [ArticleRecord] {
        articles { $0.storyID == story }
    }

    /// The articles matching any of `keys`, ordered by first-seen time then id; without
    /// `bodies`, with empty text and no HTML.
    public func articles(matching keys: ArticleKeys, bodies: Bool) -> [ArticleRecord] {
        let ids = Set(keys.ids)
        let hashes = Set(keys.contentHashes)
        let stories = Set(keys.stories)
        return articles { ids.contains($0.id) || hashes.contains($0.contentHash) || stories.contains($0.storyID) }.map { article in
            guard !bodies else { return article }
            var light = article
            light.text = ""
            light.html = nil
            return light
        }
    }

    /// Articles first seen at or after `since` (all when `nil`), ordered by first-seen time then id.
    public func articles(since: Date?) -> [ArticleRecord] {
        guard let since = since?.storeRounded else { return articles { _ in true } }
        return articles { $0.firstSeen >= since }
    }

    /// How many articles are stored.
    public func articleCount() -> Int {
        articleTable.count
    }

    /// The ids of every stored article, in no particular order.
    public func articleIDs() -> [String] {
        Array(articleTable.keys)
    }

    /// The ids of the sources that have articles stored, in no particular order.
    public func sourceIDsWithArticles() -> [String] {
        Array(Set(articleTable.values.map(\.sourceID)))
    }

    /// The story with this id, if stored.
    public func story(id: String) -> StoryRecord? {
        storyTable[id]
    }

    /// The stored stories among `ids`, ordered by id.
    public func stories(ids: [String]) -> [StoryRecord] {
        Set(ids).compactMap { storyTable[$0] }.sorted { $0.id < $1.id }
    }

    /// At most `limit` stories matching `filter`, updated at or after `since`, newest first.
    public func stories(_ filter: StoryFilter, since: Date?, limit: Int) -> [StoryRecord] {
        let since = since?.storeRounded
        let matching = storyTable.values.filter { story in
            guard since.map({ story.updated >= $0 }) ?? true else { return false }
            switch filter {
            case .all: return true
            case .topic(let id): return story.topics.contains { $0.id == id }
            case .region(let id): return story.regions.contains { $0.id == id }
            }
        }
        let ordered = matching.sorted { $0.updated == $1.updated ? $0.id < $1.id : $0.updated > $1.updated }
        return Array(ordered.prefix(max(0, limit)))
    }

    /// For every label of a story updated at or after `since`: its newest `limit` story ids.
    public func newestStoryIDs(byLabelSince since: Date?, limit: Int) -> [StoryFilter: [String]] {
        let rounded = since?.storeRounded
        var labels: Set<StoryFilter> = []
        for story in storyTable.values where rounded.map({ story.updated >= $0 }) ?? true {
            labels.formUnion(story.topics.map { .topic($0.id) } + story.regions.map { .region($0.id) })
        }
        var newest: [StoryFilter: [String]] = [:]
        for label in labels {
            let ids = stories(label, since: since, limit: limit).map(\.id)
            if !ids.isEmpty { newest[label] = ids }
        }
        return newest
    }

    /// For every topic and region id: how many stories carry it.
    public func storyLabels() -> (topics: [String: Int], regions: [String: Int]) {
        var topics: [String: Int] = [:]
        var regions: [String: Int] = [:]
        for story in storyTable.values {
            for id in Set(story.topics.map(\.id)) { topics[id, default: 0] += 1 }
            for id in Set(story.regions.map(\.id)) { regions[id, default: 0] += 1 }
        }
        return (topics, regions)
    }

    /// Writes a source's new state, its stories and articles: all or nothing.
    public func commit(_ update: SourceUpdate) throws {
        if failingSources.contains(update.source.id) {
            throw StoreError(code: StoreError.Code.database, message: "disk I/O error (made to fail)", path: Self.path)
        }
        var sources = sourceTable
        var stories = storyTable
        var articles = articleTable
        sources[update.source.id] = update.source.storeRounded
        for story in update.stories { stories[story.id] = story.storeRounded }
        for article in update.articles { articles[article.id] = article.storeRounded }
        for article in update.articles where sources[article.sourceID] == nil || stories[article.storyID] == nil {
            throw StoreError(code: StoreError.Code.constraint, message: "FOREIGN KEY constraint failed", path: Self.path)
        }
        sourceTable = sources
        storyTable = stories
        articleTable = articles
    }

    /// Reads the named snapshot, if saved, as one piece; see
    /// ``ArticleStore/loadIndex(named:reading:)``.
    public func loadIndex<Result: Sendable>(named name: String, reading read: @escaping IndexReader<Result>) throws -> Result? {
        guard let bytes = snapshots[name] else { return nil }
        var pieces = [bytes]
        return try read(bytes.count) { pieces.popLast() }
    }

    /// Saves (replaces) the named snapshot, written in pieces; see
    /// ``ArticleStore/saveIndex(named:writing:)``.
    public func saveIndex(named name: String, writing write: @escaping IndexWriter) throws {
        var bytes: [UInt8] = []
        try write { piece in bytes.append(contentsOf: piece) }
        snapshots[name] = bytes
    }

    /// Applies a retention policy; see ``ArticleStore/prune(_:now:)``.
    public func prune(_ policy: RetentionPolicy, now: Date) -> PruneResult {
        var doomed: [String: ArticleRecord] = [:]
        if let days = policy.maxAgeDays {
            let cutoff = now.addingTimeInterval(-Double(max(0, days)) * 86_400).storeRounded
            for article in articleTable.values where article.firstSeen < cutoff { doomed[article.id] = article }
        }
        if let keep = policy.maxArticlesPerSource {
            for group in Dictionary(grouping: articleTable.values, by: \.sourceID).values {
                let newestFirst = group.sorted { $0.firstSeen == $1.firstSeen ? $0.id > $1.id : $0.firstSeen > $1.firstSeen }
                for article in newestFirst.dropFirst(max(0, keep)) { doomed[article.id] = article }
            }
        }
        for id in doomed.keys { articleTable[id] = nil }
        let removed = recount(stories: Set(doomed.values.map(\.storyID)))
        return PruneResult(articlesRemoved: doomed.count, storiesRemoved: removed)
    }

    /// Articles passing `isIncluded`, ordered by first-seen time then id.
    private func articles(_ isIncluded: (ArticleRecord) -> Bool) -> [ArticleRecord] {
        articleTable.values.filter(isIncluded).sorted { $0.firstSeen == $1.firstSeen ? $0.id < $1.id : $0.firstSeen < $1.firstSeen }
    }

    /// Recounts the articles of `stories` and deletes those left with none: how many were deleted.
    private func recount(stories: Set<String>) -> Int {
        var counts: [String: Int] = [:]
        for article in articleTable.values where stories.contains(article.storyID) { counts[article.storyID, default: 0] += 1 }
        var removed = 0
        for id in stories where storyTable[id] != nil {
            if let count = counts[id] {
                storyTable[id]?.articleCount = count
            } else {
                storyTable[id] = nil
                removed += 1
            }
        }
        return removed
    }
}
