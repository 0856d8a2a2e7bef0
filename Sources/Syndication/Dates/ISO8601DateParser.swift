import Foundation

/// Scanner for RFC 3339, W3C-DTF and the ISO 8601 variants feeds use.
///
/// Date part (a two-digit `YY` is expanded as RFC 2822 §4.3 does: 00–49 → 20xx):
///
///     YYYY            YYYY-MM         YYYY-MM-DD      YYYYMMDD
///     YYYY-DDD        YYYYDDD         YY-MM-DD        YYMMDD
///     YY-DDD          YYDDD
///     YYYY-0MM-DD     (Google's extra zero)
///     YYYY-month-D    (month name, e.g. Hungarian `2004-július-13`)
///
/// Hyphenated months and days may have one digit. The optional time follows `T`, `t`
/// or whitespace: `hh:mm[:ss[.f]]`, `h:mm…`, `hhmm[ss[.f]]` or `hh`, with `,` also
/// accepted before the fraction and an optional `am`/`pm` after it. The optional zone may be preceded by whitespace:
/// `Z`, `±hh:mm`, `±hhmm`, `±hh`, or a known abbreviation such as `UTC`; it may be
/// followed by an annotation (see ``DateZones/skipTrailingAnnotation(_:)``). A missing
/// time is midnight and a missing zone is UTC. Anything else trailing is rejected.
enum ISO8601DateParser {
    /// Parses `input` as one of the layouts above, or returns `nil`.
    static func parse(_ input: ByteCursor) -> Date? {
        var cursor = input
        var fields = DateFields()
        guard readDate(&cursor, into: &fields) else { return nil }
        if cursor.isAtEnd { return fields.makeDate() }

        let separator = cursor.peek()
        if separator == 0x54 || separator == 0x74 {  // "T" or "t"
            cursor.advance()
        } else if !cursor.skipWhitespace() {
            return nil
        }
        guard readTime(&cursor, into: &fields), fields.readMeridiem(&cursor) else { return nil }

        cursor.skipWhitespace()
        if !cursor.isAtEnd {
            guard let offset = DateZones.parse(&cursor, allowUnknownNames: false) else { return nil }
            fields.utcOffset = offset
            guard DateZones.skipTrailingAnnotation(&cursor) else { return nil }
        }
        return fields.makeDate()
    }

    /// Reads the calendar date; leaves the cursor just after it.
    private static func readDate(_ cursor: inout ByteCursor, into fields: inout DateFields) -> Bool {
        guard let run = cursor.readDigits() else { return false }
        switch run.count {
        case 8:  // YYYYMMDD
            fields.year = cursor.value(of: run, offset: 0, length: 4)
            fields.month = cursor.value(of: run, offset: 4, length: 2)
            fields.day = cursor.value(of: run, offset: 6, length: 2)
            return true
        case 7:  // YYYYDDD
            fields.year = cursor.value(of: run, offset: 0, length: 4)
            return fields.setOrdinal(cursor.value(of: run, offset: 4, length: 3))
        case 6:  // YYMMDD
            fields.year = CivilCalendar.expandTwoDigitYear(cursor.value(of: run, offset: 0, length: 2))
            fields.month = cursor.value(of: run, offset: 2, length: 2)
            fields.day = cursor.value(of: run, offset: 4, length: 2)
            return true
        case 5:  // YYDDD
            fields.year = CivilCalendar.expandTwoDigitYear(cursor.value(of: run, offset: 0, length: 2))
            return fields.setOrdinal(cursor.value(of: run, offset: 2, length: 3))
        case 4:  // YYYY[-…]
            fields.year = run.value
            guard cursor.consume(DateByte.hyphen) else { return cursor.isAtEnd }  // a bare year takes no time
            return readHyphenatedMonthAndDay(&cursor, into: &fields, dayRequired: false)
        case 2:  // YY-MM-DD or YY-DDD
            fields.year = CivilCalendar.expandTwoDigitYear(run.value)
            guard cursor.consume(DateByte.hyphen) else { return false }
            return readHyphenatedMonthAndDay(&cursor, into: &fields, dayRequired: true)
        default:
            return false
        }
    }

    /// Reads what follows `year-`: `MM[-DD]`, `DDD`, `0MM-DD` or `monthname-D`.
    private static func readHyphenatedMonthAndDay(
        _ cursor: inout ByteCursor,
        into fields: inout DateFields,
        dayRequired: Bool
    ) -> Bool {
        if DateByte.isWordByte(cursor.peek()) {
            let word = cursor.readWord()
            guard let month = MonthNames.month(of: cursor.slice(word)) else { return false }
            fields.month = month
            return readHyphenatedDay(&cursor, into: &fields)
        }
        guard let run = cursor.readDigits() else { return false }
        switch run.count {
        case 1, 2:
            fields.month = run.value
            if cursor.peek() == DateByte.hyphen {
                return readHyphenatedDay(&cursor, into: &fields)
            }
            // YYYY-MM stands alone: no day, and no time either.
            return !dayRequired && cursor.isAtEnd
        case 3:
            if cursor.peek() == DateByte.hyphen, cursor.value(of: run, offset: 0, length: 1) == 0 {
                fields.month = run.value
                return readHyphenatedDay(&cursor, into: &fields)
            }
            return fields.setOrdinal(run.value)
        default:
            return false
        }
    }

    /// Reads `-D` or `-DD`.
    private static func readHyphenatedDay(_ cursor: inout ByteCursor, into fields: inout DateFields) -> Bool {
        guard cursor.consume(DateByte.hyphen), let day = cursor.readDigits(atMost: 2) else { return false }
        fields.day = day
        return true
    }

    /// Reads the time of day in extended (`hh:mm[:ss]`) or basic (`hhmm[ss]`) form.
    private static func readTime(_ cursor: inout ByteCursor, into fields: inout DateFields) -> Bool {
        guard let run = cursor.readDigits() else { return false }
        var hasSeconds = false
        switch run.count {
        case 1, 2:
            fields.hour = run.value
            if cursor.consume(DateByte.colon) {
                guard let minute = cursor.readDigits(exactly: 2) else { return false }
                fields.minute = minute
                if cursor.consume(DateByte.colon) {
                    guard let second = cursor.readDigits(exactly: 2) else { return false }
                    fields.second = second
                    hasSeconds = true
                }
            } else if run.count == 1 {
                return false
            }
        case 4:
            fields.hour = cursor.value(of: run, offset: 0, length: 2)
            fields.minute = cursor.value(of: run, offset: 2, length: 2)
        case 6:
            fields.hour = cursor.value(of: run, offset: 0, length: 2)
            fields.minute = cursor.value(of: run, offset: 2, length: 2)
            fields.second = cursor.value(of: run, offset: 4, length: 2)
            hasSeconds = true
        default:
            return false
        }
        let separator = cursor.peek()
        if separator == DateByte.period || separator == DateByte.comma {
            guard hasSeconds, DateByte.isDigit(cursor.peek(1)) else { return false }
            cursor.advance()
            fields.nanoseconds = cursor.readNanoseconds() ?? 0
        }
        return true
    }
}
