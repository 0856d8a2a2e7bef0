/// Syntax of the id schemes feeds use: tag: (RFC 4151), urn: (RFC 2141) and UUIDs.
enum IDCheck {
    private static let specificBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ;/?:@&=+$.-_!~*'()%,".utf8)
    private static let nssBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ()+,.:=@;$_!*'-".utf8)

    /// `tag:authority,date:specific[#fragment]`: a lower-case domain or e-mail authority and a
    /// date YYYY, YYYY-MM or YYYY-MM-DD.
    static func isTag(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count > 4, bytes[0..<4].elementsEqual("tag:".utf8) else { return false }
        guard let comma = bytes.firstIndex(of: UInt8(ascii: ",")) else { return false }
        let authority = bytes[4..<comma]
        let name: ArraySlice<UInt8>
        if let at = authority.firstIndex(of: UInt8(ascii: "@")) {
            let user = authority[authority.startIndex..<at]
            guard !user.isEmpty, user.allSatisfy({ isLowerAlnum($0) || $0 == 45 || $0 == 46 || $0 == 95 }) else { return false }
            name = authority[(at + 1)...]
        } else {
            name = authority
        }
        guard !name.isEmpty, name.allSatisfy({ isLowerAlnum($0) || $0 == 45 || $0 == 46 }) else { return false }
        var index = comma + 1
        func digits(_ count: Int) -> Bool {
            guard index + count <= bytes.count, bytes[index..<(index + count)].allSatisfy({ (48...57).contains($0) }) else { return false }
            index += count
            return true
        }
        guard digits(4) else { return false }
        if index < bytes.count, bytes[index] == 45 {
            index += 1
            guard digits(2) else { return false }
            if index < bytes.count, bytes[index] == 45 {
                index += 1
                guard digits(2) else { return false }
            }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        var seenHash = false
        for byte in bytes[index...] {
            if byte == UInt8(ascii: "#") && !seenHash {
                seenHash = true
            } else if !specificBytes.contains(byte) {
                return false
            }
        }
        return true
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (97...122).contains(byte) }

    /// `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }

    /// `urn:NID:NSS`: a namespace id of 2 to 32 letters, digits and hyphens, and a namespace
    /// specific string of URN characters or percent escapes.
    static func isURN(_ value: String) -> Bool {
        let parts = value.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let nid = parts[1].utf8
        guard (2...32).contains(nid.count), let first = nid.first, first != 45,
            nid.allSatisfy({ $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter || Character(Unicode.Scalar($0)).isNumber || $0 == 45) })
        else { return false }
        let nss = Array(parts[2].utf8)
        guard !nss.isEmpty else { return false }
        var index = 0
        while index < nss.count {
            if nss[index] == UInt8(ascii: "%") {
                guard index + 2 < nss.count else { return false }
                let hex = nss[(index + 1)...(index + 2)]
                guard hex.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) else { return false }
                index += 3
            } else {
                guard nssBytes.contains(nss[index]) else { return false }
                index += 1
            }
        }
        return true
    }
}
