/// Tells articles from index pages (home, section and tag pages) and lists an index's article links.
enum PageClassifier {
    private static let nonArticleSegments: Set<String> = [
        "tag", "tags", "category", "categories", "author", "authors", "about", "about-us", "contact", "contact-us", "privacy",
        "privacy-policy", "terms", "login", "signin", "register", "search", "subscribe", "newsletter", "newsletters", "account",
        "cookie-policy", "cookies", "feed", "rss", "topics", "topic", "section", "page", "help", "faq", "careers", "jobs",
        "advertise", "shop", "store", "cart", "wp-login.php", "sitemap", "archive", "archives",
    ]

    /// The page's type from its text, links and declared type.
    static func classify(wordCount: Int, articleLinks: Int, declaredArticle: Bool) -> ExtractedPage.PageType {
        if declaredArticle && wordCount >= 80 { return .article }
        if articleLinks >= 8 && wordCount < max(250, articleLinks * 12) { return .index }
        if wordCount >= 150 { return .article }
        if articleLinks >= 4 { return .index }
        return wordCount >= 60 ? .article : .other
    }

    /// The page's links to article-like URLs on the same site, in page order, deduplicated,
    /// leaving out navigation, footers and the page itself.
    static func articleLinks(in analysis: PageAnalysis, resolver: URLResolver, pageURL: String?) -> [PageLink] {
        let tree = analysis.tree
        let pageHost = pageURL.flatMap { URLResolver.host(of: $0) }
        let pageKey = pageURL.map(normalizedKey)
        // A page read from a local file (a sample or an archived page) may link to other local files.
        let localPage = pageURL?.hasPrefix("file:") == true
        var seen: Set<String> = []
        var result: [PageLink] = []
        for index in 0..<tree.count where tree.kinds[index] == .element && tree.names[index] == "a" {
            guard !analysis.invisible[index], let href = tree.attribute("href", of: index) else { continue }
            if analysis.furniture[index] {
                let name = furnitureName(of: index, in: analysis)
                if name == "nav" || name == "footer" || name == "header" || name == "aside" { continue }
            }
            var title = tree.text(of: index)
            if title.count < 12, let attribute = tree.attribute("title", of: index) { title = TextBuilder.collapse(attribute) }
            guard title.count >= 12, title.split(separator: " ").count >= 3 else { continue }
            guard let url = resolver.resolve(href), localPage ? url.hasPrefix("file:") : url.hasPrefix("http"),
                isArticleLike(url, pageHost: pageHost)
            else { continue }
            let key = normalizedKey(url)
            guard key != pageKey, !seen.contains(key) else { continue }
            seen.insert(key)
            result.append(PageLink(url: url, title: title))
        }
        return result
    }

    /// The nearest furniture element name above a node ("nav", "footer"…), or "" for hinted divs.
    private static func furnitureName(of node: Int, in analysis: PageAnalysis) -> String {
        let tree = analysis.tree
        var current = node
        while current >= 0 {
            let name = tree.names[current]
            if BoilerplateFilter.furnitureElements.contains(name) { return name }
            let role = tree.attribute("role", of: current)?.lowercased()
            if role == "navigation" { return "nav" }
            if role == "contentinfo" { return "footer" }
            current = Int(tree.parents[current])
        }
        return ""
    }

    /// Whether a URL looks like an article on the page's site: a slug of several words, a long
    /// numeric id or a date in its path, and no listing or service segment.
    static func isArticleLike(_ url: String, pageHost: String?) -> Bool {
        if url.hasPrefix("file:") {
            guard pageHost == nil else { return false }
        } else {
            guard let host = URLResolver.host(of: url) else { return false }
            if let pageHost, !(host == pageHost || host.hasSuffix("." + pageHost) || pageHost.hasSuffix("." + host)) { return false }
        }
        guard let pathStart = url.range(of: "://").flatMap({ url[$0.upperBound...].firstIndex(of: "/") }) else { return false }
        var path = String(url[pathStart...])
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        let segments = path.lowercased().split(separator: "/").map(String.init)
        guard !segments.isEmpty else { return false }
        if segments.contains(where: { nonArticleSegments.contains($0) }) { return false }
        if let last = segments.last, [".jpg", ".png", ".pdf", ".gif", ".xml", ".css", ".js"].contains(where: { last.hasSuffix($0) }) { return false }
        for segment in segments {
            if segment.split(separator: "-").count >= 3 || segment.split(separator: "_").count >= 3 { return true }
            if segment.count >= 5, segment.filter(\.isNumber).count >= 5 { return true }
        }
        return MetadataExtractor.dateInURL(url) != nil
    }

    private static func normalizedKey(_ url: String) -> String {
        var key = url
        if let hash = key.firstIndex(of: "#") { key = String(key[..<hash]) }
        if key.hasSuffix("/") { key.removeLast() }
        return key.replacingOccurrences(of: "://www.", with: "://").replacingOccurrences(of: "http://", with: "https://")
    }
}
