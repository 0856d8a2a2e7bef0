extension JSONWriter {
    /// Writes a text construct (`{"type","value","language","base","src"}`).
    public mutating func member(_ name: String, _ text: FeedText?) {
        guard let text else { return }
        beginObject(name)
        member("type", text.type)
        member("value", text.value)
        member("language", text.language)
        member("base", text.base)
        member("src", text.src)
        endObject()
    }

    /// Writes a date as `{"raw","utc"}`, `utc` null when the date could not be understood.
    public mutating func member(_ name: String, _ date: FeedDate?) {
        guard let date else { return }
        beginObject(name)
        member("raw", date.raw)
        if let utc = date.utcString { member("utc", utc) } else { nullMember("utc") }
        endObject()
    }

    mutating func links(_ name: String, _ links: [FeedLink]) {
        guard !links.isEmpty else { return }
        beginArray(name)
        for link in links {
            beginObject()
            member("href", link.href)
            member("rel", link.rel)
            member("type", link.type)
            member("title", link.title)
            member("length", link.length)
            member("hreflang", link.hreflang)
            endObject()
        }
        endArray()
    }

    mutating func people(_ name: String, _ people: [FeedPerson]) {
        guard !people.isEmpty else { return }
        beginArray(name)
        for person in people {
            beginObject()
            member("name", person.name)
            member("email", person.email)
            member("uri", person.uri)
            endObject()
        }
        endArray()
    }

    mutating func categories(_ categories: [FeedCategory]) {
        guard !categories.isEmpty else { return }
        beginArray("categories")
        for category in categories {
            beginObject()
            member("term", category.term)
            member("scheme", category.scheme)
            member("label", category.label)
            endObject()
        }
        endArray()
    }

    mutating func extensions(_ elements: [ExtensionElement]) {
        guard !elements.isEmpty else { return }
        beginArray("extensions")
        for element in elements { extensionElement(element) }
        endArray()
    }

    private mutating func extensionElement(_ element: ExtensionElement) {
        beginObject()
        member("namespace", element.namespaceURI)
        member("prefix", element.prefix)
        member("name", element.name)
        if !element.attributes.isEmpty {
            beginObject("attributes")
            for (key, value) in element.attributes.sorted(by: { $0.key < $1.key }) { member(key, value) }
            endObject()
        }
        if !element.text.isEmpty { member("text", element.text) }
        if !element.children.isEmpty {
            beginArray("children")
            for child in element.children { extensionElement(child) }
            endArray()
        }
        endObject()
    }

    /// Writes feed metadata as the `feed` member (or a source's).
    public mutating func member(_ name: String, _ feed: FeedMetadata?) {
        guard let feed else { return }
        beginObject(name)
        member("title", feed.title)
        member("subtitle", feed.subtitle)
        member("rights", feed.rights)
        member("id", feed.id)
        member("link", feed.link)
        links("links", feed.links)
        member("updated", feed.updated)
        member("published", feed.published)
        member("language", feed.language)
        people("authors", feed.authors)
        people("contributors", feed.contributors)
        categories(feed.categories)
        member("icon", feed.icon)
        member("logo", feed.logo)
        if let image = feed.image {
            beginObject("image")
            member("url", image.url)
            member("title", image.title)
            member("link", image.link)
            member("width", image.width)
            member("height", image.height)
            member("description", image.description)
            endObject()
        }
        if let generator = feed.generator {
            beginObject("generator")
            member("name", generator.name)
            member("uri", generator.uri)
            member("version", generator.version)
            endObject()
        }
        member("ttl", feed.ttl)
        if !feed.skipHours.isEmpty {
            beginArray("skipHours")
            for hour in feed.skipHours { value(hour) }
            endArray()
        }
        if !feed.skipDays.isEmpty {
            beginArray("skipDays")
            for day in feed.skipDays { value(day) }
            endArray()
        }
        member("docs", feed.docs)
        if let cloud = feed.cloud {
            beginObject("cloud")
            for (key, value) in cloud.sorted(by: { $0.key < $1.key }) { member(key, value) }
            endObject()
        }
        extensions(feed.extensions)
        endObject()
    }

    /// Writes one entry as an array element.
    public mutating func entry(_ entry: FeedEntry) {
        beginObject()
        member("id", entry.id)
        member("title", entry.title)
        member("subtitle", entry.subtitle)
        member("link", entry.link)
        links("links", entry.links)
        member("published", entry.published)
        member("updated", entry.updated)
        people("authors", entry.authors)
        people("contributors", entry.contributors)
        categories(entry.categories)
        member("summary", entry.summary)
        member("content", entry.content)
        if !entry.enclosures.isEmpty {
            beginArray("enclosures")
            for enclosure in entry.enclosures {
                beginObject()
                member("url", enclosure.url)
                member("type", enclosure.type)
                member("length", enclosure.length)
                endObject()
            }
            endArray()
        }
        member("comments", entry.comments)
        member("source", entry.source)
        member("rights", entry.rights)
        member("language", entry.language)
        if !entry.media.isEmpty {
            beginObject("media")
            if !entry.media.thumbnails.isEmpty {
                beginArray("thumbnails")
                for thumbnail in entry.media.thumbnails {
                    beginObject()
                    member("url", thumbnail.url)
                    member("width", thumbnail.width)
                    member("height", thumbnail.height)
                    member("time", thumbnail.time)
                    endObject()
                }
                endArray()
            }
            if !entry.media.content.isEmpty {
                beginArray("content")
                for item in entry.media.content {
                    beginObject()
                    for (key, value) in item.sorted(by: { $0.key < $1.key }) { member(key, value) }
                    endObject()
                }
                endArray()
            }
            if !entry.media.credits.isEmpty {
                beginArray("credits")
                for credit in entry.media.credits { value(credit) }
                endArray()
            }
            member("player", entry.media.player)
            endObject()
        }
        if let location = entry.location {
            beginObject("location")
            member("type", location.type)
            beginArray("coordinates")
            if location.type == "Point", let point = location.coordinates.first {
                for number in point { value(number) }
            } else if location.type == "Polygon" {
                beginArray()
                for position in location.coordinates {
                    beginArray()
                    for number in position { value(number) }
                    endArray()
                }
                endArray()
            } else {
                for position in location.coordinates {
                    beginArray()
                    for number in position { value(number) }
                    endArray()
                }
            }
            endArray()
            endObject()
        }
        extensions(entry.extensions)
        endObject()
    }

    /// Writes the document-level members of a parse result (all but `entries`).
    public mutating func documentMembers(_ result: ParsedFeed) {
        if result.format != .unknown { member("format", result.format.rawValue) }
        member("encoding", result.encoding)
        member("wellFormed", result.wellFormed)
        beginArray("warnings")
        for warning in result.warnings {
            beginObject()
            member("code", warning.code)
            member("message", warning.message)
            member("line", warning.line)
            member("column", warning.column)
            endObject()
        }
        endArray()
        member("feed", result.feed)
    }
}
