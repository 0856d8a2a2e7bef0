import LibXML

/// Decides a feed's character encoding and converts the feed to UTF-8.
///
/// The decision follows Python feedparser's `convert_to_utf8`, which applies RFC 3023:
///
/// - `application/xml`, `application/*+xml`, `application/xml-dtd`,
///   `application/xml-external-parsed-entity`: the HTTP charset, else the XML declaration,
///   else UTF-8.
/// - `text/xml`, `text/*+xml`, `text/xml-external-parsed-entity`: the HTTP charset, else
///   US-ASCII.
/// - other `text/*` types: the HTTP charset, else US-ASCII, with a `NonXMLContentType` warning;
///   other non-XML types use the declaration, else UTF-8, with the same warning.
/// - no `Content-Type` (a local file): the XML declaration, else UTF-8.
///
/// The decided encoding is tried first, then the declared one, the sniffed one, UTF-8,
/// windows-1252 and ISO-8859-2; the first that decodes strictly wins. When it is not the
/// decided one, a `CharacterEncodingOverride` warning is added.
///
/// Two deliberate refinements over feedparser: a byte order mark, or the byte pattern of a
/// UTF-16/UTF-32 document, outranks a conflicting HTTP charset or declaration (XML 1.0
/// Appendix F; feedparser would produce mojibake), and a UTF-16/UTF-32 label on a document
/// whose bytes are visibly ASCII-compatible is ignored. Both add `CharacterEncodingOverride`.
public enum FeedEncodingDetector {
    /// Decides the encoding of `bytes` and converts them to UTF-8.
    ///
    /// - Parameters:
    ///   - bytes: the raw document.
    ///   - contentType: the HTTP `Content-Type` header value, or `nil` for a document that
    ///     did not come over HTTP (an empty value counts as absent).
    ///   - translatesC1Controls: read C1 control characters (U+0080–U+009F) as the
    ///     windows-1252 characters they almost always stand for (`don\u{92}t` → `don’t`),
    ///     as feedparser does. Defaults to `true`.
    /// - Returns: the UTF-8 document, the encoding used and any warnings. Never fails.
    public static func decode(
        _ bytes: [UInt8], contentType: String?, translatesC1Controls: Bool = true
    ) -> DecodedDocument {
        bytes.withUnsafeBufferPointer { all in
            decode(buffer: all, original: bytes, contentType: contentType, translatesC1Controls: translatesC1Controls)
        }
    }

    /// The `charset` parameter of a `Content-Type` value, unquoted and trimmed but otherwise
    /// as given; `nil` when there is none.
    public static func charset(fromContentType contentType: String) -> String? {
        ContentTypeHeader(contentType).charset
    }

    /// The lower-cased `type/subtype` of a `Content-Type` value, parameters stripped;
    /// `nil` when the value is empty.
    public static func mediaType(fromContentType contentType: String) -> String? {
        let type = ContentTypeHeader(contentType).mediaType
        return type.isEmpty ? nil : type
    }

    /// The windows-1252 character a C1 control scalar (U+0080–U+009F) stands for; any other
    /// scalar, and the five C1 positions windows-1252 leaves undefined, are returned unchanged.
    ///
    /// Useful for numeric character references such as `&#146;`, which feeds use to mean `’`.
    public static func windows1252Character(forC1Control scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(Windows1252.translatingC1(scalar.value)) ?? scalar
    }

    // MARK: - Decision

    private static func decode(
        buffer all: UnsafeBufferPointer<UInt8>, original: [UInt8], contentType: String?, translatesC1Controls: Bool
    ) -> DecodedDocument {
        var warnings: [EncodingWarning] = []
        func warn(_ code: String, _ message: String) {
            let warning = EncodingWarning(code: code, message: message)
            if !warnings.contains(warning) { warnings.append(warning) }
        }

        let sniffed = ByteOrderMark.sniff(all)
        let body = UnsafeBufferPointer(rebasing: all[(sniffed?.length ?? 0)...])
        let sniffedName = sniffed?.encoding
        let sniffedIsWide = sniffedName.map(EncodingName.isWide) ?? false
        let visiblyNarrow = sniffed == nil && looksASCIICompatible(body)

        // The XML declaration, read through the sniffed encoding.
        var xmlEncoding = XMLDeclarationSniffer.declaredEncoding(in: body, sniffed: sniffedName)
            .flatMap(EncodingName.canonical)
            .map { EncodingName.resolveByteOrder($0, sniffed: sniffedName) }
        if let declared = xmlEncoding, EncodingName.isWide(declared), visiblyNarrow || (sniffed != nil && !sniffedIsWide) {
            warn(
                EncodingWarning.characterEncodingOverrideCode,
                "document declared as \(declared), but its bytes are not \(declared); declaration ignored")
            xmlEncoding = nil
        }

        // RFC 3023 decision from the Content-Type.
        let trimmedType = contentType.map { $0.trimmingSpaces() } ?? ""
        let header = trimmedType.isEmpty ? nil : ContentTypeHeader(trimmedType)
        let httpEncoding = header?.charset
            .flatMap(EncodingName.canonical)
            .map { EncodingName.resolveByteOrder($0, sniffed: sniffedName) }
        var decided: String
        var decidedIsExplicit: Bool
        var isJSON = false
        switch header?.category {
        case nil:
            decided = xmlEncoding ?? "utf-8"
            decidedIsExplicit = xmlEncoding != nil
        case .applicationXML?:
            decided = httpEncoding ?? xmlEncoding ?? "utf-8"
            decidedIsExplicit = httpEncoding != nil || xmlEncoding != nil
        case .textXML?:
            decided = httpEncoding ?? "us-ascii"
            decidedIsExplicit = httpEncoding != nil
        case .json?:
            isJSON = true
            decided = httpEncoding ?? "utf-8"
            decidedIsExplicit = httpEncoding != nil
        case .otherText?:
            decided = httpEncoding ?? "us-ascii"
            decidedIsExplicit = httpEncoding != nil
            warn(EncodingWarning.nonXMLContentTypeCode, "\(trimmedType) is not an XML media type")
        case .other?:
            decided = xmlEncoding ?? "utf-8"
            decidedIsExplicit = xmlEncoding != nil
            warn(EncodingWarning.nonXMLContentTypeCode, "\(trimmedType) is not an XML media type")
        }

        // A byte order mark, or a UTF-16/32 byte pattern, outranks labels.
        if let sniffed, sniffed.isMark || sniffedIsWide, decided != sniffed.encoding {
            if decidedIsExplicit {
                warn(
                    EncodingWarning.characterEncodingOverrideCode,
                    "document declared as \(decided), but its byte order mark says \(sniffed.encoding)")
            }
            decided = sniffed.encoding
        } else if EncodingName.isWide(decided) && visiblyNarrow {
            warn(
                EncodingWarning.characterEncodingOverrideCode,
                "document declared as \(decided), but its bytes are not \(decided)")
            decided = xmlEncoding ?? "utf-8"
        }

        // Try the candidates in order.
        var tried: [String] = []
        for candidate in [decided, xmlEncoding, sniffedName, "utf-8", "windows-1252", "iso-8859-2"] {
            guard let candidate, !tried.contains(candidate) else { continue }
            tried.append(candidate)
            guard let outcome = Transcoder.decodeAvoidingCopy(body, canonicalName: candidate, translateC1: translatesC1Controls) else {
                continue
            }
            var utf8: [UInt8]
            switch outcome {
            case .converted(let converted): utf8 = converted
            case .unchanged: utf8 = body.count == all.count ? original : Array(body)
            }
            if candidate != decided {
                warn(
                    EncodingWarning.characterEncodingOverrideCode,
                    "document declared as \(decided), but parsed as \(candidate)")
            }
            if !isJSON { XMLDeclarationSniffer.rewriteDeclaredEncoding(in: &utf8) }
            return DecodedDocument(utf8: utf8, encoding: candidate, warnings: warnings)
        }

        // Nothing worked (only possible when iconv lacks ISO-8859-2): ISO-8859-1 never fails.
        warn(
            EncodingWarning.characterEncodingUnknownCode,
            "document encoding unknown, tried \(tried.joined(separator: ", ")) but nothing worked; read as iso-8859-1")
        var utf8 =
            SingleByteDecoder.decode(
                body, table: translatesC1Controls ? .latin1TranslatingC1 : .latin1) ?? []
        if !isJSON { XMLDeclarationSniffer.rewriteDeclaredEncoding(in: &utf8) }
        return DecodedDocument(utf8: utf8, encoding: "iso-8859-1", warnings: warnings)
    }

    /// `true` when the document visibly starts with an ASCII `<` or whitespace followed by a
    /// non-zero byte, so it cannot be UTF-16 or UTF-32.
    private static func looksASCIICompatible(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        guard body.count >= 2 else { return false }
        let first = body[0]
        let isMarkup = first == UInt8(ascii: "<") || first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D
        return isMarkup && body[1] != 0
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" || first == "\n" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" || last == "\n" { slice.removeLast() }
        return String(slice)
    }
}
