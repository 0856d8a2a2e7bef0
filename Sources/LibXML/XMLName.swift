/// A namespace-qualified element or attribute name.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    /// The local part, e.g. `title`.
    public var localName: String
    /// The prefix as written, e.g. `dc`, or nil.
    public var prefix: String?
    /// The namespace URI, or nil when the name is in no namespace (or its prefix is undeclared).
    public var namespaceURI: String?

    /// Creates a name.
    public init(localName: String, prefix: String? = nil, namespaceURI: String? = nil) {
        self.localName = localName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
    }

    /// The name as written: `prefix:local` or `local`.
    public var qualifiedName: String {
        if let prefix, !prefix.isEmpty { return prefix + ":" + localName }
        return localName
    }

    /// The qualified name, for messages.
    public var description: String { qualifiedName }
}

/// One attribute of a start tag.
public struct XMLAttribute: Sendable, Hashable {
    /// The attribute's name.
    public var name: XMLName
    /// The value with references decoded.
    public var value: String

    /// Creates an attribute.
    public init(name: XMLName, value: String) {
        self.name = name
        self.value = value
    }
}
