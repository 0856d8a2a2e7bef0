public import Foundation
import LibXML

/// An OPML 2.0 subscription list: what `sources import` reads and `sources export` and
/// `Feeds/feeds.opml` write.
public struct OPMLDocument: Sendable, Equatable {
    /// One subscription (an outline with an `xmlUrl`, or a page with only an `htmlUrl`).
    public struct Outline: Sendable, Equatable {
        /// The outline's `text` (or `title`).
        public var title: String
        /// The feed URL (`xmlUrl`), when it is a feed.
        public var feedURL: String?
        /// The web page (`htmlUrl`).
        public var pageURL: String?
        /// The enclosing folders' titles, outermost first.
        public var folders: [String]

        /// Creates an outline.
        public init(title: String, feedURL: String? = nil, pageURL: String? = nil, folders: [String] = []) {
            self.title = title
            self.feedURL = feedURL
            self.pageURL = pageURL
            self.folders = folders
        }
    }

    /// The document's title.
    public var title: String
    /// When it was made (written as `dateCreated`).
    public var created: Date?
    /// Its subscriptions in document order.
    public var outlines: [Outline]

    /// Creates a document.
    public init(title: String, created: Date? = nil, outlines: [Outline]) {
        self.title = title
        self.created = created
        self.outlines = outlines
    }

    /// Reads OPML 1.0/2.0; outlines without any URL are folders.
    public static func parse(_ bytes: [UInt8]) throws(OPMLError) -> OPMLDocument {
        let document: MarkupDocument
        do {
            document = try MarkupDocument.parseXML(bytes, encoding: nil, recover: true)
        } catch {
            throw OPMLError(message: "not an OPML document: \(error)")
        }
        guard let root = document.root, root.name.lowercased() == "opml" else {
            throw OPMLError(message: "not an OPML document: the root element is not <opml>")
        }
        let head = root.elements.first { $0.name == "head" }
        let title = head?.elements.first { $0.name == "title" }?.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        var outlines: [Outline] = []
        if let body = root.elements.first(where: { $0.name == "body" }) {
            collect(body, folders: [], into: &outlines)
        }
        return OPMLDocument(title: title ?? "", outlines: outlines)
    }

    private static func collect(_ node: MarkupNode, folders: [String], into outlines: inout [Outline]) {
        for child in node.elements where child.name == "outline" {
            let title = (child.attribute("text") ?? child.attribute("title") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let feedURL = nonEmpty(child.attribute("xmlUrl") ?? child.attribute("xmlurl"))
            let pageURL = nonEmpty(child.attribute("htmlUrl") ?? child.attribute("htmlurl") ?? child.attribute("url"))
            if feedURL != nil || (pageURL != nil && child.elements.isEmpty) {
                outlines.append(Outline(title: title, feedURL: feedURL, pageURL: pageURL, folders: folders))
            }
            collect(child, folders: title.isEmpty ? folders : folders + [title], into: &outlines)
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The OPML 2.0 document; outlines are grouped under their first folder, in order of
    /// first appearance.
    public func serialized() throws(OPMLError) -> [UInt8] {
        do {
            let writer = try XMLStreamWriter(indent: 2)
            try writer.startElement("opml")
            try writer.attribute("version", "2.0")
            try writer.startElement("head")
            try writer.element("title", text: title)
            if let created { try writer.element("dateCreated", text: HTTPDate.format(created)) }
            try writer.endElement()
            try writer.startElement("body")
            var folderOrder: [String] = []
            var byFolder: [String: [Outline]] = [:]
            for outline in outlines {
                let folder = outline.folders.first ?? ""
                if byFolder[folder] == nil { folderOrder.append(folder) }
                byFolder[folder, default: []].append(outline)
            }
            for folder in folderOrder {
                if !folder.isEmpty {
                    try writer.startElement("outline")
                    try writer.attribute("text", folder)
                }
                for outline in byFolder[folder] ?? [] { try write(outline, to: writer) }
                if !folder.isEmpty { try writer.endElement() }
            }
            try writer.endElement()
            try writer.endElement()
            return try writer.finish()
        } catch {
            throw OPMLError(message: "libxml2 writer: \(error)")
        }
    }

    private func write(_ outline: Outline, to writer: XMLStreamWriter) throws(XMLParseError) {
        try writer.startElement("outline")
        try writer.attribute("text", outline.title)
        try writer.attribute("title", outline.title)
        if let feedURL = outline.feedURL {
            try writer.attribute("type", "rss")
            try writer.attribute("xmlUrl", feedURL)
        }
        if let pageURL = outline.pageURL { try writer.attribute("htmlUrl", pageURL) }
        try writer.endElement()
    }
}

/// Why an OPML document could not be read or written.
public struct OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// The line a person reads.
    public var description: String { message }
}
