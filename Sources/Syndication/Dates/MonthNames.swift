/// Month-name recognition for English and the localized names feeds are known to use.
enum MonthNames {
    /// English three-letter abbreviations, lowercase, concatenated in month order.
    private static let englishAbbreviations: StaticString = "janfebmaraprmayjunjulaugsepoctnovdec"

    /// Localized month names (Greek and Hungarian, including common misspellings seen
    /// in the wild), written with escapes so the exact UTF-8 bytes are unambiguous.
    /// ASCII letters in them match case-insensitively; other characters match exactly.
    private static let localizedNames: [(name: String, month: Int)] = [
        // Greek abbreviations (accented and unaccented forms).
        ("\u{0399}\u{03B1}\u{03BD}", 1),  // Ιαν
        ("\u{03A6}\u{03B5}\u{03B2}", 2),  // Φεβ
        ("\u{039C}\u{03B1}\u{03C1}", 3),  // Μαρ
        ("\u{039C}\u{03AC}\u{03C1}", 3),  // Μάρ
        ("\u{039C}\u{03AC}\u{03CE}", 3),  // Μάώ (mis-encoded Μάρ seen in feeds)
        ("\u{039C}\u{03B1}\u{03CE}", 3),  // Μαώ (mis-encoded Μαρ seen in feeds)
        ("\u{0391}\u{03C0}\u{03C1}", 4),  // Απρ
        ("\u{039C}\u{03B1}\u{0390}", 5),  // Μαΐ
        ("\u{039C}\u{03AC}\u{03B9}", 5),  // Μάι
        ("\u{039C}\u{03B1}\u{03B9}", 5),  // Μαι
        ("\u{039C}\u{03B1}\u{03CA}", 5),  // Μαϊ
        ("\u{0399}\u{03BF}\u{03CD}\u{03BD}", 6),  // Ιούν
        ("\u{0399}\u{03BF}\u{03C5}\u{03BD}", 6),  // Ιουν
        ("\u{0399}\u{03BF}\u{03BD}", 6),  // Ιον
        ("\u{0399}\u{03BF}\u{03CD}\u{03BB}", 7),  // Ιούλ
        ("\u{0399}\u{03BF}\u{03C5}\u{03BB}", 7),  // Ιουλ
        ("\u{0399}\u{03BF}\u{03BB}", 7),  // Ιολ
        ("\u{0391}\u{03CD}\u{03B3}", 8),  // Αύγ
        ("\u{0391}\u{03C5}\u{03B3}", 8),  // Αυγ
        ("\u{03A3}\u{03B5}\u{03C0}", 9),  // Σεπ
        ("\u{039F}\u{03BA}\u{03C4}", 10),  // Οκτ
        ("\u{039D}\u{03BF}\u{03AD}", 11),  // Νοέ
        ("\u{039D}\u{03BF}\u{03B5}", 11),  // Νοε
        ("\u{0394}\u{03B5}\u{03BA}", 12),  // Δεκ
        // Hungarian full names and abbreviations.
        ("janu\u{E1}r", 1),  // január
        ("febru\u{E1}r", 2),  // február
        ("febru\u{E1}ri", 2),  // februári (variant seen in feeds)
        ("m\u{E1}rcius", 3),  // március
        ("m\u{E1}rc", 3),  // márc
        ("\u{E1}prilis", 4),  // április
        ("\u{E1}pr", 4),  // ápr
        ("m\u{E1}jus", 5),  // május
        ("m\u{E1}ujus", 5),  // máujus (misspelling seen in feeds)
        ("m\u{E1}j", 5),  // máj
        ("j\u{FA}nius", 6),  // június
        ("j\u{FA}n", 6),  // jún
        ("j\u{FA}lius", 7),  // július
        ("j\u{FA}l", 7),  // júl
        ("szeptember", 9),
        ("szept", 9),
        ("okt\u{F3}ber", 10),  // október
        ("okt", 10),
    ]

    /// The month number (1–12) named by `word`, or `nil` if it is not a month name.
    ///
    /// An all-ASCII word is English when its first three letters abbreviate a month
    /// (`Feb`, `FEBRUARY`, `Sept`, and misspellings like `Febuary` all count);
    /// otherwise the localized names are tried.
    static func month(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count >= 3 else { return nil }
        if word.allSatisfy(DateByte.isASCIILetter), let month = englishMonth(of: word) {
            return month
        }
        return localizedMonth(of: word)
    }

    private static func englishMonth(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let first = DateByte.lowercased(word[0])
        let second = DateByte.lowercased(word[1])
        let third = DateByte.lowercased(word[2])
        let table = UnsafeBufferPointer(
            start: englishAbbreviations.utf8Start,
            count: englishAbbreviations.utf8CodeUnitCount
        )
        for month in 0..<12
        where table[month * 3] == first
            && table[month * 3 + 1] == second
            && table[month * 3 + 2] == third
        {
            return month + 1
        }
        return nil
    }

    private static func localizedMonth(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        for entry in localizedNames where matches(word, entry.name) {
            return entry.month
        }
        return nil
    }

    private static func matches(_ word: UnsafeBufferPointer<UInt8>, _ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count == word.count else { return false }
        return zip(word, utf8).allSatisfy { DateByte.lowercased($0) == $1 }
    }
}
