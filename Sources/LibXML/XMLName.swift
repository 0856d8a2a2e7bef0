/// A namespace-qualified element or attribute name.
///
/// Immutable and shared: a parse hands the same name to every event of that element, so passing
/// one on costs one reference count instead of one per string (three strings).
public final class XMLName: Sendable, Hashable, CustomStringConvertible {
    /// The local part, e.g. `title`.
    public let localName: String
    /// The prefix as written, e.g. `dc`, or nil.
    public let prefix: String?
    /// The namespace URI, or nil when the name is in no namespace (or its prefix is undeclared).
    public let namespaceURI: String?
    /// A small number the streaming parser gives each distinct name of one document (1, 2, …),
    /// so handlers can cache per name without hashing strings; 0 for names made elsewhere.
    /// Not part of equality.
    public let serial: Int

    /// Creates a name.
    public init(localName: String, prefix: String? = nil, namespaceURI: String? = nil, serial: Int = 0) {
        self.localName = localName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.serial = serial
    }

    /// Names are equal when their local name, prefix and namespace are.
    public static func == (lhs: XMLName, rhs: XMLName) -> Bool {
        lhs.localName == rhs.localName && lhs.prefix == rhs.prefix && lhs.namespaceURI == rhs.namespaceURI
    }

    /// Hashes the local name, prefix and namespace.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(localName)
        hasher.combine(prefix)
        hasher.combine(namespaceURI)
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
