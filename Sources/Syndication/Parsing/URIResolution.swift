/// Resolution of the URLs a feed gives against its base (xml:base, then the document's URL).
enum URIResolution {
    /// Schemes a base URL may have; anything else (`javascript:`, `data:`) is ignored as a base.
    static let acceptableSchemes: Set<String> = [
        "file", "ftp", "gopher", "h323", "hdl", "http", "https", "imap", "magnet", "mailto", "mms", "news", "nntp",
        "prospero", "rsync", "rtsp", "rtspu", "sftp", "shttp", "sip", "sips", "snews", "svn", "svn+ssh", "telnet",
        "wais", "aim", "callto", "cvs", "facetime", "feed", "git", "gtalk", "irc", "ircs", "irc6", "itms", "msnim",
        "skype", "ssh", "smb", "ymsg",
    ]

    /// `reference` resolved against `base`; unchanged when there is no base.
    static func join(base: String?, reference: String) -> String {
        guard let base, !base.isEmpty else { return reference }
        return HTMLURIResolver.resolve(reference, against: base)
    }

    /// Whether a string starts with a URI scheme (`tag:`, `urn:`, `https:`).
    static func hasScheme(_ string: String) -> Bool {
        var sawLetter = false
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if !sawLetter { return false }
            case UInt8(ascii: ":"):
                return sawLetter
            default:
                return false
            }
        }
        return false
    }

    /// A new base from an `xml:base` value: resolved against the current one, and kept only
    /// when its scheme is a safe one.
    static func safeJoin(base: String?, reference: String) -> String? {
        guard let base, !base.isEmpty else { return reference }
        let joined = join(base: base, reference: reference)
        let scheme = joined.trimmingWhitespace().split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return acceptableSchemes.contains(scheme) ? joined : base
    }
}
