/// What a fetch is for: robots.txt applies to pages only, and the Accept header differs.
public enum FetchKind: String, Sendable, Hashable, Codable {
    /// A feed document (RSS, Atom, JSON Feed); robots.txt is not consulted.
    case feed
    /// A web page; robots.txt is consulted when the policy says so.
    case page
}

/// One thing to fetch, with what was received last time for a conditional request.
public struct FetchRequest: Sendable, Hashable {
    /// An `http`, `https` or `file://` URL, or a plain file path.
    public var url: String
    /// Whether this is a feed or a page.
    public var kind: FetchKind
    /// The ETag received last time, sent as `If-None-Match`.
    public var etag: String?
    /// The Last-Modified value received last time, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// A User-Agent for this source only, replacing the policy's.
    public var userAgent: String?

    /// Creates a request.
    public init(url: String, kind: FetchKind = .feed, etag: String? = nil, lastModified: String? = nil, userAgent: String? = nil) {
        self.url = url
        self.kind = kind
        self.etag = etag
        self.lastModified = lastModified
        self.userAgent = userAgent
    }
}
