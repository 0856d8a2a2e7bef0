import LibXML

internal import LibXML

extension FeedDocumentHandler {
    /// Detects the format from the root element (never from a file name).
    func detectFormat(prefix: String, local: String, namespaceURI: String?, attributes: AttributeMap) {
        let uri = namespaceURI?.lowercased() ?? ""
        switch local {
        case "rss":
            switch attributes["version"] ?? "" {
            case "0.91": format = .rss091
            case "0.92": format = .rss092
            case "0.93": format = .rss093
            case "0.94": format = .rss094
            case let version where version.hasPrefix("2."): format = .rss20
            case "2": format = .rss20
            default: format = .rss
            }
        case "rdf":
            format = .rss10
        case "feed":
            if uri == FeedNamespaces.atom10.lowercased() {
                format = .atom10
            } else {
                switch attributes["version"] {
                case "0.1": format = .atom01
                case "0.2": format = .atom02
                case "0.3": format = .atom03
                default: format = uri == FeedNamespaces.atom03 ? .atom03 : .atom
                }
            }
        case "channel":
            format = .cdf
        default:
            format = .unknown
        }
    }

    func startTag(_ key: ElementKey, attributes: AttributeMap, declarations: [XMLNamespaceDeclaration], orderedAttributes: [XMLAttribute]) {
        depth += 1
        var lang = language
        if !attributes.isEmpty {
            if let givenBase = attributes["xml:base"] ?? attributes["base"] {
                baseURI = URIResolution.safeJoin(base: baseURI, reference: givenBase)
            }
            lang = attributes["xml:lang"] ?? attributes["lang"]
            if lang == "" {
                lang = nil
            } else if lang == nil {
                lang = language
            }
        }
        if let lang, key.isRoot {
            feed.language = Self.hyphenated(lang)
        }
        language = lang
        baseStack.append(baseURI)
        languageStack.append(lang)

        if inContent > 0 && !(contentType ?? "xml").hasSuffix("xml") {
            if key.isXHTMLDiv { return }
            contentParameters?.type = "application/xhtml+xml"
        }
        if inContent > 0 && contentIsXHTML {
            let local = key.local
            if key.isSVG { svgDepth += 1 }
            // The tag is written back as bytes, in one piece (the `<div>` unwrapping counts pieces).
            var serialized: [UInt8] = [UInt8(ascii: "<")]
            serialized.append(contentsOf: local.utf8)
            for declaration in declarations where declaration.uri == "http://www.w3.org/1999/xlink" {
                guard let prefix = declaration.prefix else { continue }
                Self.appendAttribute("xmlns:" + prefix, declaration.uri, to: &serialized)
            }
            for attribute in orderedAttributes {
                Self.appendAttribute(attribute.name.qualifiedName, attribute.value, to: &serialized)
            }
            if key.isMath || key.isSVG, let xmlns = attributes["xmlns"], !declarations.contains(where: { $0.prefix == nil }) {
                // As written: this value is not escaped.
                serialized.append(contentsOf: " xmlns=\"".utf8)
                serialized.append(contentsOf: xmlns.utf8)
                serialized.append(UInt8(ascii: "\""))
            }
            serialized.append(UInt8(ascii: ">"))
            serialized.withUnsafeBufferPointer { handleData($0, escape: false) }
            return
        }
        if key.endsTextInput { inTextInput = false }
        if key.endsImage { inImage = false }
        if !startKnownElement(key.element, tag: key.tag, attributes: attributes) {
            startUnknownElement(key.tag, prefix: key.prefix, local: key.local, attributes: attributes)
        }
    }

    func endTag(_ key: ElementKey) {
        if key.isSVG && svgDepth > 0 { svgDepth -= 1 }
        if svgDepth > 0 || !endKnownElement(key.element, tag: key.tag) {
            _ = pop(key.tag)
        }
        var isDiv = false
        if inContent > 0 && !(contentType ?? "xml").hasSuffix("xml") {
            if key.isXHTMLDiv {
                isDiv = true
            } else {
                contentParameters?.type = "application/xhtml+xml"
            }
        }
        if !isDiv && inContent > 0 && contentIsXHTML {
            var serialized: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "/")]
            serialized.append(contentsOf: key.local.utf8)
            serialized.append(UInt8(ascii: ">"))
            serialized.withUnsafeBufferPointer { handleData($0, escape: false) }
        }
        if !baseStack.isEmpty {
            baseStack.removeLast()
            if let last = baseStack.last, let last { baseURI = last }
        }
        if !languageStack.isEmpty {
            languageStack.removeLast()
            if !languageStack.isEmpty { language = languageStack.last! }
        }
        depth -= 1
    }

    /// An element the parser does not model: its text is kept (no attributes), or its
    /// attributes are, as an extension element of the context.
    func startUnknownElement(_ tag: String, prefix: String, local: String, attributes: AttributeMap) {
        // RDF's own structure (rdf:Seq, rdf:li of RSS 1.0's <items>) carries nothing to keep.
        if prefix == "rdf" { return }
        if attributes.isEmpty {
            push(tag, expectingText: true)
        } else {
            let element = ExtensionElement(namespaceURI: nil, prefix: prefix.isEmpty ? nil : prefix, name: local, attributes: attributes.dictionary)
            withContext { $0.extensions.append(element) }
        }
    }

    /// Appends ` name="value"`, the value with `&`, `<`, `>` and `"` escaped.
    static func appendAttribute(_ name: String, _ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        MarkupEscaping.append(value.utf8, quotes: true, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}

extension String {
    /// The string without leading and trailing whitespace (spaces, tabs, newlines).
    func trimmingWhitespace() -> String {
        // Fast path: ASCII at both ends (the usual case) is trimmed on the UTF-8 bytes.
        let bytes = utf8
        guard let firstByte = bytes.first, let lastByte = bytes.last else { return self }
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }
        if firstByte < 0x80 && lastByte < 0x80 && !isASCIISpace(firstByte) && !isASCIISpace(lastByte) { return self }
        if let start = bytes.firstIndex(where: { !isASCIISpace($0) }), let end = bytes.lastIndex(where: { !isASCIISpace($0) }),
            bytes[start] < 0x80, bytes[end] < 0x80
        {
            return String(self[start...end])
        } else if !bytes.contains(where: { !isASCIISpace($0) }) {
            return ""
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
