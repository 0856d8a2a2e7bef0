/// Time-zone designators: numeric offsets, abbreviations, and what may trail them.
///
/// Offsets are returned in seconds east of UTC (`+0100` → `3600`).
enum DateZones {
    /// Known abbreviations with their offsets in minutes east of UTC.
    ///
    /// RFC 822 §5 names UT/GMT/Z, the North American zones and the military letters;
    /// the rest are abbreviations common in real feeds. Where an abbreviation is
    /// ambiguous the reading most feeds mean wins (`CST` is US Central, not China);
    /// `IST` (India, Ireland or Israel) is deliberately absent.
    ///
    /// Military letters follow RFC 822 as written (`A` = −1 h … `M` = −12 h,
    /// `N` = +1 h … `Y` = +12 h), as feedparser does. RFC 2822 §4.3 notes that those
    /// signs were specified backwards; the RFC 822 reading is kept for compatibility.
    private static let namedOffsets: [(name: StaticString, minutes: Int)] = [
        ("ut", 0), ("utc", 0), ("gmt", 0), ("z", 0), ("wet", 0),
        ("bst", 60), ("cet", 60), ("met", 60), ("mez", 60), ("west", 60),
        ("cest", 120), ("mest", 120), ("mesz", 120), ("eet", 120), ("sast", 120),
        ("eest", 180), ("msk", 180),
        ("est", -300), ("edt", -240), ("et", -300),
        ("cst", -360), ("cdt", -300), ("ct", -360),
        ("mst", -420), ("mdt", -360), ("mt", -420),
        ("pst", -480), ("pdt", -420), ("pt", -480),
        ("ast", -240), ("adt", -180), ("at", -240),
        ("akst", -540), ("akdt", -480), ("hst", -600),
        ("nst", -210), ("ndt", -150),
        ("hkt", 480), ("sgt", 480), ("awst", 480),
        ("jst", 540), ("kst", 540),
        ("acst", 570), ("acdt", 630), ("aest", 600), ("aedt", 660),
        ("nzst", 720), ("nzdt", 780),
        ("a", -60), ("b", -120), ("c", -180), ("d", -240), ("e", -300), ("f", -360),
        ("g", -420), ("h", -480), ("i", -540), ("k", -600), ("l", -660), ("m", -720),
        ("n", 60), ("o", 120), ("p", 180), ("q", 240), ("r", 300), ("s", 360),
        ("t", 420), ("u", 480), ("v", 540), ("w", 600), ("x", 660), ("y", 720),
    ]

    /// `namedOffsets` keyed by ``packedKey(_:)`` for fast lookup.
    private static let packedOffsets: [(key: UInt64, seconds: Int)] = namedOffsets.map { entry in
        let name = UnsafeBufferPointer(start: entry.name.utf8Start, count: entry.name.utf8CodeUnitCount)
        return (packedKey(name) ?? 0, entry.minutes * 60)
    }

    /// Reads a zone designator at the cursor: `+hh:mm`, `-hhmm`, `+hh`, `Z`, `GMT`,
    /// `GMT+01:00`, `Etc/GMT`, or an abbreviation.
    ///
    /// With `allowUnknownNames`, an unrecognized name (or a tz path such as
    /// `Europe/Paris`) is read as UTC, as feedparser does for RFC 822 dates.
    /// Returns `nil`, with the cursor in an unspecified position, if no valid zone is next.
    static func parse(_ cursor: inout ByteCursor, allowUnknownNames: Bool) -> Int? {
        let byte = cursor.peek()
        if byte == DateByte.plus || byte == DateByte.hyphen {
            return parseNumericOffset(&cursor)
        }
        guard DateByte.isWordByte(byte) else { return nil }
        return parseNamed(&cursor, allowUnknownNames: allowUnknownNames)
    }

    /// Reads a signed numeric offset: `+hh`, `+h`, `+hh:mm`, `+h:mm`, `+hmm` or `+hhmm`.
    static func parseNumericOffset(_ cursor: inout ByteCursor) -> Int? {
        let sign: Int
        if cursor.consume(DateByte.plus) {
            sign = 1
        } else if cursor.consume(DateByte.hyphen) {
            sign = -1
        } else {
            return nil
        }
        guard let run = cursor.readDigits() else { return nil }
        let hours: Int
        let minutes: Int
        switch run.count {
        case 1, 2:
            hours = run.value
            if cursor.consume(DateByte.colon) {
                guard let value = cursor.readDigits(exactly: 2) else { return nil }
                minutes = value
            } else {
                minutes = 0
            }
        case 3, 4:
            hours = run.value / 100
            minutes = run.value % 100
        default:
            return nil
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Skips what may follow a complete zone and reports whether the input ends there.
    ///
    /// Accepted, in order and each optional: an uppercase abbreviation or `±hh` repeated
    /// after a numeric offset (Go prints `+0000 UTC` and `+0300 +03`), then a
    /// parenthesized comment such as `(UTC)` (RFC 2822 CFWS).
    static func skipTrailingAnnotation(_ cursor: inout ByteCursor) -> Bool {
        cursor.skipWhitespace()
        let byte = cursor.peek()
        if DateByte.isUppercaseLetter(byte) {
            let word = cursor.slice(cursor.readWord())
            guard word.allSatisfy(DateByte.isUppercaseLetter) else { return false }
        } else if byte == DateByte.plus || byte == DateByte.hyphen, DateByte.isDigit(cursor.peek(1)) {
            cursor.advance()
            _ = cursor.readDigits()
        }
        cursor.skipWhitespace()
        if cursor.consume(DateByte.openParenthesis) {
            while !cursor.isAtEnd, cursor.peek() != DateByte.closeParenthesis { cursor.advance() }
            guard cursor.consume(DateByte.closeParenthesis) else { return false }
            cursor.skipWhitespace()
        }
        return cursor.isAtEnd
    }

    private static func parseNamed(_ cursor: inout ByteCursor, allowUnknownNames: Bool) -> Int? {
        var word = cursor.readWord()
        var isEtcPath = false
        if cursor.peek() == DateByte.slash, cursor.word(word, equals: "etc") {
            cursor.advance()
            word = cursor.readWord()
            isEtcPath = true
        }
        let sign = cursor.peek()
        if sign == DateByte.plus || sign == DateByte.hyphen,
            cursor.word(word, equals: "gmt") || cursor.word(word, equals: "utc") || cursor.word(word, equals: "ut")
        {
            guard let offset = parseNumericOffset(&cursor) else { return nil }
            // In the tz database `Etc/GMT+5` is five hours *behind* UTC.
            return isEtcPath ? -offset : offset
        }
        if let key = packedKey(cursor.slice(word)),
            let entry = packedOffsets.first(where: { $0.key == key })
        {
            return entry.seconds
        }
        guard allowUnknownNames, !word.isEmpty else { return nil }
        while cursor.peek() == DateByte.slash {
            cursor.advance()
            while DateByte.isWordByte(cursor.peek()) || cursor.peek() == DateByte.underscore { cursor.advance() }
        }
        return 0
    }

    /// Packs up to eight ASCII letters, lowercased, into an integer; `nil` for anything else.
    private static func packedKey(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !word.isEmpty, word.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in word {
            guard DateByte.isASCIILetter(byte) else { return nil }
            key = key << 8 | UInt64(DateByte.lowercased(byte))
        }
        return key
    }
}
