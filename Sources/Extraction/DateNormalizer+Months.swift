extension DateNormalizer {
    private static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Month names and their usual abbreviations in Spanish, French, German, Italian, Portuguese
    /// and Dutch (lower case, accents kept), where they differ from the English ones. Words that
    /// are also common English words ("set", "gen") are left out.
    private static let otherMonths: [String: Int] = [
        // Spanish.
        "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
        "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
        // French.
        "janvier": 1, "janv": 1, "février": 2, "févr": 2, "fevrier": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6,
        "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "déc": 12,
        // German.
        "januar": 1, "jänner": 1, "jän": 1, "februar": 2, "märz": 3, "mär": 3, "juni": 6, "juli": 7, "oktober": 10, "okt": 10,
        "dezember": 12, "dez": 12,
        // Italian.
        "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "mag": 5, "giugno": 6, "giu": 6, "luglio": 7, "lug": 7,
        "settembre": 9, "ottobre": 10, "ott": 10, "dicembre": 12,
        // Portuguese.
        "janeiro": 1, "fevereiro": 2, "fev": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
        "out": 10, "dezembro": 12,
        // Dutch.
        "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "mrt": 3,
    ]

    /// Month words that are also a weekday's abbreviation in another language ("mar": martes,
    /// mardi, martedì). They name the month only when no other month word follows.
    static let weekdayLikeMonths: Set<String> = ["mar"]

    /// The month (1-12) a lower-cased word names: an English name or an abbreviation of at least
    /// three letters ("sept" included), or a name or abbreviation of another language.
    static func month(named word: String) -> Int? {
        if word.count >= 3, let index = englishMonths.firstIndex(where: { $0.hasPrefix(word) }) { return index + 1 }
        if word == "sept" { return 9 }
        return otherMonths[word]
    }
}
