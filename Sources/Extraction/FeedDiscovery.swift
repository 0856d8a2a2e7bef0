/// Finds the feeds a page announces with `<link rel="alternate">`: RSS, Atom and JSON Feed.
enum FeedDiscovery {
    /// Media types of feeds.
    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml", "application/rss",
        "application/x.atom+xml", "application/x-atom+xml", "text/xml+rss", "application/x-rss+xml",
    ]

    /// The absolute URLs of the announced feeds, in page order, without duplicates.
    static func feeds(in signals: PageSignals, resolver: URLResolver) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for link in signals.links {
            let rels = link.rel.split(separator: " ").map(String.init)
            guard rels.contains("alternate") || rels.contains("feed") else { continue }
            let type = link.type.split(separator: ";").first.map { $0.trimmingSpaces() } ?? ""
            let isFeed = feedTypes.contains(type) || (type == "application/json" && link.href.lowercased().contains("feed"))
            guard isFeed, let url = resolver.resolve(link.href), URLResolver.isSafe(url), !seen.contains(url) else { continue }
            seen.insert(url)
            result.append(url)
        }
        return result
    }
}
