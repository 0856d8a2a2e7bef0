import Foundation

/// The fields a scanner has read from a date string, before validation.
///
/// Scanners fill these in and call ``makeDate()``, which is the single place where
/// ranges are checked, so an out-of-range field yields `nil`, never a shifted date.
struct DateFields {
    var year = 0
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var nanoseconds = 0
    /// Offset of the written local time from UTC, in seconds east of Greenwich.
    var utcOffset = 0

    /// Sets `month` and `day` from a 1-based day-of-year; returns `false` if it is out of range.
    mutating func setOrdinal(_ ordinal: Int) -> Bool {
        guard let (month, day) = CivilCalendar.monthAndDay(ordinal: ordinal, year: year) else { return false }
        self.month = month
        self.day = day
        return true
    }

    /// Reads an optional `am`/`pm` (after optional whitespace) and converts the hour.
    ///
    /// Leaves the cursor untouched when no marker follows. Returns `false` only when a
    /// marker is present but `hour` is not 1–12.
    mutating func readMeridiem(_ cursor: inout ByteCursor) -> Bool {
        var lookahead = cursor
        lookahead.skipWhitespace()
        let word = lookahead.readWord()
        let isAM = lookahead.word(word, equals: "am")
        guard isAM || lookahead.word(word, equals: "pm") else { return true }
        cursor = lookahead
        return applyMeridiem(isPM: !isAM)
    }

    /// Converts 12-hour clock fields to 24-hour; returns `false` if `hour` is not 1–12.
    mutating func applyMeridiem(isPM: Bool) -> Bool {
        guard hour >= 1, hour <= 12 else { return false }
        if isPM {
            if hour != 12 { hour += 12 }
        } else if hour == 12 {
            hour = 0
        }
        return true
    }

    /// The UTC instant these fields describe, or `nil` if any field is out of range.
    ///
    /// Accepts `24:00:00` as midnight at the end of the day and a leap second `:60`
    /// (kept within its minute as `:59`). Results outside years 0001–9999 UTC are rejected.
    func makeDate() -> Date? {
        guard year >= 0, year <= 9999,
            month >= 1, month <= 12,
            day >= 1, day <= CivilCalendar.daysInMonth(month, year: year),
            hour >= 0, hour <= 24,
            minute >= 0, minute <= 59,
            second >= 0, second <= 60,
            nanoseconds >= 0, nanoseconds < 1_000_000_000,
            abs(utcOffset) < CivilCalendar.secondsPerDay
        else { return nil }
        if hour == 24, minute != 0 || second != 0 || nanoseconds != 0 { return nil }

        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let seconds =
            days * CivilCalendar.secondsPerDay
            + hour * 3600 + minute * 60 + min(second, 59)
            - utcOffset
        guard seconds >= CivilCalendar.earliestInstant, seconds < CivilCalendar.instantAfterLatest else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9)
    }
}
