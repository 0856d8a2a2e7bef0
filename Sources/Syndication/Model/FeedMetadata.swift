/// What a feed says about itself (also used for an entry's `source`).
public struct FeedMetadata: Sendable, Hashable {
    public var title: FeedText?
    public var subtitle: FeedText?
    public var rights: FeedText?
    public var info: FeedText?
    public var id: String?
    /// The preferred alternate link.
    public var link: String?
    public var links: [FeedLink] = []
    public var updated: FeedDate?
    public var published: FeedDate?
    public var language: String?
    public var authors: [FeedPerson] = []
    public var contributors: [FeedPerson] = []
    public var publisher: FeedPerson?
    public var categories: [FeedCategory] = []
    public var icon: String?
    public var logo: String?
    public var image: FeedImage?
    public var generator: FeedGenerator?
    public var ttl: Int?
    public var skipHours: [Int] = []
    public var skipDays: [String] = []
    public var docs: String?
    /// RSS `cloud` attributes, by name.
    public var cloud: [String: String]?
    /// Elements of namespaces the parser does not model.
    public var extensions: [ExtensionElement] = []

    /// Creates empty metadata.
    public init() {}
}

/// One item or entry of a feed.
public struct FeedEntry: Sendable, Hashable {
    public var id: String?
    public var title: FeedText?
    /// A secondary title (iTunes `subtitle`).
    public var subtitle: FeedText?
    /// The preferred alternate link.
    public var link: String?
    public var links: [FeedLink] = []
    public var published: FeedDate?
    public var updated: FeedDate?
    public var authors: [FeedPerson] = []
    public var contributors: [FeedPerson] = []
    public var publisher: FeedPerson?
    public var categories: [FeedCategory] = []
    public var summary: FeedText?
    public var content: FeedText?
    public var enclosures: [FeedEnclosure] = []
    public var comments: String?
    public var source: FeedMetadata?
    public var rights: FeedText?
    public var language: String?
    public var media = MediaInfo()
    public var location: GeoLocation?
    /// Elements of namespaces the parser does not model.
    public var extensions: [ExtensionElement] = []

    /// Creates an empty entry.
    public init() {}
}

/// The formats the parser recognizes.
public enum FeedFormat: String, Sendable, Hashable, CaseIterable {
    case rss20, rss10, rss090, rss091, rss092, rss093, rss094, rss
    case atom10, atom03, atom02, atom01, atom
    case jsonfeed10, jsonfeed11
    case cdf
    case unknown = ""
}

/// The result of parsing one document.
public struct ParsedFeed: Sendable, Hashable {
    /// The detected format.
    public var format: FeedFormat = .unknown
    /// The character encoding that was used.
    public var encoding: String = "utf-8"
    /// False when the document is not well-formed (its entries were still recovered).
    public var wellFormed: Bool = true
    /// Problems that did not stop parsing, in document order.
    public var warnings: [FeedWarning] = []
    /// The feed's own metadata.
    public var feed = FeedMetadata()
    /// Its entries, in document order.
    public var entries: [FeedEntry] = []

    /// Creates an empty result.
    public init() {}
}
