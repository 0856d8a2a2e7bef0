/// An entry whose content and summary HTML is not yet made safe: what the parser hands over when
/// asked to leave that work for later (`FeedParser.parseUnfinished(_:baseURL:contentType:onEntry:)`),
/// so that it can be done on another thread while the parser reads on. `finished()` gives the
/// entry exactly as `FeedParser.parse(_:baseURL:contentType:onEntry:)` would have.
public struct UnfinishedEntry: Sendable {
    var entry: FeedEntry
    var summary: PendingMarkup?
    var content: PendingMarkup?

    /// An entry with nothing left to do but its derived id.
    init(_ entry: FeedEntry, summary: PendingMarkup? = nil, content: PendingMarkup? = nil) {
        self.entry = entry
        self.summary = summary
        self.content = content
    }

    /// The entry, its markup sanitized and its id derived when the feed gave none.
    public consuming func finished() -> FeedEntry {
        if let summary { entry.summary?.value = summary.finished() }
        if let content { entry.content?.value = content.finished() }
        entry.assignDerivedIDIfMissing()
        return entry
    }
}

/// HTML text kept as the document gave it, with what its cleaning needs: relative URIs resolved
/// against `base`, then the sanitizer, then the text repairs every value gets.
struct PendingMarkup: Sendable {
    var html: String
    var mode: HTMLMarkupMode
    var base: String?
    /// Whether the document was UTF-8 (only then can text be UTF-8 misread as Latin-1).
    var repairsDoubleEncoding: Bool

    /// Whether an entry's value of `key` may wait for its markup: the content and the summary
    /// (`description` in RSS), the large ones.
    static func waits(_ key: String) -> Bool {
        key == "content" || key == "summary" || key == "description"
    }

    /// The safe, cleaned text.
    func finished() -> String {
        var output = html
        if let base, !base.isEmpty { output = HTMLURIResolver.resolve(output, base: base, mode: mode) }
        output = HTMLSanitizer.sanitize(output, mode: mode)
        return FeedDocumentHandler.repaired(output, doubleEncoding: repairsDoubleEncoding)
    }
}
