/// The kind of feed document the validator recognised from its root element.
public enum FeedFormat: String, Sendable, Hashable {
    /// Atom 1.0 (RFC 4287): a `feed` or `entry` root.
    case atom10
    /// Atom 0.3 (obsolete namespace).
    case atom03
    /// RSS 2.0 (also 2.0.1).
    case rss20
    /// RSS 0.91.
    case rss091
    /// RSS 0.92 to 0.94.
    case rss092
    /// RSS 1.0 (RDF).
    case rss10
    /// RSS 0.90 (RDF, Netscape namespace).
    case rss090
    /// Not a feed this validator knows.
    case unknown
}
