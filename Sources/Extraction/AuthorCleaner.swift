import Foundation
import LibXML

/// Turns raw author values ("By Jane Doe and John Roe | March 5, 2024") into a clean list of names.
enum AuthorCleaner {
    private static let prefixes = [
        "this post was written by", "this article was written by", "written by", "posted by", "reported by", "words by", "story by", "text by",
        "article by", "authored by", "medically reviewed by", "reviewed by", "fact checked by", "read more about", "more about",
        "articles by", "stories by", "author:", "authors:", "author ", "authors ", "by:", "by ", "von ", "por ", "par ",
    ]
    /// Interface words that follow a name in a byline widget ("Jane Doe View profile").
    private static let trailingWords = ["view profile", "full bio", "view", "follow", "sponsored", "bio", "profile", "more", "share"]
    /// Words of one person's role ("Staff Writer", "Senior Autos Reporter").
    private static let personRoleWords = [
        "writer", "reporter", "correspondent", "columnist", "freelance", "journalist", "producer",
    ]
    /// Words of a role, or of a byline that names a team ("News Desk", "Community Editor").
    private static let roleWords = personRoleWords + ["editor", "contributor", "staff", "team", "desk", "newsroom"]
    /// Words of the byline widget around a name, never part of one.
    private static let interfaceWords = ["updated", "published", "min read", "follow", "view all", "posts by", "more by"]
    private static let credentials: Set<String> = [
        "md", "phd", "rd", "ms", "ma", "mba", "rn", "do", "cpt", "ld", "ldn", "fand", "cdces", "cscs", "jr", "sr", "ii", "iii", "np", "pa", "pharmd",
        "dds", "mph", "bsn", "mpa", "cde", "ccc", "esq", "cfp", "cpa", "dvm", "facs", "faap",
    ]

    /// Lower-case words that belong in names ("Ludwig van Beethoven", "Juan de la Cruz").
    private static let particles: Set<String> = ["van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "du", "bin", "al", "y", "e", "ter"]

    /// Clean names from raw values, in order, without duplicates; `siteName` values are dropped.
    /// `stated`: the values are what the page's metadata states as its author (JSON-LD, a
    /// `<meta>`), not text read off the page, so a name in lower case ("kirstin boatto") or a
    /// user name ("sara.r.peter") is taken as written.
    static func clean(_ raws: [String], siteName: String?, stated: Bool = false) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        let site = siteName.map { normalized($0) }
        for raw in raws {
            for name in names(in: raw, stated: stated) {
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
    static func names(in raw: String, stated: Bool = false) -> [String] {
        var text = TextBuilder.collapse(raw.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "&amp;", with: "&"))
        // ", USA TODAY": a "name, affiliation" template whose name was left empty.
        guard !text.isEmpty, text.count < 300, !text.hasPrefix(",") else { return [] }
        let lowerFull = text.lowercased()
        if lowerFull.hasPrefix("http://") || lowerFull.hasPrefix("https://") || lowerFull.hasPrefix("www.") || lowerFull.hasPrefix("/") { return [] }
        // Cut at separators that introduce dates, roles or other fields.
        for separator in [
            " | ", "|", " • ", "•", " · ", " ⋅ ", "⋅", " — ", " – ", " - ", "\u{2014}", " on ", " updated ", " published ", " posted ", " in ",
        ] {
            if let range = ByteSearch.range(of: separator, in: text)
                ?? (separator.count > 2 ? ByteSearch.range(of: separator.capitalized, in: text) : nil)
            {
                let head = String(text[..<range.lowerBound])
                if !head.trimmingSpaces().isEmpty { text = head }
            }
        }
        text = beforeDate(text)
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
            var piece = part.trimmingCharacters(in: " ,:;.-–—&●•·|")
            // "byClemson News": the label written against the name.
            if piece.hasPrefix("by"), piece.dropFirst(2).first?.isUppercase == true { piece = String(piece.dropFirst(2)) }
            guard !piece.isEmpty else { continue }
            let key = piece.lowercased().filter { $0.isLetter }
            if credentials.contains(key), let last = pieces.popLast() {
                pieces.append(last + ", " + piece)
                continue
            }
            pieces.append(piece)
        }
        // "Rachel MacDonald Writer", "Zackery Cuevas Writer, Hardware": a name whose role ran
        // into it without a comma; what follows is the role's ("Writer, Hardware").
        for (index, piece) in pieces.enumerated() {
            let lower = piece.lowercased()
            guard let role = personRoleWords.first(where: { lower.hasSuffix(" " + $0) }) else { continue }
            let rest = String(piece.dropLast(role.count + 1)).trimmingCharacters(in: " ,:;.-–—")
            // A name has two words at least ("Jane Doe, Senior Correspondent" is a role).
            guard rest.split(separator: " ").count >= 2, isPlausibleName(rest, stated: stated) else { continue }
            pieces[index] = rest
            pieces.removeSubrange((index + 1)...)
            break
        }
        let people = pieces.filter { isPlausibleName($0, stated: stated) }
        if !people.isEmpty { return people }
        // No person is named: a byline that names a team or desk ("TOI Lifestyle Desk",
        // "The Upwork Team", "Staff") is the author as the page states it. Beside a person's
        // name such words are that person's role ("Jane Doe, Staff Writer") and are dropped.
        return pieces.filter { isPlausibleName($0, allowingRoles: true, stated: stated) }
    }

    /// The text before a date or number that follows the name without a separator ("Sofia
    /// Gonzalez December 2, 2025", "Jane Doe 3 min read"): names have no digits, and a month
    /// right before the first number is the date's.
    static func beforeDate(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard let number = words.firstIndex(where: { $0.contains(where: \.isNumber) }), number > 0 else { return text }
        var cut = number
        let previousWord = words[number - 1].trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
        let previous = previousWord.lowercased()
        if monthNames.contains(previous) {
            cut -= 1
        } else if let month = monthNames.first(where: { $0.count >= 3 && previous.hasSuffix($0) && previous.count > $0.count }),
            previousWord.dropLast(month.count).last?.isLowercase == true, previousWord.suffix(month.count).first?.isUppercase == true
        {
            // "Luke KimDecember 2, 2025": the name and the month written without a space.
            return (words[..<(number - 1)] + [Substring(previousWord.dropLast(month.count))]).joined(separator: " ")
        }
        guard cut > 0 else { return text }
        return words[..<cut].joined(separator: " ")
    }

    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// The people of a byline: split at commas and semicolons, then at "and" and its kin. From
    /// a job title after a name on, the rest is the title's ("Paul Frew, Home and Digital
    /// Security Expert", "Matt Check, Co-Founder"); a title alone ("Our Editors") stays.
    private static func splitPeople(_ text: String) -> [String] {
        var parts = [text]
        for separator in [", and ", ", & ", ", ", ";"] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        if let title = parts.indices.dropFirst().first(where: { isJobTitle(parts[$0]) }) { parts.removeSubrange(title...) }
        for separator in [" and ", " And ", " & ", " und ", " y ", " et "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts
    }

    /// Whether a piece looks like a person's (or a byline team's) name.
    static func isPlausibleName(_ piece: String, allowingRoles: Bool = false, stated: Bool = false) -> Bool {
        guard piece.count >= 2, piece.count <= 70 else { return false }
        let lower = piece.lowercased()
        if lower.contains("@") || lower.contains("http") || lower.contains("/") || lower.contains("*") || lower.contains(":")
            || lower.hasSuffix(" from") || lower.hasSuffix(" says") || lower.hasSuffix(" said")
        {
            return false
        }
        if lower.contains(".com") || lower.contains(".net") || lower.contains(".org") { return false }
        if authorBoxLabels.contains(lower) || placeholderNames.contains(lower) { return false }
        if piece.contains(where: { $0.isNumber }) { return false }
        let words = piece.split(separator: " ")
        if words.count > 7 { return false }
        // A user name ("jane.doe") or a phrase ("Learn about our") rather than a name.
        if !stated, words.count == 1, piece.contains("."), piece.first?.isLowercase == true { return false }
        let lowercaseWords = words.filter { word in word.first?.isLowercase == true && !particles.contains(String(word)) }.count
        if words.count >= 2, lowercaseWords * 2 > words.count, !stated || words.count > 3 { return false }
        for word in interfaceWords + (allowingRoles ? [] : roleWords)
        where lower == word || lower.hasPrefix(word + " ") || lower.hasSuffix(" " + word) {
            return false
        }
        // A team's byline ends in "Team", never in one person's role: "Jane Doe Writer" is a
        // person whose role ran into her name.
        if allowingRoles, personRoleWords.contains(where: { lower == $0 || lower.hasSuffix(" " + $0) }) { return false }
        if BylineMatcher.containsDate(lower) { return false }
        return piece.contains { $0.isLetter }
    }

    /// Words of a job title, never of a name ("Co-Founder", "Head of Marketing", "Digital
    /// Security Expert"), and the labels of an author box ("About the Author").
    private static let titleWords: Set<String> = [
        "expert", "founder", "co-founder", "cofounder", "ceo", "cto", "cfo", "coo", "director", "manager", "consultant", "specialist",
        "officer", "president", "attorney", "professor", "analyst", "strategist", "engineer", "scientist", "researcher", "authors",
        "editors",
    ]

    /// What a CMS writes where no author was set: its default account ("admin") or an empty
    /// template value ("undefined"); and a byline's label left without its name ("By").
    private static let placeholderNames: Set<String> = ["admin", "administrator", "webmaster", "undefined", "null", "none", "user", "by"]

    /// An author box's headings, which sit where a name would.
    private static let authorBoxLabels: Set<String> = ["the author", "about the author", "author", "authors", "about author"]

    /// Whether a piece of a byline is a job title or an author box's label, not a name.
    static func isJobTitle(_ piece: String) -> Bool {
        let words = piece.lowercased().split(whereSeparator: { $0 == " " || $0 == "." })
        if words.contains(where: { titleWords.contains(String($0)) }) { return true }
        if words.first == "head", words.dropFirst().first == "of" { return true }
        return words.last == "author" && (words.first == "the" || words.first == "about")
    }

    /// Whether a clean name is a team's or desk's byline ("News Desk"), not a person's.
    static func isTeamByline(_ name: String) -> Bool { !isPlausibleName(name) }

    /// Letters and digits only, lower case: for comparing names.
    static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
