public import Foundation
public import Store
import Syndication

/// Writes the output folder from the store: `all.atom`, a feed per topic and per region that
/// has stories, `index.html` and `feeds.opml` (and JSON Feed twins when configured). The same
/// store gives the same bytes, and a file is rewritten only when its bytes change.
public struct FeedPublisher: Sendable {
    /// What publishing did.
    public struct Result: Sendable, Equatable {
        /// Files written because they changed.
        public var written = 0
        /// Files left as they were.
        public var unchanged = 0
        /// The feeds published, in index order.
        public var feeds: [PublishedFeed] = []
    }

    let configuration: Configuration
    let store: any ArticleStore
    let files: any FeedFiles

    /// Creates a publisher.
    public init(configuration: Configuration, store: any ArticleStore, files: any FeedFiles = LocalFeedFiles()) {
        self.configuration = configuration
        self.store = store
        self.files = files
    }

    /// Every feed the configuration asks for that has a story, plus the index and OPML.
    public func publish() async throws -> Result {
        var result = Result()
        let catalog = try await FeedCatalog.make(configuration: configuration, store: store)
        let builder = try await FeedDocumentBuilder.make(configuration: configuration, store: store)
        let folder = configuration.outputURL
        // One feed at a time on each of a few tasks: its stories read, their entries built (or
        // taken from the cache, for a story met in an earlier feed), its documents made, then
        // let go. Holding every feed's stories and entries at once was 60 MB of a 100 MB peak
        // on 137 feeds.
        let cache = FeedDocumentBuilder.EntryCache()
        // Every label's newest stories from one read of the labels: the store keeps no index of
        // labels in feed order (writing one cost a cold aggregation 38% of its pages).
        let newest = try await store.newestStoryIDs(byLabelSince: catalog.since, limit: configuration.publish.limit)
        try await forEachInOrder(catalog.descriptors, width: Self.feedsAtOnce) { [store, configuration] descriptor -> MadeFeed? in
            let stories = try await Self.stories(
                of: descriptor.filter, newest: newest, since: catalog.since, configuration: configuration, store: store)
            guard !stories.isEmpty || descriptor.filter == .all else { return nil }
            let entries = try await builder.entries(for: stories, cache: cache)
            let document = try builder.document(for: descriptor, stories: stories, entries: entries)
            let headlines = stories.prefix(descriptor.kind == .all ? 8 : 5).map { story in
                PublishedFeed.Headline(title: story.title, url: entries[story.id]?.primaryURL, sources: story.articleCount)
            }
            return MadeFeed(
                document: document,
                published: PublishedFeed(descriptor: descriptor, headlines: headlines, stories: stories.count, updated: stories.first?.updated))
        } handle: { descriptor, made in
            guard let made else { return }
            try record(files.write(made.document.atom, to: descriptor.path, in: folder), into: &result)
            if configuration.publish.json {
                try record(files.write(made.document.json, to: descriptor.jsonPath, in: folder), into: &result)
            }
            result.feeds.append(made.published)
        }
        if configuration.publish.opml {
            try record(files.write(try FeedIndexPage.opml(result.feeds, configuration: configuration), to: "feeds.opml", in: folder), into: &result)
        }
        if configuration.publish.html {
            try record(files.write(FeedIndexPage.html(result.feeds, configuration: configuration), to: "index.html", in: folder), into: &result)
        }
        return result
    }

    /// Exactly one feed, for `generate`.
    public func document(for descriptor: FeedDescriptor, limit: Int? = nil, since: Date? = nil) async throws -> FeedDocument {
        let builder = try await FeedDocumentBuilder.make(configuration: configuration, store: store)
        let stories = try await store.stories(descriptor.filter, since: since, limit: limit ?? configuration.publish.limit)
        return try await builder.document(for: descriptor, stories: stories)
    }

    /// A feed's stories, newest first: the label's ids from `newest`, read by id.
    private static func stories(
        of filter: StoryFilter, newest: [StoryFilter: [String]], since: Date?, configuration: Configuration, store: any ArticleStore
    ) async throws -> [StoryRecord] {
        if filter == .all { return try await store.stories(.all, since: since, limit: configuration.publish.limit) }
        let ids = newest[filter] ?? []
        guard !ids.isEmpty else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: try await store.stories(ids: ids).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// How many feeds are made at once (their reads wait on the store, their documents use a core).
    static var feedsAtOnce: Int { max(4, ProcessInfo.processInfo.activeProcessorCount) }

    /// A feed made and waiting to be written.
    private struct MadeFeed: Sendable {
        var document: FeedDocument
        var published: PublishedFeed
    }

    private func record(_ wrote: Bool, into result: inout Result) {
        if wrote { result.written += 1 } else { result.unchanged += 1 }
    }
}

/// A feed that was published, for the index page and the OPML list.
public struct PublishedFeed: Sendable, Equatable {
    /// Which feed.
    public var descriptor: FeedDescriptor
    /// A story as the index page lists it.
    public struct Headline: Sendable, Equatable {
        /// The story's title.
        public var title: String
        /// Its primary article.
        public var url: String?
        /// How many articles tell it.
        public var sources: Int
    }

    /// Its latest stories.
    public var headlines: [Headline]
    /// How many stories it has.
    public var stories: Int
    /// Its latest story's update.
    public var updated: Date?
}
