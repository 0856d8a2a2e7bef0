public import Foundation

/// HTTP dates (RFC 9110 §5.6.7), as HTTP headers and OPML use them: writes IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), reads IMF-fixdate, RFC 850 and asctime.
public enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    public static func format(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let weekday = weekdays[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) GMT"
    }

    /// Parses any of the three HTTP date forms; nil when it is none of them.
    public static func parse(_ text: String) -> Date? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var time: [Int]?
        if words.count >= 5, words[0].count == 3, let index = months.firstIndex(of: words[1]) {
            // asctime: Sun Nov  6 08:49:37 1994
            day = Int(words[2])
            month = index + 1
            time = clock(words[3])
            year = Int(words[4])
        } else if words.count >= 5, let index = months.firstIndex(of: words[2]) {
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            day = Int(words[1])
            month = index + 1
            year = Int(words[3])
            time = clock(words[4])
        } else if words.count >= 3 {
            // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            let pieces = words[1].split(separator: "-").map(String.init)
            if pieces.count == 3, let index = months.firstIndex(of: pieces[1]), let short = Int(pieces[2]) {
                day = Int(pieces[0])
                month = index + 1
                year = short < 100 ? (short < 70 ? 2000 + short : 1900 + short) : short
                time = clock(words[2])
            }
        }
        guard let day, let month, let year, let time else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: time[0], minute: time[1], second: time[2])
        return utcCalendar.date(from: components)
    }

    private static func clock(_ text: String) -> [Int]? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 3, (0...23).contains(parts[0]), (0...59).contains(parts[1]), (0...60).contains(parts[2]) else { return nil }
        return parts
    }
}
