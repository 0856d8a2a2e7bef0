extension URLCanonicalizer {
    /// The parts of a plain address: `http` or `https` (any case) and `://`, a host of ASCII
    /// letters, digits, dots and hyphens, an optional port of 1 to 5 digits without a leading
    /// zero, a path of RFC 3986 path characters (percent escapes included), a query of
    /// `name=value` pairs joined by `&` without percent escapes or `+`, and a fragment.
    private struct PlainParts {
        var host: String
        var port: Int?
        var path: String
        var query: [(name: String, value: String?)]
    }

    /// The canonical form of a plain address, or `nil` when `string` is not one (then
    /// `foundationCanonical(_:)` decides, including whether it is an address at all).
    /// For every plain address both give the same result.
    func plainCanonical(_ string: String) -> String? {
        var string = string
        guard let parts = string.withUTF8({ Self.plainParts(of: $0) }) else { return nil }
        var host = parts.host
        var path = parts.path
        if host.hasSuffix(".cdn.ampproject.org") {
            // Google AMP cache: /c/s/example.com/path or /v/s/example.com/path
            let segments = path.split(separator: "/", omittingEmptySubsequences: true)
            if segments.count >= 3, segments[0] == "c" || segments[0] == "v", segments[1] == "s" {
                host = segments[2].lowercased()
                path = "/" + segments.dropFirst(3).joined(separator: "/")
            } else if segments.count >= 2, segments[0] == "c" || segments[0] == "v" {
                host = segments[1].lowercased()
                path = "/" + segments.dropFirst(2).joined(separator: "/")
            }
            guard host.utf8.allSatisfy(Self.isPlainHostByte) else { return nil }
        }
        for prefix in ["www.", "amp.", "m."] where host.hasPrefix(prefix) && host.count > prefix.count + 3 {
            host.removeFirst(prefix.count)
        }
        var result = "https://" + host
        if let port = parts.port, port != 80, port != 443 { result += ":" + String(port) }
        result += Self.canonicalPath(path)
        let kept = parts.query.filter { item in
            let name = item.name.lowercased()
            return !trackingParameters.contains(name) && !trackingPrefixes.contains(where: name.hasPrefix)
        }
        if !kept.isEmpty {
            let sorted = kept.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
            result += "?" + sorted.map { item in item.value.map { item.name + "=" + $0 } ?? item.name }.joined(separator: "&")
        }
        return result
    }

    private static func plainParts(of bytes: UnsafeBufferPointer<UInt8>) -> PlainParts? {
        // Scheme.
        var position: Int
        func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
        guard bytes.count >= 8, lower(bytes[0]) == UInt8(ascii: "h"), lower(bytes[1]) == UInt8(ascii: "t"),
            lower(bytes[2]) == UInt8(ascii: "t"), lower(bytes[3]) == UInt8(ascii: "p")
        else { return nil }
        position = 4
        if lower(bytes[position]) == UInt8(ascii: "s") { position += 1 }
        guard bytes.count - position > 3, bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: "/"),
            bytes[position + 2] == UInt8(ascii: "/")
        else { return nil }
        position += 3

        // Host and port.
        let hostStart = position
        while position < bytes.count, isPlainHostByte(bytes[position] | (isUpper(bytes[position]) ? 0x20 : 0)) {
            position += 1
        }
        guard position > hostStart else { return nil }
        let host = String(decoding: UnsafeBufferPointer(rebasing: bytes[hostStart..<position]), as: UTF8.self).lowercased()
        var port: Int?
        if position < bytes.count, bytes[position] == UInt8(ascii: ":") {
            position += 1
            let portStart = position
            var value = 0
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                value = value &* 10 &+ Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
            let digits = position - portStart
            // At most 5 digits (a longer run wrapped around above and is rejected here).
            guard digits >= 1, digits <= 5, bytes[portStart] != UInt8(ascii: "0"), value <= 65535 else { return nil }
            port = value
        }

        // Path.
        let pathStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "%") {
                guard bytes.count - position >= 3, isHex(bytes[position + 1]), isHex(bytes[position + 2]) else { return nil }
                position += 3
                continue
            }
            guard isPathByte(byte) else { return nil }
            position += 1
        }
        guard position == pathStart || bytes[pathStart] == UInt8(ascii: "/") else { return nil }
        let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[pathStart..<position]), as: UTF8.self)

        // Query: name=value pairs (or bare names), none empty.
        var query: [(name: String, value: String?)] = []
        if position < bytes.count, bytes[position] == UInt8(ascii: "?") {
            position += 1
            var itemStart = position
            var equals: Int?
            while true {
                let atEnd = position == bytes.count || bytes[position] == UInt8(ascii: "#")
                if atEnd || bytes[position] == UInt8(ascii: "&") {
                    guard position > itemStart, equals != itemStart else { return nil }
                    let item = UnsafeBufferPointer(rebasing: bytes[itemStart..<position])
                    if let equals {
                        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[itemStart..<equals]), as: UTF8.self)
                        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 1)..<position]), as: UTF8.self)
                        query.append((name: name, value: value))
                    } else {
                        query.append((name: String(decoding: item, as: UTF8.self), value: nil))
                    }
                    if atEnd { break }
                    position += 1
                    itemStart = position
                    equals = nil
                    continue
                }
                let byte = bytes[position]
                if byte == UInt8(ascii: "=") {
                    guard equals == nil else { return nil }
                    equals = position
                } else {
                    guard isQueryByte(byte) else { return nil }
                }
                position += 1
            }
        }

        // Fragment (dropped, but it must be one).
        if position < bytes.count {
            position += 1
            while position < bytes.count {
                guard isQueryByte(bytes[position]) || bytes[position] == UInt8(ascii: "&") || bytes[position] == UInt8(ascii: "=")
                else { return nil }
                position += 1
            }
        }
        return PlainParts(host: host, port: port, path: path, query: query)
    }

    @inline(__always)
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    @inline(__always)
    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// Lower-case letters, digits, `.` and `-`.
    @inline(__always)
    static func isPlainHostByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Unreserved characters.
    @inline(__always)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// Unreserved characters, sub-delimiters, `:`, `@` and `/`.
    @inline(__always)
    private static func isPathByte(_ byte: UInt8) -> Bool {
        if isUnreserved(byte) { return true }
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"),
            UInt8(ascii: "@"), UInt8(ascii: "/"):
            return true
        default: return false
        }
    }

    /// Query characters other than `&`, `=`, `+` and `%`.
    @inline(__always)
    private static func isQueryByte(_ byte: UInt8) -> Bool {
        if isUnreserved(byte) { return true }
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default: return false
        }
    }
}
