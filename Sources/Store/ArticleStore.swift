public import Foundation

/// All persistence behind one protocol: sources with their fetch state, articles, stories,
/// the near-duplicate index snapshot, and retention.
///
/// Dates are kept to the millisecond: a stored date reads back rounded to the nearest
/// millisecond, and comparisons (`dueSources(at:)`, `since:`) use the rounded values.
/// Every list comes back in a documented, total order, so implementations cannot drift.
/// Errors are ``StoreError`` values.
public protocol ArticleStore: Sendable {
    /// Every source, ordered by id.
    func sources() async throws -> [SourceRecord]
    /// The source with this id, if stored.
    func source(id: String) async throws -> SourceRecord?
    /// Inserts or replaces a source by id; its articles are kept.
    func saveSource(_ source: SourceRecord) async throws
    /// Inserts or replaces several sources by id in one transaction (all or nothing).
    func saveSources(_ sources: [SourceRecord]) async throws
    /// Removes a source and its articles; stories left empty are removed, the others get
    /// `articleCount` recounted. Removing an unknown id does nothing.
    func removeSource(id: String) async throws
    /// Sources not retired whose `nextFetch` is `nil` or not after `date`, ordered by
    /// `nextFetch` (`nil` first) then id.
    func dueSources(at date: Date) async throws -> [SourceRecord]

    /// The article with this id, if stored.
    func article(id: String) async throws -> ArticleRecord?
    /// The article a source stored for a feed entry (the earliest by first-seen, id, should
    /// there be several).
    func article(sourceID: String, entryID: String) async throws -> ArticleRecord?
    /// Articles with this content hash (exact duplicates), ordered by first-seen time then id.
    func articles(contentHash: String) async throws -> [ArticleRecord]
    /// Articles with this canonical URL, ordered by first-seen time then id.
    func articles(canonicalURL: String) async throws -> [ArticleRecord]
    /// The articles of a story, ordered by first-seen time then id.
    func articles(story: String) async throws -> [ArticleRecord]
    /// Articles first seen at or after `since` (all when `nil`), ordered by first-seen time then
    /// id: what rebuilding the clustering index reads.
    func articles(since: Date?) async throws -> [ArticleRecord]
    /// How many articles are stored.
    func articleCount() async throws -> Int
    /// The ids of every stored article, in no particular order.
    func articleIDs() async throws -> [String]
    /// The ids of the sources that have articles stored, in no particular order.
    func sourceIDsWithArticles() async throws -> [String]
    /// The stored articles matching any of `keys` in one read, ordered by first-seen time then
    /// id. Without `bodies`, `text` comes back empty and `html` `nil`: what placing new
    /// articles and composing stories read, at a fraction of the cost.
    func articles(matching keys: ArticleKeys, bodies: Bool) async throws -> [ArticleRecord]

    /// The story with this id, if stored.
    func story(id: String) async throws -> StoryRecord?
    /// The stored stories among `ids`, in one read, ordered by id.
    func stories(ids: [String]) async throws -> [StoryRecord]
    /// The stored stories among `ids` (ordered by id) and the articles of the stories among
    /// `memberStories` (without bodies, ordered by first-seen time then id), in one read: what
    /// composing a source's stories needs.
    func stories(ids: [String], membersOf memberStories: [String]) async throws -> (stories: [StoryRecord], members: [ArticleRecord])
    /// At most `limit` stories matching `filter` and updated at or after `since` (any when
    /// `nil`), newest first: `updated` descending, then id ascending.
    func stories(_ filter: StoryFilter, since: Date?, limit: Int) async throws -> [StoryRecord]
    /// For every topic and region carried by a story updated at or after `since` (any when
    /// `nil`): the ids of its newest `limit` such stories, in the order of
    /// ``stories(_:since:limit:)``. What publishing every feed reads, at once.
    func newestStoryIDs(byLabelSince since: Date?, limit: Int) async throws -> [StoryFilter: [String]]
    /// For every topic and region id: how many stories carry it.
    func storyLabels() async throws -> (topics: [String: Int], regions: [String: Int])

    /// Writes a source's new state, its articles and stories (each inserted or replaced by id)
    /// in one transaction: all or nothing. Every article's source and story must exist once the
    /// update is applied, or the commit fails with ``StoreError/Code/constraint``.
    func commit(_ update: SourceUpdate) async throws

    /// Reads the named snapshot (the clustering index, encoded by the pipeline) piece by piece,
    /// so that the whole snapshot need never be in memory beside what is made of it: `read` is
    /// given the snapshot's size in bytes and a function returning its pieces in order (then
    /// `nil`), and runs within one read of the store. `nil` when no snapshot has that name.
    func loadIndex<Result: Sendable>(named name: String, reading read: @escaping IndexReader<Result>) async throws -> Result?
    /// Saves (replaces) the named snapshot, all or nothing. `write` produces its bytes in
    /// pieces and hands each to the function it is given, which stores it before returning, so
    /// the whole snapshot need never be in memory; when `write` throws, the snapshot saved
    /// before stays.
    func saveIndex(named name: String, writing write: @escaping IndexWriter) async throws

    /// Applies a retention policy: deletes articles first seen more than `maxAgeDays` before
    /// `now` and, per source, all but the newest `maxArticlesPerSource` (by first-seen time,
    /// ties kept by greater id); then removes the stories left without articles and recounts
    /// the others.
    func prune(_ policy: RetentionPolicy, now: Date) async throws -> PruneResult
}

/// Produces a snapshot's bytes, handing each piece to the function it is given.
public typealias IndexWriter = @Sendable (_ store: (UnsafeRawBufferPointer) throws -> Void) throws -> Void

/// Consumes a snapshot: its size in bytes, and a function returning its pieces in order, then `nil`.
public typealias IndexReader<Result> = @Sendable (_ size: Int, _ next: () throws -> [UInt8]?) throws -> Result

extension ArticleStore {
    /// The two reads one after the other; stores with a cheaper way override it.
    public func stories(ids: [String], membersOf memberStories: [String]) async throws -> (stories: [StoryRecord], members: [ArticleRecord]) {
        let stories = try await self.stories(ids: ids)
        let members = memberStories.isEmpty ? [] : try await articles(matching: ArticleKeys(stories: memberStories), bodies: false)
        return (stories, members)
    }

    /// The named snapshot's bytes, whole, if saved.
    public func loadIndex(named name: String) async throws -> [UInt8]? {
        try await loadIndex(named: name) { size, next in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(size)
            while let piece = try next() { bytes.append(contentsOf: piece) }
            return bytes
        }
    }

    /// Saves (replaces) the named snapshot from bytes in memory.
    public func saveIndex(named name: String, _ bytes: [UInt8]) async throws {
        try await saveIndex(named: name) { store in try bytes.withUnsafeBytes(store) }
    }
}
