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
        let headlineNode = headline(near: content, siteName: result.siteName)
        let heading = headlineNode.map { tree.text(of: $0, leaving: Self.leftOutOfHeadlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let host = (pageURL ?? result.canonicalURL).flatMap { URLResolver.host(of: $0) }
        result.title = TitleCleaner.choose(
            heading: heading, openGraph: signals.meta["og:title"], jsonLD: jsonLD?.headline, twitter: signals.meta["twitter:title"],
            document: signals.documentTitle, siteName: result.siteName, host: host)
        // Dates.
        let header = headerRange(content: content, headline: headlineNode)
        result.published = publishedDate(content: content, header: header, headline: headlineNode, canonical: result.canonicalURL)
        if let modified = jsonLD?.dateModified ?? signals.firstMeta(Self.modifiedKeys) { result.modified = DateNormalizer.normalize(modified) }
        // Authors.
        result.authors = authors(content: content, header: header, siteName: result.siteName)
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

    /// The first visible `<h1>`, preferring one inside or just before the article; never the
    /// site's own name that many themes set as the page's first `<h1>`.
    private func headline(near content: Int?, siteName: String?) -> Int? {
        let tree = analysis.tree
        var candidates = signals.headings.filter { analysis.textLength[$0] > 0 && !isSiteLogo($0, siteName: siteName) }
        if let content {
            var scope = content
            for _ in 0..<4 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
            let near = candidates.filter { tree.isInside($0, scope) && !analysis.furniture[$0] }
            if !near.isEmpty { candidates = near }
        }
        return candidates.first
    }

    /// What a headline's text leaves out: a heading libxml2's HTML 4 rules nested in the `<h1>`
    /// (HTML5 closes the `<h1>` there; "Posted on June 3" under the title) and a date printed in
    /// it (`<h1><time>Dec 18 2025</time> Preparing a transition</h1>`).
    private static let leftOutOfHeadlines: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "time"]

    /// Whether an `<h1>` is the site's name rather than the page's headline: its text is the
    /// site's name, or it is one link to the site's home page ("/", or a URL of no path).
    private func isSiteLogo(_ heading: Int, siteName: String?) -> Bool {
        let tree = analysis.tree
        let text = AuthorCleaner.normalized(tree.text(of: heading))
        if let siteName, !text.isEmpty, text == AuthorCleaner.normalized(siteName) { return true }
        let links = (heading..<Int(tree.ends[heading])).filter { tree.kinds[$0] == .element && tree.names[$0] == "a" }
        guard links.count == 1, let link = links.first, AuthorCleaner.normalized(tree.text(of: link)) == text,
            let href = tree.attribute("href", of: link)?.trimmingSpaces()
        else { return false }
        if href == "/" { return true }
        guard let scheme = href.range(of: "://") else { return false }
        let path = href[scheme.upperBound...].drop { $0 != "/" }
        return path.isEmpty || path == "/"
    }
}
