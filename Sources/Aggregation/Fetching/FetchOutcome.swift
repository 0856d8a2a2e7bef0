public import Foundation

/// How a source's last fetch went, as the scheduler needs to know it.
public enum FetchOutcome: Sendable, Hashable {
    /// New content arrived.
    case success
    /// The server (or file) said nothing changed.
    case notModified
    /// The fetch failed; `consecutiveFailures` counts this one (1 for a first failure).
    case failure(consecutiveFailures: Int, retryAfter: Date?)
}

/// What the feed and the response said about when to come back.
public struct FetchHints: Sendable, Hashable {
    /// The feed's `ttl`, in minutes.
    public var ttlMinutes: Int?
    /// Hours (0–23, UTC) in which the feed asks not to be read.
    public var skipHours: Set<Int>
    /// Days (English names, "Monday"…) on which the feed asks not to be read, case-insensitive.
    public var skipDays: Set<String>
    /// The response's freshness lifetime in seconds (``FetchResponse/maxAge``).
    public var maxAge: Double?

    /// Creates hints; all empty by default.
    public init(ttlMinutes: Int? = nil, skipHours: Set<Int> = [], skipDays: Set<String> = [], maxAge: Double? = nil) {
        self.ttlMinutes = ttlMinutes
        self.skipHours = skipHours
        self.skipDays = skipDays
        self.maxAge = maxAge
    }
}

/// When to fetch a source next, and why, in words for the log.
public struct FetchDecision: Sendable, Hashable, CustomStringConvertible {
    /// The earliest time the source is due again.
    public var nextFetch: Date
    /// The reason, e.g. "failed 4 times; next try in 2 h".
    public var reason: String

    /// Creates a decision.
    public init(nextFetch: Date, reason: String) {
        self.nextFetch = nextFetch
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
