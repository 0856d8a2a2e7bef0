import LibXML

/// One streaming validation of one document: the SAX handler that keeps a stack of open
/// elements and applies the rules as elements start and end.
final class ValidationRun: XMLStreamHandler {
    let maximumMessages: Int
    let baseURL: String?
    var parser: XMLStreamParser?
    var locator: SourceLocator
    var stack: [Frame] = []
    var format: FeedFormat = .unknown
    var messages: [ValidationMessage] = []
    var errors = 0
    var warnings = 0
    var wellFormed = true

    // Whole-document state (bounded by the number of entries, small per entry).
    var entryIDs: [String: String] = [:]
    var updatedSeen: Set<String> = []
    var guidsSeen: Set<String> = []
    /// The document type is RSS 0.91's, which declares the HTML entities.
    var declaresHTMLEntities = false
    /// The feed uses the iTunes extension (its channel-level advice applies).
    var usesITunes = false
    /// Enclosure file extensions seen, for the iTunes format advice.
    var enclosureExtensions: [(line: Int, column: Int, parent: String, ext: String)] = []
    /// Child keys by name serial (see `key(of:)`).
    var keys = NameSerialTable<String>()
    var entriesWithoutAuthor: [(line: Int, column: Int, parent: String)] = []
    var channelTitle: String?
    var channelLink: String?
    var sawAtomSelf = false
    /// The parent's name while the parent is taken off the stack to be updated.
    var parentOverride: String?

    init(bytes: UnsafeBufferPointer<UInt8>, baseURL: String?, maximumMessages: Int) {
        self.locator = SourceLocator(bytes: bytes)
        self.baseURL = baseURL
        self.maximumMessages = maximumMessages
    }

    // MARK: - Reporting

    func report(_ code: String, _ message: String, line: Int, column: Int, element: String, parent: String) {
        let item = ValidationMessage(code: code, message: message, line: line, column: column, element: element, parent: parent)
        switch item.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: break
        }
        if messages.count < maximumMessages { messages.append(item) }
    }

    /// Reports about `frame` (at its start tag), naming its parent from the stack.
    func report(_ code: String, _ message: String, at frame: Frame, element: String? = nil) {
        let parentName = element == nil ? parentName(of: frame) : frame.name.qualifiedName
        report(code, message, line: frame.line, column: frame.column, element: element ?? frame.name.qualifiedName, parent: parentName)
    }

    private func parentName(of frame: Frame) -> String {
        if let parentOverride { return parentOverride }
        // The frame is either on top of the stack or just popped.
        if let top = stack.last, top.line == frame.line, top.column == frame.column, top.name == frame.name {
            return stack.count > 1 ? stack[stack.count - 2].name.qualifiedName : ""
        }
        return stack.last?.name.qualifiedName ?? ""
    }

    /// The child key of a name (`Namespace.key`), remembered per name serial so each distinct
    /// name is keyed once per document.
    func key(of name: XMLName) -> String {
        if let known = keys[name.serial] { return known }
        let made = Namespace.key(name.namespaceURI, name.localName)
        keys.keep(made, for: name.serial)
        return made
    }

    // MARK: - XMLStreamHandler

    func startElement(_ name: XMLName, attributes: [XMLAttribute], namespaces: [XMLNamespaceDeclaration]) {
        let raw = parser?.position ?? (line: 0, column: 0)
        let (line, column) = locator.tagStart(line: raw.line, column: raw.column)
        let hasBase = (stack.last?.hasBase ?? false) || attributes.contains { $0.name.localName == "base" && $0.name.namespaceURI == Namespace.xml }
        var frame = Frame(name: name, kind: .opaque, line: line, column: column, attributes: attributes, hasBase: hasBase)
        if stack.isEmpty {
            frame.kind = rootKind(frame)
        } else {
            var parent = stack.removeLast()
            parentOverride = parent.name.qualifiedName
            frame.kind = childKind(frame, parent: &parent)
            parentOverride = nil
            stack.append(parent)
        }
        if !namespaces.isEmpty { checkDeclarations(namespaces, frame: frame) }
        checkCommonAttributes(frame)
        if !attributes.isEmpty { checkUnexpectedAttributes(frame) }
        startChecks(&frame)
        stack.append(frame)
    }

    func endElement(_ name: XMLName) {
        guard var frame = stack.popLast() else { return }
        endChecks(&frame)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard !stack.isEmpty else { return }
        let index = stack.count - 1
        guard stack[index].keepsText else { return }
        if stack[index].kind == .opaque || stack[index].kind == .xhtml {
            // Text inside markup counts for the enclosing text construct's emptiness only.
            if let owner = stack.lastIndex(where: { $0.kind != .opaque && $0.kind != .xhtml }), stack[owner].keepsText,
                stack[owner].text.count < 64
            {
                stack[owner].text.append(contentsOf: text.prefix(64))
            }
            return
        }
        if stack[index].kind == .atomText || stack[index].kind == .atomContent, stack[index].values["xhtmlText"] == nil,
            text.contains(where: { $0 > 0x20 }), stack[index].attribute("type")?.trimmed == "xhtml"
        {
            stack[index].values["xhtmlText"] = "yes"
        }
        if stack[index].text.count < Frame.textLimit {
            stack[index].text.append(contentsOf: text.prefix(Frame.textLimit - stack[index].text.count))
        }
    }

    func problem(_ error: XMLParseError) {
        guard error.severity != .warning else { return }
        wellFormed = false
        let code: String
        let lowered = error.message.lowercased()
        if error.code == XMLParseError.Code.undefinedEntity || lowered.contains("entity") && lowered.contains("not defined") {
            code = "UndefinedNamedEntity"
        } else if lowered.contains("utf-8") || lowered.contains("encoding") || lowered.contains("invalid char") {
            code = "UnicodeError"
        } else if lowered.contains("xml declaration allowed only at the start") {
            code = "WPBlankLine"
        } else {
            code = "SAXError"
        }
        let sentence = "the document is not well-formed XML: \(error.message)"
        report(code, sentence, line: error.line, column: error.column, element: stack.last?.name.qualifiedName ?? "", parent: "")
    }

    // MARK: - Dispatch

    func rootKind(_ frame: Frame) -> ElementKind {
        let name = frame.name
        switch (name.namespaceURI, name.localName) {
        case (Namespace.atom, "feed"):
            format = .atom10
            return .atomFeed
        case (Namespace.atom, "entry"):
            format = .atom10
            return .atomEntry
        case (Namespace.atom03, "feed"), (Namespace.atom03, "entry"):
            format = .atom03
            report("ObsoleteNamespace", "this is an Atom 0.3 feed; Atom 0.3 is obsolete, use Atom 1.0 (\(Namespace.atom))", at: frame)
            return .opaque
        case (_, "feed"), (_, "entry"):
            report("InvalidNamespace", "the \(name.localName) element must be in the Atom namespace \(Namespace.atom)", at: frame)
            return .opaque
        case (nil, "rss"):
            return rssRoot(frame)
        case (Namespace.rdf, "RDF"):
            return .rdfRoot
        case (_, "opml"), (_, "kml"), (_, "OpenSearchDescription"), (_, "service"), (_, "categories"), (_, "XRD"):
            report("UnsupportedNamespace", "this is a \(name.localName) document; only RSS and Atom feeds are checked", at: frame)
            return .opaque
        default:
            report("UndefinedElement", "'\(name.qualifiedName)' is not the root element of a known feed format (rss, feed, rdf:RDF)", at: frame)
            return .opaque
        }
    }

    func childKind(_ frame: Frame, parent: inout Frame) -> ElementKind {
        parent.childElementCount += 1
        let key = key(of: frame.name)
        parent.children[key, default: 0] += 1
        switch parent.kind {
        case .opaque: return .opaque
        case .xhtml: return xhtmlChild(frame)
        case .atomFeed, .atomEntry, .atomSource, .atomPerson: return atomChild(frame, key: key, parent: &parent)
        case .atomText, .atomContent: return atomTextChild(frame, parent: parent)
        case .rssRoot, .rssChannel, .rssItem, .rssImage, .rssTextInput, .rssSkipHours, .rssSkipDays:
            return rssChild(frame, key: key, parent: &parent)
        case .rdfRoot, .rss1Channel, .rss1Item, .rss1Image, .rss1TextInput, .rss1Items:
            return rss1Child(frame, key: key, parent: &parent)
        case .structured: return extensionChild(frame, key: key, parent: parent)
        case .atomLink, .atomCategory, .rssCloud, .rssEnclosure, .rssGuid, .rssSource, .atomDate, .atomID, .atomGenerator, .value:
            if case .value(.html) = parent.kind, frame.name.namespaceURI == nil || frame.name.namespaceURI == Namespace.xhtml {
                report(
                    "NotEscaped", "markup inside \(parent.name.qualifiedName) must be escaped (&lt;\(frame.name.localName)&gt;) or in CDATA",
                    at: frame)
            } else if parent.kind != .atomLink && parent.kind != .atomCategory {
                report(
                    "UndefinedElement", "'\(frame.name.qualifiedName)' is not allowed inside \(parent.name.qualifiedName), which holds only text",
                    at: frame)
            }
            return .opaque
        }
    }

    func startChecks(_ frame: inout Frame) {
        switch frame.kind {
        case .atomLink: atomLinkStart(&frame)
        case .atomCategory: atomCategoryStart(frame)
        case .atomContent, .atomText: atomTextStart(&frame)
        case .atomGenerator: if let uri = frame.attribute("uri") { checkIRI(uri, attribute: "uri", frame: frame) }
        case .rssEnclosure, .rssGuid, .rssSource, .rssCloud, .rssRoot: rssAttributeChecks(frame)
        case .structured, .value: extensionStart(frame)
        default: break
        }
    }

    func endChecks(_ frame: inout Frame) {
        switch frame.kind {
        case .atomFeed, .atomEntry, .atomSource, .atomPerson, .atomText, .atomContent, .atomLink, .atomDate, .atomID:
            atomEnd(&frame)
        case .rssChannel, .rssItem, .rssImage, .rssTextInput, .rssSkipHours, .rssSkipDays, .rssRoot, .rssGuid:
            rssEnd(frame)
        case .rdfRoot, .rss1Channel, .rss1Item, .rss1Image, .rss1TextInput:
            rss1End(frame)
        case .value(let kind):
            valueEnd(frame, kind: kind)
        case .structured:
            if frame.name.localName == "owner", frame.name.namespaceURI == Namespace.itunes, frame.count("itunes:email") == 0 {
                report("MissingElement", "itunes:owner needs an itunes:email", at: frame, element: "itunes:email")
            } else if frame.name.localName == "group", frame.name.namespaceURI == Namespace.media, frame.count("media:content") < 2 {
                report("MediaGroupWithoutAlternatives", "a media:group should hold at least two media:content alternatives", at: frame)
            }
        default:
            break
        }
    }

    // MARK: - Shared attribute checks

    func checkCommonAttributes(_ frame: Frame) {
        for attribute in frame.attributes where attribute.name.namespaceURI == Namespace.xml {
            switch attribute.name.localName {
            case "lang":
                if !attribute.value.isEmpty && !ValueCheck.isLanguage(attribute.value) {
                    report(
                        "InvalidLanguage", "xml:lang '\(attribute.value)' is not a language code such as en or fr-CA", at: frame, element: "xml:lang")
                }
            case "base":
                checkIRI(attribute.value, attribute: "xml:base", frame: frame)
            default: break
            }
        }
    }

    /// Reports an IRI reference (an attribute of `frame`) that does not pass `URICheck`.
    func checkIRI(_ value: String, attribute: String, frame: Frame, code: String = "InvalidIRI") {
        if let problem = URICheck.check(value, code: code, full: false, iri: true) {
            report(problem.code, "\(attribute): \(problem.reason)", at: frame, element: attribute)
        }
    }

    /// Reports a URI value that does not pass `URICheck`; `element` names an attribute.
    func checkURI(_ value: String, code: String, full: Bool, iri: Bool = false, frame: Frame, attribute: String? = nil) {
        guard let problem = URICheck.check(value, code: code, full: full, iri: iri) else { return }
        report(problem.code, problem.reason, at: frame, element: attribute)
    }
}
