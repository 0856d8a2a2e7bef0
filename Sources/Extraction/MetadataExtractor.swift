/// Resolves a page's metadata with a fixed precedence: JSON-LD, then OpenGraph and Twitter
/// cards, then `<meta>` names, microdata, `<time>` elements, byline text and finally the URL.
struct MetadataExtractor {
    /// The resolved metadata.
    struct Metadata: Sendable {
        var title: String?
        var authors: [String] = []
        var published: String?
        var modified: String?
        var language: String?
        var siteName: String?
        var description: String?
        var image: String?
        var canonicalURL: String?
    }

    let analysis: PageAnalysis
    let signals: PageSignals
    let jsonLD: JSONLDArticle?
    let resolver: URLResolver
    let pageURL: String?

    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "article:published", "published_time", "datepublished",
        "article.published", "publish-date", "publish_date", "publishdate", "pubdate", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "date",
        "citation_publication_date", "citation_date", "article_date_original", "original-publish-date", "og:published_time",
        "cxenseparse:recs:publishtime", "date_published", "released", "creation_date", "content_create_date", "pub_date",
    ]
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "article.updated",
        "lastmod", "dc.date.modified", "modified_time",
    ]
    static let authorKeys = [
        "author", "article:author_name", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
        "byl", "citation_author", "twitter:creator:name", "cxenseparse:author", "og:article:author",
    ]

    /// Resolves all fields; `content` is the chosen article container, if any.
    func extract(content: Int?) -> Metadata {
        var result = Metadata()
        let tree = analysis.tree
        result.siteName = signals.firstMeta(["og:site_name", "application-name", "twitter:app:name:iphone"]) ?? jsonLD?.publisher
        result.description = signals.firstMeta(["og:description", "description", "twitter:description"]) ?? jsonLD?.description
        if let image = jsonLD?.image ?? signals.firstMeta(["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]) {
            result.image = resolver.resolve(image)
        }
        if let canonical = signals.links.first(where: { $0.rel.split(separator: " ").contains("canonical") })?.href ?? signals.meta["og:url"] {
            result.canonicalURL = resolver.resolve(canonical)
        }
        result.language = language()
        // Title.
        let heading = headline(near: content)
        let host = (pageURL ?? result.canonicalURL).flatMap { URLResolver.host(of: $0) }
        result.title = TitleCleaner.choose(
            heading: heading, openGraph: signals.meta["og:title"], jsonLD: jsonLD?.headline, twitter: signals.meta["twitter:title"],
            document: signals.documentTitle, siteName: result.siteName, host: host)
        // Dates.
        result.published = publishedDate(content: content, canonical: result.canonicalURL)
        if let modified = jsonLD?.dateModified ?? signals.firstMeta(Self.modifiedKeys) { result.modified = DateNormalizer.normalize(modified) }
        // Authors.
        result.authors = authors(content: content, siteName: result.siteName)
        _ = tree
        return result
    }

    private func language() -> String? {
        let raw =
            signals.htmlLanguage ?? signals.meta["content-language"] ?? signals.meta["og:locale"] ?? jsonLD?.language ?? signals.meta["language"]
        guard let raw else { return nil }
        let tag = raw.trimmingSpaces().replacingOccurrences(of: "_", with: "-").split(separator: ",").first.map(String.init) ?? ""
        guard !tag.isEmpty, tag.count <= 20, tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
        let parts = tag.split(separator: "-")
        guard let first = parts.first else { return nil }
        var result = first.lowercased()
        for part in parts.dropFirst() { result += "-" + (part.count == 2 ? part.uppercased() : String(part)) }
        return result
    }

    /// The first visible `<h1>`, preferring one inside or just before the article.
    private func headline(near content: Int?) -> String? {
        let tree = analysis.tree
        var candidates = signals.headings.filter { analysis.textLength[$0] > 0 }
        if let content {
            var scope = content
            for _ in 0..<4 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
            let near = candidates.filter { tree.isInside($0, scope) && !analysis.furniture[$0] }
            if !near.isEmpty { candidates = near }
        }
        guard let first = candidates.first else { return nil }
        let text = tree.text(of: first)
        return text.isEmpty ? nil : text
    }

    private func publishedDate(content: Int?, canonical: String?) -> String? {
        if let jsonLD, jsonLD.isArticle, let raw = jsonLD.datePublished, let date = DateNormalizer.normalize(raw) { return date }
        for key in Self.publishedKeys {
            for value in signals.metaAll[key] ?? [] {
                if let date = DateNormalizer.normalize(value) { return date }
            }
        }
        if let raw = jsonLD?.datePublished, let date = DateNormalizer.normalize(raw) { return date }
        let tree = analysis.tree
        // Microdata and <time> elements, nearest the article first.
        var times = signals.timeElements
        if let content {
            var scope = content
            for _ in 0..<3 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
            let near = times.filter { tree.isInside($0, scope) }
            if !near.isEmpty { times = near }
        }
        for element in times {
            let cls = (tree.attribute("class", of: element) ?? "").lowercased()
            if cls.contains("modif") || cls.contains("updated") { continue }
            if let raw = tree.attribute("datetime", of: element) ?? tree.attribute("content", of: element), let date = DateNormalizer.normalize(raw) {
                return date
            }
            if let date = DateNormalizer.normalize(tree.text(of: element)) { return date }
        }
        // A dated byline near the top of the article.
        if let content, let date = bylineDate(near: content) { return date }
        if let date = Self.dateInURL(pageURL) ?? Self.dateInURL(canonical) { return date }
        // Last resort: the modification date, usually the day the page was written or revised.
        if let raw = jsonLD?.dateModified ?? signals.firstMeta(Self.modifiedKeys), let date = DateNormalizer.normalize(raw) { return date }
        return nil
    }

    /// A date written in a short line above the article's first paragraph ("Updated March 5, 2024").
    private func bylineDate(near content: Int) -> String? {
        let tree = analysis.tree
        var scope = content
        for _ in 0..<4 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
        var index = scope
        var checked = 0
        let end = Int(tree.ends[scope])
        while index < end, checked < 600 {
            if analysis.invisible[index] {
                index = Int(tree.ends[index])
                continue
            }
            if tree.kinds[index] == .element {
                let total = analysis.textLength[index]
                var text: String?
                if analysis.ownText[index] >= 4, analysis.ownText[index] < 90, total < 120 {
                    text = tree.text(of: index)
                } else if total >= 4, total < 80, let cls = tree.attribute("class", of: index)?.lowercased(),
                    ByteSearch.contains(cls, "date") || ByteSearch.contains(cls, "publish") || ByteSearch.contains(cls, "time")
                {
                    text = tree.text(of: index)
                }
                if let text {
                    checked += 1
                    let lower = text.lowercased()
                    if BylineMatcher.containsDate(lower), !lower.contains("©"), !lower.contains("copyright"),
                        let date = DateNormalizer.normalize(text)
                    {
                        return date
                    }
                }
                if index > content, tree.names[index] == "p", analysis.goodLength[index] > 0 { break }
            }
            index += 1
        }
        return nil
    }

    /// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD`) date in a URL path.
    static func dateInURL(_ url: String?) -> String? {
        guard let url else { return nil }
        let parts = url.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() where part.count == 4 {
            guard let year = Int(part), DateNormalizer.plausibleYears.contains(year), index + 2 < parts.count,
                let month = Int(parts[index + 1]), let day = Int(parts[index + 2].prefix(2)), parts[index + 1].count <= 2,
                parts[index + 2].prefix(2).allSatisfy(\.isNumber)
            else { continue }
            return DateNormalizer.normalize("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
        }
        for part in parts where part.count >= 10 {
            let prefix = String(part.prefix(10))
            if prefix.dropFirst(4).first == "-", let date = DateNormalizer.normalize(prefix), prefix.allSatisfy({ $0.isNumber || $0 == "-" }) {
                return date
            }
        }
        return nil
    }

    private func authors(content: Int?, siteName: String?) -> [String] {
        if let jsonLD, !jsonLD.authors.isEmpty {
            let names = AuthorCleaner.clean(jsonLD.authors, siteName: siteName)
            if !names.isEmpty { return names }
        }
        if let names = twitterLabelAuthors(siteName: siteName) { return names }
        for key in Self.authorKeys {
            let values = (signals.metaAll[key] ?? []).filter { !$0.lowercased().hasPrefix("http") && !$0.hasPrefix("@") }
            if !values.isEmpty {
                let names = AuthorCleaner.clean(values, siteName: siteName)
                if !names.isEmpty { return names }
            }
        }
        let tree = analysis.tree
        if let content, let line = bylineLine(near: content) {
            let names = AuthorCleaner.clean([line], siteName: siteName)
            if !names.isEmpty { return names }
        }
        var raws: [String] = []
        for element in signals.bylineElements where !analysis.invisible[element] {
            if let content, tree.isInside(element, content) == false, isFarFrom(element, content) { continue }
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
        let names = AuthorCleaner.clean(raws, siteName: siteName)
        if !names.isEmpty { return names }
        return []
    }

    private static let bylineLabels: Set<String> = ["by", "by:", "written by", "author:", "words by"]
    private static let bylinePrefixes: [String] = ["by ", "by: ", "written by ", "words by "]

    private static func isBylineStart(_ lower: String) -> Bool {
        bylinePrefixes.contains { lower.hasPrefix($0) }
    }

    /// Authors from `twitter:label1` "Written by" + `twitter:data1` pairs.
    private func twitterLabelAuthors(siteName: String?) -> [String]? {
        for pair in [("twitter:label1", "twitter:data1"), ("twitter:label2", "twitter:data2")] {
            guard let label = signals.meta[pair.0], label.lowercased().hasPrefix("written by"), let value = signals.meta[pair.1] else { continue }
            let names = AuthorCleaner.clean([value], siteName: siteName)
            if !names.isEmpty { return names }
        }
        return nil
    }

    /// A short "By Jane Doe" line near the top of the article.
    private func bylineLine(near content: Int) -> String? {
        let tree = analysis.tree
        var scope = content
        for _ in 0..<4 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
        var index = scope
        let end = Int(tree.ends[scope])
        var checked = 0
        while index < end, checked < 300 {
            if analysis.invisible[index] {
                index = Int(tree.ends[index])
                continue
            }
            if tree.kinds[index] == .element, analysis.ownText[index] >= 2, analysis.textLength[index] < 100 {
                checked += 1
                var text: String = tree.text(of: index)
                var lower: String = text.lowercased()
                let parent = Int(tree.parents[index])
                if Self.bylineLabels.contains(lower), parent >= 0, analysis.textLength[parent] < 100 {
                    text = tree.text(of: parent)
                    lower = text.lowercased()
                }
                if text.count < 100, Self.isBylineStart(lower) {
                    let rest: String = text.drop { $0 != " " }.trimmingSpaces()
                    let capitalized: Bool = rest.first?.isUppercase ?? false
                    if capitalized { return text }
                }
            }
            if index > content, tree.names[index] == "p", analysis.goodLength[index] > 0 { checked += 50 }
            index += 1
        }
        return nil
    }

    /// Whether an element lies outside the article's neighbourhood (related-story bylines).
    private func isFarFrom(_ element: Int, _ content: Int) -> Bool {
        let tree = analysis.tree
        var scope = content
        for _ in 0..<3 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
        return !tree.isInside(element, scope)
    }
}
