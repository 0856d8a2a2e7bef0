internal import LibXML

/// The content parameters in effect inside a text construct (title, summary, content…).
struct ContentParameters: Equatable, Sendable {
    var type: String
    var language: String?
    var base: String?
    var base64 = false
    var src: String?
}

/// Turns the stream of XML events of an RSS, RDF or Atom document into feed metadata and
/// entries, following the conventions of the Universal Feed Parser so that real feeds (and
/// their mistakes) read the way their subscribers expect.
final class FeedDocumentHandler: XMLStreamHandler {
    var format: FeedFormat = .unknown
    var warnings: [FeedWarning] = []
    var notWellFormed = false
    var feed = ContextRecord()
    var entry: ContextRecord?
    var source: ContextRecord?
    var image: ContextRecord?
    var textInput: ContextRecord?
    var entryCount = 0
    let onEntry: (consuming UnfinishedEntry) -> Void
    /// Whether entries' content and summary markup is left for `UnfinishedEntry.finished()`
    /// (`FeedParser.parseUnfinished(_:baseURL:contentType:onEntry:)`) instead of finished as
    /// the element ends.
    var defersMarkup = false

    var inFeed = false
    var inEntry = false
    var inSource = false
    var inImage = false
    var inTextInput = false
    var inAuthor = false
    var inContributor = false
    var inPublisher = false
    var inContent = 0
    var svgDepth = 0
    var titleDepth = -1
    var depth = 0
    var hasContent = false
    var summaryKey: String?
    var guidIsLink = false
    var sawRoot = false
    var contentParameters: ContentParameters? {
        didSet { contentIsXHTML = contentParameters?.type == "application/xhtml+xml" }
    }
    /// Whether the content type in effect is `application/xhtml+xml` (tested on every event).
    private(set) var contentIsXHTML = false
    /// The elements whose text is being gathered, and their text.
    var gathering = TextGathering()
    var baseStack: [String?] = []
    var languageStack: [String?] = []
    var baseURI: String?
    var language: String?
    /// Short names of the namespaces declared so far, by prefix; only names with an undeclared
    /// prefix depend on it (their keys are recomputed when it changes).
    var namespacePrefixes: [String: String] = [:] {
        didSet { elementKeys.removeAll() }
    }
    /// Element keys by the parser's name serial number (index 0 unused).
    var elementKeys = NameSerialTable<ElementKey>()
    /// The keys of names whose key does not depend on the document (every attribute name's,
    /// most element names'), by serial number, kept with the parser's names for the documents
    /// after this one: a corpus of small feeds met the same few dozen names in every one and
    /// made their keys again each time.
    var keptKeys = KeptKeys()
    /// Short names of namespace URIs met so far.
    var shortNamesByURI: [String: String?] = [:]
    var documentIsUTF8 = true
    /// A DOCTYPE naming an external DTD (which we never load) may declare HTML entities.
    var hasExternalDTD = false
    var geo = GeoState()

    init(baseURI: String?, onEntry: @escaping (consuming UnfinishedEntry) -> Void) {
        self.baseURI = baseURI
        self.onEntry = onEntry
    }

    /// What the handler carries from one entry to the next, but for the text gathered at the
    /// container's level and what each entry's start resets (`hasContent`, `guidIsLink`,
    /// `titleDepth`): two handlers in the same carried state between entries handle the entries
    /// that follow alike. `FeedParser.parseInParts` compares it at the cut. State added to the
    /// handler that outlives an entry belongs here. `namespacePrefixes` does not: it names only
    /// prefixes that were never declared, which libxml2 reports, and a part with a problem is
    /// not used.
    struct CarriedState: Equatable, Sendable {
        var format: FeedFormat
        var baseURI: String?
        var language: String?
        var baseStack: [String?]
        var languageStack: [String?]
        var depth: Int
        var geo: GeoState
        var contentParameters: ContentParameters?
        var flags: [Bool]
        var counters: [Int]
        var summaryKey: String?
        var gathering: [String]
    }

    var carriedState: CarriedState {
        CarriedState(
            format: format, baseURI: baseURI, language: language, baseStack: baseStack, languageStack: languageStack, depth: depth,
            geo: geo, contentParameters: contentParameters,
            flags: [
                inFeed, inEntry, inSource, inImage, inTextInput, inAuthor, inContributor, inPublisher, sawRoot, hasExternalDTD,
                notWellFormed, documentIsUTF8, entry != nil, source != nil, image != nil, textInput != nil,
            ],
            counters: [inContent, svgDepth], summaryKey: summaryKey, gathering: gathering.openKeys)
    }

    // MARK: XMLStreamHandler

    func startElement(_ name: XMLName, attributes: [XMLAttribute], namespaces: [XMLNamespaceDeclaration]) {
        for declaration in namespaces { trackNamespace(declaration) }
        let key = elementKey(name)
        var attributeMap = normalizedAttributes(attributes)
        if !sawRoot {
            sawRoot = true
            detectFormat(prefix: key.prefix, local: key.local, namespaceURI: name.namespaceURI, attributes: attributeMap)
            if format == .rss10 && namespaces.contains(where: { $0.uri.lowercased() == FeedNamespaces.rss090 }) { format = .rss090 }
        } else if format == .rss10 && key.isChannelOrItem && name.namespaceURI?.lowercased() == FeedNamespaces.rss090 {
            format = .rss090
        }
        if key.isMath && name.namespaceURI == FeedNamespaces.mathML { attributeMap["xmlns"] = FeedNamespaces.mathML }
        if key.isSVG && name.namespaceURI == FeedNamespaces.svg { attributeMap["xmlns"] = FeedNamespaces.svg }
        startTag(key, attributes: attributeMap, declarations: namespaces, orderedAttributes: attributes)
    }

    func endElement(_ name: XMLName) {
        endTag(elementKey(name))
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        handleData(text, escape: true)
    }

    func documentType(name: String, publicID: String?, systemID: String?) {
        hasExternalDTD = publicID != nil || systemID != nil
    }

    func problem(_ error: XMLParseError) {
        guard error.severity != .warning || error.message.contains("Namespace") else { return }
        // A parameter entity of an external DTD we do not load is no well-formedness error.
        if error.message.hasPrefix("PEReference:") { return }
        notWellFormed = true
        if warnings.count < 100 {
            let code = error.code == XMLParseError.Code.entityExpansionLimit ? error.code : "NotWellFormed"
            warnings.append(FeedWarning(code: code, message: error.message, line: error.line, column: error.column))
        }
    }

    // MARK: Text gathering

    /// Adds text to the innermost gathering element (escaped when it is XHTML content).
    func handleData(_ text: UnsafeBufferPointer<UInt8>, escape: Bool) {
        let escapingMarkup = escape && contentIsXHTML
        gathering.append(text, escapingMarkup: escapingMarkup)
    }

    /// Adds markup or text given as a string.
    func handleData(_ text: String, escape: Bool) {
        var copy = text
        copy.withUTF8 { handleData($0, escape: escape) }
    }

    func push(_ key: String, expectingText: Bool) {
        gathering.open(key, expectingText: expectingText)
    }

    /// A language tag with its underscores turned into hyphens (`en_US` is `en-US`). Most tags
    /// have none and are given back as they are, without Foundation's `replacingOccurrences`.
    static func hyphenated(_ language: String) -> String {
        guard language.utf8.contains(UInt8(ascii: "_")) else { return language }
        return String(decoding: language.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    func pushContent(_ key: String, attributes: AttributeMap, defaultType: String, expectingText: Bool) {
        inContent += 1
        language = language.map(Self.hyphenated)
        let type = Self.mapContentType(attributes["type"] ?? defaultType)
        contentParameters = ContentParameters(type: type, language: language, base: baseURI)
        contentParameters?.base64 = Self.isBase64(mode: attributes["mode"], type: type)
        push(key, expectingText: expectingText)
    }

    @discardableResult
    func popContent(_ key: String) -> String? {
        let value = pop(key)
        inContent -= 1
        contentParameters = nil
        return value
    }

    /// The content type in effect, or nil outside text constructs.
    var contentType: String? { contentParameters?.type }

    // MARK: Context

    enum ContextKind { case feed, entry, source, image, textInput }

    var contextKind: ContextKind {
        if inSource { return .source }
        if inImage && image != nil { return .image }
        if inTextInput { return .textInput }
        if inEntry { return .entry }
        return .feed
    }

    func withContext<Result>(_ body: (inout ContextRecord) -> Result) -> Result {
        switch contextKind {
        case .source:
            if source == nil { source = ContextRecord() }
            return body(&source!)
        case .image:
            return body(&image!)
        case .textInput:
            if textInput == nil { textInput = ContextRecord() }
            return body(&textInput!)
        case .entry:
            if entry == nil { entry = ContextRecord() }
            return body(&entry!)
        case .feed:
            return body(&feed)
        }
    }

    // MARK: Namespaces and names

    func trackNamespace(_ declaration: XMLNamespaceDeclaration) {
        let prefix = declaration.prefix ?? ""
        // Declarations repeat (an XHTML `<div xmlns=…>` in every entry): assigning an unchanged
        // value would drop the element keys computed so far.
        if let short = shortName(for: declaration.uri), namespacePrefixes[prefix] != short {
            namespacePrefixes[prefix] = short
        }
    }

    /// ``FeedNamespaces/shortName(for:)``, remembered per URI for the document.
    func shortName(for uri: String) -> String? {
        if let known = shortNamesByURI[uri] { return known }
        let short = FeedNamespaces.shortName(for: uri)
        if shortNamesByURI.count < 256 { shortNamesByURI[uri] = short }
        return short
    }

    /// The element's key and what the handler needs to know of its name, computed once per
    /// distinct name of the document.
    func elementKey(_ name: XMLName) -> ElementKey {
        let serial = name.serial
        if let known = elementKeys[serial] { return known }
        // Only a name with an undeclared prefix has a key that depends on the document.
        let isSameInEveryDocument = name.namespaceURI != nil || name.prefix == nil
        let computed: ElementKey
        if isSameInEveryDocument, let known = keptKeys.elements[serial] {
            computed = known
        } else {
            computed = computeElementKey(name)
            if isSameInEveryDocument { keptKeys.elements.keep(computed, for: serial) }
        }
        elementKeys.keep(computed, for: serial)
        return computed
    }

    private func computeElementKey(_ name: XMLName) -> ElementKey {
        let local = name.localName.lowercased()
        var prefix: String
        if let uri = name.namespaceURI {
            prefix = shortName(for: uri) ?? (name.prefix?.lowercased() ?? "")
        } else if let given = name.prefix {
            prefix = namespacePrefixes[given] ?? given.lowercased()
        } else {
            prefix = ""
        }
        return ElementKey(prefix: prefix, local: local)
    }

    func normalizedAttributes(_ attributes: [XMLAttribute]) -> AttributeMap {
        var result = AttributeMap()
        guard !attributes.isEmpty else { return result }
        result.reserveCapacity(attributes.count)
        for attribute in attributes {
            result[attributeKey(attribute.name)] = attribute.value
        }
        return result
    }

    /// The name an attribute is filed under (`xml:base`, `rdf:about`, `href`), computed once
    /// per distinct name (it does not depend on the document).
    func attributeKey(_ name: XMLName) -> String {
        let serial = name.serial
        if let known = keptKeys.attributes[serial] { return known }
        let local = name.localName.lowercased()
        var key = local
        if let uri = name.namespaceURI {
            let short = uri == FeedNamespaces.xml ? "xml" : (shortName(for: uri) ?? name.prefix ?? "")
            if !short.isEmpty { key = short + ":" + local }
        } else if let prefix = name.prefix {
            key = prefix.lowercased() + ":" + local
        }
        keptKeys.attributes.keep(key, for: serial)
        return key
    }

    static func mapContentType(_ type: String) -> String {
        let lowered = type.lowercased()
        switch lowered {
        case "text", "plain": return "text/plain"
        case "html": return "text/html"
        case "xhtml": return "application/xhtml+xml"
        default: return lowered
        }
    }

    static func isBase64(mode: String?, type: String) -> Bool {
        if mode == "base64" { return true }
        if type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml") { return false }
        return true
    }
}
