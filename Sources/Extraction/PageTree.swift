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

    /// Copies the document's nodes (elements, text and CDATA; comments are dropped).
    init(document: MarkupDocument, maximumNodes: Int = 2_000_000) {
        guard let root = document.root else { return }
        var stack: [(index: Int32, node: MarkupNode)] = []
        var current: MarkupNode? = root
        while let node = current {
            let kind = node.kind
            let parent = stack.last?.index ?? -1
            if count < maximumNodes {
                if kind == .element {
                    append(element: node, parent: parent, depth: stack.count)
                    if let child = node.firstChild {
                        stack.append((Int32(count - 1), node))
                        current = child
                        continue
                    }
                } else if kind == .text || kind == .cdata {
                    append(text: node.textContent, parent: parent, depth: stack.count)
                }
            }
            var next = node.nextSibling
            while next == nil, let open = stack.popLast() {
                ends[Int(open.index)] = Int32(count)
                next = open.node.nextSibling
            }
            current = next
        }
        while let open = stack.popLast() { ends[Int(open.index)] = Int32(count) }
    }

    private mutating func append(element node: MarkupNode, parent: Int32, depth: Int) {
        ends.append(Int32(count + 1))
        names.append(node.name)
        kinds.append(.element)
        parents.append(parent)
        depths.append(Int32(depth))
        texts.append("")
        let first = Int32(attributeStore.count)
        node.forEachAttribute { name, value in attributeStore.append((name, value)) }
        attributeRanges.append(first..<Int32(attributeStore.count))
    }

    private mutating func append(text: String, parent: Int32, depth: Int) {
        ends.append(Int32(count + 1))
        names.append("")
        kinds.append(.text)
        parents.append(parent)
        depths.append(Int32(depth))
        texts.append(text)
        attributeRanges.append(0..<0)
    }

    /// An attribute's value (name in lower case), or nil.
    func attribute(_ name: String, of node: Int) -> String? {
        let range = attributeRanges[node]
        var index = Int(range.lowerBound)
        while index < Int(range.upperBound) {
            if attributeStore[index].name == name { return attributeStore[index].value }
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

    /// The visible text inside a node, whitespace collapsed (scripts, styles… skipped).
    func text(of node: Int) -> String {
        var builder = TextBuilder()
        var index = node
        let end = Int(ends[node])
        while index < end {
            if kinds[index] == .text {
                builder.append(texts[index])
                index += 1
            } else if index != node, Self.invisibleElements.contains(names[index]) || (names[index] == "button" && ends[index] - Int32(index) < 40) {
                index = Int(ends[index])
            } else {
                if names[index] == "br" || PageAnalysis.blockElements.contains(names[index]) { builder.append(" ") }
                index += 1
            }
        }
        return builder.result
    }
}
