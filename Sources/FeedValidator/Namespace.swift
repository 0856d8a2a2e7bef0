/// The namespaces whose elements the validator knows, with the short names used in messages
/// and in its child-element keys.
enum Namespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let media = "http://search.yahoo.com/mrss/"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let georss = "http://www.georss.org/georss"
    static let sy = "http://purl.org/rss/1.0/modules/syndication/"
    static let slash = "http://purl.org/rss/1.0/modules/slash/"
    static let wfw = "http://wellformedweb.org/CommentAPI/"
    static let thr = "http://purl.org/syndication/thread/1.0"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// Misspellings of the Media RSS namespace that readers will not recognise.
    static let wrongMedia: Set<String> = ["http://search.yahoo.com/mrss", "http://search.yahoo.com/rss/", "http://search.yahoo.com/rss"]

    static let shortNames: [String: String] = [
        atom: "atom", atom03: "atom03", rss10: "rss1", rss090: "rss1", rdf: "rdf", dc: "dc", dcterms: "dcterms", content: "content",
        media: "media", itunes: "itunes", georss: "georss", sy: "sy", slash: "slash", wfw: "wfw", thr: "thr", xhtml: "xhtml",
    ]

    /// The key of an element name: `atom:title`, `dc:date`, `title` (no namespace), or `?:name`.
    static func key(_ uri: String?, _ local: String) -> String {
        guard let uri else { return local }
        if let short = shortNames[uri] { return short + ":" + local }
        return "?:" + local
    }
}
