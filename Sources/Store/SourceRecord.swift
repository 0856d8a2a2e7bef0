public import Foundation

/// A source with its fetch state.
///
/// Everything the scheduler and the fetcher need between runs lives here: validators for
/// conditional GET, the failure count that drives back-off, and when to fetch next.
public struct SourceRecord: Sendable, Equatable, Codable {
    /// Slug from the configuration; the primary key.
    public var id: String
    /// Current URL (a permanent redirect replaces it).
    public var url: String
    /// What the URL serves.
    public var kind: SourceKind
    /// The source's own title, once known.
    public var title: String?
    /// The last `ETag` response header, for `If-None-Match`.
    public var etag: String?
    /// The last `Last-Modified` response header, for `If-Modified-Since`.
    public var lastModified: String?
    /// When the source was last fetched, successfully or not.
    public var lastFetched: Date?
    /// When the source was last fetched successfully.
    public var lastSuccess: Date?
    /// When the source is next due; `nil` means due now.
    public var nextFetch: Date?
    /// Failures since the last success.
    public var consecutiveFailures: Int
    /// The last failure, in one line.
    public var lastError: String?
    /// The source answered 410 Gone and is never fetched again.
    public var retired: Bool

    /// Creates a source; fetch state defaults to "never fetched".
    public init(
        id: String,
        url: String,
        kind: SourceKind,
        title: String? = nil,
        etag: String? = nil,
        lastModified: String? = nil,
        lastFetched: Date? = nil,
        lastSuccess: Date? = nil,
        nextFetch: Date? = nil,
        consecutiveFailures: Int = 0,
        lastError: String? = nil,
        retired: Bool = false
    ) {
        self.id = id
        self.url = url
        self.kind = kind
        self.title = title
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetched = lastFetched
        self.lastSuccess = lastSuccess
        self.nextFetch = nextFetch
        self.consecutiveFailures = consecutiveFailures
        self.lastError = lastError
        self.retired = retired
    }
}
