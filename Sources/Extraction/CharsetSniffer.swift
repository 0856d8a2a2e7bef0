#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides a page's character encoding before parsing, in the order browsers use: the HTTP
/// charset, a byte order mark, a `<meta charset>` / `http-equiv` prescan of the page's start,
/// then UTF-8 when the bytes are valid UTF-8 and windows-1252 otherwise.
enum CharsetSniffer {
    /// How many leading bytes the `<meta>` prescan reads.
    static let prescanLength = 4096

    /// Where the decision came from.
    enum Source: Sendable, Equatable { case http, byteOrderMark, meta, validity, fallback }

    /// The decided encoding: an iconv / libxml2 name, plus where it came from.
    struct Decision: Sendable, Equatable {
        /// The encoding name to give the parser ("UTF-8", "windows-1252", "Shift_JIS"…).
        var name: String
        /// What decided it.
        var source: Source
    }

    /// Decides the encoding of `bytes`; `contentType` is the HTTP Content-Type header, if any.
    static func decide(_ bytes: [UInt8], contentType: String?) -> Decision {
        if let contentType, let declared = charsetParameter(in: contentType), let name = supportedName(declared) {
            return Decision(name: name, source: .http)
        }
        if let bom = byteOrderMark(bytes) { return Decision(name: bom.name, source: .byteOrderMark) }
        if let declared = prescan(bytes), let name = supportedName(declared) {
            // A page cannot really be UTF-16 if its meta tag was readable as ASCII.
            let adjusted = name.hasPrefix("UTF-16") ? "UTF-8" : name
            return Decision(name: adjusted, source: .meta)
        }
        return UTF8Check.isValid(bytes) ? Decision(name: "UTF-8", source: .validity) : Decision(name: "windows-1252", source: .fallback)
    }

    /// The byte order mark at the start of `bytes`: the encoding and the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (name: String, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return ("UTF-8", 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("UTF-16LE", 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    /// The `charset=` parameter of a Content-Type value.
    static func charsetParameter(in contentType: String) -> String? {
        let lower = contentType.lowercased()
        guard let range = lower.range(of: "charset") else { return nil }
        var rest = lower[range.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let value = rest.prefix { !($0 == ";" || $0 == "\"" || $0 == "'" || $0 == " " || $0 == ",") }
        return value.isEmpty ? nil : String(value)
    }

    /// The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">`
    /// declares within the first `prescanLength` bytes.
    static func prescan(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(prescanLength).map { $0 >= 0x80 ? UInt8(ascii: "?") : $0 }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        var searchStart = text.startIndex
        while let meta = text.range(of: "<meta", range: searchStart..<text.endIndex) {
            let tagEnd = text[meta.upperBound...].firstIndex(of: ">") ?? text.endIndex
            let tag = String(text[meta.upperBound..<tagEnd])
            if let charset = value(of: "charset", in: tag), !charset.isEmpty {
                return charset
            }
            if tag.contains("http-equiv"), tag.contains("content-type"), let content = value(of: "content", in: tag),
                let charset = charsetParameter(in: content)
            {
                return charset
            }
            searchStart = tagEnd
        }
        return nil
    }

    /// An attribute's value inside the text of a tag (lower case), quoted or not.
    private static func value(of attribute: String, in tag: String) -> String? {
        var search = tag.startIndex
        while let found = tag.range(of: attribute, range: search..<tag.endIndex) {
            search = found.upperBound
            if found.lowerBound > tag.startIndex {
                let before = tag[tag.index(before: found.lowerBound)]
                if !(before == " " || before == "\t" || before == "\n" || before == "\r" || before == "/") { continue }
            }
            var rest = tag[found.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            if let quote = rest.first, quote == "\"" || quote == "'" {
                return String(rest.dropFirst().prefix { $0 != quote }).trimmingSpaces()
            }
            return String(rest.prefix { !($0 == " " || $0 == "/" || $0 == ";" || $0 == "'" || $0 == "\"") })
        }
        return nil
    }

    /// A declared charset label mapped to a name the converter knows, or nil when unknown.
    static func supportedName(_ label: String) -> String? {
        let key = label.lowercased().trimmingSpaces()
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "iso_8859-1", "cp819":
            return "windows-1252"
        case "utf-16", "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "shift_jis", "shift-jis", "x-sjis", "sjis", "ms_kanji", "windows-31j": return "CP932"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese": return "GB18030"
        case "euc-kr", "ks_c_5601-1987", "windows-949": return "CP949"
        case "big5", "big5-hkscs", "x-x-big5": return "BIG5-HKSCS"
        default:
            guard !key.isEmpty, key.count < 40 else { return nil }
            let descriptor = iconv_open("UTF-8", key)
            guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
            iconv_close(descriptor)
            return key
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextBuilder.isSpace($0) }),
            let last = scalars.lastIndex(where: { !TextBuilder.isSpace($0) })
        else { return "" }
        // Copied as bytes (every scalar boundary is one of UTF-8): rebuilding a scalar view
        // appends scalar by scalar.
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}
