/// Kind of a configured source.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    /// An RSS, Atom or JSON feed.
    case feed
    /// A single web page that is itself the article.
    case page
    /// A web page that lists article links, each fetched as a page.
    case index
}
