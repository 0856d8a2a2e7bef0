import LibXML

/// One open element during the streaming pass: where it starts, what it is, and what has been
/// seen inside it so far. Everything here is small and per element; text is capped.
struct Frame {
    static let textLimit = 4 << 20

    var name: XMLName
    var kind: ElementKind
    var line: Int
    var column: Int
    var attributes: [XMLAttribute]
    var text: [UInt8] = []
    /// How many children of each key (`Namespace.key`) were seen.
    var children: [String: Int] = [:]
    var childElementCount = 0
    /// An `xml:base` is in scope (relative references resolve).
    var hasBase: Bool
    /// Feed state: an entry (or item) has been seen, so metadata after it is misplaced.
    var seenEntry = false
    /// Alternate links seen, by `type|hreflang`.
    var alternates: Set<String> = []
    var hasSelfLink = false
    var hasAlternateLink = false
    /// Entry state: the content needs a summary (it has `src` or is Base64).
    var contentNeedsSummary = false
    /// Values of children that later checks compare (id, updated, title, link).
    var values: [String: String] = [:]
    /// Source authors for an entry's `source`.
    var enclosures: Set<String> = []
    var listed: Set<String> = []

    init(name: XMLName, kind: ElementKind, line: Int, column: Int, attributes: [XMLAttribute], hasBase: Bool) {
        self.name = name
        self.kind = kind
        self.line = line
        self.column = column
        self.attributes = attributes
        self.hasBase = hasBase
    }

    /// The value of the attribute `local` in no namespace.
    func attribute(_ local: String) -> String? {
        attributes.first { $0.name.localName == local && $0.name.namespaceURI == nil }?.value
    }

    /// The value of the attribute `local` in `namespace`.
    func attribute(_ local: String, namespace: String) -> String? {
        attributes.first { $0.name.localName == local && $0.name.namespaceURI == namespace }?.value
    }

    func count(_ key: String) -> Int { children[key] ?? 0 }

    /// Whether the element's own text is kept (containers keep none, so appending to them
    /// never copies).
    var keepsText: Bool {
        switch kind {
        case .atomFeed, .atomEntry, .atomSource, .atomPerson, .rssRoot, .rssChannel, .rssItem, .rssImage, .rssTextInput, .rssSkipHours,
            .rssSkipDays, .rdfRoot, .rss1Channel, .rss1Item, .rss1Image, .rss1TextInput, .rss1Items, .structured:
            false
        default: true
        }
    }

    var string: String { String(decoding: text, as: UTF8.self) }
}
