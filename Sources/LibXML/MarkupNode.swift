internal import CLibXML2

/// A node of a `MarkupDocument`. It keeps its document alive.
public struct MarkupNode {
    /// What sort of node this is.
    public enum Kind: Sendable, Hashable { case element, text, cdata, comment, other }

    /// The document this node belongs to.
    public let document: MarkupDocument
    let pointer: xmlNodePtr

    init(document: MarkupDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// What sort of node this is.
    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_CDATA_SECTION_NODE: return .cdata
        case XML_COMMENT_NODE: return .comment
        default: return .other
        }
    }

    /// The local name (`title` for `dc:title`); lower case for HTML elements.
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The namespace URI of an element, if any.
    public var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The namespace prefix as written, if any.
    public var prefix: String? {
        pointer.pointee.ns?.pointee.prefix.map { String(cString: $0) }
    }

    /// The line the node starts on (1-based; 0 when unknown).
    public var line: Int { Int(xmlGetLineNo(pointer)) }

    /// The parent element, if any.
    public var parent: MarkupNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(document: document, pointer: parent)
    }

    /// Every child node in order (elements, text, comments…).
    public var children: [MarkupNode] {
        var result: [MarkupNode] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(MarkupNode(document: document, pointer: current))
            child = current.pointee.next
        }
        return result
    }

    /// The child elements in order.
    public var elements: [MarkupNode] { children.filter { $0.kind == .element } }

    /// The following sibling node.
    public var nextSibling: MarkupNode? {
        pointer.pointee.next.map { MarkupNode(document: document, pointer: $0) }
    }

    /// The first child node.
    public var firstChild: MarkupNode? {
        pointer.pointee.children.map { MarkupNode(document: document, pointer: $0) }
    }

    /// An attribute's value by local name (in no namespace), or nil.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(pointer, name) else { return nil }
        defer { tributary_xmlFree(value) }
        return String(cString: value)
    }

    /// An attribute's value by local name and namespace URI, or nil.
    public func attribute(_ name: String, namespaceURI: String) -> String? {
        guard let value = xmlGetNsProp(pointer, name, namespaceURI) else { return nil }
        defer { tributary_xmlFree(value) }
        return String(cString: value)
    }

    /// All attributes of an element, in document order.
    public var attributes: [XMLAttribute] {
        var result: [XMLAttribute] = []
        var property = pointer.pointee.properties
        while let current = property {
            let namespace = current.pointee.ns
            result.append(
                XMLAttribute(
                    name: XMLName(
                        localName: current.pointee.name.map { String(cString: $0) } ?? "",
                        prefix: namespace?.pointee.prefix.map { String(cString: $0) },
                        namespaceURI: namespace?.pointee.href.map { String(cString: $0) }),
                    value: Self.value(of: current)))
            property = current.pointee.next
        }
        return result
    }

    /// An attribute's value. Nearly always one text node, read in place; anything else
    /// (entity references in XML) is gathered by libxml2.
    private static func value(of attribute: xmlAttrPtr) -> String {
        if let only = attribute.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE {
            return only.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let text = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) else { return "" }
        defer { tributary_xmlFree(text) }
        return String(cString: text)
    }

    /// All the text inside the node, concatenated.
    public var textContent: String {
        let type = pointer.pointee.type
        if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
            return pointer.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let text = xmlNodeGetContent(pointer) else { return "" }
        defer { tributary_xmlFree(text) }
        return String(cString: text)
    }

    /// The node and its subtree as markup (XML, or HTML for HTML documents).
    public var outerMarkup: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        if document.kind == .html {
            htmlNodeDump(buffer, document.pointer, pointer)
        } else {
            xmlNodeDump(buffer, document.pointer, pointer, 0, 0)
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// The markup of the node's children (XHTML content, the inside of an article).
    public var innerMarkup: String {
        children.map(\.outerMarkup).joined()
    }
}
