/// A parsed HTTP `Content-Type` header value: media type plus `charset` parameter.
///
/// Parsing is lenient in the way feed servers require: parameters may be separated by
/// stray spaces, values may be wrapped in double or single quotes (`charset= 'us-ascii'`),
/// malformed parameters (`charset:iso-8859-1`, a trailing `;`) are ignored.
struct ContentTypeHeader: Sendable, Hashable {
    /// Lower-cased `type/subtype`, or the empty string when the header has none.
    var mediaType: String
    /// The `charset` parameter, trimmed and unquoted, or `nil` when absent or empty.
    var charset: String?

    init(_ header: String) {
        let segments = ContentTypeHeader.splitParameters(header)
        mediaType = segments.first.map { ContentTypeHeader.trim($0).lowercased() } ?? ""
        var found: String?
        for segment in segments.dropFirst() {
            guard let equals = segment.firstIndex(of: "=") else { continue }
            let key = ContentTypeHeader.trim(segment[..<equals]).lowercased()
            guard key == "charset" else { continue }
            let value = ContentTypeHeader.unquote(ContentTypeHeader.trim(segment[segment.index(after: equals)...]))
            if !value.isEmpty { found = value }
        }
        charset = found
    }

    /// How RFC 3023 (and feedparser) treat this media type.
    var category: MediaTypeCategory {
        let type = mediaType
        if type == "application/xml" || type == "application/xml-dtd"
            || type == "application/xml-external-parsed-entity"
            || (type.hasPrefix("application/") && type.hasSuffix("+xml"))
        {
            return .applicationXML
        }
        if type == "text/xml" || type == "text/xml-external-parsed-entity"
            || (type.hasPrefix("text/") && type.hasSuffix("+xml"))
        {
            return .textXML
        }
        if type == "application/json" || type == "application/feed+json" {
            return .json
        }
        if type.hasPrefix("text/") {
            return .otherText
        }
        return .other
    }

    /// Splits on `;` outside double-quoted strings.
    private static func splitParameters(_ header: String) -> [Substring] {
        var result: [Substring] = []
        var start = header.startIndex
        var index = header.startIndex
        var inQuotes = false
        while index < header.endIndex {
            let character = header[index]
            if character == "\"" {
                inQuotes.toggle()
            } else if character == "\\" && inQuotes {
                let next = header.index(after: index)
                if next < header.endIndex { index = next }
            } else if character == ";" && !inQuotes {
                result.append(header[start..<index])
                start = header.index(after: index)
            }
            index = header.index(after: index)
        }
        result.append(header[start...])
        return result
    }

    private static func trim(_ text: Substring) -> Substring {
        var slice = text
        while let first = slice.first, first == " " || first == "\t" || first == "\r" || first == "\n" {
            slice.removeFirst()
        }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            slice.removeLast()
        }
        return slice
    }

    /// Removes one pair of surrounding quotes (either kind), resolving backslash escapes
    /// inside double quotes, then trims again (`charset=" utf-8 "`).
    private static func unquote(_ value: Substring) -> String {
        var slice = value
        if let first = slice.first, first == "\"" || first == "'" {
            slice.removeFirst()
            if let last = slice.last, last == first { slice.removeLast() }
            if first == "\"" && slice.contains("\\") {
                var unescaped = ""
                var escaping = false
                for character in slice {
                    if escaping {
                        unescaped.append(character)
                        escaping = false
                    } else if character == "\\" {
                        escaping = true
                    } else {
                        unescaped.append(character)
                    }
                }
                return String(trim(Substring(unescaped)))
            }
        }
        // Lenient: strip any remaining stray quote characters at either end.
        while let first = slice.first, first == "\"" || first == "'" { slice.removeFirst() }
        while let last = slice.last, last == "\"" || last == "'" { slice.removeLast() }
        return String(trim(slice))
    }
}

/// The RFC 3023 family a media type belongs to, which decides the default encoding.
enum MediaTypeCategory: Sendable, Hashable {
    /// `application/xml`, `application/*+xml`, `application/xml-dtd`, `application/xml-external-parsed-entity`.
    case applicationXML
    /// `text/xml`, `text/*+xml`, `text/xml-external-parsed-entity`: defaults to us-ascii.
    case textXML
    /// `application/json`, `application/feed+json`: defaults to utf-8, no XML declaration.
    case json
    /// Any other `text/*` type: not XML, defaults to us-ascii.
    case otherText
    /// Anything else: not XML, falls back to the document's own declaration.
    case other
}
