/// Checks of URIs and IRIs (RFC 3986 / RFC 3987), as far as a document validator can tell.
enum URICheck {
    /// URI schemes the validator knows as registered; others get a warning.
    static let knownSchemes: Set<String> = [
        "http", "https", "ftp", "mailto", "news", "nntp", "urn", "tag", "file", "data", "gopher", "telnet", "irc", "ircs", "xmpp",
        "sip", "sips", "tel", "fax", "feed", "itpc", "pcast", "ldap", "rtsp", "rtmp", "mms", "magnet", "git", "ssh", "sftp", "webcal",
        "geo", "doi", "info", "javascript", "about", "aim", "callto", "skype", "spotify", "wais", "prospero", "snews", "imap", "pop",
        "cid", "mid", "ni", "dns", "z39.50r", "z39.50s", "acap", "vemmi", "service", "im", "pres", "crid", "soap.beep",
    ]

    /// The scheme of `value` (lower-cased), or nil for a relative reference.
    static func scheme(_ value: String) -> String? {
        var result = ""
        for (offset, character) in value.unicodeScalars.enumerated() {
            if character == ":" { return offset == 0 ? nil : result.lowercased() }
            let allowed =
                character.properties.isASCIIHexDigit || ("a"..."z").contains(character) || ("A"..."Z").contains(character)
                || (offset > 0 && (character == "+" || character == "-" || character == "." || ("0"..."9").contains(character)))
            if !allowed { return nil }
            result.unicodeScalars.append(character)
        }
        return nil
    }

    /// Why `value` is not an IRI reference, or nil when it is one. `iri: false` also refuses
    /// characters outside ASCII (a URI reference).
    static func reference(_ value: String, iri: Bool = true) -> String? {
        if value.isEmpty { return nil }
        var bytes = Array(value.utf8)[...]
        while let first = bytes.first {
            if first == UInt8(ascii: "%") {
                let hex = bytes.dropFirst().prefix(2)
                guard hex.count == 2, hex.allSatisfy(isHex) else { return "'%' must be followed by two hexadecimal digits" }
                bytes = bytes.dropFirst(3)
                continue
            }
            if first >= 0x80 {
                if !iri { return "characters outside ASCII must be percent-encoded in a URI" }
            } else if first <= 0x20 || first == 0x7F {
                return first == 0x20 ? "spaces are not allowed (write %20)" : "control characters are not allowed"
            } else if "<>\"{}|\\^`".utf8.contains(first) {
                return "the character '\(Character(Unicode.Scalar(first)))' is not allowed (percent-encode it)"
            }
            bytes = bytes.dropFirst()
        }
        if let colon = value.firstIndex(of: ":"), scheme(value) == nil {
            let head = value[..<colon]
            if !head.contains("/") && !head.contains("?") && !head.contains("#") {
                return head.isEmpty ? "a reference cannot start with ':'" : "'\(head)' is not a valid scheme"
            }
        }
        return nil
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    /// Why `value` is not an absolute URL with a known scheme (and a host for http/https/ftp),
    /// or nil when it is one.
    static func fullURL(_ value: String, iri: Bool = true) -> String? {
        if let problem = reference(value, iri: iri) { return problem }
        guard let scheme = scheme(value) else {
            return value.isEmpty ? "the URL is empty" : "'\(value)' is not an absolute URL (it has no scheme such as http:)"
        }
        guard knownSchemes.contains(scheme) else { return "'\(scheme)' is not a registered URI scheme" }
        if ["http", "https", "ftp"].contains(scheme) {
            let rest = value.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//") else { return "an \(scheme) URL must be written \(scheme)://host/path" }
            let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let name = host.split(separator: "@").last.map(String.init) ?? ""
            let hostOnly = name.hasPrefix("[") ? name : String(name.prefix { $0 != ":" })
            if hostOnly.isEmpty { return "the URL has no host name" }
            if name.contains(":"), !name.hasPrefix("[") {
                let port = name.split(separator: ":", omittingEmptySubsequences: false).last ?? ""
                if !port.isEmpty && Int(port) == nil { return "the port '\(port)' is not a number" }
            }
        }
        return nil
    }

    /// Whether an absolute http(s) URI is not in normal form (upper-case scheme or host,
    /// the default port, or no path).
    static func isNonCanonical(_ value: String) -> Bool {
        guard let scheme = scheme(value), scheme == "http" || scheme == "https" else { return false }
        let written = value.prefix(scheme.count)
        if written != scheme { return true }
        let rest = value.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority != authority.lowercased() { return true }
        if authority.hasSuffix(":80") && scheme == "http" || authority.hasSuffix(":443") && scheme == "https" { return true }
        if rest.count == authority.count { return true }
        if value.contains("/./") || value.contains("/../") { return true }
        return false
    }
}
