import LibXML

/// Chooses the headline: the page's `<h1>` when it agrees with the metadata titles, else the
/// best metadata title without its " | Site" / " - Site" suffix or "Site: " prefix.
enum TitleCleaner {
    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " ~ ", " |", "| "]

    /// The headline from the candidates (any may be nil).
    static func choose(heading: String?, openGraph: String?, jsonLD: String?, twitter: String?, document: String?, siteName: String?, host: String?)
        -> String?
    {
        let metaTitles = [openGraph, jsonLD, twitter, document].compactMap { $0 }.filter { !$0.isEmpty }
        // Some sites print the site's name or a section's after the headline in the <h1> too
        // ("… – Artlyst", "… | Opinion"): it goes as it goes from a metadata title.
        let heading = heading.map { stripSite($0, siteName: siteName, host: host) }.flatMap { $0.isEmpty ? nil : $0 }
        if let heading, heading.count >= 4 {
            let key = AuthorCleaner.normalized(heading)
            for candidate in metaTitles {
                let other = AuthorCleaner.normalized(candidate)
                if !key.isEmpty, other.contains(key) || key.contains(other) && other.count * 10 >= key.count * 7 { return heading }
            }
            if metaTitles.isEmpty { return heading }
            if tokenOverlap(heading, metaTitles[0]) >= 0.7 { return heading }
            // The headline readers see, written for them rather than for search results and
            // social cards ("Top 10 Health and Nutrition Trends to Watch" under the og:title
            // "Health And Nutrition Trends For 2026"): a sentence-like heading of five words or
            // more that shares a third of its words with a metadata title. Shorter or
            // capitalized headings ("Blog", "Menu", "SUPPORTING GAAP COMPLIANCE") are section
            // names more often than headlines.
            if heading.split(separator: " ").count >= 5, heading.uppercased() != heading,
                metaTitles.contains(where: { tokenOverlap(heading, $0) >= 0.3 })
            {
                return heading
            }
        }
        for candidate in metaTitles {
            let stripped = stripSite(candidate, siteName: siteName, host: host)
            if !stripped.isEmpty { return stripped }
        }
        return heading
    }

    /// A title without a leading or trailing site name.
    static func stripSite(_ title: String, siteName: String?, host: String?) -> String {
        var text = TextBuilder.collapse(title)
        let siteKey = siteName.map(AuthorCleaner.normalized) ?? ""
        let hostKey = host.map { AuthorCleaner.normalized($0.split(separator: ".").dropLast().joined()) } ?? ""
        func isSite(_ segment: String) -> Bool {
            let key = AuthorCleaner.normalized(segment)
            guard !key.isEmpty else { return true }
            if !siteKey.isEmpty, key == siteKey || siteKey.contains(key) || key.contains(siteKey) { return true }
            if !hostKey.isEmpty, key == hostKey || hostKey.contains(key) || key.contains(hostKey) { return true }
            return false
        }
        for _ in 0..<3 {
            var changed = false
            for separator in separators {
                if let range = ByteSearch.range(of: separator, in: text, backwards: true) {
                    let head = String(text[..<range.lowerBound]).trimmingSpaces()
                    let tail = String(text[range.upperBound...]).trimmingSpaces()
                    if head.isEmpty { continue }
                    let tailWords = tail.split(separator: " ").count
                    if isSite(tail) || (tailWords <= 3 && head.count > tail.count * 2 && separator.contains("|")) {
                        text = head
                        changed = true
                        break
                    }
                }
                if let range = ByteSearch.range(of: separator, in: text) {
                    let head = String(text[..<range.lowerBound]).trimmingSpaces()
                    let tail = String(text[range.upperBound...]).trimmingSpaces()
                    if !tail.isEmpty, isSite(head) {
                        text = tail
                        changed = true
                        break
                    }
                }
            }
            if !changed { break }
        }
        return text
    }

    /// Share of `a`'s words that occur in `b`.
    static func tokenOverlap(_ a: String, _ b: String) -> Double {
        let wordsA = a.lowercased().split { !$0.isLetter && !$0.isNumber }
        let wordsB = Set(b.lowercased().split { !$0.isLetter && !$0.isNumber })
        guard !wordsA.isEmpty else { return 0 }
        return Double(wordsA.filter { wordsB.contains($0) }.count) / Double(wordsA.count)
    }
}
