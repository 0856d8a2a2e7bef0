/// Checks of small values: e-mail addresses, MIME types, language tags, numbers.
enum ValueCheck {
    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+.'%")

    /// Whether `value` is an e-mail addr-spec (`local@domain`): the local part of letters,
    /// digits and `_-+.'%`, the domain dotted labels (or an IPv4 address).
    static func isAddrSpec(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && localCharacters.contains($0) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, let lastFirst = last.first, lastFirst.isASCII, lastFirst.isLetter || lastFirst.isNumber
        else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }

    /// The outcome of checking an RSS contact (`addr (Name)` is the preferred form).
    enum Contact {
        case valid
        case noName
        case otherFormat
        case invalid
    }

    /// Checks an RSS e-mail contact (`managingEditor`, `webMaster`, `author`).
    static func contact(_ raw: String) -> Contact {
        var value = raw.trimmed
        if value.hasPrefix("mailto:") { value = String(value.dropFirst(7)) }
        if let at = value.firstIndex(of: "@"), at > value.startIndex, !value.hasSuffix(")") {
            return value.contains(" ") ? .otherFormat : .noName
        }
        var address = value
        if let open = value.firstIndex(of: "("), value.hasSuffix(")") {
            address = value[..<open].trimmed
        } else if let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            address = String(value[value.index(after: open)..<close])
        }
        return isAddrSpec(address) ? .valid : .invalid
    }

    /// Bytes a MIME token may hold (no spaces, controls or `()<>@,;:\"/[]?=`).
    private static let tokenBytes: [Bool] = (0..<256).map { byte in
        byte > 0x20 && byte < 0x7F && !"()<>@,;:\\\"/[]?=".utf8.contains(UInt8(byte))
    }

    /// Whether `value` is a MIME media type `type/subtype` with optional `; name=value` parameters.
    static func isMIMEType(_ value: String) -> Bool {
        let pieces = value.split(separator: ";", omittingEmptySubsequences: false)
        let main = pieces[0].trimmed
        let halves = main.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty else { return false }
        guard halves.allSatisfy({ $0.allSatisfy { tokenBytes[Int($0)] } }) else { return false }
        for parameter in pieces.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, !pair[0].trimmed.isEmpty else { return false }
        }
        return true
    }

    /// Whether a MIME type is an XML type (`text/xml`, `application/xml`, `+xml`, `/xml`, XML-DTD).
    static func isXMLType(_ value: String) -> Bool {
        let main = value.split(separator: ";").first.map { $0.trimmed.lowercased() } ?? ""
        return main.hasSuffix("+xml") || main.hasSuffix("/xml") || main == "application/xml-external-parsed-entity"
            || main == "application/xml-dtd"
    }

    /// Whether `value` is a language tag (RFC 3066 / BCP 47 shape) whose primary subtag is an
    /// ISO 639 code.
    static func isLanguage(_ value: String) -> Bool {
        let subtags = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first?.lowercased() else { return false }
        guard subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
            return false
        }
        if primary == "i" || primary == "x" { return subtags.count > 1 }
        guard primary.allSatisfy(\.isLetter) else { return false }
        if primary.count == 2 { return Languages.iso639_1.contains(primary) }
        return primary.count == 3
    }

    /// Whether `value` is a whole number of decimal digits (optionally signed when `signed`).
    static func integer(_ value: String) -> Int? {
        guard !value.isEmpty, value.count < 19 else { return nil }
        var digits = Substring(value)
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let unsigned: String = value.hasPrefix("+") ? String(value.dropFirst()) : value
        return Int(unsigned)
    }

    /// Whether `value` is plausible Base64 (letters, digits, `+/=` and whitespace; length fits).
    static func isBase64(_ value: String) -> Bool {
        var count = 0
        for byte in value.utf8 {
            switch byte {
            case 65...90, 97...122, 48...57, UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): count += 1
            case 9, 10, 13, 32: continue
            default: return false
            }
        }
        return count % 4 == 0
    }
}

extension StringProtocol {
    /// The value without leading or trailing spaces, tabs and line breaks.
    var trimmed: String {
        // Fast path: ASCII edges that are not whitespace need no copy beyond the String itself.
        let whole = String(self)
        let utf8 = whole.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return whole }
        if utf8.isEmpty { return "" }
        let scalars = whole.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}

extension ValueCheck {
    /// Whether `value` is an http or https URL with a host name (or IPv4 address).
    static func isHTTPURL(_ value: String) -> Bool {
        let lowered = value.lowercased()
        let rest: Substring
        if lowered.hasPrefix("http://") {
            rest = lowered.dropFirst(7)
        } else if lowered.hasPrefix("https://") {
            rest = lowered.dropFirst(8)
        } else {
            return false
        }
        let authority = rest.prefix { $0 != "/" }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if host.count == 2, host[1].isEmpty || !host[1].allSatisfy(\.isNumber) { return false }
        let labels = host[0].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
            let last = labels.last?.first, last.isLetter || last.isNumber
        else { return false }
        return URICheck.check(value, code: "x", full: true) == nil
    }
}
