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

    /// Well-known namespaces and their usual prefixes.
    static let known: [String: String] = [
        atom: "atom", rss10: "rss1", rss090: "rss090", rdf: "rdf", dc: "dc", dcterms: "dcterms", content: "content", media: "media",
        itunes: "itunes", georss: "georss", sy: "sy", slash: "slash", wfw: "wfw", thr: "thr", xhtml: "xhtml", xml: "xml",
        "http://webns.net/mvcb/": "admin", "http://purl.org/rss/1.0/modules/annotate/": "annotate", "http://www.w3.org/2007/app": "app",
        "http://backend.userland.com/blogChannelModule": "blogChannel", "http://web.resource.org/cc/": "cc",
        "http://backend.userland.com/creativeCommonsRssModule": "creativeCommons", "http://purl.org/syndication/history/1.0": "fh",
        "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo", "http://www.opengis.net/gml": "gml", "http://postneo.com/icbm": "icbm",
        "http://purl.org/rss/1.0/modules/image/": "image", "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
        "http://xmlns.com/foaf/0.1/": "foaf", "http://www.w3.org/1998/Math/MathML": "mathml",
        "http://a9.com/-/spec/opensearchrss/1.0/": "opensearch10", "http://a9.com/-/spec/opensearch/1.1/": "opensearch",
        "http://www.w3.org/2000/01/rdf-schema#": "rdfs", "http://purl.org/rss/1.0/modules/taxonomy/": "taxo",
        "http://madskills.com/public/xml/rss/module/trackback/": "trackback", "http://www.w3.org/2000/svg": "svg",
        "http://purl.org/rss/1.0/modules/threading/": "thr", "http://base.google.com/ns/1.0": "g",
        "http://www.microsoft.com/schemas/rss/core/2005": "cf", "http://purl.org/net/rss1.1#": "rss11",
        "http://www.w3.org/1999/xlink": "xlink", "http://purl.org/rss/1.0/modules/event/": "ev",
        "http://purl.org/rss/1.0/modules/link/": "l", "http://purl.org/rss/1.0/modules/reference/": "ref",
        "http://purl.org/rss/1.0/modules/search/": "search", "http://purl.org/rss/1.0/modules/servicestatus/": "ss",
        "http://purl.org/rss/1.0/modules/subscription/": "sub", "http://purl.org/rss/1.0/modules/aggregation/": "ag",
        "http://purl.org/rss/1.0/modules/company": "company", "http://purl.org/rss/1.0/modules/email/": "email",
        "http://purl.org/rss/1.0/modules/richequiv/": "reqv", "http://purl.org/rss/1.0/modules/wiki/": "wiki",
        "http://www.bloglines.com/about/specs/fac-1.0": "access", "urn:atom-extension:indexing": "indexing",
        "http://feedsync.org/2007/feedsync": "sx", "http://geourl.org/rss/module/": "geourl",
    ]
    /// The usual prefixes of the well-known namespaces.
    static let knownPrefixes: Set<String> = Set(known.values)

    /// The key of an element name: `atom:title`, `dc:date`, `title` (no namespace), or `?:name`.
    static func key(_ uri: String?, _ local: String) -> String {
        guard let uri else { return local }
        if let short = shortNames[uri] { return short + ":" + local }
        return "?:" + local
    }
}
