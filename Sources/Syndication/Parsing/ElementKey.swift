internal import LibXML

/// What the feed handler needs to know of an element's name, worked out once per distinct name
/// of a document: its key (`dc_creator`), the element it stands for, and the name tests made
/// on every tag. A class, so handing one to each event of the element costs one reference
/// count, not one per string.
final class ElementKey {
    /// The short namespace name (`dc`, `media`), empty for the core feed vocabularies.
    let prefix: String
    /// The lower-cased local name.
    let local: String
    /// `prefix_local`, or `local` without a prefix.
    let tag: String
    /// The element the key stands for.
    let element: FeedElement
    /// `svg`, in any namespace.
    let isSVG: Bool
    /// `math`, in any namespace.
    let isMath: Bool
    /// `channel` or `item`, in any namespace.
    let isChannelOrItem: Bool
    /// An XHTML (or unprefixed) `div`, which XHTML content wraps itself in.
    let isXHTMLDiv: Bool
    /// An element without prefix that ends a text input (anything but its title, link,
    /// description and name).
    let endsTextInput: Bool
    /// An element without prefix that ends an image (anything but its title, link,
    /// description, url, href, width and height).
    let endsImage: Bool
    /// `feed`, `rss` or `rdf_rdf`: a root whose language is the feed's.
    let isRoot: Bool

    init(prefix: String, local: String) {
        self.prefix = prefix
        self.local = local
        tag = prefix.isEmpty ? local : prefix + "_" + local
        element = FeedElement(key: tag)
        isSVG = local == "svg"
        isMath = local == "math"
        isChannelOrItem = local == "channel" || local == "item"
        isXHTMLDiv = local == "div" && (prefix.isEmpty || prefix == "xhtml")
        endsTextInput = prefix.isEmpty && !["title", "link", "description", "name"].contains(local)
        endsImage = prefix.isEmpty && !["title", "link", "description", "url", "href", "width", "height"].contains(local)
        isRoot = tag == "feed" || tag == "rss" || tag == "rdf_rdf"
    }
}

/// Element keys and attribute keys that hold in every document, by the parser's name serial
/// number: see ``FeedDocumentHandler/keptKeys``. Used by one parse at a time.
final class KeptKeys {
    var elements = NameSerialTable<ElementKey>()
    var attributes = NameSerialTable<String>()
}
