public import Foundation

/// Lenient parsing of the date strings found in RSS, Atom and JSON feeds.
///
/// Accepts RFC 822 / RFC 2822 and their common corruptions, RFC 3339 / W3C-DTF /
/// ISO 8601, asctime, Perforce, and the Korean, Greek and Hungarian layouts that
/// feedparser recognizes. Parsing is a single pass over the UTF-8 bytes: no
/// formatters, no allocation, no shared mutable state.
public enum DateParser {
    /// Inputs longer than this (after trimming) are rejected without being scanned;
    /// the longest real feed dates, comments included, are well under 100 bytes.
    static let maximumLength = 256

    /// Parses a feed date string into its UTC instant, or returns `nil` if it cannot be understood.
    ///
    /// Leading and trailing whitespace is ignored. A date without a zone is taken as
    /// UTC and a date without a time as midnight. Out-of-range fields (month 13,
    /// 31 April, hour 25, minute 60) make the result `nil` rather than a rolled-over
    /// date; `24:00` means midnight at the end of the day and a leap second `:60` is
    /// read as `:59`. Only instants in the years 0001–9999 UTC are returned.
    ///
    /// - Parameter string: The date as written in the feed.
    /// - Returns: The instant, including any fractional seconds, or `nil`.
    public static func parse(_ string: String) -> Date? {
        if let result = string.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) {
            return result
        }
        return ContiguousArray(string.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// Parses UTF-8 bytes; see ``parse(_:)``.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var whole = ByteCursor(bytes, start: 0, end: bytes.count)
        whole.skipWhitespace()
        var end = bytes.count
        while end > whole.position {
            let last = bytes[end - 1]
            if DateByte.isASCIIWhitespace(last) {
                end -= 1
            } else if last == DateByte.noBreakSpaceTrail, end - 2 >= whole.position,
                bytes[end - 2] == DateByte.noBreakSpaceLead
            {
                end -= 2
            } else {
                break
            }
        }
        let input = ByteCursor(bytes, start: whole.position, end: end)
        guard !input.isAtEnd, input.remaining <= maximumLength else { return nil }

        if DateByte.isDigit(input.peek()) {
            if let date = ISO8601DateParser.parse(input) { return date }
            if let date = KoreanDateParser.parse(input) { return date }
        }
        return RFC822DateParser.parse(input)
    }
}
