import Foundation
import Store
import Syndication

/// A feed's bytes in both formats.
public struct FeedDocument: Sendable, Equatable {
    /// The Atom 1.0 document.
    public var atom: [UInt8]
    /// The JSON Feed 1.1 twin.
    public var json: [UInt8]
}

/// Turns stories into a feed document: entry ids as `tag:` URIs from the base URL's host and
/// the story's first-seen date, the summary, HTML content listing every source, the primary
/// article as the alternate link and the others as related links, provenance in `atom:source`,
/// topics and regions as categories.
struct FeedDocumentBuilder: Sendable {
    let configuration: Configuration
    let store: any ArticleStore
    let sources: [String: SourceRecord]
    let baseURL: String
    let host: String

    static func make(configuration: Configuration, store: any ArticleStore) async throws -> FeedDocumentBuilder {
        var sources: [String: SourceRecord] = [:]
        for source in try await store.sources() { sources[source.id] = source }
        var base = configuration.baseURL
        if !base.hasSuffix("/") { base += "/" }
        let host = URL(string: base)?.host ?? "localhost"
        return FeedDocumentBuilder(configuration: configuration, store: store, sources: sources, baseURL: base, host: host)
    }

    /// The feed of `stories`, reading their articles from the store.
    func document(for descriptor: FeedDescriptor, stories: [StoryRecord]) async throws -> FeedDocument {
        try document(for: descriptor, stories: stories, entries: try await entries(for: stories))
    }

    /// The feed of `stories` from entries made before (by ``entries(for:)``): a story in
    /// several feeds is read and built once.
    func document(for descriptor: FeedDescriptor, stories: [StoryRecord], entries: [String: StoryEntry]) throws -> FeedDocument {
        let feed = metadata(for: descriptor, updated: stories.map(\.updated).max())
        let ordered = stories.compactMap { story in entries[story.id].map { entry(for: story, from: $0) } }
        let atom = try AtomWriter().write(feed: feed, entries: ordered)
        let json = JSONFeedWriter().write(feed: feed, entries: ordered, feedURL: baseURL + descriptor.jsonPath)
        return FeedDocument(atom: atom, json: json)
    }

    /// What a story's feed entry takes from its articles (read from the store), kept apart
    /// from what it takes from the story itself: the feed entry is made from both when a feed
    /// is written and let go with it. A class: a run's cache holds one per story by reference.
    ///
    /// A cache of finished `FeedEntry` values held a whole entry model per story (about 1.5 KB
    /// of fields, most of them empty, before any text) and the story's summary a second time:
    /// the publishing of the benchmark's 20,200 articles peaked as high as the clustering
    /// index before it.
    final class StoryEntry: Sendable {
        /// An article's address in the entry: the primary article's (`source` nil, the
        /// alternate link) or another's, named after its source (a related link).
        struct Link: Sendable {
            let href: String
            let source: String?
        }

        let links: [Link]
        let authors: [String]
        /// The content's list of the story's articles by source (`<p>Sources:</p><ul>…</ul>`).
        let sourcesHTML: String
        /// The source of the primary article (the entry's `atom:source`).
        let primarySource: String?
        let primaryURL: String?

        init(links: [Link], authors: [String], sourcesHTML: String, primarySource: String?, primaryURL: String?) {
            self.links = links
            self.authors = authors
            self.sourcesHTML = sourcesHTML
            self.primarySource = primarySource
            self.primaryURL = primaryURL
        }
    }

    /// Entries already built during one publishing run, shared by the feeds made side by side:
    /// a story in several feeds (its topics', its regions') is read and built once.
    final class EntryCache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: StoryEntry] = [:]

        init() {}

        func entries(_ ids: [String]) -> [String: StoryEntry] {
            lock.lock()
            defer { lock.unlock() }
            var found: [String: StoryEntry] = [:]
            for id in ids { found[id] = entries[id] }
            return found
        }

        func add(_ built: [String: StoryEntry]) {
            lock.lock()
            defer { lock.unlock() }
            entries.merge(built) { first, _ in first }
        }
    }

    /// The entries of `stories`, by story id: those in `cache` taken from it, the others built
    /// from their articles, read in a few batches without their texts (an entry shows titles,
    /// links and the story's summary, not article bodies) and added to it.
    func entries(for stories: [StoryRecord], cache: EntryCache? = nil) async throws -> [String: StoryEntry] {
        var unique: [String: StoryRecord] = [:]
        for story in stories { unique[story.id] = unique[story.id] ?? story }
        var known = cache?.entries(Array(unique.keys)) ?? [:]
        let ids = unique.keys.filter { known[$0] == nil }.sorted()
        let parts = stride(from: 0, to: ids.count, by: Self.storiesPerRead).map { start in
            Array(ids[start..<min(start + Self.storiesPerRead, ids.count)])
        }
        // Read and built a part at a time on each core (the store has a reader per task), so
        // only that many parts' articles are in memory.
        var built: [String: StoryEntry] = [:]
        try await forEachInOrder(parts, width: ProcessInfo.processInfo.activeProcessorCount) { [unique] part in
            try await self.entries(part: part, of: unique)
        } handle: { _, part in
            built.merge(part) { first, _ in first }
        }
        cache?.add(built)
        known.merge(built) { first, _ in first }
        return known
    }

    /// The entries of one part of the stories (`ids`, found in `stories`).
    private func entries(part ids: [String], of stories: [String: StoryRecord]) async throws -> [String: StoryEntry] {
        var members: [String: [ArticleRecord]] = [:]
        for article in try await store.articles(matching: ArticleKeys(stories: ids), bodies: false) {
            members[article.storyID, default: []].append(article)
        }
        var entries: [String: StoryEntry] = [:]
        for id in ids {
            guard let story = stories[id] else { continue }
            let ordered = members[id] ?? []
            let primary = ordered.first { $0.id == story.primaryArticleID } ?? ordered.first
            entries[id] = storyEntry(ordered: ordered, primary: primary)
        }
        return entries
    }

    /// How many stories' articles one batch read asks for.
    static let storiesPerRead = 400

    private func metadata(for descriptor: FeedDescriptor, updated: Date?) -> FeedMetadata {
        var feed = FeedMetadata()
        feed.id = baseURL + descriptor.path
        let title = descriptor.kind == .all ? configuration.title : "\(configuration.title): \(descriptor.name)"
        feed.title = FeedText(value: title)
        switch descriptor.kind {
        case .all: feed.subtitle = FeedText(value: configuration.subtitle ?? "Every story, merged across sources, with a short summary")
        case .topic: feed.subtitle = FeedText(value: "Stories about \(descriptor.name.lowercased()), merged across sources")
        case .region: feed.subtitle = FeedText(value: "Stories from \(descriptor.name), merged across sources")
        }
        // With no story the feed's date is the epoch: still a valid, unchanging document.
        feed.updated = FeedDate(raw: "", date: updated ?? Date(timeIntervalSince1970: 0))
        feed.links = [
            FeedLink(href: baseURL + descriptor.path, rel: "self", type: "application/atom+xml"),
            FeedLink(href: baseURL, rel: "alternate", type: "text/html"),
        ]
        feed.authors = [FeedPerson(name: configuration.author ?? configuration.title, uri: baseURL)]
        feed.generator = FeedGenerator(name: "Tributary", uri: "https://github.com/tributary-news/tributary", version: TributaryVersion.current)
        feed.icon = configuration.icon
        feed.logo = configuration.logo
        feed.language = nil
        return feed
    }

    /// The article-given parts of a story's entry: `ordered` are its articles, `primary` the one
    /// its alternate link and provenance come from.
    private func storyEntry(ordered: [ArticleRecord], primary: ArticleRecord?) -> StoryEntry {
        var links: [StoryEntry.Link] = []
        var seenURLs: Set<String> = []
        if let primary, let url = primary.url {
            links.append(StoryEntry.Link(href: url, source: nil))
            seenURLs.insert(url)
        }
        for article in ordered where article.id != primary?.id {
            guard let url = article.url, seenURLs.insert(url).inserted else { continue }
            links.append(StoryEntry.Link(href: url, source: sourceName(article.sourceID)))
        }
        var authors: [String] = []
        for article in ordered {
            for author in article.authors where !authors.contains(author) && authors.count < 5 { authors.append(author) }
        }
        return StoryEntry(
            links: links, authors: authors, sourcesHTML: sourcesHTML(ordered), primarySource: primary?.sourceID, primaryURL: primary?.url)
    }

    /// The feed entry of `story`, with what its articles gave (`parts`).
    private func entry(for story: StoryRecord, from parts: StoryEntry) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = "tag:\(host),\(Self.day(story.firstSeen)):story/\(story.id)"
        entry.title = FeedText(value: story.title)
        entry.published = FeedDate(raw: "", date: story.firstSeen)
        entry.updated = FeedDate(raw: "", date: story.updated)
        entry.links = parts.links.map { link in
            link.source.map { FeedLink(href: link.href, rel: "related", type: "text/html", title: $0) }
                ?? FeedLink(href: link.href, rel: "alternate", type: "text/html")
        }
        entry.authors = parts.authors.map { FeedPerson(name: $0) }
        if !story.summary.isEmpty {
            entry.summary = FeedText(value: story.summary.joined(separator: " "))
        }
        entry.content = FeedText(type: "html", value: contentHTML(story: story, sourcesHTML: parts.sourcesHTML))
        entry.categories =
            story.topics.map { FeedCategory(term: $0.id, scheme: baseURL + "topics/", label: $0.name) }
            + story.regions.map { FeedCategory(term: $0.id, scheme: baseURL + "regions/", label: $0.name) }
        if let image = story.image {
            entry.media.thumbnails = [MediaThumbnail(url: image)]
        }
        if let id = parts.primarySource, let source = sources[id] {
            var provenance = FeedMetadata()
            provenance.id = source.url
            provenance.title = FeedText(value: sourceName(source.id))
            if source.url.hasPrefix("http") {
                provenance.links = [FeedLink(href: source.url, rel: "self")]
            }
            entry.source = provenance
        }
        return entry
    }

    private func sourceName(_ id: String) -> String {
        sources[id]?.title ?? configuration.sources.first { $0.id == id }?.title ?? id
    }

    /// The entry's HTML content: the story's image and summary, then its articles by source.
    private func contentHTML(story: StoryRecord, sourcesHTML: String) -> String {
        var html = ""
        if let image = story.image {
            html += "<p><img src=\"\(Self.escape(image))\" alt=\"\"/></p>"
        }
        for sentence in story.summary { html += "<p>\(Self.escape(sentence))</p>" }
        return html + sourcesHTML
    }

    private func sourcesHTML(_ articles: [ArticleRecord]) -> String {
        var html = "<p>Sources:</p><ul>"
        for article in articles {
            let name = Self.escape(sourceName(article.sourceID))
            let title = Self.escape(article.title)
            if let url = article.url {
                html += "<li>\(name): <a href=\"\(Self.escape(url))\">\(title)</a></li>"
            } else {
                html += "<li>\(name): \(title)</li>"
            }
        }
        html += "</ul>"
        return html
    }

    static func escape(_ text: String) -> String {
        // By bytes: the four characters are ASCII, and no other byte of UTF-8 equals theirs.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += "&amp;".utf8
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x22: bytes += "&quot;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2026-11-28` in UTC.
    static func day(_ date: Date) -> String {
        String(AtomWriter.timestamp(date).prefix(10))
    }
}
