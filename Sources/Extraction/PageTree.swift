import LibXML

/// A compact, read-only copy of a parsed HTML page: nodes in document order (pre-order), so a
/// node's descendants are the contiguous range `index + 1 ..< end[index]`. Built and walked with
/// explicit loops only, so 100,000 nested elements cost no stack.
struct PageTree: Sendable {
    /// What a node is.
    enum Kind: UInt8, Sendable { case element, text }

    /// Element names in lower case ("" for text nodes).
    private(set) var names: [String] = []
    /// Node kinds.
    private(set) var kinds: [Kind] = []
    /// What each element's name makes it ([] for text nodes).
    private(set) var classes: [TagClass] = []
    /// Parent index, -1 for top-level nodes.
    private(set) var parents: [Int32] = []
    /// One past the last descendant of each node.
    private(set) var ends: [Int32] = []
    /// Depth below the top (0 for top-level nodes).
    private(set) var depths: [Int32] = []
    /// Text of text nodes ("" for elements).
    private(set) var texts: [String] = []
    /// Range of each element's attributes in `attributeStore`.
    private(set) var attributeRanges: [Range<Int32>] = []
    private(set) var attributeStore: [(name: String, value: String)] = []

    /// The attributes some pass reads; the tree keeps no other (`attribute(_:of:)` asks for
    /// these only), so the parse cuts the rest out of the page before libxml2 reads it (SVG
    /// path data, `srcset`, `data-*`: about a tenth of a news page's bytes).
    static let keptAttributes = AttributeNames([
        "href", "src", "data-src", "data-lazy-src", "data-original", "alt", "title", "class", "id", "role", "itemprop", "content",
        "name", "property", "http-equiv", "charset", "datetime", "type", "rel", "lang", "xml:lang", "style", "hidden", "aria-hidden",
        "aria-labelledby",
    ])

    /// Elements whose text never counts as page content.
    static let invisibleElements: Set<String> = ["script", "style", "head", "title", "meta", "link"]

    /// Controls and graphics whose text is normally not content (libxml2 sometimes nests the
    /// rest of a page inside an unclosed one, so they are judged by how much they hold).
    static let controlElements: Set<String> = [
        "svg", "math", "select", "option", "textarea", "button", "input", "label", "noscript", "template", "iframe", "object", "embed", "canvas",
        "dialog",
    ]

    /// The number of nodes.
    var count: Int { names.count }

    /// An empty tree.
    init() {}

    /// Appends an element with its attributes.
    fileprivate mutating func appendElement(
        named name: String, classes nameClasses: TagClass, attributes: [(name: String, value: String)], parent: Int32, depth: Int
    ) {
        ends.append(Int32(count + 1))
        names.append(name)
        kinds.append(.element)
        classes.append(nameClasses)
        parents.append(parent)
        depths.append(Int32(depth))
        texts.append("")
        let first = Int32(attributeStore.count)
        attributeStore.append(contentsOf: attributes)
        attributeRanges.append(first..<Int32(attributeStore.count))
    }

    /// Marks where an element's descendants end.
    fileprivate mutating func close(_ element: Int32) {
        ends[Int(element)] = Int32(count)
    }

    /// Appends a text node.
    fileprivate mutating func append(text: String, parent: Int32, depth: Int) {
        ends.append(Int32(count + 1))
        names.append("")
        kinds.append(.text)
        classes.append([])
        parents.append(parent)
        depths.append(Int32(depth))
        texts.append(text)
        attributeRanges.append(0..<0)
    }

    /// An attribute's value (name in lower case, one of `keptAttributes`), or nil.
    func attribute(_ name: String, of node: Int) -> String? {
        assert(Self.keptAttributes.contains(name), "the page tree does not keep the attribute \(name)")
        let range = attributeRanges[node]
        // Names of other lengths are passed over without a string comparison.
        let length = name.utf8.count
        var index = Int(range.lowerBound)
        while index < Int(range.upperBound) {
            let candidate = attributeStore[index].name
            if candidate.utf8.count == length, candidate == name { return attributeStore[index].value }
            index += 1
        }
        return nil
    }

    /// The attributes of an element, in document order.
    func attributes(of node: Int) -> ArraySlice<(name: String, value: String)> {
        let range = attributeRanges[node]
        return attributeStore[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// The direct children of a node, in order.
    func children(of node: Int) -> [Int] {
        var result: [Int] = []
        var child = node + 1
        let end = Int(ends[node])
        while child < end {
            result.append(child)
            child = Int(ends[child])
        }
        return result
    }

    /// Whether `node` lies inside `ancestor` (or is it).
    func isInside(_ node: Int, _ ancestor: Int) -> Bool {
        node >= ancestor && node < Int(ends[ancestor])
    }

    /// The indices of elements with the given name, in document order.
    func elements(named name: String, in range: Range<Int>? = nil) -> [Int] {
        let scope = range ?? 0..<count
        var result: [Int] = []
        for index in scope where kinds[index] == .element && names[index] == name { result.append(index) }
        return result
    }

    /// The visible text inside a node, whitespace collapsed (scripts, styles… skipped), and
    /// without the elements named in `leaving` (a heading's text without a heading libxml2's
    /// HTML 4 rules nested in it, where HTML5 closes the first at the second).
    func text(of node: Int, leaving skipped: Set<String> = []) -> String {
        var builder = TextBuilder()
        var index = node
        let end = Int(ends[node])
        while index < end {
            if kinds[index] == .text {
                builder.append(texts[index])
                index += 1
            } else if index != node,
                classes[index].contains(.invisible) || (names[index] == "button" && ends[index] - Int32(index) < 40)
                    || (!skipped.isEmpty && skipped.contains(names[index]))
            {
                index = Int(ends[index])
            } else {
                if names[index] == "br" || classes[index].contains(.block) { builder.append(" ") }
                index += 1
            }
        }
        return builder.result
    }
}

extension PageTree {
    /// Parses an HTML page into a tree: the nodes of libxml2's tree for the page (elements,
    /// text and CDATA; comments are dropped, and so are the text of style sheets and of scripts
    /// other than JSON-LD and the attributes not in `keptAttributes`, which no pass reads), built from the parser's events, without libxml2
    /// building, walking and freeing a tree of its own (see `HTMLEventParser`). One difference:
    /// an end tag that libxml2 ignores because an element left open inside it outranks it
    /// closes them as in a browser (`closingLikeBrowsers`; without it, the tree is libxml2's).
    init(html bytes: [UInt8], encoding: String, maximumNodes: Int = 2_000_000, closingLikeBrowsers: Bool = true) {
        let builder = HTMLEventParser.parse(
            bytes, encoding: encoding, ignoringRawText: Builder.ignoresRawText, keepingAttributes: Self.keptAttributes,
            closingLikeBrowsers: closingLikeBrowsers
        ) {
            Builder(maximumNodes: maximumNodes)
        }
        builder.finish()
        self = builder.tree
    }

    /// Turns parser events into nodes: consecutive text of one kind is one node, as in
    /// libxml2's tree, and comments are dropped (while still parting the text around them).
    /// An element that starts where none is open goes where libxml2's tree puts it: beside the
    /// others after a doctype, else inside the document's first node when that is an element.
    private final class Builder: HTMLEventHandler {
        var tree = PageTree()
        private let maximumNodes: Int
        /// Open elements in the tree, with their depths and whether their raw text is never read
        /// (see `ignoresRawText`).
        private var open: [(element: Int32, depth: Int, ignoresText: Bool)] = []
        /// Elements opened past the node limit (not in the tree): their ends are ignored.
        private var skipped = 0
        private var pending: [UInt8] = []
        private var pendingIsCDATA = false
        /// The document's first node, once there is one: an element of the tree, or other.
        private enum First {
            case none
            case element(Int32)
            case other
        }
        private var first = First.none
        private var sawDoctype = false
        /// The classes of names met recently, in slots picked by a name's length and its first
        /// and last bytes: one cheap look-up per element instead of hashing the name into a set
        /// for each question asked of it later.
        private var recentClasses = [(name: String, classes: TagClass)?](repeating: nil, count: 256)

        init(maximumNodes: Int) {
            self.maximumNodes = maximumNodes
        }

        func startElement(_ name: String, attributes: [(name: String, value: String)]) {
            flush()
            guard skipped == 0, tree.count < maximumNodes else {
                skipped += 1
                return
            }
            var parent = (element: open.last?.element ?? -1, depth: open.last?.depth ?? -1)
            if open.isEmpty, !sawDoctype, case .element(let root) = first { parent = (root, 0) }
            let classes = classes(of: name)
            tree.appendElement(named: name, classes: classes, attributes: attributes, parent: parent.element, depth: parent.depth + 1)
            let element = Int32(tree.count - 1)
            if case .none = first { first = .element(element) }
            open.append((element, parent.depth + 1, classes.contains(.invisible) && Self.ignoresRawText(name, attributes: attributes)))
        }

        /// Whether the raw text of an element is never read: a style sheet's, or a script's
        /// other than JSON-LD (the one script `PageSignals` reads). Such text is invisible to
        /// every pass, and is two fifths of a typical news page's bytes.
        static func ignoresRawText(_ name: String, attributes: [(name: String, value: String)]) -> Bool {
            if name == "style" { return true }
            guard name == "script" else { return false }
            guard let type = attributes.first(where: { $0.name == "type" })?.value else { return true }
            return !ByteSearch.containsIgnoringCase(type, "ld+json")
        }

        private func classes(of name: String) -> TagClass {
            let utf8 = name.utf8
            let slot = (utf8.count &* 31 &+ Int(utf8.first ?? 0) &* 7 &+ Int(utf8.last ?? 0)) & (recentClasses.count - 1)
            if let recent = recentClasses[slot], recent.name == name { return recent.classes }
            let classes = TagClass.of(name)
            recentClasses[slot] = (name, classes)
            return classes
        }

        func endElement() {
            flush()
            if skipped > 0 {
                skipped -= 1
            } else {
                closeInnermost()
            }
        }

        private func closeInnermost() {
            guard let (element, _, _) = open.popLast() else { return }
            tree.close(element)
            // An element put inside the first one also extends where that one ends.
            if open.isEmpty, case .element(let root) = first, tree.parents[Int(element)] == root { tree.close(root) }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
            // The raw text no pass reads makes no node, whether or not the parser cut it out.
            if cdata, open.last?.ignoresText == true { return }
            if !pending.isEmpty, pendingIsCDATA != cdata { flush() }
            pendingIsCDATA = cdata
            pending.append(contentsOf: bytes)
        }

        func boundary() {
            flush()
            if open.isEmpty, case .none = first { first = .other }
        }

        func doctype() {
            sawDoctype = true
        }

        func finish() {
            flush()
            while !open.isEmpty { closeInnermost() }
        }

        private func flush() {
            guard !pending.isEmpty else { return }
            defer { pending.removeAll(keepingCapacity: true) }
            guard skipped == 0, tree.count < maximumNodes, let parent = open.last else { return }
            let text = UTF8Check.repairingMisreadText(String(decoding: pending, as: UTF8.self))
            tree.append(text: text, parent: parent.element, depth: parent.depth + 1)
        }
    }
}
