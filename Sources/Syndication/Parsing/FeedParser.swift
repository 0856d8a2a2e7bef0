internal import LibXML

/// The universal feed parser: RSS 0.90–2.0, RDF, Atom 0.3 and 1.0 and JSON Feed, detected from
/// the content. It never fails: a broken document gives what a person could read of it, with
/// `wellFormed == false` and the problems as warnings.
public enum FeedParser {
    /// Parses a document held in memory.
    /// - Parameters:
    ///   - bytes: the document as received.
    ///   - baseURL: where it came from, to resolve relative URLs (none: they stay relative).
    ///   - contentType: the HTTP `Content-Type`, which takes part in choosing the encoding.
    public static func parse(_ bytes: [UInt8], baseURL: String? = nil, contentType: String? = nil) -> ParsedFeed {
        var entries: [FeedEntry] = []
        var result = parse(bytes, baseURL: baseURL, contentType: contentType) { entries.append($0) }
        result.entries = entries
        return result
    }

    /// Parses a document and hands each entry to `onEntry` as soon as it is complete, so a huge
    /// feed never has all its entries in memory; the returned result has no entries.
    public static func parse(_ bytes: [UInt8], baseURL: String? = nil, contentType: String? = nil, onEntry: (FeedEntry) -> Void) -> ParsedFeed {
        parse(bytes, baseURL: baseURL, contentType: contentType, defersMarkup: false) { (entry: consuming UnfinishedEntry) in
            onEntry(entry.finished())
        }
    }

    /// Parses a document like `parse(_:baseURL:contentType:onEntry:)`, but hands each entry over
    /// before its content and summary HTML is sanitized: `UnfinishedEntry.finished()` does that
    /// (the larger part of the work on HTML-rich feeds), on whatever thread calls it.
    public static func parseUnfinished(
        _ bytes: [UInt8], baseURL: String? = nil, contentType: String? = nil, onEntry: (UnfinishedEntry) -> Void
    ) -> ParsedFeed {
        parse(bytes, baseURL: baseURL, contentType: contentType, defersMarkup: true, onEntry: onEntry)
    }

    private static func parse(
        _ bytes: [UInt8], baseURL: String?, contentType: String?, defersMarkup: Bool, onEntry: (consuming UnfinishedEntry) -> Void
    ) -> ParsedFeed {
        if JSONFeedReader.looksLikeJSON(bytes, contentType: contentType) {
            var result = JSONFeedReader.parse(bytes, baseURL: baseURL)
            for entry in result.entries { onEntry(UnfinishedEntry(entry)) }
            result.entries = []
            return result
        }
        var decoded = FeedEncodingDetector.decode(bytes, contentType: contentType)
        var result = ParsedFeed()
        if let utf8 = mislabelledUTF8(bytes, decidedEncoding: decoded.encoding) {
            decoded.utf8 = utf8
            decoded.warnings.append(
                EncodingWarning(
                    code: EncodingWarning.characterEncodingOverrideCode,
                    message: "declared \(decoded.encoding) but the bytes are UTF-8; read as UTF-8"))
            decoded.encoding = "utf-8"
        }
        result.encoding = decoded.encoding
        result.warnings = decoded.warnings.map { FeedWarning(code: $0.code, message: $0.message) }
        if let repair = XMLRepair.escapeBareAmpersands(decoded.utf8) {
            decoded.utf8 = repair.bytes
            result.wellFormed = false
            let count = repair.report.count
            result.warnings.append(
                FeedWarning(
                    code: "NotWellFormed",
                    message: "\(count) bare '&' or '<' (starting no reference or tag) read as text",
                    line: repair.report.firstLine))
        }
        if let repair = XMLRepair.closeVoidElements(decoded.utf8) {
            decoded.utf8 = repair.bytes
            if repair.report.count > 0 {
                result.wellFormed = false
                result.warnings.append(
                    FeedWarning(
                        code: "NotWellFormed",
                        message: "\(repair.report.count) HTML element(s) such as <br> left open; closed them",
                        line: repair.report.firstLine))
            }
        }
        return withoutActuallyEscaping(onEntry) { onEntry in
            let handler = FeedDocumentHandler(baseURI: baseURL, onEntry: onEntry)
            handler.defersMarkup = defersMarkup
            handler.documentIsUTF8 = decoded.encoding == "utf-8"
            let parser = XMLStreamParser(handler: handler)
            decoded.utf8.withUnsafeBytes { buffer in
                var offset = 0
                let chunk = 256 * 1024
                while offset < buffer.count && !parser.stopped {
                    let end = min(buffer.count, offset + chunk)
                    parser.feed(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                    offset = end
                }
            }
            parser.finish()
            if handler.inEntry { handler.finishEntry() }
            handler.finishFeed()
            result.format = handler.format
            result.feed = handler.feed.metadata
            result.wellFormed = result.wellFormed && !handler.notWellFormed
            // With an external DTD (never loaded) the entities may well be declared there, so
            // using them is no well-formedness error; they are resolved as HTML entities.
            for name in parser.entityNames.sorted() where !handler.hasExternalDTD {
                result.wellFormed = false
                result.warnings.append(FeedWarning(code: XMLParseError.Code.undefinedEntity, message: "entity '&\(name);' is not defined in XML"))
            }
            result.warnings.append(contentsOf: handler.warnings)
            if handler.format == .unknown && handler.entryCount == 0 {
                result.wellFormed = false
                result.warnings.append(FeedWarning(code: "NotAFeed", message: "the document is not an RSS, Atom or JSON feed"))
            }
            return result
        }
    }
}

extension FeedParser {
    /// A document labelled ISO-8859-1 or windows-1252 whose bytes are valid UTF-8 with at least
    /// one multi-byte character was written in UTF-8: read as labelled it would be mojibake
    /// (`CafÃ©`). Returns the UTF-8 bytes to parse, or nil when the label is believable.
    static func mislabelledUTF8(_ bytes: [UInt8], decidedEncoding: String) -> [UInt8]? {
        guard decidedEncoding == "iso-8859-1" || decidedEncoding == "windows-1252" else { return nil }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        var utf8 = bytes
        XMLDeclarationSniffer.rewriteDeclaredEncoding(in: &utf8)
        return utf8
    }
}

extension FeedDocumentHandler {
    /// Attaches what was gathered outside the feed's own record (its image).
    func finishFeed() {
        if let image { feed.image = image.feedImage }
    }
}
