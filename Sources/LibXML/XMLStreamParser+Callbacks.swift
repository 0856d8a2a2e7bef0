internal import CLibXML2

extension XMLStreamParser {
    /// The parser a callback's user-data pointer stands for.
    fileprivate static func from(_ userData: UnsafeMutableRawPointer?) -> XMLStreamParser {
        Unmanaged<XMLStreamParser>.fromOpaque(userData!).takeUnretainedValue()
    }

    /// Runs `body` with the parser a callback's user-data pointer stands for, without retaining
    /// it: the parser outlives every callback, which libxml2 makes only inside `feed`/`finish`.
    /// (Retaining and releasing the parser and its handler for each of the millions of events
    /// of a large feed cost a tenth of the parse.)
    @inline(__always)
    fileprivate static func with(_ userData: UnsafeMutableRawPointer?, _ body: (XMLStreamParser) -> Void) {
        Unmanaged<XMLStreamParser>.fromOpaque(userData!)._withUnsafeGuaranteedRef(body)
    }

    /// Fills a SAX2 handler with this class's callbacks.
    static func installCallbacks(into sax: inout xmlSAXHandler) {
        sax.startElementNs = { userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            XMLStreamParser.with(userData) { parser in
                parser.restoreEntityDelivery()
                parser.depth += 1
                guard parser.withinDepthLimit() else { return }
                var declarations: [XMLNamespaceDeclaration] = []
                if namespaceCount > 0, let namespaces {
                    declarations.reserveCapacity(Int(namespaceCount))
                    for index in 0..<Int(namespaceCount) {
                        let declaredPrefix = namespaces[2 * index].map { String(cString: $0) }
                        let declaredURI = namespaces[2 * index + 1].map { String(cString: $0) } ?? ""
                        declarations.append(XMLNamespaceDeclaration(prefix: declaredPrefix, uri: declaredURI))
                    }
                }
                var parsedAttributes: [XMLAttribute] = []
                if attributeCount > 0, let attributes {
                    parsedAttributes.reserveCapacity(Int(attributeCount))
                    for index in 0..<Int(attributeCount) {
                        let base = 5 * index
                        let attributeName = parser.name(local: attributes[base], prefix: attributes[base + 1], uri: attributes[base + 2])
                        let value = parser.attributeValue(attributes[base + 3], attributes[base + 4])
                        parsedAttributes.append(XMLAttribute(name: attributeName, value: value))
                    }
                }
                let elementName = parser.name(local: localName, prefix: prefix, uri: uri)
                parser.handler.startElement(elementName, attributes: parsedAttributes, namespaces: declarations)
            }
        }
        sax.endElementNs = { userData, localName, prefix, uri in
            XMLStreamParser.with(userData) { parser in
                parser.restoreEntityDelivery()
                defer { parser.depth -= 1 }
                guard parser.withinDepthLimit() else { return }
                parser.handler.endElement(parser.name(local: localName, prefix: prefix, uri: uri))
            }
        }
        let text: charactersSAXFunc = { userData, characters, length in
            guard let characters, length > 0 else { return }
            XMLStreamParser.with(userData) { parser in
                parser.restoreEntityDelivery()
                guard parser.depth <= parser.options.maximumDepth else { return }
                parser.handler.characters(UnsafeBufferPointer(start: characters, count: Int(length)))
            }
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.ignorableWhitespace = text
        sax.getEntity = { userData, name in
            let parser = XMLStreamParser.from(userData)
            parser.restoreEntityDelivery()
            guard let name else { return nil }
            let entityName = String(cString: name)
            if let predefined = xmlGetPredefinedEntity(name) { return predefined }
            switch parser.entities.resolve(entityName) {
            case .entity(let entity):
                return entity
            case .overBudget(let culprit):
                // Halting libxml2 inside a declaration leaks its buffers; instead every further
                // expansion becomes empty, which bounds the work just as well.
                let (line, column) = parser.position
                parser.record(
                    XMLParseError(
                        code: XMLParseError.Code.entityExpansionLimit,
                        message:
                            "entity '\(culprit)' expands past the limit of \(parser.options.entityExpansionLimit) bytes; it and every later expansion are left empty",
                        line: line, column: column, severity: .error))
                return parser.entities.emptyEntity()
            case nil:
                return nil
            }
        }
        sax.getParameterEntity = { _, _ in nil }
        sax.entityDecl = { userData, name, type, _, _, content in
            guard let name, let content, type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue) else { return }
            let parser = XMLStreamParser.from(userData)
            let bytes = Array(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            parser.entities.declare(name: String(cString: name), content: bytes)
        }
        sax.resolveEntity = { _, _, _ in nil }
        sax.externalSubset = { _, _, _, _ in }
        sax.internalSubset = { userData, name, externalID, systemID in
            let parser = XMLStreamParser.from(userData)
            parser.handler.documentType(
                name: name.map { String(cString: $0) } ?? "",
                publicID: externalID.map { String(cString: $0) },
                systemID: systemID.map { String(cString: $0) })
        }
        sax.serror = { userData, error in
            guard let userData, let error else { return }
            XMLStreamParser.from(userData).recordLibXMLError(error)
        }
    }
}
