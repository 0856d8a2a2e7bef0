/// Checks of URIs and IRIs the way feed validators have long done them: a small set of
/// allowed characters, tag:, urn: and urn:uuid: syntax, and a list of registered schemes.
enum URICheck {
    /// What is wrong with a URI: an identifier (the caller's own for the general case) and why.
    struct Problem: Equatable {
        var code: String
        var reason: String
    }

    /// Schemes registered with IANA that feeds use; others get `SchemeNotIANARegistered`.
    static let registeredSchemes: Set<String> = [
        "ftp", "http", "gopher", "mailto", "news", "nntp", "telnet", "wais", "file", "prospero", "z39.50s", "z39.50r", "cid", "mid",
        "vemmi", "service", "imap", "nfs", "acap", "rtsp", "tip", "pop", "data", "dav", "opaquelocktoken", "sip", "sips", "tel", "fax",
        "modem", "ldap", "https", "soap.beep", "soap.beeps", "xmlrpc.beep", "xmlrpc.beeps", "urn", "go", "h323", "ipp", "tftp",
        "mupdate", "pres", "im", "mtqp", "iris.beep", "dict", "snmp", "crid", "tag", "dns", "info", "aaa", "aaas", "cap", "iax", "icap",
        "iris", "iris.xpc", "iris.xpcs", "iris.lwz", "msrp", "msrps", "shttp", "thismessage", "tv", "xmpp", "irc", "geo", "magnet",
        "feed", "itpc", "webcal", "ssh", "sftp", "git", "javascript", "about", "rtmp", "mms",
    ]

    /// Which bytes a URI may hold: letters, digits and `;/?:@&=+$.-_!~*'()%,#`.
    private static let uriBytes: [Bool] = (0..<256).map { byte in
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || ";/?:@&=+$.-_!~*'()%,#".utf8.contains(UInt8(byte))
    }

    @inline(__always)
    static func isURIByte(_ byte: UInt8) -> Bool { uriBytes[Int(byte)] }

    /// The scheme of `value` (lower-cased), or nil for a relative reference.
    static func scheme(_ value: String) -> String? {
        var result: [UInt8] = []
        for byte in value.utf8 {
            if byte == UInt8(ascii: ":") { return result.isEmpty ? nil : String(decoding: result, as: UTF8.self).lowercased() }
            let letter = (65...90).contains(byte) || (97...122).contains(byte)
            let allowed = letter || (!result.isEmpty && ((48...57).contains(byte) || byte == 43 || byte == 45 || byte == 46))
            if !allowed { return nil }
            result.append(byte)
        }
        return nil
    }

    /// Checks a URI (or, with `iri`, an IRI) reference; `full` requires a scheme. General
    /// failures are reported as `code`; tag:, urn: and character problems get their own codes.
    static func check(_ value: String, code: String, full: Bool, iri: Bool = false) -> Problem? {
        let lowered = value.lowercased()
        if lowered.hasPrefix("tag:") {
            return IDCheck.isTag(value) ? nil : Problem(code: "InvalidTAG", reason: "'\(value)' is not a tag URI (tag:example.com,2024:name)")
        }
        if lowered.hasPrefix("urn:") {
            if lowered.hasPrefix("urn:uuid:") && !IDCheck.isUUID(String(value.dropFirst(9))) {
                return Problem(code: "InvalidUUID", reason: "'\(value)' is not a urn:uuid: with a valid UUID")
            }
            return IDCheck.isURN(value) ? nil : Problem(code: "InvalidURN", reason: "'\(value)' is not a valid URN (urn:nid:nss)")
        }
        if !matchesShape(value, full: full) {
            if let bad = value.utf8.first(where: { $0 < 0x80 && !isURIByte($0) }) {
                let shown = bad == 0x20 ? "a space" : bad < 0x20 ? "a control character" : "'\(Character(Unicode.Scalar(bad)))'"
                return Problem(code: "InvalidUriChar", reason: "'\(value)' contains \(shown), which must be percent-encoded")
            }
            if value.utf8.contains(where: { $0 >= 0x80 }) {
                if iri { return matchesShape(asciiOnly(value), full: full) ? nil : Problem(code: code, reason: "'\(value)' is not a valid IRI") }
                return Problem(code: "UriNotIri", reason: "'\(value)' has characters outside ASCII: percent-encode them")
            }
            return Problem(
                code: code, reason: full ? "'\(value)' is not an absolute URI with a scheme such as http:" : "'\(value)' is not a valid URI")
        }
        guard let scheme = scheme(value) else { return nil }
        if scheme == "http" || scheme == "ftp" || scheme == "https" {
            let rest = value.utf8.dropFirst(scheme.utf8.count + 1)
            let slashes = rest.prefix(2)
            if scheme != "https" || full {
                guard slashes.elementsEqual("//".utf8), let host = rest.dropFirst(2).first, host != UInt8(ascii: "/") else {
                    return Problem(code: code, reason: "'\(value)' must be written \(scheme)://host/path")
                }
            }
        } else if !registeredSchemes.contains(scheme), scheme.allSatisfy(\.isLetter) {
            return Problem(code: "SchemeNotIANARegistered", reason: "'\(scheme)' is not a URI scheme registered with IANA")
        }
        return nil
    }

    /// The value with every non-ASCII character replaced by a letter (IRIs allow them).
    private static func asciiOnly(_ value: String) -> String {
        String(decoding: value.utf8.map { $0 >= 0x80 ? UInt8(ascii: "a") : $0 }, as: UTF8.self)
    }

    /// `scheme:` (or nothing, unless `full`), up to two slashes, an optional `[v6]` host, and
    /// URI characters only.
    private static func matchesShape(_ value: String, full: Bool) -> Bool {
        var bytes = value.utf8[...]
        if let scheme = scheme(value) {
            bytes = bytes.dropFirst(scheme.utf8.count + 1)
            if full {
                if bytes.starts(with: "//".utf8) { bytes = bytes.dropFirst(2) }
                return !bytes.isEmpty && bytes.allSatisfy(isURIByte)
            }
        } else if full {
            return false
        }
        var slashCount = 0
        while slashCount < 2, bytes.first == UInt8(ascii: "/") {
            bytes = bytes.dropFirst()
            slashCount += 1
        }
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let inside = bytes[bytes.index(after: bytes.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0 == UInt8(ascii: ":") || ($0 < 0x80 && Character(Unicode.Scalar($0)).isHexDigit) }) else {
                return false
            }
            bytes = bytes[bytes.index(after: close)...]
        }
        return bytes.allSatisfy(isURIByte)
    }

    /// The normal form of an http(s) URI as a validator compares it: lower-case scheme and
    /// host, no default port, a path of at least `/`, upper-case percent escapes.
    static func canonical(_ value: String) -> String? {
        guard let scheme = scheme(value), scheme == "http" || scheme == "https" else { return value }
        let rest = value.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else { return nil }
        let afterSlashes = rest.dropFirst(2)
        var authority = String(afterSlashes.prefix { $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
        var path = String(afterSlashes.dropFirst(authority.count))
        if scheme == "http" && authority.hasSuffix(":80") { authority.removeLast(3) }
        if scheme == "https" && authority.hasSuffix(":443") { authority.removeLast(4) }
        if authority.hasSuffix(":") { authority.removeLast() }
        if path.isEmpty || path.hasPrefix("?") || path.hasPrefix("#") { path = "/" + path }
        return scheme + "://" + authority + path
    }

    /// Whether an absolute http(s) URI is not in its normal form.
    static func isNonCanonical(_ value: String) -> Bool {
        guard let form = canonical(value) else { return false }
        return form != value
    }
}
