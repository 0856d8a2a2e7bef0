extension DateCheck {
    static let namedZones: Set<String> = ["UT", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"]

    /// Checks an RFC 822 date as RSS uses it: `[Day, ]DD Mon YYYY hh:mm[:ss] zone`.
    static func rfc822(_ value: String) -> RFC822Outcome {
        var tokens = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        var problem: String?
        var weekdayGiven: Int?
        guard !tokens.isEmpty else { return .invalid("the date is empty") }
        if let first = tokens.first, first.hasSuffix(",") || first.count == 3 && Int(first) == nil && dayNames.contains(first.lowercased()) {
            var name = first
            if name.hasSuffix(",") {
                name.removeLast()
            } else if tokens.count > 1 && tokens[1] == "," {
                tokens.remove(at: 1)
            } else {
                return .invalid("the day of the week must be followed by a comma")
            }
            guard let index = dayNames.firstIndex(of: name.lowercased()), name.count == 3 else {
                return .invalid("'\(name)' is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun)")
            }
            if name != name.prefix(1).uppercased() + name.dropFirst().lowercased() { problem = "the day name should be capitalised (e.g. Mon)" }
            weekdayGiven = index
            tokens.removeFirst()
        }
        guard tokens.count == 5 else {
            if tokens.count == 4 { return .invalid("the time zone is missing (e.g. GMT or +0000)") }
            return .invalid("the date must be written like 'Sat, 07 Sep 2002 09:42:31 GMT'")
        }
        guard let day = Int(tokens[0]), tokens[0].count <= 2 else { return .invalid("'\(tokens[0])' is not a day of the month") }
        guard let month = monthNames.firstIndex(of: tokens[1].lowercased()).map({ $0 + 1 }) else {
            return .invalid("'\(tokens[1])' is not a month name (Jan, Feb, … Dec)")
        }
        if tokens[1] != tokens[1].prefix(1).uppercased() + tokens[1].dropFirst().lowercased() {
            problem = "the month name should be capitalised (e.g. Sep)"
        }
        guard var year = Int(tokens[2]), tokens[2].count == 2 || tokens[2].count == 4 else {
            return .invalid("'\(tokens[2])' is not a year of two or four digits")
        }
        if tokens[2].count == 2 {
            year += year < 50 ? 2000 : 1900
            problem = "a four-digit year is preferred"
        }
        guard day >= 1 && day <= daysIn(month: month, year: year) else { return .invalid("day \(day) does not exist in \(tokens[1]) \(year)") }
        let time = tokens[3].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2 || time.count == 3, time.allSatisfy({ $0.count == 2 && Int($0) != nil }) else {
            return .invalid("the time must be written hh:mm:ss")
        }
        guard Int(time[0])! < 24, Int(time[1])! < 60, time.count == 2 || Int(time[2])! <= 60 else {
            return .invalid("the time \(tokens[3]) is out of range")
        }
        let zone = tokens[4]
        if zone.hasPrefix("+") || zone.hasPrefix("-") {
            guard zone.count == 5, Int(zone.dropFirst()) != nil else { return .invalid("the time zone offset must be written +hhmm") }
        } else if namedZones.contains(zone) {
        } else if namedZones.contains(zone.uppercased()) {
            problem = "the time zone should be upper case"
        } else if zone.count == 1, let letter = zone.uppercased().first, letter.isLetter, letter != "J" {
            problem = "military single-letter time zones are best avoided"
        } else {
            return .invalid("'\(zone)' is not a time zone (use GMT or an offset such as +0000)")
        }
        if let weekdayGiven, weekdayGiven != weekday(year: year, month: month, day: day) {
            return .wrongWeekday("\(tokens[0]) \(tokens[1]) \(year) is not a \(value.prefix(3))")
        }
        let parsed = Parsed(year: year, month: month, day: day)
        if let problem { return .problematic(parsed, problem) }
        return .valid(parsed)
    }
}
