import Testing

@testable import Syndication

/// RFC 3339 §5.6, W3C-DTF and ISO 8601 dates, including feedparser's ISO variants.
let iso8601Vectors: [DateVector] = [
    // RFC 3339 §5.6 and W3C-DTF.
    DateVector("2024-02-19T10:00:00Z", "2024-02-19T10:00:00Z", "canonical"),
    DateVector("2024-02-19T10:00:00.123456Z", "2024-02-19T10:00:00Z", "fractional seconds"),
    DateVector("2024-02-19T10:00:00,5Z", "2024-02-19T10:00:00Z", "comma before fraction"),
    DateVector("2024-02-19T10:00:00+01:00", "2024-02-19T09:00:00Z"),
    DateVector("2024-02-19T10:00:00+0100", "2024-02-19T09:00:00Z", "offset without colon"),
    DateVector("2024-02-19T10:00:00-05:00", "2024-02-19T15:00:00Z"),
    DateVector("2024-02-19T10:00:00+05:30", "2024-02-19T04:30:00Z"),
    DateVector("2024-02-19T10:00:00+01", "2024-02-19T09:00:00Z", "hour-only offset"),
    DateVector("2024-02-19t10:00:00z", "2024-02-19T10:00:00Z", "lowercase t and z"),
    DateVector("2024-02-19 10:00:00Z", "2024-02-19T10:00:00Z", "space for T"),
    DateVector("2024-02-19T10:00Z", "2024-02-19T10:00:00Z", "no seconds"),
    DateVector("2024-02-19T10Z", "2024-02-19T10:00:00Z", "hour only"),
    DateVector("2024-02-19", "2024-02-19T00:00:00Z", "date only"),
    DateVector("2024-02", "2024-02-01T00:00:00Z", "year and month"),
    DateVector("2024", "2024-01-01T00:00:00Z", "year only"),
    DateVector("20240219T100000Z", "2024-02-19T10:00:00Z", "basic format"),
    DateVector("20240219T1000+0100", "2024-02-19T09:00:00Z", "basic format without seconds"),
    DateVector("20240219", "2024-02-19T00:00:00Z", "basic date"),
    DateVector("2024-050", "2024-02-19T00:00:00Z", "ordinal date"),
    DateVector("2024050", "2024-02-19T00:00:00Z", "basic ordinal date"),
    DateVector("2024-366", "2024-12-31T00:00:00Z", "day 366 of a leap year"),
    DateVector("2024-050T10:00:00Z", "2024-02-19T10:00:00Z", "ordinal date with time"),
    DateVector("2024-2-9T10:00:00Z", "2024-02-09T10:00:00Z", "one-digit month and day"),
    DateVector("2024-02-19T24:00:00Z", "2024-02-20T00:00:00Z", "hour 24"),
    DateVector("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z", "leap second"),
    DateVector("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "earliest instant"),
    DateVector("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "latest instant"),
    // feedparser's ISO 8601 variants.
    DateVector("2003-12-31T10:14:55.000-08:00", "2003-12-31T18:14:55Z"),
    DateVector("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47Z"),
    DateVector("2003-335", "2003-12-01T00:00:00Z", "ordinal"),
    DateVector("03-12-31", "2003-12-31T00:00:00Z", "two-digit year"),
    DateVector("031231", "2003-12-31T00:00:00Z", "two-digit year, basic"),
    DateVector("03335", "2003-12-01T00:00:00Z", "two-digit year ordinal, basic"),
    DateVector("03-335", "2003-12-01T00:00:00Z", "two-digit year ordinal"),
    DateVector("2003-012-31T10:14:55+00:00", "2003-12-31T10:14:55Z", "Google's three-digit month"),
    DateVector("2004-02-28T18:14:55-08:00", "2004-02-29T02:14:55Z", "rolls into leap day"),
    DateVector("2003-02-28T18:14:55-08:00", "2003-03-01T02:14:55Z", "rolls into March"),
    DateVector("2000-02-28T18:14:55-08:00", "2000-02-29T02:14:55Z", "400-year leap rule"),
    DateVector("1900-02-28T18:14:55-08:00", "1900-03-01T02:14:55Z", "100-year rule"),
    // Generic "YYYY-MM-DD HH:MM:SS" (MSSQL, MySQL, Go).
    DateVector("2004-07-08 23:56:58", "2004-07-08T23:56:58Z", "no zone"),
    DateVector("2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z"),
    DateVector("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z", "spaced offset"),
    DateVector("2024-02-19 10:00:00 UTC", "2024-02-19T10:00:00Z", "named zone"),
    DateVector("2024-02-19 10:00:00 EST", "2024-02-19T15:00:00Z"),
    DateVector("2024-02-19 10:00:00 +0000 UTC", "2024-02-19T10:00:00Z", "Go time.String"),
    DateVector("2024-02-19 10:00:00.123 +0300 +03", "2024-02-19T07:00:00Z", "Go, numeric abbreviation"),
    DateVector("2024-02-19 10:00 PM", "2024-02-19T22:00:00Z", "12-hour clock"),
    DateVector("2024-02-19 12:30 am", "2024-02-19T00:30:00Z", "12 AM is midnight"),
    DateVector("\u{00A0}2024-02-19T10:00:00Z \r\n", "2024-02-19T10:00:00Z", "surrounding whitespace"),
    // Rejected.
    DateVector("2003-12-31T25:14:55Z", nil, "hour 25"),
    DateVector("2003-12-31T10:61:55Z", nil, "minute 61"),
    DateVector("2003-12-31T10:14:61Z", nil, "second 61"),
    DateVector("2024-13-01", nil, "month 13"),
    DateVector("2024-00-10", nil, "month 0"),
    DateVector("2024-01-32", nil, "day 32"),
    DateVector("2024-02-30", nil, "30 February"),
    DateVector("2023-366", nil, "day 366 of a common year"),
    DateVector("2024-000", nil, "day 0"),
    DateVector("2024-02-19T24:30:00Z", nil, "past 24:00"),
    DateVector("9999-12-31T23:59:59-99:99", nil, "offset out of range"),
    DateVector("9999-12-31T23:59:59-01:00", nil, "after year 9999 in UTC"),
    DateVector("013", nil, "three-digit year"),
    DateVector("2013-01-27-01", nil, "too many parts"),
    DateVector("2013-01-28T11:30:00-06:00Textra", nil, "trailing text"),
    DateVector("2013-xx-27", nil, "non-numeric month"),
    DateVector("2013-01-28T09:xx:00Z", nil, "non-numeric minute"),
    DateVector("2013-01-28T09:00:00+00:xx", nil, "non-numeric zone minute"),
    DateVector("2024-02-19T", nil, "dangling T"),
    DateVector("2024-02-19T10:00:00QQ", nil, "unknown zone letters"),
    DateVector("2024-02-19T10:00:00 nonsense", nil, "unknown zone word"),
    DateVector("2024-02T10:00", nil, "time after year-month"),
    DateVector("2024 10:00", nil, "time after bare year"),
    DateVector("1708336800", nil, "Unix timestamp is not guessed"),
]

@Suite("RFC 3339, W3C-DTF and ISO 8601 dates")
struct ISO8601VectorTests {
    @Test(arguments: iso8601Vectors)
    func parses(_ vector: DateVector) {
        #expect(FeedDate.parse(vector.input).utcString == vector.expected)
    }
}
