/// Proleptic Gregorian calendar arithmetic on plain integers, independent of `Calendar`.
///
/// Day counts are relative to 1970-01-01 (the Unix epoch). The conversions use the
/// era-based closed-form method (400-year eras of 146 097 days), exact for any year.
enum CivilCalendar {
    /// Seconds in one civil day (leap seconds are not counted).
    static let secondsPerDay = 86_400

    /// Unix time of 0001-01-01T00:00:00Z, the earliest instant the parser returns.
    static let earliestInstant = -62_135_596_800

    /// Unix time of 10000-01-01T00:00:00Z; every returned instant is before it.
    static let instantAfterLatest = 253_402_300_800

    /// Whether `year` is a Gregorian leap year.
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Number of days in `month` (1–12) of `year`; 0 for an invalid month.
    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Expands a two-digit year by the RFC 2822 §4.3 rule: 00–49 → 20xx, 50–99 → 19xx.
    static func expandTwoDigitYear(_ year: Int) -> Int {
        year < 50 ? 2000 + year : 1900 + year
    }

    /// Month and day of the `ordinal`-th day (1-based) of `year`, or `nil` if out of range.
    static func monthAndDay(ordinal: Int, year: Int) -> (month: Int, day: Int)? {
        guard ordinal >= 1, ordinal <= (isLeapYear(year) ? 366 : 365) else { return nil }
        var day = ordinal
        var month = 1
        while day > daysInMonth(month, year: year) {
            day -= daysInMonth(month, year: year)
            month += 1
        }
        return (month, day)
    }

    /// Days from 1970-01-01 to the given date; the date must already be valid.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year  // years start in March
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400  // 0...399
        let shiftedMonth = (month + 9) % 12  // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1  // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date `days` days after 1970-01-01.
    static func date(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
