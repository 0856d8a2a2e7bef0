/// Turns the many ways pages write dates into RFC 3339 (`2024-02-19T10:00:00Z`,
/// `2024-02-19T10:00:00-05:00`). Ambiguous or implausible values give nil: no date is better
/// than a wrong one.
enum DateNormalizer {
    /// Years accepted as plausible for a web page.
    static let plausibleYears = 1995...2100

    private static let zones: [String: Int] = [
        "utc": 0, "gmt": 0, "z": 0, "ut": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "ist": 330, "jst": 540,
        "aest": 600, "aedt": 660, "wib": 420,
    ]

    /// A parsed calendar date and optional time of day.
    struct Parts: Sendable, Equatable {
        var year: Int, month: Int, day: Int
        var hour = 0, minute = 0, second = 0
        /// Offset from UTC in minutes, nil when not stated.
        var offset: Int?
    }

    /// The RFC 3339 form of `raw`, or nil when it holds no unambiguous date.
    static func normalize(_ raw: String) -> String? {
        parse(raw).map(format)
    }

    /// RFC 3339 text of parsed parts (UTC when no offset was stated).
    static func format(_ parts: Parts) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(parts.year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
        if let offset = parts.offset, offset != 0 {
            let sign = offset < 0 ? "-" : "+"
            text += "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
        } else {
            text += "Z"
        }
        return text
    }

    /// Parses a date in ISO 8601, RFC 822, "March 5, 2024", "5 March 2024", `2024/03/05`, an
    /// unambiguous day-month-year with slashes or dots, or a Unix timestamp.
    static func parse(_ raw: String) -> Parts? {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty, text.count < 200 else { return nil }
        let bytes = Array(text.utf8)
        if let parts = parseNumeric(bytes), isValid(parts) { return parts }
        if let parts = parseWritten(text.lowercased()), isValid(parts) { return parts }
        return nil
    }

    private static func isValid(_ parts: Parts) -> Bool {
        guard plausibleYears.contains(parts.year), (1...12).contains(parts.month), parts.hour < 24, parts.minute < 60, parts.second < 61 else {
            return false
        }
        let days = [31, parts.year % 4 == 0 && (parts.year % 100 != 0 || parts.year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return parts.day >= 1 && parts.day <= days[parts.month - 1]
    }

    /// Reads digits at `index`, returning the value and the count of digits.
    private static func digits(_ bytes: [UInt8], _ index: inout Int, max: Int = 9) -> (Int, Int)? {
        var value = 0
        var count = 0
        while index < bytes.count, count < max, bytes[index] >= 48, bytes[index] <= 57 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            count += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// ISO-like numeric dates: `YYYY-MM-DD[ T]hh:mm[:ss[.fff]][Z|±hh[:]mm]`, `YYYY/MM/DD`,
    /// `DD/MM/YYYY` when the day is over 12, and 10-digit Unix timestamps.
    private static func parseNumeric(_ bytes: [UInt8]) -> Parts? {
        var index = 0
        guard let (first, firstCount) = digits(bytes, &index, max: 13) else { return nil }
        if firstCount == 10 && index == bytes.count || (firstCount == 13 && index == bytes.count) {
            let seconds = firstCount == 13 ? first / 1000 : first
            return fromUnix(seconds)
        }
        guard index < bytes.count else { return nil }
        let separator = bytes[index]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") else { return nil }
        index += 1
        guard let (second, _) = digits(bytes, &index, max: 2), index < bytes.count, bytes[index] == separator else { return nil }
        index += 1
        guard let (third, thirdCount) = digits(bytes, &index, max: 4) else { return nil }
        var parts: Parts
        if firstCount == 4 {
            parts = Parts(year: first, month: second, day: third)
        } else if thirdCount == 4, firstCount <= 2 {
            if first > 12, second <= 12 {
                parts = Parts(year: third, month: second, day: first)
            } else if second > 12, first <= 12 {
                parts = Parts(year: third, month: first, day: second)
            } else if first == second {
                parts = Parts(year: third, month: first, day: first)
            } else {
                return nil
            }
        } else {
            return nil
        }
        // Time of day.
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "t") else {
            return parts
        }
        var timeIndex = index + 1
        while timeIndex < bytes.count, bytes[timeIndex] == UInt8(ascii: " ") { timeIndex += 1 }
        guard let (hour, _) = digits(bytes, &timeIndex, max: 2), timeIndex < bytes.count, bytes[timeIndex] == UInt8(ascii: ":") else { return parts }
        timeIndex += 1
        guard let (minute, _) = digits(bytes, &timeIndex, max: 2) else { return parts }
        parts.hour = hour
        parts.minute = minute
        if timeIndex < bytes.count, bytes[timeIndex] == UInt8(ascii: ":") {
            timeIndex += 1
            if let (second, _) = digits(bytes, &timeIndex, max: 2) { parts.second = second }
        }
        if timeIndex < bytes.count, bytes[timeIndex] == UInt8(ascii: ".") || bytes[timeIndex] == UInt8(ascii: ",") {
            timeIndex += 1
            _ = digits(bytes, &timeIndex)
        }
        while timeIndex < bytes.count, bytes[timeIndex] == UInt8(ascii: " ") { timeIndex += 1 }
        guard timeIndex < bytes.count else { return parts }
        let zoneStart = bytes[timeIndex]
        if zoneStart == UInt8(ascii: "Z") || zoneStart == UInt8(ascii: "z") {
            parts.offset = 0
        } else if zoneStart == UInt8(ascii: "+") || zoneStart == UInt8(ascii: "-") {
            timeIndex += 1
            var zoneIndex = timeIndex
            if let (hours, count) = digits(bytes, &zoneIndex, max: 2), count == 2 {
                var minutes = 0
                if zoneIndex < bytes.count, bytes[zoneIndex] == UInt8(ascii: ":") { zoneIndex += 1 }
                if let (value, _) = digits(bytes, &zoneIndex, max: 2) { minutes = value }
                let total = hours * 60 + minutes
                if total <= 14 * 60 { parts.offset = zoneStart == UInt8(ascii: "-") ? -total : total }
            }
        } else {
            let word = String(decoding: bytes[timeIndex...].prefix { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }, as: UTF8.self).lowercased()
            if let offset = zones[word] {
                parts.offset = offset
            } else if word == "am" || word == "pm" {
                applyMeridiem(word, to: &parts)
            }
        }
        return parts
    }

    private static func applyMeridiem(_ word: String, to parts: inout Parts) {
        if word == "pm", parts.hour < 12 { parts.hour += 12 }
        if word == "am", parts.hour == 12 { parts.hour = 0 }
    }

    /// A Unix timestamp as UTC parts.
    private static func fromUnix(_ seconds: Int) -> Parts? {
        guard seconds > 0 else { return nil }
        let days = seconds / 86_400
        let rest = seconds % 86_400
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Parts(year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60, offset: 0)
    }

    /// Dates written with a month name: "March 5, 2024 10:00 AM EST", "Tue, 05 Mar 2024 10:00:00 +0000".
    private static func parseWritten(_ lower: String) -> Parts? {
        enum Token {
            case number(Int, Int)
            case word(String)
            case colon
        }
        var tokens: [Token] = []
        var current = ""
        var currentIsNumber = false
        func finish() {
            guard !current.isEmpty else { return }
            if !currentIsNumber, ["st", "nd", "rd", "th", "er"].contains(current), case .number(_, _)? = tokens.last {
                current = ""
                return
            }
            tokens.append(currentIsNumber ? .number(Int(current) ?? -1, current.count) : .word(current))
            current = ""
        }
        var utf8 = lower
        let isASCII = utf8.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            // ASCII, most dates: runs of digits and of letters read from the bytes, as the
            // character loop below reads them.
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isDigit = byte &- 0x30 < 10
                guard isDigit || byte | 0x20 &- 0x61 < 26 else {
                    finish()
                    if byte == UInt8(ascii: ":") { tokens.append(.colon) }
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, isDigit ? bytes[end] &- 0x30 < 10 : bytes[end] | 0x20 &- 0x61 < 26 { end += 1 }
                finish()
                current = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                currentIsNumber = isDigit
                index = end
            }
            return true
        }
        if !isASCII {
            for character in lower {
                if character.isASCII && character.isNumber {
                    if !currentIsNumber { finish() }
                    currentIsNumber = true
                    current.append(character)
                } else if character.isLetter {
                    if currentIsNumber { finish() }
                    currentIsNumber = false
                    current.append(character)
                } else {
                    finish()
                    if character == ":" { tokens.append(.colon) }
                }
            }
        }
        finish()
        func number(at position: Int) -> (Int, Int)? {
            guard position >= 0, position < tokens.count, case .number(let value, let count) = tokens[position] else { return nil }
            return (value, count)
        }
        func isTimePart(_ position: Int) -> Bool {
            if position + 1 < tokens.count, case .colon = tokens[position + 1] { return true }
            if position - 1 >= 0, case .colon = tokens[position - 1] { return true }
            return false
        }
        // The day and year around a month word at `monthPosition`.
        func dayAndYear(around monthPosition: Int) -> (day: Int, year: Int)? {
            var day: Int?
            var year: Int?
            if let (value, count) = number(at: monthPosition + 1), count <= 2, (1...31).contains(value), !isTimePart(monthPosition + 1) {
                day = value
            } else if let (value, count) = number(at: monthPosition - 1), count <= 2, (1...31).contains(value), !isTimePart(monthPosition - 1) {
                day = value
            } else if let (value, count) = number(at: monthPosition - 2), count <= 2, (1...31).contains(value),
                case .word(let between)? = tokens[safe: monthPosition - 1], ["of", "de", "di", "del"].contains(between)
            {
                day = value
            }
            for position in (monthPosition + 1)..<max(monthPosition + 1, min(tokens.count, monthPosition + 5)) {
                if let (value, count) = number(at: position), count == 4, !isTimePart(position) {
                    year = value
                    break
                }
            }
            if year == nil, let (value, count) = number(at: monthPosition - 1), count == 4 { year = value }
            if day == nil, let (value, count) = number(at: monthPosition - 2), count == 4,
                let (dayValue, dayCount) = number(at: monthPosition + 1), dayCount <= 2
            {
                year = value
                day = dayValue
            }
            guard let day, let year else { return nil }
            return (day, year)
        }
        // The first month word with a day and a year around it; a word that may be a weekday
        // ("mar" for martes) only when no other month word follows.
        let monthWords: [(position: Int, month: Int, word: String)] = tokens.enumerated().compactMap { position, token in
            guard case .word(let word) = token, let named = Self.month(named: word) else { return nil }
            return (position, named, word)
        }
        var found: (month: Int, day: Int, year: Int)?
        for (index, candidate) in monthWords.enumerated() {
            if weekdayLikeMonths.contains(candidate.word), index + 1 < monthWords.count { continue }
            if let (day, year) = dayAndYear(around: candidate.position) {
                found = (candidate.month, day, year)
                break
            }
        }
        guard let (month, day, year) = found else { return nil }
        var parts = Parts(year: year, month: month, day: day)
        // Time: number colon number [colon number] [am|pm] [zone].
        var position = 0
        while position + 2 < tokens.count {
            if case .number(let hour, let hourCount) = tokens[position], hourCount <= 2, case .colon = tokens[position + 1],
                case .number(let minute, _) = tokens[position + 2]
            {
                parts.hour = hour
                parts.minute = minute
                var next = position + 3
                if next + 1 < tokens.count, case .colon = tokens[next], case .number(let second, _) = tokens[next + 1] {
                    parts.second = second
                    next += 2
                }
                if case .word(let word)? = tokens[safe: next], word == "am" || word == "pm" {
                    applyMeridiem(word, to: &parts)
                    next += 1
                }
                if case .word(let word)? = tokens[safe: next], let offset = zones[word] {
                    parts.offset = offset
                }
                break
            }
            position += 1
        }
        if parts.offset == nil, let plus = lower.range(of: " +") ?? lower.range(of: " -") {
            let rest = lower[plus.upperBound...].prefix(4)
            if rest.count == 4, let value = Int(rest), value <= 1400 {
                let total = value / 100 * 60 + value % 100
                parts.offset = lower[plus.lowerBound...].hasPrefix(" -") ? -total : total
            }
        }
        return parts
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
