import LibXML

/// Turns a web page into its article: main text and HTML, metadata, page type, feeds and, for
/// index pages, the article links.
public enum ArticleExtractor {
    /// Pages larger than this are cut before parsing (bounded time and memory).
    public static let maximumBytes = 24 * 1024 * 1024

    /// Extracts the article of a page.
    /// - Parameters:
    ///   - bytes: the page as fetched.
    ///   - url: where the page lives (resolves relative links; without it they resolve against
    ///     the page's canonical URL, or stay relative).
    ///   - contentType: the HTTP Content-Type header, whose charset takes precedence.
    ///   - listing: the caller knows the page lists articles (a configured index source): its
    ///     article links are collected even when there are few of them.
    /// - Returns: the extracted page; never fails (broken or empty input gives an empty page).
    public static func extract(_ bytes: [UInt8], url: String? = nil, contentType: String? = nil, listing: Bool = false) -> ExtractedPage {
        let tree = parse(bytes, contentType: contentType)
        let analysis = PageAnalysis(tree: tree)
        let signals = PageSignals(analysis: analysis)
        let jsonLD = JSONLDReader.read(signals.jsonLD)

        // Base URL: the given URL, else the canonical one; then <base href>.
        let canonicalHint = signals.links.first(where: { $0.rel.split(separator: " ").contains("canonical") })?.href ?? signals.meta["og:url"]
        var baseURL = url ?? canonicalHint.flatMap { $0.hasPrefix("http") ? $0 : nil }
        if let baseHref = signals.baseHref, let resolved = URLResolver(base: baseURL).resolve(baseHref), resolved.hasPrefix("http") {
            baseURL = resolved
        }
        let resolver = URLResolver(base: baseURL)

        let content = ContentScorer.bestContainer(in: analysis, articleBodyHint: jsonLD?.articleBody)
        let metadataExtractor = MetadataExtractor(analysis: analysis, signals: signals, jsonLD: jsonLD, resolver: resolver, pageURL: url)
        var metadata = metadataExtractor.extract(content: content)
        // Metadata comes from attributes and JSON-LD, which the page tree's repair of misread
        // text does not see; repaired here, before the renderer compares the title and authors
        // with the article's text.
        metadata.title = metadata.title.map(UTF8Check.repairingMisreadText)
        metadata.authors = metadata.authors.map(UTF8Check.repairingMisreadText)
        metadata.description = metadata.description.map(UTF8Check.repairingMisreadText)

        var page = ExtractedPage()
        page.canonicalURL = metadata.canonicalURL
        page.url = url ?? metadata.canonicalURL
        page.title = metadata.title
        page.authors = metadata.authors
        page.published = metadata.published
        page.modified = metadata.modified
        page.language = metadata.language
        page.siteName = metadata.siteName
        page.description = metadata.description
        page.image = metadata.image
        if let content {
            let renderer = ArticleRenderer(analysis: analysis, resolver: resolver, authors: metadata.authors, title: metadata.title)
            let output = renderer.render(content)
            page.text = output.paragraphs.joined(separator: "\n\n")
            page.html = output.html
        }
        page.wordCount = Self.wordCount(of: page.text)
        page.feeds = FeedDiscovery.feeds(in: signals, resolver: resolver)
        let declared = (jsonLD?.isArticle ?? false) || signals.meta["og:type"]?.lowercased() == "article"
        // Long declared articles need no link census.
        let mayBeIndex = listing || (!(declared && page.wordCount >= 80) && page.wordCount < 3_000)
        let links = mayBeIndex ? PageClassifier.articleLinks(in: analysis, resolver: resolver, pageURL: page.url) : []
        page.pageType = PageClassifier.classify(wordCount: page.wordCount, articleLinks: links.count, declaredArticle: declared)
        if listing && !links.isEmpty { page.pageType = .index }
        if page.pageType == .index { page.links = links }
        return page
    }

    /// Decodes and parses the page into a compact tree (empty for unparsable input).
    static func parse(_ bytes: [UInt8], contentType: String?) -> PageTree {
        var input = bytes.count > maximumBytes ? Array(bytes.prefix(maximumBytes)) : bytes
        let decision = CharsetSniffer.decide(input, contentType: contentType)
        var encoding = decision.name
        if let bom = CharsetSniffer.byteOrderMark(input), bom.name == decision.name { input.removeFirst(bom.length) }
        if encoding == "windows-1252" {
            input = UTF8Check.decodeWindows1252(input)
            encoding = "UTF-8"
        } else if encoding == "UTF-8", !UTF8Check.isValid(input) {
            input = Array(String(decoding: input, as: UTF8.self).utf8)
        }
        // NUL bytes end libxml2's input early; drop them.
        if !encoding.hasPrefix("UTF-16"), input.withUnsafeBufferPointer({ ByteScan.index(of: 0, in: $0, from: 0) < $0.count }) {
            input.removeAll { $0 == 0 }
        }
        return PageTree(html: input, encoding: encoding)
    }
}

extension ArticleExtractor {
    /// Runs of bytes between spaces and line breaks: the words of rendered text, whose
    /// paragraphs are joined by blank lines and whose white space is already collapsed.
    /// Read on the UTF-8 bytes; splitting the `String` by `Character` cost 3% of an extraction.
    static func wordCount(of text: String) -> Int {
        var count = 0
        var inWord = false
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x20 || byte == 0x0A {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
        }
        return count
    }
}
