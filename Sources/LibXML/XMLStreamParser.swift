internal import CLibXML2
import Synchronization

/// A streaming (SAX) XML parser: bytes go in, in as many chunks as you like, and events come
/// out to an `XMLStreamHandler`. Memory stays bounded by the largest text node, not the document.
///
/// The input must be UTF-8 (decide and convert the encoding first); any encoding the document
/// declares is ignored. Safe by default: no network, no DTD loading, no external entities,
/// bounded entity expansion and depth.
public final class XMLStreamParser {
    /// Every problem found so far, up to `XMLParseOptions.maximumErrors`.
    public private(set) var problems: [XMLParseError] = []
    /// How many problems were found, including those not stored.
    public private(set) var problemCount = 0
    /// True once a fatal problem (or one of our limits) stopped the parse.
    public private(set) var stopped = false

    let options: XMLParseOptions
    let entities: XMLEntityResolver
    /// Held strongly, so that each event reaches it without a retain: a handler that keeps
    /// the parser must let go of it when the parse ends (as `FeedValidator`'s run does).
    let handler: any XMLStreamHandler
    private var context: xmlParserCtxtPtr?
    /// The names met so far, this parse's alone while it runs (see ``XMLNameCache``).
    private let names: XMLNameCache
    /// libxml2 stops delivering entity references once a document is found broken; after each
    /// recovered error we tell it, at the next event, to keep going (we track errors ourselves).
    private var mustRestoreEntityDelivery = false
    /// Current element depth, and how deep we are inside elements beyond the limit.
    var depth = 0
    private var reportedDepth = false

    /// Creates a parser that reports to `handler`.
    public init(handler: any XMLStreamHandler, options: XMLParseOptions = XMLParseOptions()) {
        LibXMLRuntime.ensureInitialized()
        self.handler = handler
        self.options = options
        self.entities = XMLEntityResolver(options: options)
        self.names = XMLNameCache.take()
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        Self.installCallbacks(into: &sax)
        let userData = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, userData, nil, 0, nil)
        if let context {
            if let dictionary = names.dictionary { tributary_shareDictionary(context, dictionary) }
            var flags = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOCDATA.rawValue)
            if options.recover { flags |= Int32(XML_PARSE_RECOVER.rawValue) }
            xmlCtxtUseOptions(context, flags)
            context.pointee.replaceEntities = 0
            _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        } else {
            record(XMLParseError(code: XMLParseError.Code.parserUnavailable, message: "libxml2 could not create a parser", severity: .fatal))
            stopped = true
        }
    }

    deinit {
        if let context {
            // In SAX mode libxml2 keeps declared entities in a "SAX compatibility" document of
            // its own (ctxt->myDoc), which the context does not free.
            if let document = context.pointee.myDoc {
                xmlFreeDoc(document)
                context.pointee.myDoc = nil
            }
            xmlFreeParserCtxt(context)
        }
        XMLNameCache.giveBack(names)
    }

    /// Parses the next chunk of the document.
    public func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let context, !stopped, bytes.count > 0 else { return }
        var offset = 0
        // libxml2 takes an Int32 length: hand over at most 1 MiB at a time.
        while offset < bytes.count && !stopped {
            let length = min(bytes.count - offset, 1 << 20)
            let base = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
            let status = xmlParseChunk(context, base, Int32(length), 0)
            if status != 0 && !options.recover { stopped = true }
            if context.pointee.instate == XML_PARSER_EOF { stopped = true }
            offset += length
        }
    }

    /// Parses the next chunk of the document.
    public func feed(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { feed($0) }
    }

    /// Ends the document: reports what is left open and flushes the last events.
    public func finish() {
        guard let context else { return }
        if !stopped {
            _ = xmlParseChunk(context, nil, 0, 1)
        }
        stopped = true
    }

    /// Parses a whole document held in memory and returns its problems.
    @discardableResult
    public static func parse(_ bytes: UnsafeRawBufferPointer, handler: any XMLStreamHandler, options: XMLParseOptions = XMLParseOptions())
        -> [XMLParseError]
    {
        let parser = XMLStreamParser(handler: handler, options: options)
        parser.feed(bytes)
        parser.finish()
        return parser.problems
    }

    /// Parses a whole document held in memory and returns its problems.
    @discardableResult
    public static func parse(_ bytes: [UInt8], handler: any XMLStreamHandler, options: XMLParseOptions = XMLParseOptions()) -> [XMLParseError] {
        bytes.withUnsafeBytes { parse($0, handler: handler, options: options) }
    }

    /// An object a handler keeps with the names of this parse, for the next parse that is given
    /// the same names: what it worked out per name (by ``XMLName/serial``) and that does not
    /// depend on the document. It is the handler's alone while the parse runs, and goes with
    /// the names when they are dropped (then a later parse finds nil).
    public var keptWithNames: AnyObject? {
        get { names.kept }
        set { names.kept = newValue }
    }

    /// Names of entities the document used without declaring them (resolved as HTML entities
    /// when known, kept as text otherwise): each makes the document not well-formed XML.
    public var entityNames: Set<String> { entities.htmlResolved.union(entities.undefined) }

    // MARK: - Called from the C callbacks

    func record(_ problem: XMLParseError) {
        problemCount += 1
        if problems.count < options.maximumErrors { problems.append(problem) }
        handler.problem(problem)
    }

    func recordLibXMLError(_ error: UnsafePointer<xmlError>) {
        let problem = XMLParseError(error)
        record(problem)
        if problem.severity != .warning, options.recover {
            mustRestoreEntityDelivery = true
        }
    }

    /// Called at the start of every event: undoes libxml2's "stop expanding entities" state.
    @inline(__always)
    func restoreEntityDelivery() {
        if mustRestoreEntityDelivery {
            mustRestoreEntityDelivery = false
            tributary_keepDeliveringEntities(context)
        }
    }

    /// Whether an element at `depth` is within the limit; reports the first one that is not.
    func withinDepthLimit() -> Bool {
        if depth <= options.maximumDepth { return true }
        if !reportedDepth {
            reportedDepth = true
            let (line, column) = position
            record(
                XMLParseError(
                    code: XMLParseError.Code.depthLimit,
                    message: "elements nested deeper than \(options.maximumDepth) levels are skipped",
                    line: line, column: column, severity: .error))
        }
        return false
    }

    /// Where the parser is now (1-based line and column): inside a handler callback, just past
    /// the markup being reported.
    public var position: (line: Int, column: Int) {
        (Int(tributary_contextLine(context)), Int(tributary_contextColumn(context)))
    }

    func name(local: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> XMLName {
        names.table.name(local: local, prefix: prefix, uri: uri)
    }

    func attributeValue(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let buffer = UnsafeBufferPointer(start: start, count: end - start)
        if !buffer.contains(UInt8(ascii: "&")) { return String(decoding: buffer, as: UTF8.self) }
        return XMLReferenceDecoder.decode(buffer) { self.entities.replacementText(for: $0) }
    }
}

/// A libxml2 dictionary and the names made from it, handed from one parse to the next.
///
/// Each parse used to intern its names in a dictionary of its own and make each distinct name
/// an `XMLName` again: for a small feed that was a tenth of its time. A parse now takes a cache
/// for itself alone (any thread may use it while it runs), has libxml2 intern in the cache's
/// dictionary, and gives it back when done; the names, keyed by the dictionary's pointers, stay
/// right because the dictionary outlives them. A cache whose dictionary or table has grown past
/// a bound (a hostile document's millions of names) is dropped instead of given back.
final class XMLNameCache: @unchecked Sendable {
    /// The shared dictionary, or `nil` when libxml2 could not make one: then the cache serves
    /// one parse only (its parser's own dictionary is freed with it, and its pointers may be
    /// reused).
    let dictionary: xmlDictPtr?
    var table = XMLNameTable()
    /// What a handler keeps per name for the parses after it (see
    /// ``XMLStreamParser/keptWithNames``).
    var kept: AnyObject?

    private init() {
        dictionary = xmlDictCreate()
        if let dictionary { xmlDictSetLimit(dictionary, Int(XML_MAX_DICTIONARY_LIMIT)) }
    }

    deinit {
        if let dictionary { xmlDictFree(dictionary) }
    }

    /// Caches waiting for a parse; at most `pooled` are kept.
    private static let idle = Mutex<[XMLNameCache]>([])
    private static let pooled = 4
    /// The dictionary size past which a cache is dropped rather than kept.
    static let maximumNames = 10_000

    /// A cache for one parse, used by it alone until ``giveBack(_:)``.
    static func take() -> XMLNameCache {
        if let cache = idle.withLock({ $0.popLast() }) { return cache }
        return XMLNameCache()
    }

    /// The dictionary sizes of the caches waiting for a parse (for tests).
    static var idleDictionarySizes: [Int] {
        idle.withLock { $0.map { $0.dictionary.map { Int(xmlDictSize($0)) } ?? 0 } }
    }

    /// Returns a parse's cache for the next one, unless it may not or need not be kept.
    static func giveBack(_ cache: XMLNameCache) {
        guard let dictionary = cache.dictionary, !cache.table.isFull, xmlDictSize(dictionary) <= maximumNames else { return }
        idle.withLock { idle in
            if idle.count < pooled { idle.append(cache) }
        }
    }
}

/// Interns the strings libxml2 hands out from a dictionary, so each distinct name becomes a
/// Swift `String` once, and each distinct (local, prefix, namespace) an `XMLName` with its own
/// serial number (from 1, below `limit + 1`).
struct XMLNameTable {
    private struct Key: Hashable {
        var local: UnsafeRawPointer?
        var prefix: UnsafeRawPointer?
        var uri: UnsafeRawPointer?
    }

    private var cache: [UnsafeRawPointer: String] = [:]
    /// Every distinct name met so far (up to `limit`), and where each is by its pointers.
    private var names: [XMLName] = []
    private var qualified: [Key: Int] = [:]
    /// The names met last, by a hash of their pointers: a hit costs three pointer comparisons
    /// instead of hashing a key (libxml2's dictionary keeps the pointers stable while it lives).
    private var recent = [RecentSlot](repeating: RecentSlot(), count: XMLNameTable.recentSlots)
    private static let recentSlots = 256
    /// How many distinct names the table remembers (a hostile document has millions).
    private static let limit = 4096

    private struct RecentSlot {
        var key = Key(local: nil, prefix: nil, uri: nil)
        var index = -1
    }

    /// Whether no more names will be remembered.
    var isFull: Bool { names.count >= Self.limit || cache.count >= Self.limit }

    mutating func name(local: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> XMLName {
        let key = Key(local: local.map(UnsafeRawPointer.init), prefix: prefix.map(UnsafeRawPointer.init), uri: uri.map(UnsafeRawPointer.init))
        let mixed = UInt(bitPattern: local) &* 0x9E37_79B9_7F4A_7C15 ^ UInt(bitPattern: uri) &* 0xC2B2_AE3D_27D4_EB4F ^ UInt(bitPattern: prefix)
        let slot = Int(truncatingIfNeeded: mixed >> 56) & (Self.recentSlots - 1)
        let entry = recent[slot]
        if entry.index >= 0, entry.key == key { return names[entry.index] }
        if let index = qualified[key] {
            recent[slot] = RecentSlot(key: key, index: index)
            return names[index]
        }
        let made = XMLName(localName: string(local) ?? "", prefix: string(prefix), namespaceURI: string(uri), serial: names.count + 1)
        if names.count < Self.limit {
            qualified[key] = names.count
            recent[slot] = RecentSlot(key: key, index: names.count)
            names.append(made)
        }
        return made
    }

    mutating func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        let key = UnsafeRawPointer(pointer)
        if let known = cache[key] { return known }
        let made = String(cString: pointer)
        if cache.count < Self.limit { cache[key] = made }
        return made
    }
}
