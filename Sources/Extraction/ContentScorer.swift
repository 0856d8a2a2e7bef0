import LibXML

/// Finds the element holding a page's main text: every block of text votes for its ancestors,
/// positively for paragraph-like prose, negatively for links, furniture and short labels; the
/// element with the highest total is the article.
enum ContentScorer {
    /// Containers that may hold an article.
    static let containers: Set<String> = ["div", "article", "main", "section", "td", "body", "center", "font", "span", "blockquote", "form"]

    /// The best container.
    ///
    /// Furniture votes against every container holding it, at its full length. When the
    /// article's paragraphs sit directly in the element that also holds a long comment thread,
    /// that vote sinks the only container of the article, and a stray scrap of text wins. So
    /// the choice is made twice, furniture counted in full and at `lenientFurniture` of its
    /// length; the lenient choice is taken when it holds several times the good prose of the
    /// strict one (its furniture is left out when the article is rendered).
    static func bestContainer(in analysis: PageAnalysis, articleBodyHint: String?) -> Int? {
        let tree = analysis.tree
        let count = tree.count
        guard count > 0 else { return nil }
        // Each subtree's votes: those of prose and labels, and those of furniture, apart.
        var prose = Array(repeating: 0.0, count: count)
        var furniture = Array(repeating: 0.0, count: count)
        for index in 0..<count where tree.kinds[index] == .element && !analysis.invisible[index] {
            let own = Double(analysis.ownText[index])
            guard own > 0 else { continue }
            if analysis.furniture[index] {
                furniture[index] = -own
            } else {
                prose[index] = contribution(of: index, in: analysis)
            }
        }
        for index in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(tree.parents[index])
            if parent >= 0, !analysis.invisible[index] {
                prose[parent] += prose[index]
                furniture[parent] += furniture[index]
            }
        }
        let strictScore = zip(prose, furniture).map { $0 + $1 }
        if let hinted = hintedContainer(articleBody: articleBodyHint, analysis: analysis), strictScore[hinted] > 0,
            let body = articleBodyHint, Double(analysis.textLength[hinted]) >= 0.6 * Double(PageAnalysis.measure(body).0)
        {
            return hinted
        }
        let strict = best(in: analysis, score: strictScore)
        let lenientScore = zip(prose, furniture).map { $0 + lenientFurniture * $1 }
        if let lenient = best(in: analysis, score: lenientScore), lenient != strict,
            Double(analysis.goodLength[lenient]) > 2 * Double(strict.map { analysis.goodLength[$0] } ?? 0)
        {
            return widened(lenient, in: analysis)
        }
        return strict.map { widened($0, in: analysis) }
    }

    /// How much furniture counts against a container in the second choice.
    static let lenientFurniture = 0.3

    /// The container around `chosen` that holds most of the page's good prose, when `chosen`
    /// holds under `scrapShare` of it; else `chosen`.
    ///
    /// Votes against can sink every container of an article: its prose beside a long list of
    /// links (a site's cities, a tag cloud) and boxes classed as furniture (a `drawer`, a
    /// `profile`), so that a scrap of text (a teaser, a box's blurb) wins with a small score. A
    /// container holding four fifths of the page's prose around that scrap is the article;
    /// its furniture is still left out when it is rendered.
    private static func widened(_ chosen: Int, in analysis: PageAnalysis) -> Int {
        let tree = analysis.tree
        let pageGood = Int(analysis.pageGoodLength)
        guard pageGood > 0, Double(analysis.goodLength[chosen]) < scrapShare * Double(pageGood) else { return chosen }
        // The containers holding over half of the prose are nested: the last one is the deepest.
        var deepest: Int?
        for index in 0..<tree.count where tree.classes[index].contains(.container) && !analysis.invisible[index] {
            if Double(analysis.goodLength[index]) >= articleShare * Double(pageGood) { deepest = index }
        }
        guard let deepest, tree.isInside(chosen, deepest) else { return chosen }
        return deepest
    }

    /// Under this share of the page's good prose, a chosen container is a scrap (see `widened`).
    static let scrapShare = 0.1
    /// The share of the page's good prose that a container around a scrap must hold.
    static let articleShare = 0.8

    /// The container with the highest `score` (with the hints' weights), climbing while its
    /// parent holds much more good prose.
    private static func best(in analysis: PageAnalysis, score: [Double]) -> Int? {
        let tree = analysis.tree
        var best: Int?
        var bestScore = 0.0
        for index in 0..<tree.count where tree.classes[index].contains(.container) {
            guard !analysis.invisible[index], score[index] > 0 else { continue }
            var value = score[index]
            switch analysis.hints[index] {
            case .content: value *= 1.08
            default: break
            }
            if tree.names[index] == "article" || tree.names[index] == "main" { value *= 1.05 }
            if let property = tree.attribute("itemprop", of: index), property.lowercased().contains("articlebody") { value *= 1.25 }
            if value > bestScore {
                bestScore = value
                best = index
            }
        }
        guard var chosen = best else { return nil }
        // Climb while the parent holds much more good prose: articles split into sections.
        while true {
            let parent = Int(tree.parents[chosen])
            guard parent >= 0, tree.names[parent] != "html" else { break }
            let good = Double(analysis.contentGoodLength[chosen])
            let parentGood = Double(analysis.contentGoodLength[parent])
            guard parentGood >= 1.4 * good, score[parent] >= 0.5 * score[chosen], analysis.linkDensity(parent) < 0.3 else { break }
            chosen = parent
        }
        return chosen
    }

    /// A block's vote: its own text, less its links; furniture and short labels vote against.
    static func contribution(of block: Int, in analysis: PageAnalysis) -> Double {
        let tree = analysis.tree
        let own = Double(analysis.ownText[block])
        let links = Double(analysis.ownLinkText[block])
        if analysis.furniture[block] { return -own }
        let density = links / own
        if density > 0.5 { return -own * density }
        let name = tree.names[block]
        if own < 30 && analysis.ownPunctuation[block] == 0 {
            return tree.classes[block].contains(.heading) ? 0 : -3
        }
        var value = own - 2 * links
        if name == "p" || name == "blockquote" || name == "pre" { value *= 1.2 }
        if analysis.ownPunctuation[block] >= 2 { value += 10 }
        return value
    }

    /// The lowest common ancestor of the blocks holding the start and the end of a JSON-LD
    /// `articleBody`, when both are found in the page.
    static func hintedContainer(articleBody: String?, analysis: PageAnalysis) -> Int? {
        guard let body = articleBody.map(TextBuilder.collapse), body.count >= 400 else { return nil }
        let tree = analysis.tree
        let head = String(body.prefix(50))
        let tail = String(body.suffix(50))
        var first: Int?
        var last: Int?
        var index = 0
        while index < tree.count {
            if tree.kinds[index] == .element, tree.classes[index].contains(.paragraphLike) || tree.names[index].hasPrefix("h"),
                analysis.ownText[index] > 0, !analysis.invisible[index]
            {
                let text = ownText(of: index, in: analysis)
                if first == nil, ByteSearch.contains(text, head) || (text.count >= 40 && head.hasPrefix(text)) { first = index }
                if first != nil, ByteSearch.contains(text, tail) || (text.count >= 40 && tail.hasSuffix(text)) { last = index }
            }
            index += 1
        }
        guard var a = first, let b = last else { return nil }
        while !tree.isInside(b, a) {
            let parent = Int(tree.parents[a])
            guard parent >= 0 else { return nil }
            a = parent
        }
        // Climb to a container element.
        while !tree.classes[a].contains(.container) {
            let parent = Int(tree.parents[a])
            guard parent >= 0 else { break }
            a = parent
        }
        return a
    }

    /// The collapsed text a block holds itself (without nested blocks).
    static func ownText(of block: Int, in analysis: PageAnalysis) -> String {
        let tree = analysis.tree
        var builder = TextBuilder()
        var index = block + 1
        let end = Int(tree.ends[block])
        while index < end {
            if tree.kinds[index] == .text {
                if Int(analysis.blockOf[index]) == block, !analysis.invisible[index] { builder.append(tree.texts[index]) }
                index += 1
            } else if analysis.invisible[index] {
                index = Int(tree.ends[index])
            } else {
                index += 1
            }
        }
        return builder.result
    }
}
