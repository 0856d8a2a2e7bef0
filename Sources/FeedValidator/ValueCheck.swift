/// Checks of small values: e-mail addresses, MIME types, language tags, numbers.
enum ValueCheck {
    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-")

    /// Whether `value` is an RFC 2822 addr-spec (`local@domain`).
    static func isAddrSpec(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(localCharacters.contains) else { return false }
        guard !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-") && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// The outcome of checking an RSS contact (`addr (Name)`, `Name <addr>` or `addr`).
    enum Contact {
        case valid
        case noName
        case invalid
    }

    /// Checks an RSS e-mail contact.
    static func contact(_ raw: String) -> Contact {
        let value = raw.trimmed
        if isAddrSpec(value) { return .noName }
        if let open = value.firstIndex(of: "("), value.hasSuffix(")") {
            let address = value[..<open].trimmed
            return isAddrSpec(address) ? .valid : .invalid
        }
        if let open = value.lastIndex(of: "<"), value.hasSuffix(">") {
            let address = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
            return isAddrSpec(address) && !value[..<open].trimmed.isEmpty ? .valid : .invalid
        }
        return .invalid
    }

    private static let tokenCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&^_.+-")

    /// Whether `value` is a MIME media type `type/subtype` with optional `; name=value` parameters.
    static func isMIMEType(_ value: String) -> Bool {
        let pieces = value.split(separator: ";", omittingEmptySubsequences: false)
        let main = pieces[0].trimmed
        let halves = main.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty else { return false }
        guard halves.allSatisfy({ $0.allSatisfy(tokenCharacters.contains) }) else { return false }
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
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}
