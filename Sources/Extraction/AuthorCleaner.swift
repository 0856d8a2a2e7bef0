/// Turns raw author values ("By Jane Doe and John Roe | March 5, 2024") into a clean list of names.
enum AuthorCleaner {
    private static let prefixes = [
        "this post was written by", "this article was written by", "written by", "posted by", "reported by", "words by", "story by", "text by",
        "article by", "authored by", "author:", "authors:", "author ", "authors ", "by:", "by ", "von ", "por ", "par ",
    ]
    /// Interface words that follow a name in a byline widget ("Jane Doe View profile").
    private static let trailingWords = ["view profile", "full bio", "view", "follow", "sponsored", "bio", "profile", "more"]
    private static let roleWords = [
        "writer", "editor", "reporter", "correspondent", "contributor", "columnist", "staff", "freelance", "journalist", "producer", "team", "desk",
        "newsroom", "updated", "published", "min read", "follow", "view all", "posts by", "more by",
    ]
    private static let credentials: Set<String> = [
        "md", "phd", "rd", "ms", "ma", "mba", "rn", "do", "cpt", "ld", "ldn", "fand", "cdces", "cscs", "jr", "sr", "ii", "iii", "np", "pa", "pharmd",
        "dds", "mph", "bsn", "mpa", "cde", "ccc", "esq", "cfp", "cpa", "dvm", "facs", "faap",
    ]

    /// Lower-case words that belong in names ("Ludwig van Beethoven", "Juan de la Cruz").
    private static let particles: Set<String> = ["van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "du", "bin", "al", "y", "e", "ter"]

    /// Clean names from raw values, in order, without duplicates; `siteName` values are dropped.
    static func clean(_ raws: [String], siteName: String?) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        let site = siteName.map { normalized($0) }
        for raw in raws {
            for name in names(in: raw) {
                let key = normalized(name)
                guard !key.isEmpty, !seen.contains(key), key != site else { continue }
                // "Jane Doe" and "Jane Doe USA Today" are one person.
                let lower = name.lowercased()
                if result.contains(where: { lower.hasPrefix($0.lowercased() + " ") }) { continue }
                if let longer = result.firstIndex(where: { $0.lowercased().hasPrefix(lower + " ") }) {
                    result[longer] = name
                    seen.insert(key)
                    continue
                }
                seen.insert(key)
                result.append(name)
            }
        }
        return result
    }

    /// The names in one raw value.
    static func names(in raw: String) -> [String] {
        var text = TextBuilder.collapse(raw.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "&amp;", with: "&"))
        guard !text.isEmpty, text.count < 300 else { return [] }
        let lowerFull = text.lowercased()
        if lowerFull.hasPrefix("http://") || lowerFull.hasPrefix("https://") || lowerFull.hasPrefix("www.") || lowerFull.hasPrefix("/") { return [] }
        // Cut at separators that introduce dates, roles or other fields.
        for separator in [
            " | ", "|", " • ", "•", " · ", " ⋅ ", "⋅", " — ", " – ", " - ", "\u{2014}", " on ", " updated ", " published ", " posted ", " in ",
        ] {
            if let range = text.range(of: separator, options: []) ?? (separator.count > 2 ? text.range(of: separator.capitalized) : nil) {
                let head = String(text[..<range.lowerBound])
                if !head.trimmingSpaces().isEmpty { text = head }
            }
        }
        var stripping = true
        while stripping {
            stripping = false
            let lower = text.lowercased()
            for prefix in prefixes where lower.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count)).trimmingSpaces()
                stripping = true
            }
        }
        text = text.trimmingCharacters(in: " ,:;.-–—")
        if trailingWords.contains(text.lowercased()) { return [] }
        var trimming = true
        while trimming {
            trimming = false
            let lower = text.lowercased()
            for word in trailingWords where lower.hasSuffix(" " + word) {
                text = String(text.dropLast(word.count + 1)).trimmingCharacters(in: " ,:;.-–—")
                trimming = true
            }
        }
        guard !text.isEmpty else { return [] }
        // Split into people.
        var pieces: [String] = []
        for part in splitPeople(text) {
            let piece = part.trimmingCharacters(in: " ,:;.-–—")
            guard !piece.isEmpty else { continue }
            let key = piece.lowercased().filter { $0.isLetter }
            if credentials.contains(key), let last = pieces.popLast() {
                pieces.append(last + ", " + piece)
                continue
            }
            pieces.append(piece)
        }
        return pieces.filter(isPlausibleName)
    }

    private static func splitPeople(_ text: String) -> [String] {
        var parts = [text]
        for separator in [" and ", " And ", " & ", ", ", ";", " und ", " y ", " et "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts
    }

    /// Whether a piece looks like a person's (or a byline team's) name.
    static func isPlausibleName(_ piece: String) -> Bool {
        guard piece.count >= 2, piece.count <= 70 else { return false }
        let lower = piece.lowercased()
        if lower.contains("@") || lower.contains("http") || lower.contains("/") || lower.contains("*") || lower.contains(":")
            || lower.hasSuffix(" from") || lower.hasSuffix(" says") || lower.hasSuffix(" said")
        {
            return false
        }
        if lower.contains(".com") || lower.contains(".net") || lower.contains(".org") { return false }
        if piece.contains(where: { $0.isNumber }) { return false }
        let words = piece.split(separator: " ")
        if words.count > 7 { return false }
        // A user name ("jane.doe") or a phrase ("Learn about our") rather than a name.
        if words.count == 1, piece.contains("."), piece.first?.isLowercase == true { return false }
        let lowercaseWords = words.filter { word in word.first?.isLowercase == true && !particles.contains(String(word)) }.count
        if words.count >= 2, lowercaseWords * 2 > words.count { return false }
        for role in roleWords where lower == role || lower.hasPrefix(role + " ") || lower.hasSuffix(" " + role) { return false }
        if BylineMatcher.containsDate(lower) { return false }
        return piece.contains { $0.isLetter }
    }

    /// Letters and digits only, lower case: for comparing names.
    static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
