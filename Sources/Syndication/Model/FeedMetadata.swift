/// What a feed says about itself (also used for an entry's `source`).
public struct FeedMetadata: Sendable, Hashable {
    /// The feed's title.
    public var title: FeedText?
    /// Its subtitle or description.
    public var subtitle: FeedText?
    /// Its copyright notice.
    public var rights: FeedText?
    /// Atom 0.3 `info`.
    public var info: FeedText?
    /// Its id (Atom `id`, RSS 1.0 `rdf:about`).
    public var id: String?
    /// The preferred alternate link.
    public var link: String?
    /// Every link, with relation and type.
    public var links: [FeedLink] = []
    /// When it last changed.
    public var updated: FeedDate?
    /// When it was first published.
    public var published: FeedDate?
    /// Its language (`xml:lang` or `language`).
    public var language: String?
    /// Its authors (`author`, `managingEditor`, `dc:creator`, `itunes:author`).
    public var authors: [FeedPerson] = []
    /// Its contributors.
    public var contributors: [FeedPerson] = []
    /// Its publisher (`dc:publisher`, `webMaster`, `itunes:owner`).
    public var publisher: FeedPerson?
    /// Its categories and keywords.
    public var categories: [FeedCategory] = []
    /// A small square image (Atom `icon`).
    public var icon: String?
    /// A larger image (Atom `logo`).
    public var logo: String?
    /// The RSS channel image (or `itunes:image`).
    public var image: FeedImage?
    /// The software that wrote it.
    public var generator: FeedGenerator?
    /// Minutes the feed may be cached (RSS `ttl`).
    public var ttl: Int?
    /// Hours (0–23, GMT) in which readers should not fetch it.
    public var skipHours: [Int] = []
    /// Days on which readers should not fetch it.
    public var skipDays: [String] = []
    /// The URL of the format's documentation.
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
    /// The entry's id; when the feed gives none, a stable one derived from its link, or title and date.
    public var id: String?
    /// Its title.
    public var title: FeedText?
    /// A secondary title (iTunes `subtitle`).
    public var subtitle: FeedText?
    /// The preferred alternate link.
    public var link: String?
    /// Every link, with relation and type.
    public var links: [FeedLink] = []
    /// When it was first published (`published`, `pubDate`, `issued`).
    public var published: FeedDate?
    /// When it last changed (`updated`, `modified`, `dc:date`).
    public var updated: FeedDate?
    /// Its authors.
    public var authors: [FeedPerson] = []
    /// Its contributors.
    public var contributors: [FeedPerson] = []
    /// Its publisher.
    public var publisher: FeedPerson?
    /// Its categories and keywords.
    public var categories: [FeedCategory] = []
    /// Its summary or description.
    public var summary: FeedText?
    /// Its full content.
    public var content: FeedText?
    /// Attached media files.
    public var enclosures: [FeedEnclosure] = []
    /// The URL of its comments page.
    public var comments: String?
    /// The feed it was copied from (`source`).
    public var source: FeedMetadata?
    /// Its copyright notice.
    public var rights: FeedText?
    /// Its language.
    public var language: String?
    /// Media RSS thumbnails and content.
    public var media = MediaInfo()
    /// Where it happened (GeoRSS, W3C geo).
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
