import Foundation

/// Resolves links against the page's base URL; without a base, relative links stay relative.
struct URLResolver: Sendable {
    /// The absolute base URL, if known.
    let base: URL?

    /// A resolver for `base` (nil or unparsable: relative links are returned unchanged).
    init(base: String?) {
        self.base = base.flatMap { Self.parse($0) }.flatMap { $0.scheme == nil ? nil : $0 }
    }

    /// The absolute form of `reference`, or nil when it is empty or unparsable.
    func resolve(_ reference: String) -> String? {
        let trimmed = reference.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") { return Self.parse(trimmed) == nil ? nil : trimmed }
        guard let base else { return trimmed }
        if trimmed.hasPrefix("#") { return nil }
        guard let url = Self.parse(trimmed, relativeTo: base) else { return nil }
        return url.absoluteString
    }

    /// The host of an absolute URL, lower-cased, without "www.".
    static func host(of string: String) -> String? {
        guard let host = parse(string)?.host?.lowercased() else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// Whether a resolved link is safe to put in sanitized HTML (no `javascript:` and the like).
    static func isSafe(_ link: String) -> Bool {
        // The scheme is read from the first visible bytes; past an ASCII opening the answer is
        // known. Anything else goes the long way, by lower-cased `Character`s.
        var head: [UInt8] = []
        head.reserveCapacity(unsafeSchemes.longest)
        for byte in link.utf8 {
            if byte >= 0x80 { return isSafeByCharacters(link) }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { continue }
            head.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if head.count == unsafeSchemes.longest { break }
        }
        return !unsafeSchemes.prefixes.contains { head.starts(with: $0) }
    }

    private static let unsafeSchemes = (prefixes: [Array("javascript:".utf8), Array("vbscript:".utf8), Array("data:".utf8)], longest: 11)

    private static func isSafeByCharacters(_ link: String) -> Bool {
        let lower = link.lowercased().filter { !$0.isWhitespace }
        return !(lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("data:"))
    }

    /// Parses a URL, percent-encoding spaces and other characters Foundation rejects.
    static func parse(_ string: String, relativeTo base: URL? = nil) -> URL? {
        if let url = URL(string: string, relativeTo: base) { return url }
        let allowed = CharacterSet.urlFragmentAllowed.union(CharacterSet(charactersIn: "#%"))
        guard let encoded = string.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)
    }
}
