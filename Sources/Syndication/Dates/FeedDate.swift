public import Foundation

/// A date as a feed wrote it, with its UTC instant when it could be understood.
///
/// Keeping the raw text alongside the instant lets callers show or re-parse what the
/// publisher actually wrote even when ``date`` is `nil`.
public struct FeedDate: Sendable, Hashable {
    /// The date text exactly as written in the feed (untrimmed input).
    public var raw: String
    /// The instant the text denotes, or `nil` when it could not be parsed.
    public var date: Date?

    /// Creates a feed date from its raw text and an already-known instant.
    ///
    /// - Parameters:
    ///   - raw: The date text as written in the feed.
    ///   - date: The instant it denotes, or `nil` if unknown.
    public init(raw: String, date: Date?) {
        self.raw = raw
        self.date = date
    }

    /// Parses `raw` with ``DateParser/parse(_:)`` and keeps the text alongside the result.
    ///
    /// - Parameter raw: The date text as written in the feed; stored unchanged.
    /// - Returns: A feed date whose ``date`` is `nil` if the text could not be parsed.
    public static func parse(_ raw: String) -> FeedDate {
        FeedDate(raw: raw, date: DateParser.parse(raw))
    }

    /// The instant as RFC 3339 in UTC without fractional seconds, e.g. `2024-02-19T10:00:00Z`.
    ///
    /// Fractional seconds are truncated (rounded toward the past). `nil` when ``date``
    /// is `nil` or lies outside the years 0001–9999 that RFC 3339 can express.
    public var utcString: String? {
        guard let date else { return nil }
        return RFC3339Formatting.utcString(for: date)
    }
}
