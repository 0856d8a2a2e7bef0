import Foundation

/// Writes a JSON Feed 1.1 document from the same model the Atom writer takes, so a feed can
/// be published in both formats. Members are written in a fixed order: the same input gives
/// the same bytes.
public struct JSONFeedWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The JSON Feed 1.1 document; `feedURL` is where this JSON document is published.
    public func write(feed: FeedMetadata, entries: [FeedEntry], feedURL: String?) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("version", "https://jsonfeed.org/version/1.1")
        json.member("title", feed.title?.value ?? "")
        json.member("home_page_url", Self.alternate(of: feed.links) ?? feed.link)
        json.member("feed_url", feedURL)
        json.member("description", feed.subtitle?.value)
        json.member("icon", feed.logo)
        json.member("favicon", feed.icon)
        json.member("language", feed.language)
        writeAuthors(feed.authors, to: &json)
        json.beginArray("items")
        for entry in entries { writeItem(entry, to: &json) }
        json.endArray()
        json.endObject()
        return json.bytes
    }

    private func writeItem(_ entry: FeedEntry, to json: inout JSONWriter) {
        json.beginObject()
        json.member("id", entry.id ?? "")
        json.member("url", Self.alternate(of: entry.links) ?? entry.link)
        json.member("external_url", entry.links.first { $0.rel == "related" }?.href)
        json.member("title", entry.title?.value)
        if let content = entry.content, content.src == nil {
            if content.type == "text" {
                json.member("content_text", content.value)
            } else {
                json.member("content_html", content.value)
            }
        } else {
            json.member("content_text", entry.summary?.value ?? "")
        }
        json.member("summary", entry.summary?.value)
        json.member("image", entry.media.thumbnails.first?.url)
        json.member("date_published", entry.published?.date.map(AtomWriter.timestamp))
        json.member("date_modified", entry.updated?.date.map(AtomWriter.timestamp))
        writeAuthors(entry.authors, to: &json)
        let tags = entry.categories.compactMap { $0.label ?? $0.term }
        if !tags.isEmpty {
            json.beginArray("tags")
            for tag in tags { json.value(tag) }
            json.endArray()
        }
        json.member("language", entry.language)
        json.endObject()
    }

    private func writeAuthors(_ authors: [FeedPerson], to json: inout JSONWriter) {
        let named = authors.filter { $0.name != nil || $0.uri != nil }
        guard !named.isEmpty else { return }
        json.beginArray("authors")
        for author in named {
            json.beginObject()
            json.member("name", author.name)
            json.member("url", author.uri)
            json.endObject()
        }
        json.endArray()
    }

    private static func alternate(of links: [FeedLink]) -> String? {
        links.first { ($0.rel ?? "alternate") == "alternate" }?.href
    }
}
