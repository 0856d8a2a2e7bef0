internal import Foundation
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
        let document = prepare(bytes, contentType: contentType)
        return document.utf8.withUnsafeBytes { buffer in
            withoutActuallyEscaping(onEntry) { onEntry in
                let pass = Pass(document: document, baseURL: baseURL, defersMarkup: defersMarkup, onEntry: onEntry)
                pass.read([buffer])
                return pass.result()
            }
        }
    }

    /// The smallest document ``parseInParts(_:baseURL:contentType:minimumBytes:onEntry:)`` cuts:
    /// below it a second thread costs more than it saves.
    public static let partsMinimumBytes = 1 << 20
    /// The largest: each part's entries are held until both are done, and a larger feed is
    /// better streamed.
    static let partsMaximumBytes = 32 << 20

    /// Parses a large XML feed as two parts side by side, each on a thread of its own (the
    /// calling thread is one): the entries before a cut (part 0) and those from it (part 1).
    /// Each part's entries go to `onEntry` with the part's number, in document order, before
    /// their markup is sanitized (as ``parseUnfinished(_:baseURL:contentType:onEntry:)``). The
    /// result, but for its entries, is what one pass gives.
    ///
    /// Returns nil when the document is not cut: too small or too large, JSON, repaired, or of a
    /// structure ``FeedSplitter`` declines; and also, after both parts have run, when they do not
    /// agree with one pass (a problem in the markup, an entity XML does not know, entries not
    /// where the cut counted them): the caller then forgets what `onEntry` was given and parses
    /// the document whole.
    public static func parseInParts(
        _ bytes: [UInt8], baseURL: String? = nil, contentType: String? = nil, minimumBytes: Int = partsMinimumBytes,
        onEntry: @Sendable (Int, consuming UnfinishedEntry) -> Void
    ) -> ParsedFeed? {
        guard bytes.count >= minimumBytes, bytes.count <= partsMaximumBytes, !JSONFeedReader.looksLikeJSON(bytes, contentType: contentType) else {
            return nil
        }
        // Decoded, not repaired: a document that a repair would change is not cut, so the scans
        // for repairs only have to find none, and they run beside the cut's scan.
        let document = decoded(bytes, contentType: contentType)
        guard document.result.wellFormed, document.result.warnings.isEmpty else { return nil }
        return document.utf8.withUnsafeBytes { buffer -> ParsedFeed? in
            guard let cut = cutUnlessRepairsAreDue(document.utf8) else { return nil }
            let outcomes = PartOutcomes()
            let closing = cut.closing
            closing.withUnsafeBytes { closing in
                let parts: [[UnsafeRawBufferPointer]] = [
                    [UnsafeRawBufferPointer(rebasing: buffer[..<cut.cut]), closing],
                    [UnsafeRawBufferPointer(rebasing: buffer[..<cut.headEnd]), UnsafeRawBufferPointer(rebasing: buffer[cut.cut...])],
                ]
                let shared = UncheckedPieces(parts: parts)
                withoutActuallyEscaping(onEntry) { onEntry in
                    DispatchQueue.concurrentPerform(iterations: 2) { part in
                        let pass = Pass(document: document, baseURL: baseURL, defersMarkup: true) { entry in onEntry(part, entry) }
                        pass.read(shared.parts[part])
                        outcomes.set(part, pass.outcome)
                    }
                }
            }
            let first = outcomes.get(0)
            let second = outcomes.get(1)
            // Each part must be free of problems, hold the entries the cut counted, end with the
            // same feed, and meet the cut in the same state: then the entries after it are what
            // one pass would make of them.
            guard first.isClean, second.isClean, first.entries == cut.entries.first, second.entries == cut.entries.second,
                first.result == second.result, let carried = first.carried, carried == second.carried
            else { return nil }
            return first.result
        }
    }

    /// A document decoded to UTF-8 and repaired, with what decoding and repair found.
    struct PreparedDocument: Sendable {
        var utf8: [UInt8]
        var result: ParsedFeed
    }

    /// Decodes `bytes` to UTF-8 and repairs what libxml2 would stop at (bare `&`, HTML void
    /// elements left open), noting each as a warning.
    static func prepare(_ bytes: [UInt8], contentType: String?) -> PreparedDocument {
        var document = decoded(bytes, contentType: contentType)
        repair(&document)
        return document
    }

    /// `bytes` decoded to UTF-8, with what decoding found: the first half of `prepare`.
    static func decoded(_ bytes: [UInt8], contentType: String?) -> PreparedDocument {
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
        return PreparedDocument(utf8: decoded.utf8, result: result)
    }

    /// Repairs what libxml2 would stop at in a decoded document: the second half of `prepare`.
    static func repair(_ document: inout PreparedDocument) {
        if let repair = XMLRepair.escapeBareAmpersands(document.utf8) {
            document.utf8 = repair.bytes
            document.result.wellFormed = false
            document.result.warnings.append(
                FeedWarning(
                    code: "NotWellFormed",
                    message: "\(repair.report.count) bare '&' or '<' (starting no reference or tag) read as text",
                    line: repair.report.firstLine))
        }
        if let repair = XMLRepair.closeVoidElements(document.utf8) {
            document.utf8 = repair.bytes
            if repair.report.count > 0 {
                document.result.wellFormed = false
                document.result.warnings.append(
                    FeedWarning(
                        code: "NotWellFormed",
                        message: "\(repair.report.count) HTML element(s) such as <br> left open; closed them",
                        line: repair.report.firstLine))
            }
        }
    }

    /// Where ``FeedSplitter`` cuts `utf8`, or nil when it declines
    /// or when `repair(_:)` would change the document. The cut's scan and the scan for repairs
    /// each read the whole document; they run side by side, the calling thread taking one. (The
    /// scan for repairs is exact only for a document libxml2 reads without an error; the parts
    /// of any other stand only if they are free of problems, which such a document's are not.)
    private static func cutUnlessRepairsAreDue(_ utf8: [UInt8]) -> FeedCut? {
        let scans = DocumentScans()
        DispatchQueue.concurrentPerform(iterations: 2) { scan in
            if scan == 0 {
                scans.setRepairsAreDue(XMLRepair.repairsAreDue(in: utf8))
            } else {
                scans.setCut(utf8.withUnsafeBufferPointer { FeedSplitter.cut($0) })
            }
        }
        return scans.result
    }

    /// What the two scans of `cutUnlessRepairsAreDue` found, each set from its own thread.
    final class DocumentScans: @unchecked Sendable {
        private let lock = NSLock()
        private var repairsAreDue = true
        private var cut: FeedCut?

        func setRepairsAreDue(_ due: Bool) { lock.withLock { repairsAreDue = due } }
        func setCut(_ found: FeedCut?) { lock.withLock { cut = found } }
        var result: FeedCut? { lock.withLock { repairsAreDue ? nil : cut } }
    }

    /// One handler and one XML parser over a prepared document's bytes, or over the pieces of
    /// one part of it.
    final class Pass {
        let handler: FeedDocumentHandler
        let parser: XMLStreamParser
        let prepared: ParsedFeed

        init(document: PreparedDocument, baseURL: String?, defersMarkup: Bool, onEntry: @escaping (consuming UnfinishedEntry) -> Void) {
            handler = FeedDocumentHandler(baseURI: baseURL, onEntry: onEntry)
            handler.defersMarkup = defersMarkup
            handler.documentIsUTF8 = document.result.encoding == "utf-8"
            parser = XMLStreamParser(handler: handler)
            if let kept = parser.keptWithNames as? KeptKeys {
                handler.keptKeys = kept
            } else {
                parser.keptWithNames = handler.keptKeys
            }
            prepared = document.result
        }

        /// The handler's carried state once the first of several pieces was read.
        private(set) var carriedAfterFirstPiece: FeedDocumentHandler.CarriedState?

        /// Feeds `pieces` in order, a quarter MiB at a time, and ends the document.
        func read(_ pieces: [UnsafeRawBufferPointer]) {
            let chunk = 256 * 1024
            for (number, piece) in pieces.enumerated() {
                var offset = 0
                while offset < piece.count && !parser.stopped {
                    let end = min(piece.count, offset + chunk)
                    parser.feed(UnsafeRawBufferPointer(rebasing: piece[offset..<end]))
                    offset = end
                }
                if number == 0 && pieces.count > 1 { carriedAfterFirstPiece = handler.carriedState }
            }
            parser.finish()
            if handler.inEntry { handler.finishEntry() }
            handler.finishFeed()
        }

        /// The document's result (without entries).
        func result() -> ParsedFeed {
            var result = prepared
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

        /// What a part needs to show to stand for its share of one pass.
        var outcome: PartOutcome {
            PartOutcome(
                result: result(), entries: handler.entryCount, carried: carriedAfterFirstPiece,
                isClean: !handler.notWellFormed && handler.warnings.isEmpty && parser.entityNames.isEmpty && !handler.hasExternalDTD
                    && handler.format != .unknown)
        }
    }

    struct PartOutcome: Sendable {
        var result: ParsedFeed
        var entries: Int
        /// The first part's state after its last entry, the second's before its first.
        var carried: FeedDocumentHandler.CarriedState?
        var isClean: Bool
    }

    /// The two parts' outcomes, each set by its own thread.
    final class PartOutcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [PartOutcome?] = [nil, nil]

        func set(_ part: Int, _ outcome: PartOutcome) { lock.withLock { outcomes[part] = outcome } }
        func get(_ part: Int) -> PartOutcome { lock.withLock { outcomes[part]! } }
    }

    /// The parts' byte ranges, read by both threads while the caller's buffers stay alive.
    struct UncheckedPieces: @unchecked Sendable {
        let parts: [[UnsafeRawBufferPointer]]
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
