/// Syntax of the id schemes feeds use: tag: (RFC 4151), urn: (RFC 8141) and UUIDs.
enum IDCheck {
    /// `tag:authority,date:specific`, where the date is YYYY, YYYY-MM or YYYY-MM-DD.
    static func isTag(_ value: String) -> Bool {
        let body = value.dropFirst(4)
        guard let colon = body.firstIndex(of: ":") else { return false }
        let head = body[..<colon]
        guard let comma = head.lastIndex(of: ",") else { return false }
        let authority = head[..<comma]
        let date = head[head.index(after: comma)...]
        guard !authority.isEmpty, !authority.contains(" ") else { return false }
        if authority.contains("@") {
            guard ValueCheck.isAddrSpec(String(authority)) else { return false }
        } else {
            guard authority.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
        }
        let pieces = date.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count), pieces[0].count == 4 else { return false }
        guard pieces.allSatisfy({ $0.allSatisfy(\.isNumber) }), pieces.dropFirst().allSatisfy({ $0.count == 2 }) else { return false }
        if pieces.count > 1, !(1...12).contains(Int(pieces[1]) ?? 0) { return false }
        if pieces.count > 2, !(1...31).contains(Int(pieces[2]) ?? 0) { return false }
        return URICheck.reference(String(body[body.index(after: colon)...])) == nil
    }

    /// `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// `urn:NID:NSS` with a namespace id of letters, digits and hyphens.
    static func isURN(_ value: String) -> Bool {
        let parts = value.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let nid = parts[1]
        guard (1...32).contains(nid.count), nid.first != "-", nid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            return false
        }
        return !parts[2].isEmpty && URICheck.reference(String(parts[2]), iri: false) == nil
    }
}
