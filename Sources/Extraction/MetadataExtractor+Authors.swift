extension MetadataExtractor {
    /// The authors: JSON-LD people, then `twitter:label` pairs and `<meta>` names, then a byline
    /// line in the article's header, then byline elements near the article (without the site's
    /// name), then an explicit "Written by" anywhere, and last an organization JSON-LD credits
    /// as the author.
    ///
    /// A source that names only a team or desk ("The Upwork Team", "News Desk"), or the site's
    /// own name, is remembered and the later ones are still asked: a person they name is the
    /// author. The team (or the site, on a personal site) is the author when none does.
    func authors(content: Int?, header: Range<Int>?, siteName: String?) -> [String] {
        // The first team or site name a source gave, for when no source names a person.
        var teamOrSite: [String] = []
        let site = siteName.map(AuthorCleaner.normalized) ?? ""
        /// The names, unless they are none, or only teams and the site's name (then remembered,
        /// if they are the first).
        func people(_ names: [String]) -> [String]? {
            guard !names.isEmpty else { return nil }
            guard names.allSatisfy({ AuthorCleaner.isTeamByline($0) || (!site.isEmpty && AuthorCleaner.normalized($0) == site) }) else {
                return names
            }
            if teamOrSite.isEmpty { teamOrSite = names }
            return nil
        }
        if let jsonLD, !jsonLD.authors.isEmpty, let names = people(AuthorCleaner.clean(jsonLD.authors, siteName: nil, stated: true)) {
            return names
        }
        if let names = twitterLabelAuthors().flatMap(people) { return names }
        for key in Self.authorKeys {
            var values = (signals.metaAll[key] ?? []).filter { !$0.lowercased().hasPrefix("http") && !$0.hasPrefix("@") }
            if key == "citation_author" { values = values.map(Self.citationName) }
            if !values.isEmpty, let names = people(AuthorCleaner.clean(values, siteName: nil, stated: true)) { return names }
        }
        let tree = analysis.tree
        if let content, let line = bylineLine(near: content, header: header),
            let names = people(AuthorCleaner.clean([line], siteName: siteName))
        {
            return names
        }
        var raws: [String] = []
        // The author's photo in a byline or author box, by its `alt`: after the text bylines.
        var photoNames: [String] = []
        for element in signals.bylineElements where !analysis.invisible[element] && !isInFormOrComments(element) {
            if let content, tree.isInside(element, content) == false, isFarFrom(element, content, header: header) { continue }
            if tree.names[element] == "img" {
                if photoNames.count < 3, let name = Self.photoName(tree.attribute("alt", of: element) ?? "") { photoNames.append(name) }
                continue
            }
            var text: String
            if let nameNode = (element..<Int(tree.ends[element])).first(where: {
                tree.kinds[$0] == .element && tree.attribute("itemprop", of: $0)?.lowercased() == "name"
            }) {
                text = tree.attribute("content", of: nameNode) ?? tree.text(of: nameNode)
            } else {
                text = tree.attribute("content", of: element) ?? tree.text(of: element)
            }
            text = text.trimmingSpaces()
            if text.isEmpty || text.count > 120 { continue }
            raws.append(text)
            if raws.count >= 3 { break }
        }
        if let names = people(AuthorCleaner.clean(raws, siteName: siteName)) { return names }
        if let names = people(AuthorCleaner.clean(photoNames, siteName: siteName)) { return names }
        if let content, let line = writtenByLine(content: content), let names = people(AuthorCleaner.clean([line], siteName: siteName)) {
            return names
        }
        if !teamOrSite.isEmpty { return teamOrSite }
        return AuthorCleaner.clean(jsonLD?.organizationAuthors ?? [], siteName: nil, stated: true)
    }

    /// The name an author photo's `alt` gives ("Lauren Vetter", "Profile photo of author Brian
    /// Becker"), or nil for a logo's or a description's.
    static func photoName(_ alt: String) -> String? {
        var text = alt.trimmingSpaces()
        let lower = text.lowercased()
        guard !text.isEmpty, text.count <= 60, !lower.contains("logo") else { return nil }
        for prefix in ["profile photo of author ", "profile photo of ", "a headshot of ", "headshot of ", "photo of ", "picture of ", "image of "]
        where lower.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        for suffix in [" headshot", " photo", " avatar", " image", " profile picture"] where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            break
        }
        return text.isEmpty ? nil : text
    }

    /// Whether a byline candidate sits in a form (a comment form's "Name" field is classed
    /// `comment-form-author`) or in the readers' comments (`comment-author` names a reader).
    private func isInFormOrComments(_ element: Int) -> Bool {
        let tree = analysis.tree
        var current = element
        while current >= 0 {
            if tree.names[current] == "form" || BoilerplateFilter.isCommentSection(current, in: tree) { return true }
            current = Int(tree.parents[current])
        }
        return false
    }

    /// A `citation_author` value names one person, usually as "Last, First" (the scholarly
    /// metadata convention of Highwire Press and Google Scholar): "Roy, Aniruddha" is
    /// "Aniruddha Roy". A value with no comma, several, or a suffix or degree after it
    /// ("Smith, Jr.", "Lee, PhD") is left as written.
    static func citationName(_ value: String) -> String {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return value }
        let last = parts[0].trimmingSpaces()
        let first = parts[1].trimmingSpaces()
        guard last.contains(where: \.isLetter), first.contains(where: \.isLetter), !first.contains(where: \.isNumber),
            !citationSuffixes.contains(first.lowercased().filter { $0 != "." })
        else { return value }
        return first + " " + last
    }

    private static let citationSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "msc", "ma", "bsc", "rn", "dds"]

    private static let bylineLabels: Set<String> = ["by", "written by", "author", "authors", "words by", "posted by", "story by", "authored by"]
    private static let bylinePrefixes: [String] = ["by ", "by: ", "written by ", "words by ", "posted by ", "story by ", "authored by "]

    /// Authors from `twitter:label1` "Written by" + `twitter:data1` pairs.
    private func twitterLabelAuthors() -> [String]? {
        for pair in [("twitter:label1", "twitter:data1"), ("twitter:label2", "twitter:data2")] {
            guard let label = signals.meta[pair.0], label.lowercased().hasPrefix("written by"), let value = signals.meta[pair.1] else { continue }
            let names = AuthorCleaner.clean([value], siteName: nil, stated: true)
            if !names.isEmpty { return names }
        }
        return nil
    }

    /// A short "By Jane Doe" line in the article's header or near the top of the article; a
    /// lone "Written by" label takes the name from its parent or its next element.
    private func bylineLine(near content: Int, header: Range<Int>?) -> String? {
        let tree = analysis.tree
        var scope = content
        for _ in 0..<4 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
        let start = min(scope, header?.lowerBound ?? scope)
        return bylineLine(in: start..<max(Int(tree.ends[scope]), header?.upperBound ?? 0), content: content, limit: 300, writtenByOnly: false)
    }

    /// A "Written by Jane Doe" line anywhere on the page (an author box after the article, a
    /// sidebar beside it): only the explicit label, never a bare "By".
    private func writtenByLine(content: Int) -> String? {
        bylineLine(in: 0..<analysis.tree.count, content: content, limit: 5000, writtenByOnly: true)
    }

    /// The first byline line among the nodes of `range`, looking at up to `limit` short
    /// elements (beyond the article's start each of its paragraphs counts as 50 of them, unless
    /// only "Written by" lines are wanted).
    private func bylineLine(in range: Range<Int>, content: Int, limit: Int, writtenByOnly: Bool) -> String? {
        let tree = analysis.tree
        var index = range.lowerBound
        let end = range.upperBound
        var checked = 0
        while index < end, checked < limit {
            if analysis.invisible[index] || (tree.kinds[index] == .element && Self.isNavigation(index, in: analysis)) {
                index = max(index + 1, Int(tree.ends[index]))
                continue
            }
            if tree.kinds[index] == .element, analysis.ownText[index] >= 2, analysis.textLength[index] < 100 {
                checked += 1
                var text: String = tree.text(of: index)
                var lower: String = text.lowercased()
                let label = lower.trimmingCharacters(in: ": ")
                if Self.bylineLabels.contains(label) {
                    let parent = Int(tree.parents[index])
                    let next = Int(tree.ends[index])
                    if parent >= 0, analysis.textLength[parent] < 100, analysis.textLength[parent] > analysis.textLength[index] {
                        text = tree.text(of: parent)
                    } else if next < tree.count, tree.kinds[next] == .element, tree.parents[next] == tree.parents[index],
                        analysis.textLength[next] > 2, analysis.textLength[next] < 60
                    {
                        text = "By " + tree.text(of: next)
                    }
                    lower = text.lowercased()
                    if lower.hasPrefix("author") { text = "By " + text.drop { $0 != " " }.trimmingSpaces() }
                    lower = text.lowercased()
                }
                if text.count < 100, let prefix = Self.bylinePrefixes.first(where: { lower.hasPrefix($0) }),
                    !writtenByOnly || prefix == "written by "
                {
                    // The name after the label ("Written by Edzel Tabing") starts with a capital.
                    let rest: String = String(text.dropFirst(prefix.count)).trimmingSpaces()
                    let named = rest.first?.isUppercase ?? false
                    if named { return text }
                }
            }
            if !writtenByOnly, index > content, tree.names[index] == "p", analysis.goodLength[index] > 0 { checked += 50 }
            index += 1
        }
        return nil
    }

    /// Whether an element is a navigation block or menu (whose "By topic" entries are no bylines).
    private static func isNavigation(_ node: Int, in analysis: PageAnalysis) -> Bool {
        let name = analysis.tree.names[node]
        return name == "nav" || name == "menu" || (name == "ul" && analysis.linkDensity(node) > 0.8)
    }

    /// Whether an element lies outside the article's neighbourhood (related-story bylines).
    private func isFarFrom(_ element: Int, _ content: Int, header: Range<Int>?) -> Bool {
        if let header, header.contains(element) { return false }
        let tree = analysis.tree
        var scope = content
        for _ in 0..<3 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
        return !tree.isInside(element, scope)
    }
}
