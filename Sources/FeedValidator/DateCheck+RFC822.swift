extension DateCheck {
    static let strictZones: Set<String> = ["UT", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "Z"]
    static let capitalisedDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let capitalisedMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The fields of an RFC 822 date that matched the expected shape.
    struct RFC822Fields {
        var weekday: Int?
        var day: Int
        var month: Int
        var year: Int
        var hour: Int
        var minute: Int
        var second: Int
    }

    /// Checks an RFC 822 date as RSS uses it. The canonical form (`Sat, 07 Sep 2002 09:42:31
    /// GMT`, four-digit year, seconds optional) is valid; other forms RFC 822 allows (two-digit
    /// year, lower case, extra spaces, comments, military zones, no zone) are problematic.
    static func rfc822(_ value: String) -> RFC822Outcome {
        if let fields = scan822(Array(value.utf8), strict: true) {
            guard fields.day <= daysIn(month: fields.month, year: fields.year) else {
                return .invalid("day \(fields.day) does not exist in \(capitalisedMonths[fields.month - 1]) \(fields.year)")
            }
            guard fields.hour < 24, fields.minute < 60, fields.second <= 60 else { return .invalid("the time is out of range") }
            if let weekday = fields.weekday, weekday != self.weekday(year: fields.year, month: fields.month, day: fields.day) {
                let actual = capitalisedDays[self.weekday(year: fields.year, month: fields.month, day: fields.day)]
                return .wrongWeekday(
                    "\(fields.day) \(capitalisedMonths[fields.month - 1]) \(fields.year) is a \(actual), not a \(capitalisedDays[weekday])")
            }
            return .valid(Parsed(year: fields.year, month: fields.month, day: fields.day))
        }
        let loose = Array(withoutComments(value).trimmed.lowercased().utf8)
        if let fields = scan822(loose, strict: false) {
            return .problematic(
                Parsed(year: fields.year, month: fields.month, day: fields.day),
                "write it as 'Sat, 07 Sep 2002 09:42:31 GMT' (capitalised names, single spaces, a four-digit year, GMT or +hhmm)")
        }
        return .invalid(reason822(value))
    }

    private static func withoutComments(_ value: String) -> String {
        var result = ""
        var depth = 0
        var escaped = false
        for character in value {
            if escaped {
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
            } else if character == "(" {
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
                if depth == 0 { result.append(" ") }
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    /// Matches the date's shape; `strict` wants the canonical spelling and spacing, otherwise
    /// the (lower-cased) value may have any whitespace, a two-digit year and no zone.
    static func scan822(_ b: [UInt8], strict: Bool) -> RFC822Fields? {
        var i = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        func spaces(required: Bool) -> Bool {
            if strict {
                guard required else { return true }
                guard i < b.count, b[i] == 32 else { return false }
                i += 1
                return true
            }
            let start = i
            while i < b.count, isSpace(b[i]) { i += 1 }
            return !required || i > start
        }
        func word(_ options: [String]) -> Int? {
            for (index, option) in options.enumerated() {
                let candidate = Array((strict ? option : option.lowercased()).utf8)
                if i + candidate.count <= b.count, b[i..<(i + candidate.count)].elementsEqual(candidate) {
                    i += candidate.count
                    return index
                }
            }
            return nil
        }
        func number(minimum: Int, maximum: Int) -> (value: Int, digits: Int)? {
            var value = 0
            var count = 0
            while i < b.count, count < maximum, (48...57).contains(b[i]) {
                value = value * 10 + Int(b[i] - 48)
                count += 1
                i += 1
            }
            return count >= minimum ? (value, count) : nil
        }
        var weekday: Int?
        let start = i
        if let day = word(capitalisedDays) {
            let afterName = i
            if strict {
                if i + 1 < b.count, b[i] == UInt8(ascii: ","), b[i + 1] == 32 {
                    i += 2
                    weekday = day
                } else {
                    i = start
                }
            } else {
                _ = spaces(required: false)
                if i < b.count, b[i] == UInt8(ascii: ",") {
                    i += 1
                    _ = spaces(required: false)
                    weekday = day
                } else {
                    i = start
                }
            }
            if weekday == nil && i == start && afterName > start { return nil }
        }
        guard let day = number(minimum: 1, maximum: 2), day.value >= 1, spaces(required: true) else { return nil }
        guard let month = word(capitalisedMonths), spaces(required: true) else { return nil }
        guard let yearDigits = number(minimum: 2, maximum: 4), yearDigits.digits == 4 || (!strict && yearDigits.digits == 2) else { return nil }
        guard spaces(required: true) else { return nil }
        var year = yearDigits.value
        if yearDigits.digits == 2 { year += year < 50 ? 2000 : 1900 }
        guard let hour = number(minimum: 2, maximum: 2), i < b.count, b[i] == UInt8(ascii: ":"),
            {
                i += 1
                return true
            }(),
            let minute = number(minimum: 2, maximum: 2)
        else { return nil }
        var second = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let value = number(minimum: 2, maximum: 2) else { return nil }
            second = value.value
        }
        let fields = RFC822Fields(
            weekday: weekday, day: day.value, month: month + 1, year: year, hour: hour.value, minute: minute.value, second: second)
        guard spaces(required: true) else { return nil }
        let zone = String(decoding: b[i...], as: UTF8.self)
        if strict {
            if strictZones.contains(zone) { return fields }
            let z = Array(zone.utf8)
            var digits = z[...]
            if let sign = digits.first, sign == 43 || sign == 45 { digits = digits.dropFirst() }
            guard digits.count == 4, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
            let third = digits[digits.startIndex + 2]
            let fourth = digits[digits.startIndex + 3]
            return (third == 48 || third == 51) && fourth == 48 ? fields : nil
        }
        if zone.isEmpty { return fields }
        if ["ut", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"].contains(zone) { return fields }
        if zone.count == 1, let letter = zone.first, letter.isLetter, letter != "j" { return fields }
        let z = Array(zone.utf8)
        if z.count == 5, z[0] == 43 || z[0] == 45, z.dropFirst().allSatisfy({ (48...57).contains($0) }) { return fields }
        return nil
    }

    /// A sentence about what is wrong with a date that fits no RFC 822 shape.
    private static func reason822(_ value: String) -> String {
        let tokens = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        if value.trimmed.isEmpty { return "the date is empty" }
        if value.contains("T") && value.first?.isNumber == true { return "this looks like an ISO 8601 date; RSS wants RFC 822" }
        if let first = tokens.first, first.count > 4, first.hasSuffix(",") { return "the day of the week must be abbreviated (Mon, Tue …)" }
        if !tokens.contains(where: { $0.contains(":") }) { return "the time (hh:mm:ss) is missing" }
        if let last = tokens.last, last.contains(":") { return "the time zone (GMT or +hhmm) is missing" }
        return "it does not have the form 'Sat, 07 Sep 2002 09:42:31 GMT'"
    }
}
