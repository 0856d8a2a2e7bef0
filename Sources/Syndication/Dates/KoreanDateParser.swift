import Foundation

/// Scanner for the two Korean layouts feedparser recognizes, both in Korea Standard
/// Time (UTC+09:00, no daylight saving):
///
///     2004년 05월 28일 01:31:15          OnBlog: year/month/day suffixes, 24-hour clock
///     2004-05-25 오후 11:23:17           Nate: 오전 (AM) / 오후 (PM), 12-hour clock
///
/// Seconds are optional; whitespace between fields is free.
enum KoreanDateParser {
    /// Korea Standard Time in seconds east of UTC.
    private static let koreaStandardTime = 9 * 3600

    /// Parses `input` in one of the layouts above, or returns `nil`.
    static func parse(_ input: ByteCursor) -> Date? {
        var cursor = input
        var fields = DateFields()
        fields.utcOffset = koreaStandardTime
        guard let year = cursor.readDigits(exactly: 4) else { return nil }
        fields.year = year
        if cursor.consume(DateByte.hyphen) {
            guard readNateDateAndTime(&cursor, into: &fields) else { return nil }
        } else {
            guard readOnBlogDateAndTime(&cursor, into: &fields) else { return nil }
        }
        cursor.skipWhitespace()
        return cursor.isAtEnd ? fields.makeDate() : nil
    }

    /// Reads `MM-DD 오전|오후 h:mm[:ss]` (the year and its hyphen already read).
    private static func readNateDateAndTime(_ cursor: inout ByteCursor, into fields: inout DateFields) -> Bool {
        guard let month = cursor.readDigits(atMost: 2),
            cursor.consume(DateByte.hyphen),
            let day = cursor.readDigits(atMost: 2),
            cursor.skipWhitespace(),
            cursor.consume(0xEC, 0x98, 0xA4)  // 오
        else { return false }
        let isPM: Bool
        if cursor.consume(0xEC, 0xA0, 0x84) {  // 전 (오전, AM)
            isPM = false
        } else if cursor.consume(0xED, 0x9B, 0x84) {  // 후 (오후, PM)
            isPM = true
        } else {
            return false
        }
        cursor.skipWhitespace()
        fields.month = month
        fields.day = day
        guard readClock(&cursor, into: &fields), fields.hour <= 12 else { return false }
        if isPM, fields.hour < 12 {
            fields.hour += 12
        } else if !isPM, fields.hour == 12 {
            fields.hour = 0
        }
        return true
    }

    /// Reads `년 MM월 DD일 hh:mm[:ss]` (the year already read).
    private static func readOnBlogDateAndTime(_ cursor: inout ByteCursor, into fields: inout DateFields) -> Bool {
        cursor.skipWhitespace()
        guard cursor.consume(0xEB, 0x85, 0x84) else { return false }  // 년 (year)
        cursor.skipWhitespace()
        guard let month = cursor.readDigits(atMost: 2) else { return false }
        cursor.skipWhitespace()
        guard cursor.consume(0xEC, 0x9B, 0x94) else { return false }  // 월 (month)
        cursor.skipWhitespace()
        guard let day = cursor.readDigits(atMost: 2) else { return false }
        cursor.skipWhitespace()
        guard cursor.consume(0xEC, 0x9D, 0xBC) else { return false }  // 일 (day)
        cursor.skipWhitespace()
        fields.month = month
        fields.day = day
        return readClock(&cursor, into: &fields)
    }

    /// Reads `h:mm[:ss]` with one- or two-digit fields.
    private static func readClock(_ cursor: inout ByteCursor, into fields: inout DateFields) -> Bool {
        guard let hour = cursor.readDigits(atMost: 2),
            cursor.consume(DateByte.colon),
            let minute = cursor.readDigits(atMost: 2)
        else { return false }
        fields.hour = hour
        fields.minute = minute
        if cursor.consume(DateByte.colon) {
            guard let second = cursor.readDigits(atMost: 2) else { return false }
            fields.second = second
        }
        return true
    }
}
