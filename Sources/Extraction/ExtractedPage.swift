/// A web page turned into an article: its main text, metadata, feeds and (for listings) links.
public struct ExtractedPage: Sendable, Equatable {
    /// What kind of page it is.
    public enum PageType: String, Sendable, Equatable {
        /// One story or post: main text plus metadata.
        case article
        /// A listing (home page, section, tag page) whose value is its links to articles.
        case index
        /// Anything else (a form, a gallery, an empty page).
        case other
    }

    /// The page's own URL (as given, else its canonical URL).
    public var url: String?
    /// The canonical URL (`<link rel="canonical">`, `og:url`, JSON-LD `url`), absolute.
    public var canonicalURL: String?
    /// Article, index or other.
    public var pageType: PageType
    /// The headline, without a " | Site" suffix.
    public var title: String?
    /// The authors' names, cleaned ("By", dates and roles removed), in page order.
    public var authors: [String]
    /// The publication date, RFC 3339.
    public var published: String?
    /// The last modification date, RFC 3339.
    public var modified: String?
    /// The language (BCP 47 tag such as "en" or "pt-BR").
    public var language: String?
    /// The site's name.
    public var siteName: String?
    /// The page's description (meta description, og:description).
    public var description: String?
    /// The lead image URL, absolute.
    public var image: String?
    /// The article text: paragraphs separated by one blank line.
    public var text: String
    /// The article as sanitized HTML (no scripts, no event attributes, absolute URLs).
    public var html: String
    /// Words in `text`.
    public var wordCount: Int
    /// Feeds the page announces with `<link rel="alternate">` (RSS, Atom, JSON Feed), absolute.
    public var feeds: [String]
    /// For an index page: its article links, in page order, deduplicated.
    public var links: [PageLink]

    /// Creates a page record; every field but `pageType` defaults to empty.
    public init(
        url: String? = nil, canonicalURL: String? = nil, pageType: PageType = .other, title: String? = nil,
        authors: [String] = [], published: String? = nil, modified: String? = nil, language: String? = nil,
        siteName: String? = nil, description: String? = nil, image: String? = nil, text: String = "", html: String = "",
        wordCount: Int = 0, feeds: [String] = [], links: [PageLink] = []
    ) {
        self.url = url
        self.canonicalURL = canonicalURL
        self.pageType = pageType
        self.title = title
        self.authors = authors
        self.published = published
        self.modified = modified
        self.language = language
        self.siteName = siteName
        self.description = description
        self.image = image
        self.text = text
        self.html = html
        self.wordCount = wordCount
        self.feeds = feeds
        self.links = links
    }
}

/// A link from an index page to an article: absolute URL and its title.
public struct PageLink: Sendable, Equatable, Hashable {
    /// The absolute article URL.
    public var url: String
    /// The link's text (or its title attribute).
    public var title: String

    /// Creates a link.
    public init(url: String, title: String) {
        self.url = url
        self.title = title
    }
}
