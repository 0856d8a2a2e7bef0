public import Foundation

/// Why a fetch failed, with a one-line reason a person can read in a log.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier of the kind of failure.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The URL cannot be parsed or has no host.
        case invalidURL
        /// The URL's scheme is not http, https or file.
        case unsupportedScheme
        /// The server answered with an error status (4xx or 5xx other than 410).
        case httpStatus
        /// The server answered 410 Gone: the source should be retired.
        case gone
        /// The body is larger than the policy allows.
        case tooLarge
        /// A redirect led back to a URL already visited.
        case redirectLoop
        /// More redirects than the policy allows.
        case tooManyRedirects
        /// A redirect without a usable Location header.
        case badRedirect
        /// The request did not finish in time.
        case timedOut
        /// The connection broke while the body was arriving.
        case connectionReset
        /// No connection could be made (refused, unknown host, TLS failure).
        case connectionFailed
        /// robots.txt forbids this page to our User-Agent.
        case disallowedByRobots
        /// A local file does not exist.
        case fileNotFound
        /// A local file exists but cannot be read.
        case fileUnreadable
        /// The fetch was cancelled.
        case cancelled
    }

    /// The kind of failure.
    public var code: Code
    /// The one-line reason, e.g. "HTTP 503 Service Unavailable (retry after 120 s)".
    public var message: String
    /// The URL that failed.
    public var url: String
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// When the server asked us to come back (Retry-After on 429 and 503).
    public var retryAfter: Date?

    /// Creates an error value.
    public init(code: Code, message: String, url: String, status: Int? = nil, retryAfter: Date? = nil) {
        self.code = code
        self.message = message
        self.url = url
        self.status = status
        self.retryAfter = retryAfter
    }

    /// True for 410 Gone: the source has been retired by its publisher.
    public var isGone: Bool { code == .gone }

    /// True when retrying cannot help without changing the source's configuration.
    public var isPermanent: Bool {
        switch code {
        case .gone, .invalidURL, .unsupportedScheme: true
        default: false
        }
    }

    /// The one line a person reads: the reason.
    public var description: String { message }
}
