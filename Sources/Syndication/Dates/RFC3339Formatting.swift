import Foundation

/// Formatting of instants as RFC 3339 UTC timestamps (`YYYY-MM-DDTHH:MM:SSZ`).
enum RFC3339Formatting {
    /// `date` as `YYYY-MM-DDTHH:MM:SSZ`, truncated to whole seconds; `nil` outside years 0001–9999.
    static func utcString(for date: Date) -> String? {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite,
            interval >= Double(CivilCalendar.earliestInstant),
            interval < Double(CivilCalendar.instantAfterLatest)
        else { return nil }
        let seconds = Int(interval.rounded(.down))
        let dayNumber =
            seconds >= 0
            ? seconds / CivilCalendar.secondsPerDay
            : (seconds - CivilCalendar.secondsPerDay + 1) / CivilCalendar.secondsPerDay
        let secondOfDay = seconds - dayNumber * CivilCalendar.secondsPerDay
        let (year, month, day) = CivilCalendar.date(daysSinceEpoch: dayNumber)

        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var index = 0
            func put(_ value: Int, digits: Int) {
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                while divisor > 0 {
                    buffer[index] = 0x30 + UInt8(value / divisor % 10)
                    index += 1
                    divisor /= 10
                }
            }
            func put(_ byte: UInt8) {
                buffer[index] = byte
                index += 1
            }
            put(year, digits: 4)
            put(DateByte.hyphen)
            put(month, digits: 2)
            put(DateByte.hyphen)
            put(day, digits: 2)
            put(0x54)  // "T"
            put(secondOfDay / 3600, digits: 2)
            put(DateByte.colon)
            put(secondOfDay / 60 % 60, digits: 2)
            put(DateByte.colon)
            put(secondOfDay % 60, digits: 2)
            put(0x5A)  // "Z"
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<index]), as: UTF8.self)
        }
    }
}
