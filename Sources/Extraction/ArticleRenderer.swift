import LibXML

/// Walks the chosen container and writes the article as plain text (paragraphs separated by a
/// blank line) and as sanitized HTML, leaving out furniture, link lists, stock phrases, stray
/// JSON and the byline/date lines above the first paragraph.
struct ArticleRenderer {
    /// The rendered article.
    struct Output: Sendable {
        /// The paragraphs, in order.
        var paragraphs: [String] = []
        /// Sanitized HTML.
        var html = ""
    }

    let analysis: PageAnalysis
    let resolver: URLResolver
    /// Author names, so a byline line above the text can be recognised.
    let authors: [String]
    /// The headline, so a repeated headline inside the container is left out.
    let title: String?

    /// Block elements kept as tags in the HTML.
    static let structuralTags: Set<String> = [
        "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "caption", "pre", "dl", "dt", "dd",
    ]
    /// Blocks whose inline content needs no `<p>` wrapper.
    static let inlineHolders: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "td", "th", "caption", "pre", "dt", "dd"]
    /// Inline elements kept as tags.
    static let inlineTags: Set<String> = ["a", "em", "strong", "b", "i", "u", "code", "sub", "sup", "mark", "small", "s", "q", "cite", "abbr"]

    /// How much of the container's good text must come before an end marker for it to end the
    /// article.
    static let endMarkerShare = 0.5

    /// How much of the container's good text may come before a list introduced with a colon
    /// for its links to count as content: past it, "If you liked this post you might also
    /// like:" opens a list of other posts.
    static let introducedListShare = 0.75

    /// How much of the container's good text must follow a list of links for it to stand
    /// between paragraphs of the article rather than at its end.
    static let proseAfterListShare = 0.1

    /// Renders the container `root`.
    func render(_ root: Int) -> Output {
        let tree = analysis.tree
        var output = Output()
        var run = Run()
        var open: [(node: Int, htmlStart: String.Index?, caption: Bool)] = []
        var holders: [TagClass] = []
        var seenLongParagraph = false
        // The list the text last introduced with a colon, whose links are content.
        var introducedList: Int?
        // Paragraphs by a hash of their bytes (a `Set<String>` hashed them through Unicode
        // normalization), each with the first paragraph that had it.
        var seenParagraphs: [Int: Int] = [:]
        // Once an end marker (`About the Author`, `12 comments`) follows most of the article,
        // nothing after it is rendered.
        var renderedCharacters = 0
        var ended = false
        let rootGood = Double(analysis.goodLength[root])
        let rootText = Double(analysis.textLength[root])
        let end = Int(tree.ends[root])
        // Inside a figure's caption: kept in the HTML, beside its picture, but not in the text,
        // which is the article's prose ("Photo: Reuters", "Figure 1. The effects of …").
        var captionDepth = 0

        func flush() {
            defer { run = Run() }
            guard !ended else { return }
            let text = run.text.result
            guard !TextBuilder.isInvisible(text) else {
                if ByteSearch.contains(run.html, "<img") { output.html += run.html }
                return
            }
            let characters = Self.characterCount(text)
            let phrase = BoilerplateFilter.ShortPhrase(text, characters: characters)
            if let phrase, BoilerplateFilter.isEndMarker(phrase), Double(renderedCharacters) >= Self.endMarkerShare * rootGood {
                ended = true
                return
            }
            if phrase.map(BoilerplateFilter.isStockPhrase) == true || BoilerplateFilter.looksLikeJSON(text) || BoilerplateFilter.isCreditLine(text)
                || BoilerplateFilter.isConsentLine(text) || BoilerplateFilter.isCallToAction(text)
                || BoilerplateFilter.isAffiliateDisclosure(text) || BylineMatcher.isCreditForPeople(text)
                || (BoilerplateFilter.isRelatedStoryLine(text) && Self.endsWithLink(run.html))
            {
                return
            }
            if captionDepth > 0 {
                writeHTML()
                return
            }
            if !seenLongParagraph {
                if characters >= 120 || (characters >= 60 && text.last.map { ".!?\"”".contains($0) } == true) {
                    seenLongParagraph = true
                } else if BylineMatcher.isMetadataLine(text, authors: authors) {
                    return
                }
            }
            if characters >= 30 {
                let key = Self.byteHash(text)
                if let seen = seenParagraphs[key] {
                    if output.paragraphs[seen] == text { return }
                } else {
                    seenParagraphs[key] = output.paragraphs.count
                }
            }
            output.paragraphs.append(text)
            renderedCharacters += characters
            writeHTML()
        }

        /// Writes the run's HTML, in a `<p>` unless its block holds inline content itself.
        func writeHTML() {
            if let holder = holders.last, holder.contains(.inlineHolder) {
                output.html += run.html
            } else {
                output.html += "<p>" + run.html + "</p>"
            }
        }

        func skip(_ node: Int) -> Bool {
            if analysis.invisible[node] { return true }
            let name = tree.names[node]
            if name == "h1" { return true }
            // A span or a link after words of the same paragraph continues a sentence ("Options
            // include <a><span>AWS Lambda</span></a>, …"): it is not judged by its links alone.
            let continuesSentence = !run.text.isEmpty && (name == "span" || name == "a")
            // A link between words of its paragraph is part of the sentence, whatever its class
            // says (`start to <a class="recommendation-inline-link">divide up the guest
            // list</a>. If you…`); a hidden one, or one that ends the paragraph ("… a better
            // pick. Read More", "Posted under Car Tires"), still goes.
            let linkInSentence = continuesSentence && name == "a" && !analysis.hidden[node] && wordsFollow(node)
            let isFurniture = analysis.selfFurniture[node] && !linkInSentence
            if isFurniture, Double(analysis.goodLength[node]) < 0.2 * rootGood || rootGood == 0 && Double(analysis.textLength[node]) < 0.5 * rootText
            {
                return true
            }
            // Hidden furniture (a closed dialog) goes unless it holds most of the article.
            if analysis.hidden[node], node != root, Double(analysis.goodLength[node]) < PageAnalysis.hiddenArticleShare * rootGood {
                return true
            }
            let total = analysis.textLength[node]
            // A list the text introduces ("Many patches were sent for review:") is part of it,
            // links or not, and so is everything inside it.
            if let list = introducedList, tree.isInside(node, list) { return false }
            if total > 0, !isSpanInProse(node), !continuesSentence {
                let density = analysis.linkDensity(node)
                switch name {
                case "ul", "ol", "dl", "div", "section", "table":
                    guard density > 0.6 && analysis.goodLength[node] == 0 else { break }
                    if run.text.isEmpty, let last = output.paragraphs.last, last.hasSuffix(":"), Self.isSentence(last),
                        Double(renderedCharacters) < Self.introducedListShare * rootGood
                    {
                        introducedList = node
                        break
                    }
                    // A list of links between paragraphs of the article (the products a
                    // section names, the talks of a series) is part of it; one at its end is
                    // other stories, and a table of contents points into the page itself.
                    if name == "ul" || name == "ol", run.text.isEmpty, renderedCharacters > 0,
                        Double(goodAfter(node)) >= Self.proseAfterListShare * rootGood, !pointsIntoThePage(node)
                    {
                        introducedList = node
                        break
                    }
                    return true
                case "nav", "span", "header", "footer", "aside", "figure":
                    if density > 0.6 && analysis.goodLength[node] == 0 { return true }
                case "p", "li":
                    if density > 0.85 && total < 200 && run.text.isEmpty { return true }
                default: break
                }
            }
            return false
        }

        // Good characters of the container before each of its nodes (from `root`), made when
        // a list first asks how much of the article follows it.
        var goodBefore: [Int32] = []
        func goodAfter(_ node: Int) -> Int {
            if goodBefore.isEmpty {
                var own = [Int32](repeating: 0, count: end - root)
                for index in root..<end {
                    own[index - root] += analysis.goodLength[index]
                    let parent = Int(tree.parents[index])
                    if index > root, parent >= root { own[parent - root] -= analysis.goodLength[index] }
                }
                goodBefore = [Int32](repeating: 0, count: end - root + 1)
                for offset in own.indices { goodBefore[offset + 1] = goodBefore[offset] + own[offset] }
            }
            return Int(goodBefore[end - root] - goodBefore[Int(tree.ends[node]) - root])
        }

        func close(_ node: Int, htmlStart: String.Index?, caption: Bool) {
            let name = tree.names[node]
            let classes = tree.classes[node]
            if caption {
                flush()
                captionDepth -= 1
            }
            if classes.contains(.block) {
                flush()
                if classes.contains(.structural) {
                    holders.removeLast()
                    if let start = htmlStart, output.html[start...] == "<\(name)>" {
                        output.html.removeSubrange(start...)
                    } else {
                        output.html += "</\(name)>"
                    }
                }
            } else if classes.contains(.inline) {
                run.html += "</\(name)>"
            }
        }

        var index = root + 1
        while true {
            while let top = open.last, index >= Int(tree.ends[top.node]) {
                open.removeLast()
                close(top.node, htmlStart: top.htmlStart, caption: top.caption)
            }
            guard index < end else { break }
            if tree.kinds[index] == .text {
                if !analysis.invisible[index] {
                    let text = tree.texts[index]
                    run.text.append(text)
                    run.html += HTMLEscaping.escape(text)
                }
                index += 1
                continue
            }
            if skip(index) {
                index = Int(tree.ends[index])
                continue
            }
            let name = tree.names[index]
            let classes = tree.classes[index]
            var htmlStart: String.Index?
            let caption = isCaption(index)
            if caption {
                flush()
                captionDepth += 1
            }
            if classes.contains(.block) {
                flush()
                if classes.contains(.structural) {
                    htmlStart = output.html.endIndex
                    output.html += "<\(name)>"
                    holders.append(classes)
                }
            } else if name == "br" {
                flush()
            } else if name == "img" {
                if let source = imageSource(index) {
                    let alt = tree.attribute("alt", of: index).map { " alt=\"\(HTMLEscaping.escape($0, attribute: true))\"" } ?? ""
                    run.html += "<img src=\"\(HTMLEscaping.escape(source, attribute: true))\"\(alt)>"
                }
            } else if classes.contains(.inline) {
                if name == "a" {
                    if let href = tree.attribute("href", of: index), let absolute = resolver.resolve(href), URLResolver.isSafe(absolute) {
                        run.html += "<a href=\"\(HTMLEscaping.escape(absolute, attribute: true))\">"
                    } else {
                        run.html += "<a>"
                    }
                } else {
                    run.html += "<\(name)>"
                }
            }
            open.append((index, htmlStart, caption))
            index += 1
        }
        flush()
        return output
    }

    /// `text.count`, without walking the text Character by Character when it is ASCII (then
    /// every byte is a Character, but for a "\r\n" pair): counted for every paragraph, the
    /// walk was 1% of an extraction.
    static func characterCount(_ text: String) -> Int {
        for byte in text.utf8 where byte >= 0x80 || byte == 0x0D { return text.count }
        return text.utf8.count
    }

    /// Whether `node` is a span inside prose (`… costs to <a><span>make families smaller</span></a>.`,
    /// `The <span><a>Federal Reserve Bank</a> said</span> …`): mostly or wholly link text by
    /// itself, so the link-density rule for furniture would cut its words out of the middle of a
    /// sentence. Prose is a block whose own text is mostly not links; a list of links, each in a
    /// span, is still judged.
    private func isSpanInProse(_ node: Int) -> Bool {
        guard analysis.tree.names[node] == "span" else { return false }
        let block = Int(analysis.blockOf[node])
        return block >= 0 && analysis.ownLinkText[block] * 2 < analysis.ownText[block]
    }

    /// The longest text (in bytes) an element named as a caption may hold: a `caption` class on
    /// a wrapper of the whole post (`entry has-captions`) names no caption.
    static let captionLimit = 600

    /// Whether `node` is a picture's caption: a `figcaption`, or a short element whose class
    /// names one caption (`wp-caption-text`, `image-caption`; not `has-captions`).
    private func isCaption(_ node: Int) -> Bool {
        let tree = analysis.tree
        if tree.names[node] == "figcaption" { return true }
        guard analysis.textLength[node] <= Self.captionLimit, let classes = tree.attribute("class", of: node) else { return false }
        return Self.namesOneCaption(classes)
    }

    /// Whether a class attribute holds `caption` (any case) not followed by `s`.
    static func namesOneCaption(_ classes: String) -> Bool {
        let word: [UInt8] = Array("caption".utf8)
        let bytes = Array(classes.utf8)
        guard bytes.count >= word.count else { return false }
        var start = 0
        while start + word.count <= bytes.count {
            var matched = true
            for offset in 0..<word.count where bytes[start + offset] | 0x20 != word[offset] {
                matched = false
                break
            }
            if matched {
                let after = start + word.count
                if after == bytes.count || bytes[after] | 0x20 != UInt8(ascii: "s") { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether a paragraph's HTML ends with a link (`Read more: <a>Other story</a>`), past
    /// closing emphasis, brackets and spaces.
    static func endsWithLink(_ html: String) -> Bool {
        var tail = Substring(html)
        while true {
            let before = tail.count
            while let last = tail.last, last == " " || last == "]" || last == ")" || last == "." { tail = tail.dropLast() }
            for close in ["</strong>", "</em>", "</b>", "</i>", "</u>"] where tail.hasSuffix(close) { tail = tail.dropLast(close.count) }
            if tail.count == before { break }
        }
        return tail.hasSuffix("</a>")
    }

    /// Whether most of a list's links point into the page itself (`#section`): a table of
    /// contents.
    private func pointsIntoThePage(_ list: Int) -> Bool {
        let tree = analysis.tree
        var links = 0
        var inPage = 0
        for index in list..<Int(tree.ends[list]) where tree.kinds[index] == .element && tree.names[index] == "a" {
            links += 1
            if tree.attribute("href", of: index)?.hasPrefix("#") == true { inPage += 1 }
        }
        return inPage * 2 > links
    }

    /// Whether a paragraph reads as a sentence rather than a label ("Related articles:"):
    /// five words or more.
    private static func isSentence(_ text: String) -> Bool {
        text.split(separator: " ", omittingEmptySubsequences: true).count >= 5
    }

    /// Whether words (a text with a letter) follow `node` in its block.
    private func wordsFollow(_ node: Int) -> Bool {
        let tree = analysis.tree
        let block = analysis.blockOf[node]
        var index = Int(tree.ends[node])
        while index < tree.count, analysis.blockOf[index] == block {
            if tree.kinds[index] == .text, !analysis.invisible[index], tree.texts[index].contains(where: \.isLetter) { return true }
            index += 1
        }
        return false
    }

    /// A hash of a text's UTF-8 bytes.
    private static func byteHash(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return hasher.finalize()
        }
    }

    /// The absolute source of an image (lazy-loading attributes first).
    private func imageSource(_ node: Int) -> String? {
        let tree = analysis.tree
        for attribute in ["data-src", "data-lazy-src", "data-original", "src"] {
            if let value = tree.attribute(attribute, of: node), !value.isEmpty, !value.hasPrefix("data:"),
                let absolute = resolver.resolve(value), URLResolver.isSafe(absolute)
            {
                return absolute
            }
        }
        return nil
    }

    /// The inline content gathered since the last block boundary.
    private struct Run {
        var text = TextBuilder()
        var html = ""
    }
}

/// Escaping of text and attribute values for HTML output.
enum HTMLEscaping {
    /// `text` with `&`, `<`, `>` (and `"` in attributes) escaped.
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            // The escaped characters are ASCII, which no byte of another character's UTF-8 is:
            // the bytes are searched and copied as they are.
            func escaped(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || (attribute && byte == UInt8(ascii: "\""))
            }
            guard let first = bytes.firstIndex(where: escaped) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            MarkupEscaping.append(bytes[first...], quotes: attribute, to: &result)
            return String(decoding: result, as: UTF8.self)
        }
    }
}
