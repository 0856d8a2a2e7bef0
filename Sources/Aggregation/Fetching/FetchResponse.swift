public import Foundation

/// What a successful fetch brought back (a 2xx, or a 304 to a conditional request).
public struct FetchResponse: Sendable, Hashable {
    /// Where the body finally came from, after redirects.
    public var finalURL: URL
    /// The new address of the source when every redirect on the way was permanent (301 or 308).
    public var permanentRedirect: URL?
    /// The HTTP status (200 for files; 304 when not modified).
    public var status: Int
    /// The body, decompressed; empty when not modified.
    public var body: [UInt8]
    /// The `Content-Type` header, as sent.
    public var contentType: String?
    /// The ETag to send next time (the previous one when a 304 did not repeat it).
    public var etag: String?
    /// The Last-Modified value to send next time (the previous one when a 304 did not repeat it).
    public var lastModified: String?
    /// How long the response may be cached, in seconds: Cache-Control max-age, else Expires.
    public var maxAge: Double?
    /// True for a 304 Not Modified (or an unchanged file).
    public var notModified: Bool
    /// When the response arrived.
    public var fetchedAt: Date

    /// Creates a response value.
    public init(
        finalURL: URL,
        permanentRedirect: URL? = nil,
        status: Int = 200,
        body: [UInt8] = [],
        contentType: String? = nil,
        etag: String? = nil,
        lastModified: String? = nil,
        maxAge: Double? = nil,
        notModified: Bool = false,
        fetchedAt: Date = Date()
    ) {
        self.finalURL = finalURL
        self.permanentRedirect = permanentRedirect
        self.status = status
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.maxAge = maxAge
        self.notModified = notModified
        self.fetchedAt = fetchedAt
    }
}
