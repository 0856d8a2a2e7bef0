/// How the XML parsers treat a document. The defaults are safe for hostile input.
public struct XMLParseOptions: Sendable {
    /// Keep going after well-formedness errors and report each of them (default on).
    public var recover: Bool = true
    /// Resolve references to entities the document does not declare (`&nbsp;`, `&eacute;`) as
    /// HTML 4 entities, each reported as a problem. Unknown ones are kept as literal text.
    public var resolveHTMLEntities: Bool = true
    /// The most bytes all entity references of one document may expand to (default 1 MiB).
    public var entityExpansionLimit: Int = 1 << 20
    /// The deepest element nesting accepted (default 256, libxml2's own limit).
    public var maximumDepth: Int = 256
    /// The most problems kept; later ones are counted but not stored (default 1,000).
    public var maximumErrors: Int = 1_000

    /// The safe defaults.
    public init() {}
}
