/// A human-readable text of a feed (title, subtitle, rights, summary, content) with its kind.
public struct FeedText: Sendable, Hashable {
    /// `text`, `html` or `xhtml`; any other MIME type as written (e.g. base64 `image/png` content).
    public var type: String
    /// The text; HTML and XHTML values are sanitized.
    public var value: String
    /// The language in effect (`xml:lang`), if any.
    public var language: String?
    /// The base URL in effect (`xml:base` or the document's URL), if any.
    public var base: String?
    /// For content only: where the content lives when it is not inline.
    public var src: String?

    /// Creates a text.
    public init(type: String = "text", value: String, language: String? = nil, base: String? = nil, src: String? = nil) {
        self.type = type
        self.value = value
        self.language = language
        self.base = base
        self.src = src
    }
}

/// A link of a feed, an entry or a source.
public struct FeedLink: Sendable, Hashable {
    /// The absolute (or, without a base, as written) target.
    public var href: String?
    /// The relation (`alternate`, `self`, `enclosure`, `related`, …).
    public var rel: String?
    /// The media type of the target.
    public var type: String?
    /// A title for the link.
    public var title: String?
    /// The size of the target in bytes, as written.
    public var length: String?
    /// The language of the target.
    public var hreflang: String?

    /// Creates a link.
    public init(href: String? = nil, rel: String? = nil, type: String? = nil, title: String? = nil, length: String? = nil, hreflang: String? = nil) {
        self.href = href
        self.rel = rel
        self.type = type
        self.title = title
        self.length = length
        self.hreflang = hreflang
    }
}

/// An author or contributor.
public struct FeedPerson: Sendable, Hashable {
    /// The person's name.
    public var name: String?
    /// The person's e-mail address.
    public var email: String?
    /// The person's home page.
    public var uri: String?

    /// Creates a person.
    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    /// True when nothing is known of the person.
    public var isEmpty: Bool { name == nil && email == nil && uri == nil }
}

/// A category, tag or keyword.
public struct FeedCategory: Sendable, Hashable {
    /// The category itself.
    public var term: String?
    /// The vocabulary it belongs to (Atom `scheme`, RSS `domain`).
    public var scheme: String?
    /// A human-readable label.
    public var label: String?

    /// Creates a category.
    public init(term: String? = nil, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}

/// An RSS channel image.
public struct FeedImage: Sendable, Hashable {
    /// The image's URL.
    public var url: String?
    /// Its title (alt text).
    public var title: String?
    /// The page it links to.
    public var link: String?
    /// Width in pixels.
    public var width: Int?
    /// Height in pixels.
    public var height: Int?
    /// Its description.
    public var description: String?

    /// Creates an empty image.
    public init() {}
}

/// The software that wrote the feed.
public struct FeedGenerator: Sendable, Hashable {
    /// Its name.
    public var name: String?
    /// Its home page.
    public var uri: String?
    /// Its version.
    public var version: String?

    /// Creates a generator.
    public init(name: String? = nil, uri: String? = nil, version: String? = nil) {
        self.name = name
        self.uri = uri
        self.version = version
    }
}

/// A media file attached to an entry (RSS `enclosure`, Atom `link rel="enclosure"`).
public struct FeedEnclosure: Sendable, Hashable {
    /// The file's URL.
    public var url: String
    /// Its media type.
    public var type: String?
    /// Its size in bytes, as written.
    public var length: String?

    /// Creates an enclosure.
    public init(url: String, type: String? = nil, length: String? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
