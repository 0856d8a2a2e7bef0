import LibXML

/// RSS 1.0 (and RSS 0.90) rules: the RDF root, channel, items, image and textinput.
extension ValidationRun {
    static let rss1Children: [ElementKind: [String: Int]] = [
        .rdfRoot: ["channel": 1, "image": 1, "item": .max, "textinput": 1],
        .rss1Channel: ["title": 1, "link": 1, "description": 1, "image": 1, "items": 1, "textinput": 1],
        .rss1Item: ["title": 1, "link": 1, "description": 1],
        .rss1Image: ["title": 1, "url": 1, "link": 1],
        .rss1TextInput: ["title": 1, "description": 1, "name": 1, "link": 1],
    ]

    func rss1Child(_ frame: Frame, key: String, parent: inout Frame) -> ElementKind {
        let name = frame.name
        if parent.kind == .rss1Items { return .opaque }
        if parent.kind == .rdfRoot, format == .unknown {
            if name.namespaceURI == Namespace.rss10 { format = .rss10 } else if name.namespaceURI == Namespace.rss090 { format = .rss090 }
        }
        let core = name.namespaceURI == Namespace.rss10 || name.namespaceURI == Namespace.rss090
        guard core else {
            if parent.kind == .rdfRoot {
                if name.namespaceURI == nil {
                    report("MissingNamespace", "'\(name.localName)' has no namespace; RSS 1.0 elements are in \(Namespace.rss10)", at: frame)
                }
                return .opaque
            }
            if parent.kind == .rss1Channel && name.namespaceURI == Namespace.rdf { return .opaque }
            if name.namespaceURI == nil {
                report("MissingNamespace", "'\(name.localName)' has no namespace; RSS 1.0 elements are in \(Namespace.rss10)", at: frame)
                return .opaque
            }
            return extensionKind(frame, parent: parent)
        }
        let local = name.localName
        guard let limit = Self.rss1Children[parent.kind]?[local] else {
            report("UndefinedElement", "'\(local)' is not an RSS 1.0 element allowed in \(parent.name.localName)", at: frame)
            return .opaque
        }
        if parent.count(key) > limit {
            report("DuplicateElement", "\(parent.name.localName) may contain only one \(local)", at: frame)
        }
        switch (parent.kind, local) {
        case (.rdfRoot, "channel"): return .rss1Channel
        case (.rdfRoot, "item"): return .rss1Item
        case (.rdfRoot, "image"): return .rss1Image
        case (.rdfRoot, "textinput"): return .rss1TextInput
        case (.rss1Channel, "items"): return .rss1Items
        case (.rss1Channel, "image"), (.rss1Channel, "textinput"): return .opaque
        case (_, "link"), (_, "url"): return .value(.fullURL)
        default: return .value(.plain)
        }
    }

    func rss1End(_ frame: Frame) {
        let prefix = frame.name.namespaceURI == Namespace.rss090 || format == .rss090 ? "rss1:" : "rss1:"
        switch frame.kind {
        case .rdfRoot:
            if frame.count(prefix + "channel") == 0 { report("MissingElement", "rdf:RDF needs a channel", at: frame, element: "channel") }
            if format == .unknown { format = .rss10 }
        case .rss1Channel:
            if frame.count(prefix + "title") == 0 { report("MissingTitle", "channel needs a title", at: frame, element: "title") }
            if frame.count(prefix + "link") == 0 { report("MissingLink", "channel needs a link", at: frame, element: "link") }
            if frame.count(prefix + "description") == 0 {
                report("MissingDescription", "channel needs a description", at: frame, element: "description")
            }
            let about = frame.attribute("about", namespace: Namespace.rdf) != nil
            if format == .rss10 && about && frame.count(prefix + "items") == 0 {
                report("MissingElement", "channel needs an items list (rdf:Seq)", at: frame, element: "items")
            } else if format == .rss10 && !about && frame.count(prefix + "items") > 0 {
                report("MissingAttribute", "a channel with items needs an rdf:about attribute", at: frame, element: "rdf:about")
            }
        case .rss1Item:
            if frame.count(prefix + "title") == 0 { report("MissingTitle", "item needs a title", at: frame, element: "title") }
            if frame.count(prefix + "link") == 0 { report("MissingLink", "item needs a link", at: frame, element: "link") }
        case .rss1Image:
            for required in ["title", "url", "link"] where frame.count(prefix + required) == 0 {
                report("MissingElement", "image needs a \(required)", at: frame, element: required)
            }
        case .rss1TextInput:
            for required in ["title", "description", "name", "link"] where frame.count(prefix + required) == 0 {
                report("MissingElement", "textinput needs a \(required)", at: frame, element: required)
            }
        default: break
        }
    }
}
