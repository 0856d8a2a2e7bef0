public import Foundation

/// A story: one or more articles about the same event.
public struct StoryRecord: Sendable, Equatable, Codable {
    /// Stable for life: it never changes when the story gains a source.
    public var id: String
    /// When the story's first article was seen.
    public var firstSeen: Date
    /// Moves only when `digest` changes (the pipeline decides).
    public var updated: Date
    /// The headline shown in feeds.
    public var title: String
    /// The extractive summary, one sentence an element.
    public var summary: [String]
    /// The article shown as the story's alternate link.
    public var primaryArticleID: String
    /// How many stored articles belong to it.
    public var articleCount: Int
    /// Topics, strongest first; each id is indexed for topic feeds.
    public var topics: [ScoredLabel]
    /// Every level: region, sub-region, intermediate region and countries' ids; each id is
    /// indexed for region feeds.
    public var regions: [ScoredLabel]
    /// The lead image URL.
    public var image: String?
    /// Hash of the published content, to detect real changes.
    public var digest: String

    /// Creates a story; list fields default to empty.
    public init(
        id: String,
        firstSeen: Date,
        updated: Date,
        title: String,
        summary: [String] = [],
        primaryArticleID: String,
        articleCount: Int,
        topics: [ScoredLabel] = [],
        regions: [ScoredLabel] = [],
        image: String? = nil,
        digest: String
    ) {
        self.id = id
        self.firstSeen = firstSeen
        self.updated = updated
        self.title = title
        self.summary = summary
        self.primaryArticleID = primaryArticleID
        self.articleCount = articleCount
        self.topics = topics
        self.regions = regions
        self.image = image
        self.digest = digest
    }
}
