import Foundation

/// Scanner for the human-readable date layouts: RFC 822 / RFC 2822 and its many
/// real-world variants, asctime, Perforce, and Greek-localized RFC 822.
///
/// Grammar accepted (every separator may be whitespace; commas are tolerated anywhere
/// between fields; hyphens between day, month and year):
///
///     [weekday[.][,]] day[.] month[.] year [time] [zone] [annotation]     RFC 822/2822
///     [weekday[,]] month day[st|nd|rd|th][,] year [time] [zone] [annotation]
///     [weekday] month day time [zone] year [zone]                         asctime
///     [weekday,] yyyy/mm/dd [time] [zone]                                 Perforce
///
/// where `time` is `h:m[:s[.fraction]] [am|pm]` with one- or two-digit fields, the
/// weekday is any word (misspelt and localized ones are skipped, not checked), the
/// month is any name ``MonthNames`` knows, and `zone` is anything ``DateZones`` reads
/// (unknown abbreviations count as UTC). Two-digit years follow RFC 2822 §4.3
/// (00–49 → 20xx, 50–99 → 19xx) and three-digit years have 1900 added. A missing time
/// is midnight and a missing zone is UTC.
enum RFC822DateParser {
    /// Parses `input` in one of the layouts above, or returns `nil`.
    static func parse(_ input: ByteCursor) -> Date? {
        var afterWeekday = input
        let leadingWord = afterWeekday.readWord()
        if leadingWord.isEmpty {
            return parseBody(input)
        }
        if MonthNames.month(of: input.slice(leadingWord)) != nil {
            // Usually a month ("Jan 4 2004"), but a localized weekday can look like one
            // (Spanish "Mar" is Tuesday), so fall back to skipping it as a weekday.
            if let date = parseBody(input) { return date }
        }
        _ = afterWeekday.consume(DateByte.period)
        afterWeekday.skipWhitespaceAndCommas()
        return parseBody(afterWeekday)
    }

    /// Parses from the first date field (day, month or Perforce year) to the end.
    private static func parseBody(_ input: ByteCursor) -> Date? {
        var cursor = input
        var fields = DateFields()
        var hasYear = false
        cursor.skipWhitespaceAndCommas()

        if let run = cursor.readDigits() {
            if run.count == 4, cursor.consume(DateByte.slash) {
                // Perforce: yyyy/mm/dd. Only year-first slashed dates are unambiguous.
                guard let month = cursor.readDigits(atMost: 2),
                    cursor.consume(DateByte.slash),
                    let day = cursor.readDigits(atMost: 2)
                else { return nil }
                fields.year = run.value
                fields.month = month
                fields.day = day
            } else {
                guard run.count <= 2 else { return nil }
                fields.day = run.value
                _ = cursor.consume(DateByte.period)
                skipDateSeparators(&cursor)
                guard let month = readMonth(&cursor) else { return nil }
                fields.month = month
                skipDateSeparators(&cursor)
                guard readYear(&cursor, into: &fields) else { return nil }
            }
            hasYear = true
        } else {
            guard let month = readMonth(&cursor) else { return nil }
            fields.month = month
            skipDateSeparators(&cursor)
            guard let day = cursor.readDigits(atMost: 2) else { return nil }
            fields.day = day
            skipOrdinalSuffix(&cursor)
            _ = cursor.consume(DateByte.period)
            cursor.skipWhitespaceAndCommas()
            if DateByte.isDigit(cursor.peek()), !isClockNext(cursor) {
                guard readYear(&cursor, into: &fields) else { return nil }
                hasYear = true
            }
        }

        cursor.skipWhitespaceAndCommas()
        if isClockNext(cursor) {
            guard readClock(&cursor, into: &fields) else { return nil }
        }
        cursor.skipWhitespace()
        var hasZone = false
        if isZoneStart(cursor.peek()) {
            guard let offset = DateZones.parse(&cursor, allowUnknownNames: true) else { return nil }
            fields.utcOffset = offset
            hasZone = true
        }
        if !hasYear {
            // asctime puts the year last: "Sun Jan  4 16:29:06 PST 2004".
            cursor.skipWhitespace()
            guard readYear(&cursor, into: &fields) else { return nil }
            cursor.skipWhitespace()
            if !hasZone, isZoneStart(cursor.peek()) {
                guard let offset = DateZones.parse(&cursor, allowUnknownNames: true) else { return nil }
                fields.utcOffset = offset
            }
        }
        guard DateZones.skipTrailingAnnotation(&cursor) else { return nil }
        return fields.makeDate()
    }

    /// Reads a month name and its optional abbreviation period.
    private static func readMonth(_ cursor: inout ByteCursor) -> Int? {
        let word = cursor.readWord()
        guard let month = MonthNames.month(of: cursor.slice(word)) else { return nil }
        _ = cursor.consume(DateByte.period)
        return month
    }

    /// Reads a 2-, 3- or 4-digit year (RFC 2822 §4.3 expansion for the short forms).
    private static func readYear(_ cursor: inout ByteCursor, into fields: inout DateFields) -> Bool {
        guard !isClockNext(cursor), let run = cursor.readDigits() else { return false }
        switch run.count {
        case 2: fields.year = CivilCalendar.expandTwoDigitYear(run.value)
        case 3: fields.year = 1900 + run.value
        case 4: fields.year = run.value
        default: return false
        }
        return true
    }

    /// Reads `h:m[:s[.fraction]]` plus an optional `am`/`pm`.
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
            let separator = cursor.peek()
            if separator == DateByte.period || separator == DateByte.comma, DateByte.isDigit(cursor.peek(1)) {
                cursor.advance()
                fields.nanoseconds = cursor.readNanoseconds() ?? 0
            }
        }
        guard cursor.peek() != DateByte.colon else { return false }
        return fields.readMeridiem(&cursor)
    }

    /// Whether a clock time (`digits:`) starts at the cursor.
    private static func isClockNext(_ cursor: ByteCursor) -> Bool {
        let count = cursor.digitCount()
        return count > 0 && cursor.peek(count) == DateByte.colon
    }

    /// Whether `byte` can start a zone designator.
    private static func isZoneStart(_ byte: UInt8) -> Bool {
        byte == DateByte.plus || byte == DateByte.hyphen || DateByte.isWordByte(byte)
    }

    /// Skips whitespace, commas and hyphens between day, month and year.
    private static func skipDateSeparators(_ cursor: inout ByteCursor) {
        while cursor.skipWhitespace() || cursor.consume(DateByte.comma) || cursor.consume(DateByte.hyphen) {}
    }

    /// Skips an English ordinal suffix after a day number ("19th").
    private static func skipOrdinalSuffix(_ cursor: inout ByteCursor) {
        var lookahead = cursor
        let word = lookahead.readWord()
        if lookahead.word(word, equals: "st") || lookahead.word(word, equals: "nd")
            || lookahead.word(word, equals: "rd") || lookahead.word(word, equals: "th")
        {
            cursor = lookahead
        }
    }
}
