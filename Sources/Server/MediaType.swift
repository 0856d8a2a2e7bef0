/// The Content-Type of a served file, chosen by its extension.
struct MediaType: Equatable, Sendable {
    /// The header value, with a charset for text.
    let value: String
    /// Whether gzip makes it meaningfully smaller (text, XML, JSON, SVG).
    let isCompressible: Bool

    /// The type for a file name: feeds and pages by their extensions, anything unknown as
    /// `application/octet-stream`.
    init(fileName: String) {
        let dot = fileName.lastIndex(of: ".")
        let suffix = dot.map { fileName[fileName.index(after: $0)...].lowercased() } ?? ""
        switch suffix {
        case "atom": self.init("application/atom+xml; charset=utf-8", compressible: true)
        case "json": self.init("application/feed+json; charset=utf-8", compressible: true)
        case "opml": self.init("text/x-opml; charset=utf-8", compressible: true)
        case "html", "htm": self.init("text/html; charset=utf-8", compressible: true)
        case "xml", "rss", "xsl": self.init("application/xml", compressible: true)
        case "css": self.init("text/css; charset=utf-8", compressible: true)
        case "js": self.init("text/javascript; charset=utf-8", compressible: true)
        case "txt": self.init("text/plain; charset=utf-8", compressible: true)
        case "svg": self.init("image/svg+xml", compressible: true)
        case "png": self.init("image/png", compressible: false)
        case "jpg", "jpeg": self.init("image/jpeg", compressible: false)
        case "gif": self.init("image/gif", compressible: false)
        case "webp": self.init("image/webp", compressible: false)
        case "ico": self.init("image/vnd.microsoft.icon", compressible: false)
        default: self.init("application/octet-stream", compressible: false)
        }
    }

    private init(_ value: String, compressible: Bool) {
        self.value = value
        self.isCompressible = compressible
    }
}
