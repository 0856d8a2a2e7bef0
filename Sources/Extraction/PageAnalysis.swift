/// Per-node measurements of a page, computed once in a few linear passes (no recursion): which
/// nodes are invisible or furniture, how much text and link text each subtree holds, and which
/// block element owns each piece of text.
struct PageAnalysis: Sendable {
    /// The page.
    let tree: PageTree
    /// Never visible: scripts, styles, hidden elements and everything inside them.
    private(set) var invisible: [Bool]
    /// Furniture by name or hint, inherited by descendants (decided against the whole page).
    private(set) var furniture: [Bool]
    /// Furniture by the element's own name, hint, hidden state or control type (not inherited).
    private(set) var selfFurniture: [Bool]
    /// Hidden from readers by the element itself (`hidden`, `aria-hidden`, `display:none`).
    private(set) var hidden: [Bool]
    /// The element's own hint.
    private(set) var hints: [BoilerplateFilter.Hint]
    /// Visible non-space characters in the subtree.
    private(set) var textLength: [Int32]
    /// Visible non-space characters inside links in the subtree.
    private(set) var linkLength: [Int32]
    /// Characters of "good" paragraphs (long, few links) in the subtree.
    private(set) var goodLength: [Int32]
    /// Characters of good paragraphs in the whole page (its top-level nodes' `goodLength`).
    private(set) var pageGoodLength: Int32 = 0
    /// The same, leaving out page footers and comment sections that are furniture: the prose
    /// a container climbing towards more of the article may count.
    private(set) var contentGoodLength: [Int32]
    /// The nearest block-level element containing the node (itself for a block).
    private(set) var blockOf: [Int32]
    /// Whether the node is inside an `<a>`.
    private(set) var inLink: [Bool]
    /// Non-space characters of a block's own text (not of nested blocks).
    private(set) var ownText: [Int32]
    /// Non-space characters of a block's own text inside links.
    private(set) var ownLinkText: [Int32]
    /// Sentence punctuation in a block's own text.
    private(set) var ownPunctuation: [Int32]

    /// Whether an element holds text and no elements. A `<textarea>` that does is a form
    /// field's value (a "Republish this article" box holds the article's HTML, escaped), never
    /// prose on the page; one holding elements is libxml2 nesting the page in an unclosed one.
    static func holdsOnlyText(_ element: Int, in tree: PageTree) -> Bool {
        ((element + 1)..<Int(tree.ends[element])).allSatisfy { tree.kinds[$0] == .text }
    }

    /// Whether a table has header cells (`th`, `thead`): a table of data, not of layout.
    static func hasHeaderCells(_ table: Int, in tree: PageTree) -> Bool {
        var index = table + 1
        let end = Int(tree.ends[table])
        while index < end {
            if tree.kinds[index] == .element, tree.names[index] == "th" || tree.names[index] == "thead" { return true }
            index += 1
        }
        return false
    }

    /// Elements that start a new block of text.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "li", "ul", "ol", "td", "th", "tr", "table", "tbody", "thead", "tfoot",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "header",
        "footer", "aside", "nav", "form", "body", "html", "address", "details", "summary", "center", "fieldset", "caption",
        "hgroup", "dialog", "menu", "picture", "video", "audio",
    ]

    /// Blocks whose long own text counts as article-like paragraphs.
    static let paragraphLike: Set<String> = ["p", "div", "td", "li", "blockquote", "pre", "dd", "section", "article", "main"]

    init(tree: PageTree) {
        self.tree = tree
        let count = tree.count
        selfFurniture = []
        invisible = Array(repeating: false, count: count)
        furniture = Array(repeating: false, count: count)
        hints = Array(repeating: .none, count: count)
        hidden = Array(repeating: false, count: count)
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        goodLength = Array(repeating: 0, count: count)
        contentGoodLength = Array(repeating: 0, count: count)
        blockOf = Array(repeating: -1, count: count)
        inLink = Array(repeating: false, count: count)
        ownText = Array(repeating: 0, count: count)
        ownLinkText = Array(repeating: 0, count: count)
        ownPunctuation = Array(repeating: 0, count: count)
        selfFurniture = Array(repeating: false, count: count)
        var hintCache: [String: BoilerplateFilter.Hint] = [:]
        // A page with exactly one post container (see BoilerplateFilter.withoutPostLabels).
        var postContainers = 0
        for index in 0..<count where tree.kinds[index] == .element {
            // WordPress writes these classes in lower case.
            if let classes = tree.attribute("class", of: index), BoilerplateFilter.isPostContainer(classes) { postContainers += 1 }
        }
        let singlePost = postContainers == 1

        // Inside code (`pre`, `code`), classes are a highlighter's (`token comment`, `tag`,
        // `keyword`) and say nothing about furniture; inside a data table (one with header
        // cells), they style the data (`font-utility-2`, `col-share`).
        var classesStyle = [Bool](repeating: false, count: count)
        // Pass 1, document order: inherited flags and block ownership; own text per block.
        for index in 0..<count {
            let parent = Int(tree.parents[index])
            let parentInvisible = parent >= 0 && invisible[parent]
            if tree.kinds[index] == .element {
                let name = tree.names[index]
                let classes = tree.classes[index]
                let parentClassesStyle = parent >= 0 && classesStyle[parent]
                classesStyle[index] =
                    parentClassesStyle || name == "pre" || name == "code" || (name == "table" && Self.hasHeaderCells(index, in: tree))
                hints[index] =
                    parentClassesStyle ? .none : BoilerplateFilter.hint(of: index, in: tree, cache: &hintCache, ignoringPostLabels: singlePost)
                hidden[index] = BoilerplateFilter.isHidden(index, in: tree)
                invisible[index] =
                    parentInvisible || classes.contains(.invisible) || (name == "textarea" && Self.holdsOnlyText(index, in: tree))
                selfFurniture[index] =
                    classes.contains(.furniture) || hints[index] == .boilerplate || classes.contains(.control) || hidden[index]
                inLink[index] = (parent >= 0 && inLink[parent]) || name == "a"
                blockOf[index] = classes.contains(.block) ? Int32(index) : (parent >= 0 ? blockOf[parent] : Int32(index))
            } else {
                invisible[index] = parentInvisible
                inLink[index] = parent >= 0 && inLink[parent]
                blockOf[index] = parent >= 0 ? blockOf[parent] : -1
                guard !invisible[index] else { continue }
                let (letters, punctuation) = Self.measure(tree.texts[index])
                textLength[index] = letters
                if inLink[index] { linkLength[index] = letters }
                let block = Int(blockOf[index])
                // A drop-down's choices (an archive's months, a category menu) are no one's
                // prose: they count as text but not towards a block's own.
                if block >= 0, parent < 0 || tree.names[parent] != "option" {
                    ownText[block] += letters
                    if inLink[index] { ownLinkText[block] += letters }
                    ownPunctuation[block] += punctuation
                }
            }
        }
        // Pass 2, reverse order: subtree sums.
        for index in stride(from: count - 1, through: 0, by: -1) {
            if tree.kinds[index] == .element, !invisible[index] {
                let own = ownText[index]
                if own >= 80, ownLinkText[index] * 4 < own, tree.classes[index].contains(.paragraphLike) {
                    goodLength[index] += own
                    contentGoodLength[index] = own
                }
            }
            let parent = Int(tree.parents[index])
            guard parent >= 0, !invisible[index] else { continue }
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            goodLength[parent] += goodLength[index]
        }
        for index in 0..<count where tree.parents[index] < 0 { pageGoodLength += goodLength[index] }
        // One more, so that a page without good prose divides by one.
        let pageGood = pageGoodLength + 1
        // A list of other stories: an element holding two or more <article> elements (each a
        // story's teaser) is furniture, unless (below) it holds a large share of the page's
        // prose. Where the articles but the largest hold three quarters of the page's prose,
        // they are the page itself (a listicle written as tiles, an index page): no change.
        var articles = [Int32](repeating: 0, count: count)
        var insideArticle = [Bool](repeating: false, count: count)
        var articlesGood: Int32 = 0
        var largestArticle: Int32 = 0
        for index in 0..<count where tree.kinds[index] == .element && !invisible[index] {
            let parent = Int(tree.parents[index])
            insideArticle[index] = parent >= 0 && (insideArticle[parent] || tree.names[parent] == "article")
            if tree.names[index] == "article", !insideArticle[index] {
                articlesGood += goodLength[index]
                largestArticle = max(largestArticle, goodLength[index])
            }
        }
        if 4 * (articlesGood - largestArticle) < 3 * pageGood {
            for index in stride(from: count - 1, through: 0, by: -1) where tree.kinds[index] == .element && !invisible[index] {
                let parent = Int(tree.parents[index])
                if tree.names[index] == "article" {
                    if parent >= 0 { articles[parent] += 1 }
                } else if parent >= 0 {
                    articles[parent] += articles[index]
                }
                if articles[index] >= 2, tree.names[index] != "body" { selfFurniture[index] = true }
            }
        }
        // Weak furniture words count only against elements that are not mostly prose.
        for index in 0..<count where hints[index] == .weakBoilerplate && !selfFurniture[index] {
            selfFurniture[index] = 2 * goodLength[index] < textLength[index]
        }
        // Pass 3, document order: furniture is inherited, unless the element holds most of the page's good text.
        // A hidden element (a closed modal, a collapsed panel) must hold more of it: readers
        // never see it, and a modal's terms or guidelines can run to a long article's length.
        // Footers and comment sections that are furniture are what an article never reaches into.
        var pageEnd = [Bool](repeating: false, count: count)
        for index in 0..<count {
            let parent = Int(tree.parents[index])
            let inherited = parent >= 0 && furniture[parent]
            var ownFurniture = false
            if selfFurniture[index] {
                if BoilerplateFilter.isCommentSection(index, in: tree) || BoilerplateFilter.isFooterLandmark(index, in: tree) {
                    ownFurniture = true
                    pageEnd[index] = true
                } else if BoilerplateFilter.isNamedFooter(index, in: tree) {
                    // A footer named in a class is rarely an article either: it must hold more.
                    ownFurniture = Double(goodLength[index]) < Self.hiddenArticleShare * Double(pageGood)
                    pageEnd[index] = ownFurniture
                } else {
                    let share = hidden[index] ? Self.hiddenArticleShare : Self.furnitureArticleShare
                    ownFurniture = Double(goodLength[index]) < share * Double(pageGood)
                }
            }
            furniture[index] = inherited || ownFurniture
        }
        // Pass 4, reverse order: good prose outside page footers and comment sections.
        for index in stride(from: count - 1, through: 0, by: -1) {
            if invisible[index] || pageEnd[index] { contentGoodLength[index] = 0 }
            let parent = Int(tree.parents[index])
            guard parent >= 0 else { continue }
            contentGoodLength[parent] += contentGoodLength[index]
        }
    }

    /// The share of a page's good text that makes a furniture-like element its article after all.
    static let furnitureArticleShare = 0.3
    /// The same for a hidden element.
    static let hiddenArticleShare = 0.6

    /// Non-space scalars and sentence punctuation (.,;:!?) in a piece of text.
    static func measure(_ text: String) -> (Int32, Int32) {
        var letters: Int32 = 0
        var punctuation: Int32 = 0
        var text = text
        text.withUTF8 { buffer in
            var index = 0
            while index < buffer.count {
                let spaceLength = TextBuilder.spaceLength(buffer, index)
                if spaceLength > 0 {
                    index += spaceLength
                    continue
                }
                let byte = buffer[index]
                if byte & 0xC0 != 0x80 { letters += 1 }
                if byte == 46 || byte == 44 || byte == 59 || byte == 33 || byte == 63 { punctuation += 1 }
                index += 1
            }
        }
        return (letters, punctuation)
    }

    /// Link text share of a subtree (0 when it has no text).
    func linkDensity(_ node: Int) -> Double {
        let total = textLength[node]
        return total > 0 ? Double(linkLength[node]) / Double(total) : 0
    }
}
