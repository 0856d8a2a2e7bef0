/// What a request's `Accept-Encoding` header allows (RFC 9110 section 12.5.3).
enum AcceptEncoding {
    /// Whether the gzip coding is acceptable: named as `gzip` (or `x-gzip`) with a q-value above
    /// zero, or covered by `*` with a q-value above zero when gzip is not named at all.
    static func allowsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var wildcard: Bool?
        for member in header.split(separator: ",") {
            let parts = member.split(separator: ";")
            guard let first = parts.first else { continue }
            let coding = first.trimmingSpaces().lowercased()
            let acceptable = quality(parts.dropFirst()) > 0
            switch coding {
            case "gzip", "x-gzip": return acceptable
            case "*": wildcard = acceptable
            default: continue
            }
        }
        return wildcard ?? false
    }

    /// The q-value among a member's parameters: 1 when absent, 0 when malformed.
    private static func quality(_ parameters: ArraySlice<Substring>) -> Double {
        for parameter in parameters {
            let pair = parameter.trimmingSpaces()
            guard pair.lowercased().hasPrefix("q=") else { continue }
            guard let value = Double(pair.dropFirst(2)), (0...1).contains(value) else { return 0 }
            return value
        }
        return 1
    }
}
