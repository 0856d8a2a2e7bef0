internal import CLibXML2

/// What `HTMLEventParser` reports about a page, in document order: the tree that
/// `MarkupDocument.parseHTML` would build, as events, without building it.
public protocol HTMLEventHandler: AnyObject {
    /// An element opens. Names are lower case; an attribute written without a value has the
    /// value libxml2's tree gives it (its own name for `checked`, `selected` and the other
    /// boolean attributes, else "").
    func startElement(_ name: String, attributes: [(name: String, value: String)])
    /// The innermost open element closes.
    func endElement()
    /// Character data (UTF-8) of the innermost open element; `cdata` for the raw text of
    /// `script` and `style`. Consecutive calls of one kind belong to one text node.
    func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool)
    /// A comment or processing instruction: text before and after it are two nodes.
    func boundary()
    /// A `<!DOCTYPE>`. libxml2's tree puts it first in the document, and an element that
    /// starts where none is open then becomes a sibling of the others; without one, a child of
    /// the document's first node when that is an element.
    func doctype()
}

/// Parses HTML with libxml2 and reports it as events, as the tree of
/// `MarkupDocument.parseHTML` would show it: the same elements, attributes and text nodes,
/// within the same limits (text outside every element is left out, and the parse stops where
/// a 258th element would open). Skipping the tree saves its allocation, its walk and its
/// freeing. One difference: in text, the named references of HTML5 that libxml2 does not
/// know (`&mldr;`, `&num;`) are decoded, where its tree keeps them as written.
public enum HTMLEventParser {
    /// The most elements open at once; a deeper start stops the parse, as in libxml2's tree.
    public static let maximumDepth = 257

    /// Parses `bytes` in `encoding` (decide it first) and reports every event to `handler`.
    /// Returns the problems libxml2 reported (broken markup never fails the parse); none
    /// without `reportingProblems`, which spares making them for a caller that never reads them.
    @discardableResult
    public static func parse(
        _ bytes: [UInt8], encoding: String = "UTF-8", reportingProblems: Bool = true, handler: some HTMLEventHandler
    ) -> [XMLParseError] {
        run(bytes, encoding: encoding, handler: handler, check: nil, reportingProblems: reportingProblems)
    }

    @discardableResult
    private static func run(
        _ bytes: [UInt8], encoding: String, handler: some HTMLEventHandler, check: ElisionCheck?, reportingProblems: Bool = false,
        keeping kept: AttributeNames? = nil, closingLikeBrowsers: Bool = false
    ) -> [XMLParseError] {
        LibXMLRuntime.ensureInitialized()
        guard let context = htmlNewParserCtxt() else {
            return [XMLParseError(code: XMLParseError.Code.parserUnavailable, message: "libxml2 could not create an HTML parser", severity: .fatal)]
        }
        defer { htmlFreeParserCtxt(context) }
        let state = EventState(handler: handler, context: context)
        state.check = check
        state.kept = kept
        state.closesLikeBrowsers = closingLikeBrowsers
        state.reportsProblems = reportingProblems
        context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        defer { context.pointee._private = nil }
        install(into: &context.pointee.sax.pointee)
        // libxml2 reports an HTML parser's problems to `serror` only from a handler marked as
        // SAX2's; the end tags it ignores are known from those reports.
        if reportingProblems || closingLikeBrowsers { context.pointee.sax.pointee.initialized = XML_SAX2_MAGIC }
        // No callback builds a document; free one should libxml2 have made it anyway.
        if let document = MarkupDocument.readHTML(bytes, encoding: encoding, baseURL: nil, with: context) { xmlFreeDoc(document) }
        state.finish()
        return state.problems
    }

    /// Parses `bytes` in `encoding` like `parse(_:encoding:handler:)`, for a handler that never
    /// reads the raw text of the `script` and `style` elements `ignores` names (given the name
    /// and the attributes), nor, with `kept`, any attribute not named in it: elements are
    /// reported with the attributes in `kept` only, and for UTF-8 the rest and that text are
    /// cut out before libxml2 reads them (`HTMLElision`); such elements may report no text.
    /// Every cut is confirmed by libxml2 starting the element where the scan says its start tag
    /// ends, with as many attributes and with attributes `ignores` agrees on; when one is not,
    /// the page is parsed again whole, with a new handler. Returns the handler that saw the
    /// page's events.
    ///
    /// With `closingLikeBrowsers`, an end tag that libxml2 2.9 ignores closes what a browser's
    /// parser closes (see `EventState.closeIgnored`): the events then describe the page as a
    /// reader sees it rather than libxml2's tree.
    public static func parse<Handler: HTMLEventHandler>(
        _ bytes: [UInt8], encoding: String = "UTF-8", ignoringRawText ignores: (String, [(name: String, value: String)]) -> Bool,
        keepingAttributes kept: AttributeNames? = nil, closingLikeBrowsers: Bool = false, makeHandler: () -> Handler
    ) -> Handler {
        let lowered = encoding.lowercased()
        if lowered == "utf-8" || lowered == "utf8", let elision = HTMLElision.cut(bytes, ignores: ignores, keeping: kept) {
            let handler = makeHandler()
            let confirmed = withoutActuallyEscaping(ignores) { ignores in
                let check = ElisionCheck(elision, ignores: ignores)
                run(elision.bytes, encoding: encoding, handler: handler, check: check, keeping: kept, closingLikeBrowsers: closingLikeBrowsers)
                return check.confirmed
            }
            if confirmed { return handler }
        }
        let handler = makeHandler()
        run(bytes, encoding: encoding, handler: handler, check: nil, keeping: kept, closingLikeBrowsers: closingLikeBrowsers)
        return handler
    }

    /// The callbacks: events only, none of libxml2's tree building.
    private static func install(into sax: inout htmlSAXHandler) {
        sax.startDocument = nil
        sax.endDocument = nil
        sax.internalSubset = { userData, _, _, _ in
            EventState.with(userData) { $0.doctype() }
        }
        sax.ignorableWhitespace = nil
        sax.startElement = { userData, name, attributes in
            EventState.with(userData) { $0.start(name, attributes) }
        }
        sax.endElement = { userData, _ in
            EventState.with(userData) { $0.end() }
        }
        sax.characters = { userData, characters, length in
            guard let characters, length > 0 else { return }
            EventState.with(userData) { $0.text(UnsafeBufferPointer(start: characters, count: Int(length)), cdata: false) }
        }
        sax.cdataBlock = { userData, characters, length in
            guard let characters, length > 0 else { return }
            EventState.with(userData) { $0.text(UnsafeBufferPointer(start: characters, count: Int(length)), cdata: true) }
        }
        sax.comment = { userData, _ in
            EventState.with(userData) { $0.boundary() }
        }
        sax.processingInstruction = { userData, _, _ in
            EventState.with(userData) { $0.boundary() }
        }
        sax.serror = { userData, error in
            guard let error else { return }
            EventState.with(userData) { $0.record(error) }
        }
    }
}

/// One parse's state: the handler, the open elements and the problems.
private final class EventState {
    let handler: any HTMLEventHandler
    let context: htmlParserCtxtPtr
    private(set) var problems: [XMLParseError] = []
    private var open = 0
    private var stopped = false
    private let problemLimit = 1_000
    /// The cuts of the page being parsed, confirmed as their elements start (nil: nothing cut).
    var check: ElisionCheck?
    /// The attributes passed on (nil: all).
    var kept: AttributeNames?
    /// Whether an end tag that libxml2 ignores closes elements as a browser would.
    var closesLikeBrowsers = false
    /// Whether libxml2's problems are kept for the caller.
    var reportsProblems = false
    /// libxml2's open elements, innermost last (kept for a browser-like parse only); `closed`
    /// when the handler has already been told the element ended (`closeIgnored`), so
    /// libxml2's own end for it is not passed on.
    private var stack: [(name: String, closed: Bool)] = []

    init(handler: any HTMLEventHandler, context: htmlParserCtxtPtr) {
        self.handler = handler
        self.context = context
    }

    /// Runs `body` with the state a callback's user data (the parser context) points to.
    @inline(__always)
    static func with(_ userData: UnsafeMutableRawPointer?, _ body: (EventState) -> Void) {
        guard let userData else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let owner = context.pointee._private else { return }
        Unmanaged<EventState>.fromOpaque(owner)._withUnsafeGuaranteedRef(body)
    }

    func start(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !stopped else { return }
        releaseReference()
        guard open < HTMLEventParser.maximumDepth else {
            stopped = true
            check?.stoppedEarly()
            xmlStopParser(context)
            return
        }
        // One array for every element's attributes: the handler copies what it keeps.
        pairs.removeAll(keepingCapacity: true)
        var attributeCount = 0
        if let attributes {
            while let attributeName = attributes[2 * attributeCount] {
                let (name, isKept) = attributeNames.string(attributeName) { address in
                    let name = String(cString: address)
                    return (name, kept?.contains(name) ?? true)
                }
                if isKept {
                    let value: String
                    if let written = attributes[2 * attributeCount + 1] {
                        value = String(cString: written)
                    } else {
                        value = htmlIsBooleanAttr(attributeName) != 0 ? name : ""
                    }
                    pairs.append((name, value))
                }
                attributeCount += 1
            }
        }
        open += 1
        let elementName = name.map { elementNames.string($0) { (Self.localName(String(cString: $0)), true) }.name } ?? ""
        if let check {
            let input = context.pointee.input.pointee
            let offset = Int(input.consumed) + (input.cur - input.base)
            if offset >= check.nextTagEnd, let name {
                check.started(name, name: elementName, attributes: &pairs, attributeCount: attributeCount, at: offset)
                // The page will be parsed again whole: the rest of this parse is wasted.
                guard !check.failed else {
                    stopped = true
                    xmlStopParser(context)
                    return
                }
            }
        }
        // Only a browser-like parse closes elements early; without it every end is passed on.
        if closesLikeBrowsers { stack.append((elementName, false)) }
        handler.startElement(elementName, attributes: pairs)
    }

    private var pairs: [(name: String, value: String)] = []
    private var elementNames = NameCache()
    private var attributeNames = NameCache()

    /// Element and attribute names as strings, with whether an attribute is kept, by the
    /// address libxml2 gives them. The HTML parser takes names from its dictionary (or from
    /// constants, for the elements it implies), which keeps each name at one address, unchanged,
    /// until the parser is freed: one `EventState` serves one parse. Direct-mapped: a slot holds
    /// the last name that fell in it.
    private struct NameCache {
        private var addresses = [UnsafePointer<xmlChar>?](repeating: nil, count: 256)
        private var entries = [(name: String, kept: Bool)](repeating: ("", false), count: 256)

        mutating func string(
            _ address: UnsafePointer<xmlChar>, _ make: (UnsafePointer<xmlChar>) -> (name: String, kept: Bool)
        ) -> (name: String, kept: Bool) {
            let slot = Int(truncatingIfNeeded: UInt(bitPattern: address) >> 3) & 255
            if addresses[slot] == address { return entries[slot] }
            let made = make(address)
            addresses[slot] = address
            entries[slot] = made
            return made
        }
    }

    /// What libxml2's tree names an element written `prefix:name`: the part after the first
    /// colon (its prefix names no namespace in HTML), unless the colon opens or ends the name.
    static func localName(_ name: String) -> String {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")), colon != name.utf8.startIndex else { return name }
        let rest = name.utf8[name.utf8.index(after: colon)...]
        return rest.isEmpty ? name : String(decoding: rest, as: UTF8.self)
    }

    func end() {
        guard !stopped, open > 0 else { return }
        releaseReference()
        open -= 1
        if stack.popLast()?.closed == true { return }
        handler.endElement()
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
        // libxml2's tree keeps no text outside an element.
        guard !stopped, open > 0 else { return }
        if cdata {
            releaseReference()
            handler.text(bytes, cdata: true)
        } else {
            readReference(bytes)
        }
    }

    func boundary() {
        guard !stopped else { return }
        releaseReference()
        handler.boundary()
    }

    // MARK: Named references libxml2 does not know

    /// libxml2 2.9 knows HTML 4's named references only. It reports one it does not know
    /// (`&mldr;`, `&num;`) as three pieces of text: `&`, the name, then text from the `;` on.
    /// The first two are held here until the third shows whether they were such a reference;
    /// `&amp;mldr;` (a written-out reference) arrives as `&`, then `mldr;…`, and stays.
    private var heldAmpersand = false
    private var heldName: [UInt8] = []

    private func readReference(_ bytes: UnsafeBufferPointer<UInt8>) {
        if heldAmpersand {
            if heldName.isEmpty, bytes.count <= 32, bytes.allSatisfy(Self.isNameByte) {
                heldName.append(contentsOf: bytes)
                return
            }
            if !heldName.isEmpty, bytes.first == UInt8(ascii: ";"),
                let replacement = HTMLEntities.string(named: String(decoding: heldName, as: UTF8.self))
            {
                heldAmpersand = false
                heldName.removeAll(keepingCapacity: true)
                var replacement = replacement
                replacement.withUTF8 { handler.text($0, cdata: false) }
                if bytes.count > 1 { handler.text(UnsafeBufferPointer(rebasing: bytes.dropFirst()), cdata: false) }
                return
            }
            releaseReference()
        }
        if bytes.count == 1, bytes[0] == UInt8(ascii: "&") {
            heldAmpersand = true
            return
        }
        handler.text(bytes, cdata: false)
    }

    /// Passes on what is held, as it was written.
    private func releaseReference() {
        guard heldAmpersand else { return }
        heldAmpersand = false
        let held: [UInt8] = [UInt8(ascii: "&")] + heldName
        heldName.removeAll(keepingCapacity: true)
        held.withUnsafeBufferPointer { handler.text($0, cdata: false) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    func doctype() {
        guard !stopped else { return }
        releaseReference()
        handler.doctype()
    }

    func record(_ error: UnsafePointer<xmlError>) {
        if closesLikeBrowsers, !stopped, error.pointee.code == XML_ERR_TAG_NAME_MISMATCH.rawValue, let name = error.pointee.str1,
            error.pointee.str2 != nil
        {
            closeIgnored(String(cString: name))
        }
        if reportsProblems, problems.count < problemLimit { problems.append(XMLParseError(error)) }
    }

    // MARK: End tags libxml2 ignores

    /// libxml2 2.9 lets an end tag close the elements opened after its own only when none of
    /// them ranks above it; the ranks are its own (a `div` 150, table parts 160 to 190, every
    /// other element 100). So `</header>`, `</li>` or `</button>` with a `div` left unclosed
    /// inside is ignored, and the rest of the page becomes part of the header, the list item or
    /// the button. A browser's parser (HTML's "in body" rules) closes the unclosed elements
    /// with it, for the elements below, when no table cell or other scope boundary stands
    /// between.
    private static func endPriority(_ name: String) -> Int {
        switch name {
        case "div": 150
        case "td", "th": 160
        case "tr": 170
        case "thead", "tbody", "tfoot": 180
        case "table": 190
        case "head", "body": 200
        case "html": 220
        default: 100
        }
    }

    /// Elements whose end tag closes every element opened inside them that is still open.
    private static let closesInner: Set<String> = [
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre", "search", "section",
        "summary", "ul", "p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    /// Elements an end tag does not reach past.
    private static let scopeBoundaries: Set<String> = ["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]

    /// Called when libxml2 reports the end tag `name` not matching the innermost element:
    /// when libxml2 ignores it, the handler is told that the elements up to the innermost open
    /// `name` end, as a browser would have it. libxml2 still has them open and ends them later;
    /// those ends are not passed on.
    private func closeIgnored(_ name: String) {
        guard Self.closesInner.contains(name), let innermost = stack.lastIndex(where: { $0.name == name }) else { return }
        // libxml2 closes up to its innermost `name` unless an element above it ranks higher.
        let rank = Self.endPriority(name)
        guard stack[(innermost + 1)...].contains(where: { Self.endPriority($0.name) > rank }) else { return }
        // An element stays open around it, to hold what follows (a page's `body` or `html`).
        guard let target = stack.lastIndex(where: { $0.name == name && !$0.closed }), stack[..<target].contains(where: { !$0.closed })
        else { return }
        for entry in stack[(target + 1)...] where !entry.closed {
            if Self.scopeBoundaries.contains(entry.name) { return }
            if name == "li", entry.name == "ol" || entry.name == "ul" { return }
            if name == "p", entry.name == "button" { return }
        }
        releaseReference()
        for index in stride(from: stack.count - 1, through: target, by: -1) where !stack[index].closed {
            stack[index].closed = true
            handler.endElement()
        }
    }

    /// Closes what is still open, so every start has its end.
    func finish() {
        if !stopped { releaseReference() }
        while open > 0 {
            open -= 1
            if stack.popLast()?.closed == true { continue }
            handler.endElement()
        }
    }
}
