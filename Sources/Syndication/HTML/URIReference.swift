/// RFC 3986 reference resolution on strings (IRIs stay as written, nothing is
/// percent-encoded), with the same edge-case behaviour as Python's `urllib.parse.urljoin`,
/// plus feedparser's scheme safety checks.
enum URIReference {
    /// The parts of a URI reference (`scheme://netloc/path?query#fragment`).
    struct Parts {
        var scheme: String
        var netloc: String
        var hasNetloc: Bool
        var path: Substring
        var query: Substring
        var fragment: Substring
    }

    private static let relativeSchemes: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms",
        "prospero", "rtsp", "rtsps", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss",
    ]
    private static let netlocSchemes: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https",
        "shttp", "snews", "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh",
        "sftp", "nfs", "git", "git+ssh", "ws", "wss", "itms-services",
    ]

    /// Drops leading C0 controls and spaces and every tab/CR/LF (WHATWG URL cleaning).
    static func cleaned(_ s: String) -> String {
        let utf8 = s.utf8
        if let first = utf8.first, first > 0x20,
            !utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        {
            return s
        }
        var scalars = Substring(s).unicodeScalars.drop(while: { $0.value <= 0x20 })[...]
        if scalars.contains(where: { $0 == "\t" || $0 == "\r" || $0 == "\n" }) {
            scalars = scalars.filter { $0 != "\t" && $0 != "\r" && $0 != "\n" }[...]
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The lower-cased scheme of `s` (`[A-Za-z][A-Za-z0-9+.-]*` before `:`), or `""`.
    static func scheme(of s: Substring) -> String {
        guard let colon = s.utf8.firstIndex(of: ASCII.colon), colon > s.startIndex else { return "" }
        let candidate = s.utf8[s.startIndex..<colon]
        guard let first = candidate.first, ASCII.isAlpha(first) else { return "" }
        for c in candidate where !(ASCII.isAlnum(c) || c == UInt8(ascii: "+") || c == ASCII.dash || c == ASCII.dot) {
            return ""
        }
        return String(Substring(candidate)).lowercased()
    }

    /// Splits a (cleaned) reference into its parts; `defaultScheme` applies when it has none.
    static func split(_ input: String, defaultScheme: String = "") -> Parts {
        var rest = Substring(input)
        var scheme = defaultScheme
        let found = self.scheme(of: rest)
        if !found.isEmpty {
            scheme = found
            rest = rest[rest.utf8.index(after: rest.utf8.firstIndex(of: ASCII.colon)!)...]
        }
        // Every delimiter is ASCII, so the parts are found among the code units (as Python
        // finds them among the code points), not among the characters.
        var netloc = ""
        var hasNetloc = false
        if rest.utf8.starts(with: [ASCII.slash, ASCII.slash]) {
            let afterSlashes = rest.utf8.index(rest.startIndex, offsetBy: 2)
            let end = rest.utf8[afterSlashes...].firstIndex(where: { $0 == ASCII.slash || $0 == ASCII.question || $0 == ASCII.hash }) ?? rest.endIndex
            netloc = String(rest[afterSlashes..<end])
            hasNetloc = true
            rest = rest[end...]
        }
        var fragment: Substring = ""
        if let hash = rest.utf8.firstIndex(of: ASCII.hash) {
            fragment = rest[rest.utf8.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring = ""
        if let mark = rest.utf8.firstIndex(of: ASCII.question) {
            query = rest[rest.utf8.index(after: mark)...]
            rest = rest[..<mark]
        }
        return Parts(scheme: scheme, netloc: netloc, hasNetloc: hasNetloc, path: rest, query: query, fragment: fragment)
    }

    /// Reassembles parts (Python's `urlunsplit`).
    static func join(scheme: String, netloc: String, path: Substring, query: Substring, fragment: Substring) -> String {
        var url = String(path)
        let startsWithSlash = url.utf8.first == ASCII.slash
        if !netloc.isEmpty || (!scheme.isEmpty && netlocSchemes.contains(scheme) && !url.utf8.starts(with: [ASCII.slash, ASCII.slash])) {
            if !url.isEmpty, !startsWithSlash { url = "/" + url }
            url = "//" + netloc + url
        }
        if !scheme.isEmpty { url = scheme + ":" + url }
        if !query.isEmpty { url += "?" + query }
        if !fragment.isEmpty { url += "#" + fragment }
        return url
    }

    /// Resolves `reference` against `base` (Python's `urljoin`).
    static func urljoin(base: String, reference: String) -> String {
        if base.isEmpty { return reference }
        if reference.isEmpty { return base }
        let b = split(cleaned(base))
        let r = split(cleaned(reference), defaultScheme: b.scheme)
        if r.scheme != b.scheme || !relativeSchemes.contains(r.scheme) { return reference }
        var netloc = r.netloc
        if netlocSchemes.contains(r.scheme) {
            if !r.netloc.isEmpty {
                return join(scheme: r.scheme, netloc: r.netloc, path: r.path, query: r.query, fragment: r.fragment)
            }
            netloc = b.netloc
        }
        if r.path.isEmpty {
            return join(
                scheme: r.scheme, netloc: netloc, path: b.path,
                query: r.query.isEmpty ? b.query : r.query, fragment: r.fragment)
        }
        var baseParts = segmentsOf(b.path)
        if let last = baseParts.last, !last.isEmpty { baseParts.removeLast() }
        var segments: [Substring]
        if r.path.utf8.first == ASCII.slash {
            segments = segmentsOf(r.path)
        } else {
            segments = baseParts + segmentsOf(r.path)
            if segments.count > 2 {
                let middle = segments[1..<(segments.count - 1)].filter { !$0.isEmpty }
                segments = [segments[0]] + middle + [segments[segments.count - 1]]
            }
        }
        var resolved: [Substring] = []
        for segment in segments {
            if segment == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
            } else if segment != "." {
                resolved.append(segment)
            }
        }
        if let last = segments.last, last == "." || last == ".." { resolved.append("") }
        let path = resolved.joined(separator: "/")
        return join(
            scheme: r.scheme, netloc: netloc, path: Substring(path.isEmpty ? "/" : path),
            query: r.query, fragment: r.fragment)
    }

    /// A path's segments between its slashes, empty ones included.
    private static func segmentsOf(_ path: Substring) -> [Substring] {
        var segments: [Substring] = []
        var start = path.startIndex
        var index = path.startIndex
        let utf8 = path.utf8
        while index < path.endIndex {
            if utf8[index] == ASCII.slash {
                segments.append(path[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        segments.append(path[start...])
        return segments
    }

    /// Collapses extra slashes after `scheme://` (`http:///x` → `http://x`).
    static func fixingExtraSlashes(_ s: String) -> String {
        let text = Substring(s)
        let found = scheme(of: text)
        guard !found.isEmpty else { return s }
        let afterColon = text.utf8.index(after: text.utf8.firstIndex(of: ASCII.colon)!)
        let rest = text[afterColon...]
        guard rest.hasPrefix("//") else { return s }
        let body = rest.dropFirst(2).drop(while: { $0 == "/" })
        return String(text[..<afterColon]) + "//" + body
    }

    /// Whether the scheme of an absolute URI is on the safe list.
    private static func hasSafeScheme(_ uri: String) -> Bool {
        let trimmed = Text.trimmingPythonWhitespace(uri)
        let head = trimmed.utf8.firstIndex(of: ASCII.colon).map { trimmed[..<$0] } ?? Substring(trimmed)
        return HTMLAllowList.safeURISchemes.contains(head.lowercased())
    }

    /// `value` if its scheme is absent or safe, else `""` (feedparser's check of `href`).
    static func safeURI(_ value: String) -> String {
        guard !value.isEmpty else { return value }
        let scheme = self.scheme(of: Substring(cleaned(value)))
        return scheme.isEmpty || HTMLAllowList.safeURISchemes.contains(scheme) ? value : ""
    }

    /// Resolves `reference` against `base`; `""` when the result has an unsafe (or, with a
    /// relative base, no) scheme. Mirrors feedparser's `make_safe_absolute_uri`.
    static func safeAbsoluteURI(base: String, reference: String) -> String {
        if base.isEmpty { return reference }
        if reference.isEmpty { return safeURI(base) }
        let uri = urljoin(base: base, reference: fixingExtraSlashes(reference))
        return hasSafeScheme(uri) ? uri : ""
    }
}
