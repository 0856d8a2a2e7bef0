import Testing

@testable import Syndication

/// asctime, Perforce, Korean, Greek and Hungarian dates, plus inputs that are not dates.
let otherFormatVectors: [DateVector] = [
    // asctime (C library) and its variants.
    DateVector("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z", "zone before year"),
    DateVector("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z", "no zone"),
    DateVector("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z", "numeric zone before year"),
    DateVector("Sun Jan  4 16:29:06 2004 GMT", "2004-01-04T16:29:06Z", "zone after year"),
    // JavaScript Date.prototype.toString().
    DateVector("Mon Feb 19 2024 10:00:00 GMT+0100 (Central European Standard Time)", "2024-02-19T09:00:00Z"),
    // Perforce: weekday, yyyy/mm/dd.
    DateVector("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z"),
    DateVector("2006/09/15 08:19:53", "2006-09-15T08:19:53Z", "no weekday, no zone"),
    DateVector("09/15/2006", nil, "US slashed dates are not guessed"),
    DateVector("15/09/2006 08:19:53", nil, "European slashed dates are not guessed"),
    // Korean (Korea Standard Time, UTC+9).
    DateVector("2004-05-25 \u{C624}\u{D6C4} 11:23:17", "2004-05-25T14:23:17Z", "Nate PM"),
    DateVector("2004-05-25 \u{C624}\u{C804} 11:23:17", "2004-05-25T02:23:17Z", "Nate AM"),
    DateVector("2004-05-25 \u{C624}\u{D6C4} 12:05:00", "2004-05-25T03:05:00Z", "Nate 12 PM is noon"),
    DateVector("2004-05-25 \u{C624}\u{C804} 12:05:00", "2004-05-24T15:05:00Z", "Nate 12 AM is midnight"),
    DateVector("2004\u{B144} 05\u{C6D4} 28\u{C77C}  01:31:15", "2004-05-27T16:31:15Z", "OnBlog"),
    DateVector("2004-05-25 \u{C624} 11:23:17", nil, "no AM/PM marker"),
    DateVector("2004-05-25 \u{C624}\u{D6C4} 13:23:17", nil, "13 PM"),
    // Greek (RFC 822 layout with Greek names).
    DateVector("\u{039A}\u{03C5}\u{03C1}, 11 \u{0399}\u{03BF}\u{03CD}\u{03BB} 2004 12:00:00 EST", "2004-07-11T17:00:00Z"),
    DateVector("\u{03A4}\u{03C1}\u{03B9}, 07 \u{0394}\u{03B5}\u{03BA} 2004 08:30:00 +0200", "2004-12-07T06:30:00Z"),
    DateVector("\u{03A4}\u{03B5}\u{03C4}, 19 \u{039C}\u{03AC}\u{03C1} 2003 10:00:00 GMT", "2003-03-19T10:00:00Z"),
    // Hungarian (W3C-DTF layout with a month name).
    DateVector("2004-j\u{FA}lius-13T9:15-05:00", "2004-07-13T14:15:00Z"),
    DateVector("2004-okt\u{F3}ber-05T10:00+01:00", "2004-10-05T09:00:00Z"),
    DateVector("2004-szeptember-5T23:30+02:00", "2004-09-05T21:30:00Z"),
    DateVector("2004-february-13T9:15Z", "2004-02-13T09:15:00Z", "English month name in the same layout"),
    // Not dates.
    DateVector("", nil, "empty"),
    DateVector("   \t ", nil, "whitespace only"),
    DateVector("garbage", nil),
    DateVector("Mon", nil, "weekday only"),
    DateVector("Feb", nil, "month only"),
    DateVector("12", nil),
    DateVector("0", nil),
    DateVector("tomorrow", nil),
    DateVector("Mon, 19 Feb", nil, "no year"),
    DateVector(String(repeating: "2024-02-19 ", count: 40), nil, "overlong input"),
]

@Suite("asctime, Perforce, localized and invalid dates")
struct OtherFormatVectorTests {
    @Test(arguments: otherFormatVectors)
    func parses(_ vector: DateVector) {
        #expect(FeedDate.parse(vector.input).utcString == vector.expected)
    }

    @Test func vectorTableIsLargeEnough() {
        #expect(rfc822Vectors.count + iso8601Vectors.count + otherFormatVectors.count >= 80)
    }
}
