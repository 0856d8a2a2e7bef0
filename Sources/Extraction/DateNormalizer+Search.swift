extension DateNormalizer {
    /// The first date written inside a short line of text ("Last updated: 2025-02-22",
    /// "Jun 8, 2023 • 11 min read"), or nil. Lines without a plausible four-digit year are
    /// rejected before any parsing.
    static func find(in text: String) -> Parts? {
        guard text.utf8.count <= 160, hasYear(text) else { return nil }
        if let parts = parse(text) { return parts }
        // A numeric date after a label: try each run of digits that starts a four-digit year.
        let bytes = Array(text.utf8)
        var index = 0
        while index + 4 <= bytes.count {
            let startsRun = index == 0 || !isDigit(bytes[index - 1])
            if startsRun, isDigit(bytes[index]), index > 0 {
                let suffix = String(decoding: bytes[index...], as: UTF8.self)
                if let parts = parse(suffix) { return parts }
            }
            index += 1
        }
        return nil
    }

    /// The calendar day of a date (its own wall-clock day, offsets not applied).
    static func day(_ parts: Parts) -> Int {
        parts.year * 10_000 + parts.month * 100 + parts.day
    }

    /// Whether two calendar days are at most one day apart (a UTC time stamp of a local date).
    static func adjacent(_ first: Parts, _ second: Parts) -> Bool {
        abs(ordinal(first) - ordinal(second)) <= 1
    }

    /// Days since a fixed epoch, for comparing calendar days.
    private static func ordinal(_ parts: Parts) -> Int {
        let year = parts.month <= 2 ? parts.year - 1 : parts.year
        let era = year / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (parts.month + (parts.month > 2 ? -3 : 9)) + 2) / 5 + parts.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Whether the text holds a run of exactly four digits starting 19 or 20.
    static func hasYear(_ text: String) -> Bool {
        // The bytes are read in place; the UTF-8 view's iterator is far slower.
        var text = text
        return text.withUTF8(hasYear)
    }

    /// Whether the UTF-8 bytes hold a run of exactly four digits starting 19 or 20.
    private static func hasYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var first: UInt8 = 0
        var second: UInt8 = 0
        for byte in bytes {
            if isDigit(byte) {
                if run == 0 { first = byte }
                if run == 1 { second = byte }
                run += 1
            } else {
                if run == 4, (first == 49 && second == 57) || (first == 50 && second == 48) { return true }
                run = 0
            }
        }
        return run == 4 && ((first == 49 && second == 57) || (first == 50 && second == 48))
    }
}
