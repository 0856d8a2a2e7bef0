import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the common model.
enum JSONFeedReader {
    /// True when the document is JSON rather than XML: a JSON media type, or a first
    /// non-blank character of `{`.
    static func looksLikeJSON(_ bytes: [UInt8], contentType: String?) -> Bool {
        if let type = contentType.flatMap(FeedEncodingDetector.mediaType(fromContentType:)),
            type == "application/feed+json" || type == "application/json"
        {
            return true
        }
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "{")
    }

    static func parse(_ bytes: [UInt8], baseURL: String?) -> ParsedFeed {
        var result = ParsedFeed()
        result.encoding = "utf-8"
        var data = Data(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            result.wellFormed = false
            result.warnings.append(FeedWarning(code: "NotWellFormed", message: "the document is not valid JSON"))
            return result
        }
        let version = root["version"] as? String ?? ""
        if version.hasSuffix("/1.1") {
            result.format = .jsonfeed11
        } else if version.hasSuffix("/1") || version.hasSuffix("/1.0") {
            result.format = .jsonfeed10
        } else {
            result.warnings.append(FeedWarning(code: "NotAFeed", message: "the JSON document has no JSON Feed version"))
            result.wellFormed = false
        }
        func url(_ value: Any?) -> String? {
            guard let string = value as? String, !string.isEmpty else { return nil }
            return URIResolution.join(base: baseURL, reference: string)
        }
        func people(_ object: [String: Any]) -> [FeedPerson] {
            var list: [[String: Any]] = (object["authors"] as? [[String: Any]]) ?? []
            if list.isEmpty, let single = object["author"] as? [String: Any] { list = [single] }
            return list.map { FeedPerson(name: $0["name"] as? String, uri: url($0["url"])) }.filter { !$0.isEmpty }
        }
        var feed = FeedMetadata()
        if let title = root["title"] as? String { feed.title = FeedText(type: "text", value: title) }
        if let description = root["description"] as? String { feed.subtitle = FeedText(type: "text", value: description) }
        feed.link = url(root["home_page_url"])
        if let link = feed.link { feed.links.append(FeedLink(href: link, rel: "alternate", type: "text/html")) }
        if let feedURL = url(root["feed_url"]) { feed.links.append(FeedLink(href: feedURL, rel: "self", type: "application/feed+json")) }
        feed.id = url(root["feed_url"])
        feed.icon = url(root["favicon"])
        feed.logo = url(root["icon"])
        feed.language = root["language"] as? String
        feed.authors = people(root)
        result.feed = feed
        for case let item as [String: Any] in (root["items"] as? [Any]) ?? [] {
            var entry = FeedEntry()
            entry.id = (item["id"] as? String) ?? (item["id"] as? NSNumber)?.stringValue
            if let title = item["title"] as? String { entry.title = FeedText(type: "text", value: title) }
            entry.link = url(item["url"])
            if let link = entry.link { entry.links.append(FeedLink(href: link, rel: "alternate", type: "text/html")) }
            if let external = url(item["external_url"]) { entry.links.append(FeedLink(href: external, rel: "related")) }
            if let html = item["content_html"] as? String {
                entry.content = FeedText(type: "html", value: HTMLSanitizer.sanitize(baseURL.map { HTMLURIResolver.resolve(html, base: $0) } ?? html))
            } else if let text = item["content_text"] as? String {
                entry.content = FeedText(type: "text", value: text)
            }
            if let summary = item["summary"] as? String { entry.summary = FeedText(type: "text", value: summary) }
            if let published = item["date_published"] as? String { entry.published = FeedDate.parse(published) }
            if let modified = item["date_modified"] as? String { entry.updated = FeedDate.parse(modified) }
            entry.authors = people(item)
            if entry.authors.isEmpty { entry.authors = feed.authors }
            for case let tag as String in (item["tags"] as? [Any]) ?? [] { entry.categories.append(FeedCategory(term: tag)) }
            entry.language = item["language"] as? String
            if let image = url(item["image"]) { entry.media.thumbnails.append(MediaThumbnail(url: image)) }
            for case let attachment as [String: Any] in (item["attachments"] as? [Any]) ?? [] {
                guard let attachmentURL = url(attachment["url"]) else { continue }
                let length = (attachment["size_in_bytes"] as? NSNumber)?.stringValue
                entry.enclosures.append(FeedEnclosure(url: attachmentURL, type: attachment["mime_type"] as? String, length: length))
                entry.links.append(FeedLink(href: attachmentURL, rel: "enclosure", type: attachment["mime_type"] as? String, length: length))
            }
            entry.assignDerivedIDIfMissing()
            result.entries.append(entry)
        }
        return result
    }
}
