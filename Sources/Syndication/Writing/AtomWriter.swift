public import Foundation
import LibXML

/// Writes an Atom 1.0 document (RFC 4287) from the feed model, well-formed by construction
/// (libxml2's writer). The same input always gives the same bytes.
///
/// What RFC 4287 requires and the model may lack is the caller's job, and is checked:
/// the feed and every entry need an `id`, a `title` and an `updated` date, and every entry
/// needs an author of its own or from the feed (``AtomWriterError``).
public struct AtomWriter: Sendable {
    /// Indentation per level (0 for none).
    public var indent: Int

    /// Creates a writer.
    public init(indent: Int = 2) {
        self.indent = indent
    }

    /// The Atom namespace.
    public static let namespace = "http://www.w3.org/2005/Atom"

    /// The document for `feed` with `entries` in the order given.
    public func write(feed: FeedMetadata, entries: [FeedEntry]) throws(AtomWriterError) -> [UInt8] {
        try Self.checkRequired(feed: feed, entries: entries)
        do {
            let writer = try XMLStreamWriter(indent: indent)
            try writer.startElement("feed", namespaceURI: Self.namespace)
            if let language = feed.language { try writer.attribute("xml:lang", language) }
            try writeHead(feed, to: writer)
            for entry in entries { try writeEntry(entry, to: writer) }
            try writer.endElement()
            return try writer.finish()
        } catch {
            throw AtomWriterError(message: "libxml2 writer: \(error)")
        }
    }

    private static func checkRequired(feed: FeedMetadata, entries: [FeedEntry]) throws(AtomWriterError) {
        guard feed.id?.isEmpty == false else { throw AtomWriterError(message: "the feed has no id") }
        guard feed.title != nil else { throw AtomWriterError(message: "the feed has no title") }
        guard feed.updated?.date != nil else { throw AtomWriterError(message: "the feed has no updated date") }
        for (index, entry) in entries.enumerated() {
            let name = entry.id ?? "entry \(index + 1)"
            guard entry.id?.isEmpty == false else { throw AtomWriterError(message: "entry \(index + 1) has no id") }
            guard entry.title != nil else { throw AtomWriterError(message: "\(name) has no title") }
            guard (entry.updated ?? entry.published)?.date != nil else {
                throw AtomWriterError(message: "\(name) has no updated date")
            }
            guard !entry.authors.isEmpty || !feed.authors.isEmpty || entry.source?.authors.isEmpty == false else {
                throw AtomWriterError(message: "\(name) has no author and the feed has none")
            }
        }
    }

    /// The feed-level elements; also the body of `atom:source`.
    private func writeHead(_ feed: FeedMetadata, to writer: XMLStreamWriter) throws(XMLParseError) {
        if let id = feed.id { try writer.element("id", text: id) }
        if let title = feed.title { try writeText("title", title, to: writer) }
        if let subtitle = feed.subtitle { try writeText("subtitle", subtitle, to: writer) }
        if let updated = feed.updated?.date { try writer.element("updated", text: Self.timestamp(updated)) }
        for link in feed.links { try writeLink(link, to: writer) }
        if feed.links.isEmpty, let link = feed.link {
            try writeLink(FeedLink(href: link, rel: "alternate"), to: writer)
        }
        for author in feed.authors { try writePerson("author", author, to: writer) }
        for contributor in feed.contributors { try writePerson("contributor", contributor, to: writer) }
        for category in feed.categories { try writeCategory(category, to: writer) }
        if let generator = feed.generator, let name = generator.name {
            var attributes: [(String, String)] = []
            if let uri = generator.uri { attributes.append(("uri", uri)) }
            if let version = generator.version { attributes.append(("version", version)) }
            try writer.element("generator", text: name, attributes: attributes)
        }
        if let icon = feed.icon { try writer.element("icon", text: icon) }
        if let logo = feed.logo { try writer.element("logo", text: logo) }
        if let rights = feed.rights { try writeText("rights", rights, to: writer) }
    }

    private func writeEntry(_ entry: FeedEntry, to writer: XMLStreamWriter) throws(XMLParseError) {
        try writer.startElement("entry")
        if let language = entry.language { try writer.attribute("xml:lang", language) }
        if let id = entry.id { try writer.element("id", text: id) }
        if let title = entry.title { try writeText("title", title, to: writer) }
        if let updated = (entry.updated ?? entry.published)?.date {
            try writer.element("updated", text: Self.timestamp(updated))
        }
        if let published = entry.published?.date { try writer.element("published", text: Self.timestamp(published)) }
        for link in entry.links { try writeLink(link, to: writer) }
        if entry.links.isEmpty, let link = entry.link {
            try writeLink(FeedLink(href: link, rel: "alternate"), to: writer)
        }
        for author in entry.authors { try writePerson("author", author, to: writer) }
        for contributor in entry.contributors { try writePerson("contributor", contributor, to: writer) }
        for category in entry.categories { try writeCategory(category, to: writer) }
        if let summary = entry.summary { try writeText("summary", summary, to: writer) }
        if let content = entry.content { try writeContent(content, to: writer) }
        if let source = entry.source {
            try writer.startElement("source")
            try writeHead(source, to: writer)
            try writer.endElement()
        }
        if let rights = entry.rights { try writeText("rights", rights, to: writer) }
        try writer.endElement()
    }

    private func writeText(_ name: String, _ text: FeedText, to writer: XMLStreamWriter) throws(XMLParseError) {
        try writer.startElement(name)
        // XHTML is written as escaped HTML: its markup is kept, and the document stays
        // well-formed whatever the value holds.
        let type = text.type == "xhtml" ? "html" : text.type
        if type != "text" { try writer.attribute("type", type) }
        if let language = text.language { try writer.attribute("xml:lang", language) }
        try writer.text(text.value)
        try writer.endElement()
    }

    private func writeContent(_ content: FeedText, to writer: XMLStreamWriter) throws(XMLParseError) {
        guard let src = content.src else { return try writeText("content", content, to: writer) }
        try writer.startElement("content")
        if content.type != "text" && content.type != "html" && content.type != "xhtml" {
            try writer.attribute("type", content.type)
        }
        try writer.attribute("src", src)
        try writer.endElement()
    }

    private func writeLink(_ link: FeedLink, to writer: XMLStreamWriter) throws(XMLParseError) {
        guard let href = link.href else { return }
        try writer.startElement("link")
        if let rel = link.rel { try writer.attribute("rel", rel) }
        if let type = link.type { try writer.attribute("type", type) }
        if let hreflang = link.hreflang { try writer.attribute("hreflang", hreflang) }
        if let title = link.title { try writer.attribute("title", title) }
        if let length = link.length { try writer.attribute("length", length) }
        try writer.attribute("href", href)
        try writer.endElement()
    }

    private func writePerson(_ name: String, _ person: FeedPerson, to writer: XMLStreamWriter) throws(XMLParseError) {
        guard let personName = person.name ?? person.email ?? person.uri else { return }
        try writer.startElement(name)
        try writer.element("name", text: personName)
        if let uri = person.uri { try writer.element("uri", text: uri) }
        if let email = person.email { try writer.element("email", text: email) }
        try writer.endElement()
    }

    private func writeCategory(_ category: FeedCategory, to writer: XMLStreamWriter) throws(XMLParseError) {
        guard let term = category.term else { return }
        try writer.startElement("category")
        try writer.attribute("term", term)
        if let scheme = category.scheme { try writer.attribute("scheme", scheme) }
        if let label = category.label { try writer.attribute("label", label) }
        try writer.endElement()
    }

    /// RFC 3339 in UTC, whole seconds.
    public static func timestamp(_ date: Date) -> String {
        RFC3339Formatting.utcString(for: date) ?? "1970-01-01T00:00:00Z"
    }
}

/// Why a feed could not be written.
public struct AtomWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is missing or what failed.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// The line a person reads.
    public var description: String { "cannot write Atom: \(message)" }
}
