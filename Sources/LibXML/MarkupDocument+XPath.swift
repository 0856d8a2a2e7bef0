internal import CLibXML2

extension MarkupDocument {
    /// The nodes an XPath expression selects, evaluated from `node` (default: the document),
    /// with the given namespace prefixes bound.
    public func select(_ expression: String, from node: MarkupNode? = nil, namespaces: [String: String] = [:]) throws(XMLParseError) -> [MarkupNode] {
        try evaluate(expression, from: node, namespaces: namespaces) { result in
            guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else { return [] }
            let count = Int(set.pointee.nodeNr)
            var nodes: [MarkupNode] = []
            nodes.reserveCapacity(count)
            for index in 0..<count {
                if let found = set.pointee.nodeTab[index] {
                    nodes.append(MarkupNode(document: self, pointer: found))
                }
            }
            return nodes
        }
    }

    /// The string value of an XPath expression (`string(...)`, `count(...)`, a node's text).
    public func evaluateString(_ expression: String, from node: MarkupNode? = nil, namespaces: [String: String] = [:]) throws(XMLParseError) -> String
    {
        try evaluate(expression, from: node, namespaces: namespaces) { result in
            guard let text = xmlXPathCastToString(result) else { return "" }
            defer { tributary_xmlFree(text) }
            return String(cString: text)
        }
    }

    /// Evaluates an expression in a fresh context and hands the result to `read` before it is freed.
    private func evaluate<Value>(
        _ expression: String, from node: MarkupNode?, namespaces: [String: String], read: (xmlXPathObjectPtr) -> Value
    ) throws(XMLParseError) -> Value {
        guard let context = xmlXPathNewContext(pointer) else {
            throw XMLParseError(code: "XPathUnavailable", message: "libxml2 could not create an XPath context", severity: .fatal)
        }
        defer { xmlXPathFreeContext(context) }
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
            xmlXPathRegisterNs(context, prefix, uri)
        }
        if let node { context.pointee.node = node.pointer }
        guard let result = xmlXPathEvalExpression(expression, context) else {
            throw XMLParseError(code: "InvalidXPath", message: "invalid XPath expression: \(expression)", severity: .error)
        }
        defer { xmlXPathFreeObject(result) }
        return read(result)
    }
}
