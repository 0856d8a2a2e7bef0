public import Foundation

/// One article (from a feed entry or an extracted page).
public struct ArticleRecord: Sendable, Equatable, Codable {
    /// Stable id chosen by the pipeline; the primary key.
    public var id: String
    /// The source it came from.
    public var sourceID: String
    /// The feed entry id, or `nil` for pages.
    public var entryID: String?
    /// Where the article was read.
    public var url: String?
    /// The canonical URL, when it differs or is declared.
    public var canonicalURL: String?
    /// The headline.
    public var title: String
    /// Author names.
    public var authors: [String]
    /// When the publisher says it was published.
    public var published: Date?
    /// When the publisher says it was last updated.
    public var updated: Date?
    /// When this store first saw it; retention counts from here.
    public var firstSeen: Date
    /// When its content last changed in this store.
    public var lastChanged: Date
    /// Language tag, e.g. `en`.
    public var language: String?
    /// Plain text, paragraphs separated by one blank line.
    public var text: String
    /// Sanitized article HTML.
    public var html: String?
    /// The extractive summary, one sentence an element.
    public var summary: [String]
    /// The lead image URL.
    public var image: String?
    /// Topics, strongest first.
    public var topics: [ScoredLabel]
    /// Regions, strongest first.
    public var regions: [ScoredLabel]
    /// Countries it is about: ISO 3166 alpha-2, lower case.
    public var countries: [String]
    /// Hash of the normalized text: the exact-duplicate key.
    public var contentHash: String
    /// The story it belongs to.
    public var storyID: String
    /// The article it copies, for an exact or near-exact copy.
    public var duplicateOf: String?

    /// Creates an article; list fields default to empty.
    public init(
        id: String,
        sourceID: String,
        entryID: String? = nil,
        url: String? = nil,
        canonicalURL: String? = nil,
        title: String,
        authors: [String] = [],
        published: Date? = nil,
        updated: Date? = nil,
        firstSeen: Date,
        lastChanged: Date,
        language: String? = nil,
        text: String,
        html: String? = nil,
        summary: [String] = [],
        image: String? = nil,
        topics: [ScoredLabel] = [],
        regions: [ScoredLabel] = [],
        countries: [String] = [],
        contentHash: String,
        storyID: String,
        duplicateOf: String? = nil
    ) {
        self.id = id
        self.sourceID = sourceID
        self.entryID = entryID
        self.url = url
        self.canonicalURL = canonicalURL
        self.title = title
        self.authors = authors
        self.published = published
        self.updated = updated
        self.firstSeen = firstSeen
        self.lastChanged = lastChanged
        self.language = language
        self.text = text
        self.html = html
        self.summary = summary
        self.image = image
        self.topics = topics
        self.regions = regions
        self.countries = countries
        self.contentHash = contentHash
        self.storyID = storyID
        self.duplicateOf = duplicateOf
    }
}
