import LibXML

/// Attributes a known element does not define, and namespace declarations worth a word.
extension ValidationRun {
    /// The attributes (in no namespace) each kind of element defines.
    static func expectedAttributes(_ kind: ElementKind, local: String) -> Set<String>? {
        switch kind {
        case .atomFeed, .atomEntry, .atomSource, .atomPerson, .atomDate, .atomID: []
        case .atomText: ["type"]
        case .atomContent: ["type", "src"]
        case .atomLink: ["type", "title", "rel", "href", "length", "hreflang"]
        case .atomCategory: ["term", "scheme", "label"]
        case .atomGenerator: ["uri", "version"]
        case .rssRoot: ["version"]
        case .rssChannel, .rssItem, .rssImage, .rssTextInput, .rssSkipHours, .rssSkipDays: []
        case .rssEnclosure: ["url", "length", "type"]
        case .rssGuid: ["isPermaLink"]
        case .rssSource: ["url"]
        case .rssCloud: ["domain", "port", "path", "registerProcedure", "protocol"]
        case .value: local == "category" ? ["domain"] : []
        default: nil
        }
    }

    /// Reports attributes the element does not define: in no namespace or a known namespace
    /// `UnexpectedAttribute`; in another namespace on a core RSS element `UseOfExtensionAttr`.
    func checkUnexpectedAttributes(_ frame: Frame) {
        guard let expected = Self.expectedAttributes(frame.kind, local: frame.name.localName) else { return }
        let core = frame.name.namespaceURI == nil || frame.name.namespaceURI == Namespace.atom
        guard core || frame.kind == .atomLink || frame.kind == .atomText || frame.kind == .atomContent else { return }
        for attribute in frame.attributes {
            let name = attribute.name
            guard let namespace = name.namespaceURI else {
                if !expected.contains(name.localName) {
                    report(
                        "UnexpectedAttribute", "\(frame.name.qualifiedName) has no attribute '\(name.localName)'", at: frame, element: name.localName)
                }
                continue
            }
            if namespace == Namespace.xml { continue }
            if namespace == Namespace.thr && frame.kind == .atomLink { continue }
            if Namespace.known[namespace] != nil {
                report(
                    "UnexpectedAttribute", "\(frame.name.qualifiedName) has no attribute '\(name.qualifiedName)'", at: frame,
                    element: name.qualifiedName)
            } else if frame.name.namespaceURI == nil && format == .rss20 {
                report(
                    "UseOfExtensionAttr", "the extension attribute \(name.qualifiedName) on a core RSS element is ignored by readers", at: frame,
                    element: name.qualifiedName)
            }
        }
    }

    /// Namespace declarations: a well-known prefix bound elsewhere, a well-known namespace under
    /// another prefix, prefixed Atom or XHTML in Atom feeds, namespaces nobody knows.
    func checkDeclarations(_ namespaces: [XMLNamespaceDeclaration], frame: Frame) {
        for declaration in namespaces {
            let uri = declaration.uri
            if Namespace.wrongMedia.contains(uri) {
                report("MediaRssNamespace", "the Media RSS namespace is \(Namespace.media) (with the trailing slash)", at: frame)
                continue
            }
            guard let prefix = declaration.prefix, !prefix.isEmpty else { continue }
            if let standard = Namespace.known[uri] {
                if standard != prefix {
                    report("NonstdPrefix", "the usual prefix for \(uri) is \(standard), not \(prefix)", at: frame, element: "xmlns:" + prefix)
                }
                if (uri == Namespace.atom || uri == Namespace.xhtml)
                    && (format == .atom10 || stack.isEmpty && frame.name.namespaceURI == Namespace.atom)
                {
                    report("AvoidNamespacePrefix", "many readers expect Atom and XHTML without a prefix", at: frame, element: "xmlns:" + prefix)
                }
            } else if Namespace.knownPrefixes.contains(prefix) {
                report("ReservedPrefix", "the prefix \(prefix) is commonly used for another namespace", at: frame, element: "xmlns:" + prefix)
            } else if URICheck.check(uri, code: "x", full: false, iri: true) == nil {
                report(
                    "UnknownNamespace", "the namespace \(uri) is not one this validator knows; its elements are not checked", at: frame,
                    element: "xmlns:" + prefix)
            }
        }
    }

    /// The document type: the old Netscape RSS 0.91 DTD is deprecated; other external DTDs
    /// are never loaded.
    func documentType(name: String, publicID: String?, systemID: String?) {
        if publicID == "-//Netscape Communications//DTD RSS 0.91//EN" { declaresHTMLEntities = true }
        guard let systemID else { return }
        if systemID == "http://my.netscape.com/publish/formats/rss-0.91.dtd" {
            report(
                "DeprecatedDTD", "the Netscape RSS 0.91 DTD address no longer works; use http://www.rssboard.org/rss-0.91.dtd", line: 1, column: 1,
                element: "", parent: "")
        } else if systemID != "http://www.rssboard.org/rss-0.91.dtd" {
            report("ContainsSystemEntity", "the document refers to an external DTD, which is not loaded", line: 1, column: 1, element: "", parent: "")
        }
    }
}
