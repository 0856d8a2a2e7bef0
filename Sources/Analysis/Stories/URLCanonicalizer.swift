import Foundation

/// Turns the many spellings of one article's address into one canonical URL, so that the same
/// page reached through a tracking link, an AMP copy or a differently cased host is recognized.
///
/// Decisions: the scheme becomes `https` (`http` and `https` serve the same article on news
/// sites), scheme and host are lower-cased, `www.` and `amp.` host prefixes are dropped,
/// default ports, fragments and trailing slashes go, tracking parameters are removed and the
/// remaining query parameters are sorted. AMP variants (`/amp`, `.amp.html`, `?amp=1`,
/// `outputType=amp`, Google AMP cache URLs) map to the regular page.
public struct URLCanonicalizer: Sendable {
    /// Query parameter names removed exactly (compared lower-cased).
    public var trackingParameters: Set<String>
    /// Query parameter name prefixes removed (compared lower-cased).
    public var trackingPrefixes: [String]

    /// A canonicalizer with the usual tracking parameters.
    public init(
        trackingParameters: Set<String> = URLCanonicalizer.defaultTrackingParameters,
        trackingPrefixes: [String] = ["utm_", "pk_", "mtm_", "hsa_", "__hs", "_hs"]
    ) {
        self.trackingParameters = trackingParameters
        self.trackingPrefixes = trackingPrefixes
    }

    /// Click ids, newsletter ids, referrer markers and AMP switches.
    public static let defaultTrackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "igsh",
        "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer", "_ga", "_gl", "cmpid",
        "ocid", "s_cid", "smid", "sr_share", "share", "at_medium", "at_campaign", "wt.mc_id",
        "amp", "outputtype", "cid", "ito", "spm", "source", "via",
    ]

    /// The canonical form of `string`, or `nil` when it is not an absolute http(s) URL.
    ///
    /// A plain ASCII address (see `plainCanonical(_:)`) is read byte by byte; any other goes
    /// through Foundation's `URLComponents`, whose decisions the byte reader reproduces.
    public func canonicalize(_ string: String) -> String? {
        if let plain = plainCanonical(string) { return plain }
        return foundationCanonical(string)
    }

    /// The canonical form by `URLComponents`: the reference for every address.
    func foundationCanonical(_ string: String) -> String? {
        guard var components = URLComponents(string: string.trimmingCharacters(in: .whitespacesAndNewlines)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var host = components.host?.lowercased(), !host.isEmpty
        else { return nil }

        var path = components.percentEncodedPath
        if host.hasSuffix(".cdn.ampproject.org") {
            // Google AMP cache: /c/s/example.com/path or /v/s/example.com/path
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            if parts.count >= 3, parts[0] == "c" || parts[0] == "v", parts[1] == "s" {
                host = parts[2].lowercased()
                path = "/" + parts.dropFirst(3).joined(separator: "/")
            } else if parts.count >= 2, parts[0] == "c" || parts[0] == "v" {
                host = parts[1].lowercased()
                path = "/" + parts.dropFirst(2).joined(separator: "/")
            }
        }
        for prefix in ["www.", "amp.", "m."] where host.hasPrefix(prefix) && host.count > prefix.count + 3 {
            host.removeFirst(prefix.count)
        }
        components.scheme = "https"
        components.host = host
        if components.port == 80 || components.port == 443 { components.port = nil }
        components.fragment = nil
        components.user = nil
        components.password = nil
        components.percentEncodedPath = Self.canonicalPath(path)

        let kept = (components.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !trackingParameters.contains(name) && !trackingPrefixes.contains(where: name.hasPrefix)
        }
        components.queryItems =
            kept.isEmpty ? nil : kept.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        return components.string
    }

    /// The path without AMP markers, duplicate slashes or a trailing slash.
    static func canonicalPath(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if let last = segments.last, last.lowercased() == "amp" || last.lowercased() == "amp.html" {
            segments.removeLast()
        }
        if let first = segments.first, first.lowercased() == "amp", segments.count > 1 {
            segments.removeFirst()
        }
        if var last = segments.last {
            if last.lowercased().hasSuffix(".amp.html") {
                last.removeLast(".amp.html".count)
                segments[segments.count - 1] = last + ".html"
            } else if last.lowercased().hasSuffix(".amp") {
                last.removeLast(".amp".count)
                segments[segments.count - 1] = last
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
