import LibXML

/// Everything in a page's markup that states metadata, gathered in one pass: `<meta>` values,
/// `<link>` relations, `<title>`, `lang`, JSON-LD scripts, headings, `<time>` elements and
/// byline elements.
struct PageSignals: Sendable {
    /// `<meta>` content by lower-cased name, property or itemprop (first value wins).
    var meta: [String: String] = [:]
    /// Every `<meta>` value by key, in page order (several `article:author` tags…).
    var metaAll: [String: [String]] = [:]
    /// `<link>` elements: rel (lower case), href, type (lower case), title.
    var links: [(rel: String, href: String, type: String, title: String?)] = []
    /// The `<title>` text.
    var documentTitle: String?
    /// The root element's `lang`.
    var htmlLanguage: String?
    /// `<base href>`.
    var baseHref: String?
    /// JSON-LD script texts.
    var jsonLD: [String] = []
    /// Visible `<h1>` elements.
    var headings: [Int] = []
    /// `<time>` elements and elements with `itemprop="datePublished"`.
    var timeElements: [Int] = []
    /// Elements marked as bylines (rel=author, itemprop=author, class byline/author).
    var bylineElements: [Int] = []

    /// Gathers the signals of an analysed page.
    init(analysis: PageAnalysis) {
        let tree = analysis.tree
        for index in 0..<tree.count where tree.kinds[index] == .element {
            switch tree.names[index] {
            case "meta":
                guard let content = tree.attribute("content", of: index) else { continue }
                for keyName in ["name", "property", "itemprop", "http-equiv"] {
                    if let key = tree.attribute(keyName, of: index)?.lowercased().trimmingSpaces(), !key.isEmpty {
                        if meta[key] == nil, !content.trimmingSpaces().isEmpty { meta[key] = TextBuilder.collapse(content) }
                        metaAll[key, default: []].append(content)
                        // JSON-LD carried in a `<meta>` value (`name="script:ld+json"`).
                        if ByteSearch.contains(key, "ld+json") { jsonLD.append(content) }
                    }
                }
                if let property = tree.attribute("itemprop", of: index)?.lowercased(), property == "datepublished" {
                    timeElements.append(index)
                }
            case "link":
                guard let rel = tree.attribute("rel", of: index)?.lowercased(), let href = tree.attribute("href", of: index) else { continue }
                links.append((rel, href, tree.attribute("type", of: index)?.lowercased().trimmingSpaces() ?? "", tree.attribute("title", of: index)))
            case "title":
                if documentTitle == nil, tree.parents[index] >= 0, tree.names[Int(tree.parents[index])] != "svg" {
                    documentTitle = TextBuilder.collapse(Self.rawText(of: index, in: tree))
                }
            case "html":
                if htmlLanguage == nil { htmlLanguage = tree.attribute("lang", of: index) ?? tree.attribute("xml:lang", of: index) }
            case "base":
                if baseHref == nil { baseHref = tree.attribute("href", of: index) }
            case "script":
                if let type = tree.attribute("type", of: index), ByteSearch.containsIgnoringCase(type, "ld+json") {
                    jsonLD.append(Self.rawText(of: index, in: tree))
                }
            case "h1":
                if !analysis.invisible[index] { headings.append(index) }
            case "time":
                if !analysis.invisible[index] || tree.attribute("datetime", of: index) != nil { timeElements.append(index) }
            default:
                if let property = tree.attribute("itemprop", of: index)?.lowercased() {
                    if property == "datepublished" { timeElements.append(index) }
                    if property == "author" || property == "creator" { bylineElements.append(index) }
                    continue
                }
                if let rel = tree.attribute("rel", of: index), ByteSearch.containsIgnoringCase(rel, "author") {
                    bylineElements.append(index)
                    continue
                }
                // A link to the author's archive (WordPress's /author/jane-doe/, /authors/…).
                if tree.names[index] == "a", let href = tree.attribute("href", of: index),
                    ByteSearch.containsIgnoringCase(href, "/author/") || ByteSearch.containsIgnoringCase(href, "/authors/"),
                    !analysis.invisible[index], analysis.textLength[index] > 0, analysis.textLength[index] < 60
                {
                    // Not the editor's, a contact's or the photographer's ("Edited by: <a
                    // href=/authors/…>"), nor a menu's entry for the site's own account.
                    let parent = Int(tree.parents[index])
                    let label = parent >= 0 ? tree.text(of: parent).prefix(24).lowercased() : ""
                    if !Self.otherCredits.contains(where: { label.hasPrefix($0) }), !Self.isInMenu(index, in: tree) {
                        bylineElements.append(index)
                    }
                    continue
                }
                // "authorization-link" (a log-in control) holds "author" but marks no byline.
                if let cls = tree.attribute("class", of: index),
                    ByteSearch.containsIgnoringCase(cls, "byline")
                        || (ByteSearch.containsIgnoringCase(cls, "author") && !ByteSearch.containsIgnoringCase(cls, "authoriz"))
                {
                    if !analysis.invisible[index], analysis.textLength[index] > 0, analysis.textLength[index] < 200 { bylineElements.append(index) }
                    // The author's photo in a byline or author box names its author in `alt`.
                    if tree.names[index] == "img", !analysis.invisible[index], tree.attribute("alt", of: index)?.isEmpty == false {
                        bylineElements.append(index)
                    }
                }
            }
        }
    }

    /// Labels of credits other than the author's.
    private static let otherCredits = [
        "edited by", "editor", "reviewed by", "fact checked by", "fact-checked by", "photos by", "photo by", "illustrat", "contact",
    ]

    /// Whether an element sits in a navigation menu (a `nav`, or an ancestor classed as a menu
    /// or menu item), looking five levels up.
    private static func isInMenu(_ element: Int, in tree: PageTree) -> Bool {
        var current = Int(tree.parents[element])
        for _ in 0..<5 where current >= 0 {
            if tree.names[current] == "nav" { return true }
            if let cls = tree.attribute("class", of: current), ByteSearch.containsIgnoringCase(cls, "menu") { return true }
            current = Int(tree.parents[current])
        }
        return false
    }

    /// The raw text inside an element (script bodies included).
    static func rawText(of node: Int, in tree: PageTree) -> String {
        var result = ""
        var index = node + 1
        let end = Int(tree.ends[node])
        while index < end {
            if tree.kinds[index] == .text { result += tree.texts[index] }
            index += 1
        }
        return result
    }

    /// The first non-empty `<meta>` value among `keys`.
    func firstMeta(_ keys: [String]) -> String? {
        for key in keys {
            if let value = meta[key], !value.isEmpty { return value }
        }
        return nil
    }
}
