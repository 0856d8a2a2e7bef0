/// Checks of the date formats feeds use: RFC 3339 (Atom), RFC 822 (RSS 2.0) and W3C-DTF
/// (Dublin Core). Each check says exactly what is wrong, or nothing when the date is fine.
enum DateCheck {
    /// A date that parsed: its year (for plausibility) and fields for the weekday.
    struct Parsed {
        var year: Int
        var month: Int
        var day: Int
    }

    /// The outcome of checking one RFC 822 date.
    enum RFC822Outcome {
        case valid(Parsed)
        case problematic(Parsed, String)
        case wrongWeekday(String)
        case invalid(String)
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Days in `month` of `year` (Gregorian).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 0 = Monday … 6 = Sunday (Zeller's congruence).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        var y = year
        var m = month
        if m < 3 {
            m += 12
            y -= 1
        }
        let h = (day + (13 * (m + 1)) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7
        // h: 0 = Saturday, 1 = Sunday, 2 = Monday …
        return (h + 5) % 7
    }

    /// Why `value` is not an RFC 3339 date-time, or nil when it is one.
    static func rfc3339(_ value: String) -> String? {
        let b = Array(value.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard b[k] >= 48 && b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            i += n
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2) else {
            return "the date must be written YYYY-MM-DD"
        }
        guard (1...12).contains(month) else { return "month \(month) does not exist" }
        guard day >= 1 && day <= daysIn(month: month, year: year) else { return "day \(day) does not exist in month \(month) of \(year)" }
        guard i < b.count else { return "a time is required after the date (e.g. T10:00:00Z)" }
        guard expect("T") else {
            if b[i] == UInt8(ascii: "t") { return "the 'T' between date and time must be upper case" }
            return "the date and the time must be separated by 'T'"
        }
        guard let hour = digits(2), expect(":"), let minute = digits(2) else { return "the time must be written hh:mm:ss" }
        guard expect(":"), let second = digits(2) else { return "the seconds are required (hh:mm:ss)" }
        guard hour < 24 else { return "hour \(hour) does not exist" }
        guard minute < 60 else { return "minute \(minute) does not exist" }
        guard second <= 60 else { return "second \(second) does not exist" }
        if expect(".") {
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
        }
        guard i < b.count else { return "a time zone is required: Z or an offset such as +01:00" }
        if expect("Z") {
        } else if b[i] == UInt8(ascii: "z") {
            return "the 'Z' time zone must be upper case"
        } else if expect("+") || expect("-") {
            guard let offsetHour = digits(2), expect(":"), let offsetMinute = digits(2) else {
                return "a time zone offset must be written +hh:mm"
            }
            guard offsetHour < 24, offsetMinute < 60 else { return "the time zone offset is out of range" }
        } else {
            return "a time zone is required: Z or an offset such as +01:00"
        }
        guard i == b.count else { return "unexpected characters after the date-time" }
        return nil
    }

    /// The year of a date that starts YYYY, for plausibility checks.
    static func leadingYear(_ value: String) -> Int? {
        let prefix = value.utf8.prefix(4)
        guard prefix.count == 4, prefix.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(String(decoding: prefix, as: UTF8.self))
    }

    /// Why `value` is not a W3C-DTF date (YYYY, YYYY-MM, YYYY-MM-DD, or with a time and zone),
    /// or nil when it is one.
    static func w3cdtf(_ value: String) -> String? {
        let b = Array(value.utf8)
        func isDigits(_ range: Range<Int>) -> Bool { range.upperBound <= b.count && range.allSatisfy { b[$0] >= 48 && b[$0] <= 57 } }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(b[$1] - 48) } }
        guard isDigits(0..<4) else { return "the date must start with a four-digit year" }
        if b.count == 4 { return nil }
        guard b.count >= 7, b[4] == UInt8(ascii: "-"), isDigits(5..<7) else { return "the date must be written YYYY-MM-DD" }
        let month = number(5..<7)
        guard (1...12).contains(month) else { return "month \(month) does not exist" }
        if b.count == 7 { return nil }
        guard b.count >= 10, b[7] == UInt8(ascii: "-"), isDigits(8..<10) else { return "the date must be written YYYY-MM-DD" }
        let day = number(8..<10)
        guard day >= 1 && day <= daysIn(month: month, year: number(0..<4)) else { return "day \(day) does not exist in month \(month)" }
        if b.count == 10 { return nil }
        guard b[10] == UInt8(ascii: "T") else { return "the date and the time must be separated by 'T'" }
        guard b.count >= 16, isDigits(11..<13), b[13] == UInt8(ascii: ":"), isDigits(14..<16) else {
            return "the time must be written hh:mm or hh:mm:ss"
        }
        guard number(11..<13) < 24, number(14..<16) < 60 else { return "the time is out of range" }
        var i = 16
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard isDigits((i + 1)..<(i + 3)), number((i + 1)..<(i + 3)) <= 60 else { return "the seconds must be two digits" }
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
            }
        }
        guard i < b.count else { return "a time needs a time zone: Z or an offset such as +01:00" }
        if b[i] == UInt8(ascii: "Z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard isDigits((i + 1)..<(i + 3)), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"), isDigits((i + 4)..<(i + 6)) else {
                return "a time zone offset must be written +hh:mm"
            }
            i += 6
        } else {
            return "a time needs a time zone: Z or an offset such as +01:00"
        }
        return i == b.count ? nil : "unexpected characters after the date"
    }
}
