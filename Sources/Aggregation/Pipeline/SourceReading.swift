import Extraction
import Foundation
import LibXML
import Syndication

/// What reading one source gave.
struct SourceReading: Sendable {
    /// The kind it turned out to be.
    var kind: SourceSettings.Kind
    /// Its title (the feed's or the page's site name).
    var title: String?
    /// Articles, in document order.
    var drafts: [ArticleDraft]
    /// What the feed says about polling it.
    var hints: FetchHints
    /// Problems that did not stop reading (a follow-up page that failed, an ill-formed feed).
    var notes: [String]
}

/// Why a source's body could not be read as what it should be.
struct SourceReadError: Error, Sendable, CustomStringConvertible {
    var description: String
}

/// Reads a fetched body as a feed, an article page or an index page, fetching the pages it
/// needs (full text of teaser entries, the articles an index lists).
struct SourceReader: Sendable {
    let source: SourceSettings
    let fetcher: any Fetching
    let maxLinks: Int
    let userAgent: String?
    /// Article pages already stored for this source: an index link to one of them is not fetched again.
    let knownPages: @Sendable (String) async -> Bool

    func read(_ response: FetchResponse) async throws(SourceReadError) -> SourceReading {
        let url = response.finalURL.absoluteString
        switch source.kind {
        case .feed:
            return try readFeed(response.body, url: url, contentType: response.contentType, maxAge: response.maxAge, strict: true)
        case .page:
            return try await readPage(response.body, url: url, contentType: response.contentType, asIndex: false)
        case .index:
            return try await readPage(response.body, url: url, contentType: response.contentType, asIndex: true)
        case .auto:
            if Self.looksLikeFeed(response.body, contentType: response.contentType) {
                return try readFeed(response.body, url: url, contentType: response.contentType, maxAge: response.maxAge, strict: false)
            }
            return try await readPage(response.body, url: url, contentType: response.contentType, asIndex: nil)
        }
    }

    /// A cheap look at the first bytes: JSON, or XML whose root is a feed's.
    static func looksLikeFeed(_ body: [UInt8], contentType: String?) -> Bool {
        let type = contentType?.lowercased() ?? ""
        if type.contains("rss") || type.contains("atom") || type.contains("feed+json") || type.contains("rdf") { return true }
        let head = String(decoding: body.prefix(2048), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("{") { return head.contains("jsonfeed.org") }
        if head.contains("<html") || head.contains("<!doctype html") { return false }
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") || head.contains("<channel")
    }

    private func readFeed(_ body: [UInt8], url: String, contentType: String?, maxAge: Double?, strict: Bool) throws(SourceReadError)
        -> SourceReading
    {
        let parsed = FeedParser.parse(body, baseURL: url, contentType: contentType)
        guard parsed.format != .unknown else {
            let page = ArticleExtractor.extract(body, url: url, contentType: contentType)
            var reason = "not a feed"
            if Self.isHTML(body) { reason = "an HTML page instead of a feed" }
            if let feed = page.feeds.first { reason += " (the page links to the feed \(feed))" }
            throw SourceReadError(description: reason)
        }
        var notes: [String] = []
        if !parsed.wellFormed {
            let first = parsed.warnings.first.map { ": line \($0.line ?? 0): \($0.message)" } ?? ""
            notes.append("the feed is not well-formed XML, \(parsed.entries.count) entries recovered\(first)")
        }
        let drafts = parsed.entries.compactMap { draft(from: $0, feedLanguage: parsed.feed.language) }
        if !strict, parsed.entries.isEmpty, Self.isHTML(body) {
            throw SourceReadError(description: "an HTML page without articles")
        }
        let hints = FetchHints(
            ttlMinutes: parsed.feed.ttl, skipHours: Set(parsed.feed.skipHours), skipDays: Set(parsed.feed.skipDays), maxAge: maxAge)
        return SourceReading(kind: .feed, title: parsed.feed.title?.value, drafts: drafts, hints: hints, notes: notes)
    }

    private static func isHTML(_ body: [UInt8]) -> Bool {
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
    }

    private func draft(from entry: FeedEntry, feedLanguage: String?) -> ArticleDraft? {
        let html = entry.content?.value ?? entry.summary?.value ?? ""
        let isHTML = (entry.content ?? entry.summary)?.type != "text"
        let text = isHTML ? HTMLFragmentText.text(of: html) : HTMLFragmentText.collapse(html)
        let title = HTMLFragmentText.text(of: entry.title?.value ?? "")
        guard !title.isEmpty || !text.isEmpty else { return nil }
        let image =
            entry.media.thumbnails.first?.url
            ?? entry.enclosures.first { $0.type?.hasPrefix("image/") == true }?.url
        return ArticleDraft(
            entryID: entry.id ?? entry.derivedID ?? "urn:tributary:title:" + StableHash.hex([title, text]), url: entry.link, canonicalURL: nil,
            title: title.isEmpty ? String(text.prefix(80)) : title,
            authors: entry.authors.compactMap { $0.name ?? $0.email }, published: entry.published?.date,
            updated: entry.updated?.date, language: entry.language ?? feedLanguage, text: text,
            html: isHTML && !html.isEmpty ? html : nil, image: image)
    }

    /// Replaces teaser texts by the linked pages' articles (sources with `fullText`).
    func completeFullText(_ reading: SourceReading) async -> SourceReading {
        guard source.fullText, reading.kind == .feed else { return reading }
        var reading = reading
        for index in reading.drafts.indices {
            guard let link = reading.drafts[index].url else { continue }
            do {
                let response = try await fetcher.fetch(FetchRequest(url: link, kind: .page, userAgent: userAgent))
                let page = extract(response.body, url: response.finalURL.absoluteString, contentType: response.contentType)
                guard page.wordCount > 0, page.text.count > reading.drafts[index].text.count else { continue }
                reading.drafts[index].text = page.text
                reading.drafts[index].html = page.html
                reading.drafts[index].canonicalURL = page.canonicalURL
                if reading.drafts[index].authors.isEmpty { reading.drafts[index].authors = page.authors }
                if reading.drafts[index].image == nil { reading.drafts[index].image = page.image }
            } catch {
                reading.notes.append("full text of \(link): \(error)")
            }
        }
        return reading
    }

    private func readPage(_ body: [UInt8], url: String, contentType: String?, asIndex: Bool?) async throws(SourceReadError)
        -> SourceReading
    {
        let page = extract(body, url: url, contentType: contentType, listing: asIndex == true)
        let isIndex = asIndex ?? (page.pageType == .index)
        if !isIndex {
            guard let draft = Self.draft(from: page, url: url) else {
                throw SourceReadError(description: "no article found on the page")
            }
            return SourceReading(kind: .page, title: page.siteName, drafts: [draft], hints: FetchHints(), notes: [])
        }
        var drafts: [ArticleDraft] = []
        var notes: [String] = []
        for link in page.links.prefix(maxLinks) {
            if await knownPages(link.url) { continue }
            do {
                let response = try await fetcher.fetch(FetchRequest(url: link.url, kind: .page, userAgent: userAgent))
                let article = extract(response.body, url: response.finalURL.absoluteString, contentType: response.contentType)
                if let draft = Self.draft(from: article, url: link.url) {
                    drafts.append(draft)
                } else {
                    notes.append("\(link.url): no article found on the page")
                }
            } catch {
                notes.append("\(link.url): \(error)")
            }
        }
        if page.links.isEmpty { throw SourceReadError(description: "an index page without article links") }
        return SourceReading(kind: .index, title: page.siteName ?? page.title, drafts: drafts, hints: FetchHints(), notes: notes)
    }

    /// The page's article, with the configured selectors applied.
    private func extract(_ body: [UInt8], url: String, contentType: String?, listing: Bool = false) -> ExtractedPage {
        var page = ArticleExtractor.extract(body, url: url, contentType: contentType, listing: listing)
        guard let selectors = source.selectors, selectors.content != nil || selectors.title != nil,
            let document = try? MarkupDocument.parseHTML(body, encoding: "UTF-8", baseURL: url)
        else { return page }
        if let expression = selectors.content, let nodes = try? document.select(expression), !nodes.isEmpty {
            let html = nodes.map(\.outerMarkup).joined(separator: "\n")
            page.html = html
            page.text = HTMLFragmentText.text(of: html)
            page.wordCount = page.text.split(whereSeparator: \.isWhitespace).count
            page.pageType = .article
        }
        if let expression = selectors.title, let node = try? document.select(expression).first {
            page.title = HTMLFragmentText.collapse(node.textContent)
        }
        return page
    }

    private static func draft(from page: ExtractedPage, url: String) -> ArticleDraft? {
        guard page.wordCount > 0, let title = page.title ?? page.text.split(separator: "\n").first.map(String.init) else { return nil }
        return ArticleDraft(
            entryID: page.canonicalURL ?? page.url ?? url, url: page.url ?? url, canonicalURL: page.canonicalURL, title: title,
            authors: page.authors, published: page.published.flatMap { FeedDate.parse($0).date },
            updated: page.modified.flatMap { FeedDate.parse($0).date }, language: page.language, text: page.text,
            html: page.html.isEmpty ? nil : page.html, image: page.image)
    }
}
