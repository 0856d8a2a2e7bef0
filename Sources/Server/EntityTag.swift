/// A strong entity tag for one representation of a file, and the matching rules of
/// `If-None-Match` (RFC 9110 section 13.1.2).
///
/// The tag is made from the file's size, its modification time in nanoseconds and its inode, in
/// hexadecimal: `"1f40-17a3c0e1d2b4f000-8c21"`. Feeds are replaced by renaming a new file over the
/// old one, which always gives a new inode, so a rewrite with the same size in the same instant
/// still changes the tag. Nothing is hashed, so answering a conditional request costs one `stat`.
/// The gzip representation has its own tag: the same with `-gz` inside the quotes.
struct EntityTag: Equatable, Sendable {
    /// The opaque tag without quotes.
    let opaque: String

    /// The tag of a file's identity-encoded bytes.
    init(size: Int, modifiedNanoseconds: Int, inode: UInt64) {
        opaque = "\(String(size, radix: 16))-\(String(modifiedNanoseconds, radix: 16))-\(String(inode, radix: 16))"
    }

    private init(opaque: String) {
        self.opaque = opaque
    }

    /// The tag of the gzip-encoded representation of the same bytes.
    var gzip: EntityTag { EntityTag(opaque: opaque + "-gz") }

    /// The header value, quoted.
    var headerValue: String { "\"\(opaque)\"" }

    /// Whether an `If-None-Match` header value matches this tag: `*`, or a comma-separated list
    /// one of whose tags equals it by the weak comparison (a `W/` prefix is ignored).
    func matches(ifNoneMatch header: String) -> Bool {
        for member in header.split(separator: ",") {
            var tag = member.trimmingSpaces()
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            guard tag.count >= 2, tag.first == "\"", tag.last == "\"" else { continue }
            if tag.dropFirst().dropLast() == opaque { return true }
        }
        return false
    }
}
