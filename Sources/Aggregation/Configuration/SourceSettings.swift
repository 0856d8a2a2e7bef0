import Foundation

/// One configured source: a feed, an article page, or an index page whose articles are followed.
public struct SourceSettings: Sendable, Equatable, Codable {
    /// What a source is; `auto` decides from what the URL answers (a feed, an article or a listing).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case auto, feed, page, index
    }

    /// XPath expressions for the rare page the extractor gets wrong.
    public struct Selectors: Sendable, Equatable, Codable {
        /// The element holding the article body.
        public var content: String?
        /// The element holding the title.
        public var title: String?

        /// Creates selectors.
        public init(content: String? = nil, title: String? = nil) {
            self.content = content
            self.title = title
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case content, title }

        /// Decodes, refusing unknown keys.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            content = try container.decodeIfPresent(String.self, forKey: .content)
            title = try container.decodeIfPresent(String.self, forKey: .title)
        }
    }

    /// The stable id (a slug); derived from the URL when the configuration gives none.
    public var id: String
    /// A feed URL, a page URL, `file://` URL or a file path (relative to the configuration file).
    public var url: String
    /// What the source is.
    public var kind: Kind
    /// A name for people; the feed's own title is used when absent.
    public var title: String?
    /// How often to fetch it; the schedule's `sourceInterval` when absent.
    public var interval: ConfigDuration?
    /// For feeds whose entries are teasers: fetch each entry's page and extract the article.
    public var fullText: Bool
    /// Topic ids every article of this source also gets.
    public var topics: [String]
    /// Region or country ids every article of this source also gets.
    public var regions: [String]
    /// A User-Agent for this source only.
    public var userAgent: String?
    /// For index pages: how many article links to follow (the fetch policy's `indexLinks` when absent).
    public var maxLinks: Int?
    /// Extraction overrides.
    public var selectors: Selectors?
    /// False to keep the source configured but not fetch it.
    public var enabled: Bool

    /// Creates a source.
    public init(
        id: String, url: String, kind: Kind = .auto, title: String? = nil, interval: ConfigDuration? = nil,
        fullText: Bool = false, topics: [String] = [], regions: [String] = [], userAgent: String? = nil,
        maxLinks: Int? = nil, selectors: Selectors? = nil, enabled: Bool = true
    ) {
        self.id = id
        self.url = url
        self.kind = kind
        self.title = title
        self.interval = interval
        self.fullText = fullText
        self.topics = topics
        self.regions = regions
        self.userAgent = userAgent
        self.maxLinks = maxLinks
        self.selectors = selectors
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, url, kind, title, interval, fullText, topics, regions, userAgent, maxLinks, selectors, enabled
    }

    /// Decodes a source; only `url` is required.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = Self.trimmingSpaces(try container.decode(String.self, forKey: .url))
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? Self.slug(for: url)
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .auto
        title = try container.decodeIfPresent(String.self, forKey: .title)
        interval = try container.decodeIfPresent(ConfigDuration.self, forKey: .interval)
        fullText = try container.decodeIfPresent(Bool.self, forKey: .fullText) ?? false
        topics = try container.decodeIfPresent([String].self, forKey: .topics) ?? []
        regions = try container.decodeIfPresent([String].self, forKey: .regions) ?? []
        userAgent = try container.decodeIfPresent(String.self, forKey: .userAgent)
        maxLinks = try container.decodeIfPresent(Int.self, forKey: .maxLinks)
        selectors = try container.decodeIfPresent(Selectors.self, forKey: .selectors)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
    }

    /// `text` without the spaces and tabs around it (what `CharacterSet.whitespaces` holds), read
    /// scalar by scalar rather than through Foundation's bridged `NSString`.
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// A slug for a URL or path: host and path words joined by `-` (`bbc-co-uk-news-world`).
    public static func slug(for url: String) -> String {
        var text = url.lowercased()
        for prefix in ["https://", "http://", "file://", "www."] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        for suffix in ["-xml", "-rss", "-atom", "-html", "-htm", "-json"] where slug.hasSuffix(suffix) && slug.count > suffix.count {
            slug.removeLast(suffix.count)
            break
        }
        return slug.isEmpty ? "source" : String(slug.prefix(80))
    }
}
