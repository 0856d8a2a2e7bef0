import LibXML

/// Class, id and role hints that mark page furniture (navigation, share bars, newsletters…) or
/// main content, and the rules deciding which elements are never part of an article.
enum BoilerplateFilter {
    /// What an element's class, id and role suggest.
    enum Hint: Sendable, Equatable {
        case none, content, boilerplate
        /// Only words that also name sections of prose (`toc-chapters`, `cws-jump-section`,
        /// `paragraph-published`): furniture only when the element is not mostly prose.
        case weakBoilerplate
    }

    /// Furniture words that sites also use for sections of the article itself.
    private static let weakTokens: Set<String> = ["toc", "jump", "published", "updated", "posted", "meta", "embed", "reading", "drawer", "profile"]

    /// Class/id words (whole tokens) suggesting furniture.
    private static let boilerplateTokens: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menus", "footer", "header", "masthead", "sidebar", "aside",
        "related", "share", "shares", "sharing", "social", "comment", "comments", "newsletter", "subscribe", "subscription",
        "signup", "cookie", "cookies", "consent", "gdpr", "promo", "promotion", "ad", "ads", "advert", "advertisement",
        "sponsor", "sponsored", "banner", "popup", "modal", "overlay", "breadcrumb", "breadcrumbs", "pagination", "pager",
        "tags", "tag", "taglist", "byline", "bio", "author", "authors", "metadata", "dateline", "popular", "trending",
        "recommended", "recommendations", "recirculation", "outbrain", "taboola", "disqus", "toolbar", "login",
        "paywall", "restricted", "prev", "previous", "next", "more", "print", "rating", "reactions", "sr",
        "caption-credit", "credits", "copyright", "legal", "disclaimer", "cta", "follow", "donate", "donation", "alert",
        "teaser", "teasers", "feed", "topbar", "utility", "actions", "action", "tools", "lightbox", "carousel", "slider",
        "newsletters", "signin", "register", "search", "breaking", "ticker", "categories", "category", "topics", "keywords",
        "avatar", "timestamp", "date", "time", "readtime",
        "affiliate", "disclosure", "subnav", "offcanvas", "dropdown", "mega", "hamburger",
    ]

    /// Class/id fragments (substrings) suggesting furniture.
    private static let boilerplateFragments: [String] = [
        "sidebar", "newsletter", "comment", "related", "breadcrumb", "social", "sharing", "sharebar", "share-", "-share",
        "advert", "sponsor", "subscribe", "cookie", "recommend", "trending", "popular", "outbrain", "taboola", "promo",
        "navigation", "navbar", "footer", "masthead", "signup", "paywall", "most-read", "mostread", "read-more",
        "readmore", "more-stories", "author-bio", "authorbio", "byline", "post-meta", "entry-meta", "article-meta", "dateline",
        "pagination", "screen-reader", "visually-hidden", "sr-only", "skip-link", "skip-to", "skiplink", "modal", "popup", "banner", "tag-list",
        "taglist", "post-tags", "entry-tags", "article-tags", "toolbar", "submenu", "mainmenu", "megamenu", "topmenu", "menubar", "menuitem",
        "prev-next", "post-nav", "nav-links",
    ]

    /// Class/id words suggesting the main text.
    private static let contentTokens: Set<String> = [
        "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose", "richtext", "single",
        "articlebody", "postbody", "storybody", "entrycontent", "postcontent", "articlecontent",
    ]

    /// What each class/id word says, looked up once per word.
    private enum TokenKind { case boilerplate, weak, content }
    private static let tokenKinds: [String: TokenKind] = {
        var kinds: [String: TokenKind] = [:]
        for word in contentTokens { kinds[word] = .content }
        for word in boilerplateTokens { kinds[word] = .boilerplate }
        for word in weakTokens { kinds[word] = .weak }
        return kinds
    }()

    /// Roles that are furniture.
    private static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert", "toolbar", "tablist",
    ]

    /// Element names that are never article text.
    static let furnitureElements: Set<String> = ["nav", "aside", "footer", "form", "header", "menu", "dialog"]

    /// The hint an element's class, id, role and itemprop give; `cache` remembers class/id texts already judged.
    /// - Parameter ignoringPostLabels: the page has one post container (see
    ///   ``withoutPostLabels(_:)``), whose taxonomy labels are then not held against it.
    static func hint(of node: Int, in tree: PageTree, cache: inout [String: Hint], ignoringPostLabels: Bool = false) -> Hint {
        let name = tree.names[node]
        if name == "body" || name == "html" { return .none }
        if let property = tree.attribute("itemprop", of: node)?.lowercased(), property.contains("articlebody") || property == "text" {
            return .content
        }
        if let role = tree.attribute("role", of: node)?.lowercased(), boilerplateRoles.contains(role) { return .boilerplate }
        var result = Hint.none
        // A heading's id is an anchor made from its own words (`what-is-social-media-marketing`,
        // `h-related-reading`): a link target, not a furniture name.
        let heading = tree.classes[node].contains(.heading)
        for attribute in heading ? ["class"] : ["class", "id"] {
            guard let value = tree.attribute(attribute, of: node), !value.isEmpty else { continue }
            var judged: Hint
            if let known = cache[value] {
                judged = known
            } else {
                let words = splittingCamelCase(value)
                judged = hint(ofWords: ignoringPostLabels ? withoutPostLabels(words) : words)
                cache[value] = judged
            }
            // A heading's `header` class names the heading itself (Substack's
            // `header-anchor-post`, Divi's `et_pb_module_header`), not the page's header.
            if judged == .boilerplate, heading, ByteSearch.containsIgnoringCase(value, "header") {
                judged = hint(ofWords: value.lowercased().replacingOccurrences(of: "header", with: " "))
            }
            if judged == .boilerplate { return .boilerplate }
            if judged == .weakBoilerplate { result = .weakBoilerplate }
            if judged == .content && result != .weakBoilerplate { result = .content }
        }
        return result
    }

    /// Class text in lower case, with the camel-case words of CSS modules' names apart: React
    /// and Next.js sites name elements `Component_element__hash` (`RelatedStories_list__x1`,
    /// `AdvisorResourcesCTA_title__Aue3u`), whose words the furniture tests would not see run
    /// together. Hand-written camel case (`edTag`, `actionBox`) has no underscore and is left
    /// whole: its short pieces are not the furniture words they spell.
    static func splittingCamelCase(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "_")), value.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return value.lowercased() }
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count + 8)
        let bytes = Array(value.utf8)
        for (offset, byte) in bytes.enumerated() {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            if isUpper, offset > 0 {
                let previous = bytes[offset - 1]
                let previousLower = previous >= 0x61 && previous <= 0x7A
                let previousUpper = previous >= 0x41 && previous <= 0x5A
                let nextLower = offset + 1 < bytes.count && bytes[offset + 1] >= 0x61 && bytes[offset + 1] <= 0x7A
                // `relatedStories` → related stories; `CTATitle` → cta title.
                if previousLower || (previousUpper && nextLower) { result.append(0x20) }
            }
            result.append(isUpper ? byte + 0x20 : byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether an element name is a heading's, `h1` to `h6`.
    static func isHeading(_ name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.count == 2, bytes.first == UInt8(ascii: "h"), let level = bytes.last else { return false }
        return level >= UInt8(ascii: "1") && level <= UInt8(ascii: "6")
    }

    /// The hint of class and id text (lower case).
    static func hint(ofWords words: String) -> Hint {
        var content = false
        var boilerplate = false
        var weak = false
        var words = words
        words.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard isTokenByte(bytes[start]) else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
                let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // Most class words are no hint word: a bit for their shape turns them away
                // before a `String` is made and hashed.
                if tokenShapes.mayHold(token) {
                    switch tokenKinds[String(decoding: token, as: UTF8.self)] {
                    case .weak: weak = true
                    case .boilerplate: boilerplate = true
                    case .content: content = true
                    case nil: break
                    }
                }
                start = end
            }
            if !boilerplate { boilerplate = fragments.occurs(in: bytes) }
        }
        if boilerplate { return .boilerplate }
        if weak { return .weakBoilerplate }
        return content ? .content : .none
    }

    /// Class and id words are runs of lower-case ASCII letters, digits and non-ASCII bytes.
    @inline(__always)
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte >= 0x80
    }

    private static let tokenShapes = TokenShapes(tokenKinds.keys)
    private static let fragments = FragmentSet(boilerplateFragments)

    /// A post's container lists the post's taxonomy in its classes (WordPress `post_class()`:
    /// `post-123 type-post status-publish hentry category-farm tag-plants-crops`). Those
    /// `tag-…` and `category-…` names label the article; they are not a tag list or a category
    /// menu. On a page with a single post container the labels are left out of its judgement;
    /// where several posts are listed (teasers of related posts), each stays as judged.
    static func withoutPostLabels(_ words: String) -> String {
        guard isPostContainer(words) else { return words }
        let labelPrefixes = ["tag-", "category-", "format-", "post_tag-", "post_format-"]
        return classNames(words).filter { name in !labelPrefixes.contains { name.hasPrefix($0) } }.joined(separator: " ")
    }

    /// Whether class text (lower case) carries WordPress's post signature, `hentry` or
    /// `status-publish`, with the post's taxonomy labels (a newsletter widget classed `hentry`
    /// has none: it is not a post).
    /// Every element with a class is asked, so this reads the bytes once without allocating.
    static func isPostContainer(_ words: String) -> Bool {
        var words = words
        return words.withUTF8 { bytes in
            var signature = false
            var labelled = false
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, !isClassSeparator(bytes[end]) { end += 1 }
                let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // Most names are neither: their first byte tells.
                switch name.first {
                case UInt8(ascii: "h"), UInt8(ascii: "s"):
                    if Self.equals(name, "hentry") || Self.equals(name, "status-publish") { signature = true }
                case UInt8(ascii: "t"), UInt8(ascii: "c"):
                    if Self.opens(name, "tag-") || Self.opens(name, "category-") { labelled = true }
                default:
                    break
                }
                start = end + 1
            }
            return signature && labelled
        }
    }

    /// Whether `name` is the bytes of `word`.
    private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        name.count == word.utf8CodeUnitCount && opens(name, word)
    }

    /// Whether `name` opens with the bytes of `word`.
    private static func opens(_ name: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard name.count >= word.utf8CodeUnitCount else { return false }
        for index in 0..<word.utf8CodeUnitCount where name[index] != word.utf8Start[index] { return false }
        return true
    }

    private static func isClassSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func classNames(_ words: String) -> [Substring] {
        words.split(whereSeparator: { $0.asciiValue.map(isClassSeparator) ?? false })
    }

    /// Names (a whole class or the id) of readers' comment sections: WordPress, Blogger and
    /// Disqus write these. Unlike other furniture, a long comment thread is never the article.
    private static let commentSectionNames: Set<String> = [
        "comments", "comment-list", "commentlist", "comments-list", "comments-area", "comments-section", "comment-section",
        "comment-respond", "disqus_thread",
    ]

    /// Whether an element is a section of readers' comments (see `commentSectionNames`).
    static func isCommentSection(_ node: Int, in tree: PageTree) -> Bool {
        for attribute in ["id", "class"] {
            guard let value = tree.attribute(attribute, of: node), value.utf8.count >= 8,
                ByteSearch.containsIgnoringCase(value, "comment") || ByteSearch.containsIgnoringCase(value, "disqus")
            else { continue }
            for name in classNames(value.lowercased()) where commentSectionNames.contains(String(name)) { return true }
        }
        return false
    }

    /// Whether an element is the page's footer landmark: a `footer` element or `contentinfo` role.
    static func isFooterLandmark(_ node: Int, in tree: PageTree) -> Bool {
        tree.names[node] == "footer" || tree.attribute("role", of: node)?.lowercased() == "contentinfo"
    }

    /// Whether an element's class or id names a footer.
    static func isNamedFooter(_ node: Int, in tree: PageTree) -> Bool {
        for attribute in ["id", "class"] {
            if let value = tree.attribute(attribute, of: node), ByteSearch.containsIgnoringCase(value, "footer") { return true }
        }
        return false
    }

    /// Whether an element is hidden from readers (hidden attribute, inline `display:none`, ARIA).
    /// A closed accordion or tab panel is not hidden however it is closed.
    static func isHidden(_ node: Int, in tree: PageTree) -> Bool {
        let marked: Bool
        if tree.attribute("hidden", of: node) != nil {
            marked = !isStreamedSegment(node, in: tree)
        } else if tree.attribute("aria-hidden", of: node)?.lowercased() == "true" {
            marked = true
        } else if let style = tree.attribute("style", of: node)?.lowercased() {
            let compact = Array(style.utf8.filter { $0 != 32 })
            marked = ByteSearch.contains(compact, Array("display:none".utf8)) || ByteSearch.contains(compact, Array("visibility:hidden".utf8))
        } else {
            marked = false
        }
        return marked && !isCollapsedPanel(node, in: tree)
    }

    /// Whether an element is an accordion or tab panel (WAI-ARIA: `role="region"` or
    /// `role="tabpanel"`, labelled by its header): closed or not, it is one click from the reader
    /// and part of the page's text (the answers of a FAQ, the chapters of a guide).
    static func isCollapsedPanel(_ node: Int, in tree: PageTree) -> Bool {
        guard let role = tree.attribute("role", of: node)?.lowercased(), role == "region" || role == "tabpanel" else { return false }
        return tree.attribute("aria-labelledby", of: node) != nil
    }

    /// Whether a hidden element is a segment that React's streaming server rendering sends
    /// late (`<div hidden id="S:3">`): a script moves it into its `<template id="B:3">` place
    /// as soon as it arrives, so readers see it. It often holds the article itself.
    static func isStreamedSegment(_ node: Int, in tree: PageTree) -> Bool {
        guard tree.names[node] == "div", let id = tree.attribute("id", of: node), id.hasPrefix("S:") else { return false }
        let number = id.utf8.dropFirst(2)
        return !number.isEmpty && number.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Short stock phrases of page furniture, compared with a whole block's lower-cased text.
    private static let stockPhrases: Set<String> = [
        "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content", "continue reading",
        "continue reading below", "advertisement - continue reading below", "story continues below advertisement",
        "article continues below", "scroll to continue", "read more", "read more:", "see also", "see also:", "related:",
        "related articles", "related posts", "related stories", "share this", "share this article", "share this post",
        "share this story", "share", "tweet", "email", "print", "comments", "leave a comment", "leave a reply",
        "subscribe", "sign up", "click here", "loading...", "loading", "skip to content", "skip to main content",
        "back to top", "table of contents", "contents", "previous article", "next article", "previous post", "next post",
        "no time to read?", "get a summary", "listen to this article", "follow us", "recommended", "most read", "popular",
        "trending", "you may also like", "you might also like", "more from", "photo:", "image:", "getty images",
        "copy link", "link copied", "newsletter", "toggle", "menu", "close", "open", "search",
        "get the recipe", "jump to recipe", "print recipe", "pin recipe", "save recipe", "rate this recipe", "jump to video",
    ]

    /// A short block's wording, as the furniture tests read it: in lower case without the
    /// spaces around it (`lower`), and the same without leading or trailing punctuation
    /// (`trimmed`). Made once per block, for blocks of at most `longest` characters and four
    /// bytes a character.
    struct ShortPhrase {
        /// The most characters a block may have to be read as a phrase.
        static let longest = 48
        let characters: Int
        let bytes: Int
        let lower: String
        let trimmed: String

        /// `text`'s phrase, given its length in characters; nil for a longer block.
        init?(_ text: String, characters: Int) {
            bytes = text.utf8.count
            guard characters <= Self.longest, bytes <= 4 * Self.longest else { return nil }
            self.characters = characters
            lower = text.lowercased().trimmingSpaces()
            trimmed = lower.trimmingCharacters(in: ":.!?»›→ ")
        }

        /// `text`'s phrase; its bytes are checked before its characters are counted, a walk
        /// over the text.
        init?(_ text: String) {
            guard text.utf8.count <= 4 * Self.longest else { return nil }
            self.init(text, characters: text.count)
        }

        /// Whether the block has at most `limit` characters and four bytes a character.
        func fits(_ limit: Int) -> Bool { characters <= limit && bytes <= 4 * limit }
    }

    /// Whether a short block is a piece of furniture by its wording alone.
    static func isStockPhrase(_ phrase: ShortPhrase) -> Bool {
        stockPhrases.contains(phrase.lower) || stockPhrases.contains(phrase.trimmed) || isLoadingPlaceholder(phrase)
    }

    /// Whether a short block is what a script shows until its content arrives (`Loading
    /// specifications…`, `Loading posts...`, a like button's `Like Loading...`): it opens with
    /// "loading" (or "like loading") and ends with an ellipsis.
    static func isLoadingPlaceholder(_ phrase: ShortPhrase) -> Bool {
        let lower = phrase.lower
        guard lower.hasSuffix("...") || lower.hasSuffix("\u{2026}") else { return false }
        return lower.hasPrefix("loading") || lower.hasPrefix("like loading")
    }

    /// Headings that end an article: what follows them (the author's bio, the comments, related
    /// stories) is about the article, not part of it.
    private static let endMarkers: Set<String> = [
        "about the author", "about the authors", "about the reviewer", "about the writer", "about the expert",
        "comments", "leave a comment", "leave a reply", "post a comment", "join the discussion", "join the conversation",
        "related posts", "related articles", "related stories", "related reading", "you may also like", "you might also like",
        "read next", "more stories", "recommended for you", "recommended reading",
        // What a page adds under the text: its sources, the writer's role, more of its posts.
        "article sources", "citations", "how we reviewed this article", "contributing writer", "meet the testers", "recent posts",
        "more you might like", "more articles you might enjoy",
    ]

    /// Whether a short block is a heading that ends the article (`About the Author`, `Comments`,
    /// `12 comments:`, `Related posts`).
    static func isEndMarker(_ text: String) -> Bool {
        ShortPhrase(text).map(isEndMarker) ?? false
    }

    /// Whether a block's phrase is an end marker (of at most 40 characters).
    static func isEndMarker(_ phrase: ShortPhrase) -> Bool {
        guard phrase.fits(40) else { return false }
        var lower = phrase.trimmed
        // "12 Comments", "3 responses", "One comment".
        if countedWords.contains(where: { lower.utf8.reversed().starts(with: $0.utf8.reversed()) }) {
            let words = lower.split(separator: " ")
            if words.count == 2, words[0].allSatisfy(\.isNumber) || words[0] == "one" || words[0] == "no", countedWords.contains(String(words[1])) {
                lower = "comments"
            }
        }
        return endMarkers.contains(lower)
    }

    /// What a count of comments counts (`12 comments`, `one reply`).
    private static let countedWords: Set<String> = ["comment", "comments", "response", "responses", "reply", "replies"]

    /// The openings of a picture's credit line: a word for the picture, then optionally what
    /// the line gives, then a colon or a copyright sign (`Image credit: Reuters`, `Photo: AP`,
    /// `Photograph courtesy of the museum`, `Credit: Getty Images`).
    private static let pictureWords: [StaticString] = [
        "image", "photo", "photograph", "picture", "illustration", "graphic", "header image", "featured image",
    ]
    /// What may follow the picture's word, and whether "of" may then stand for the colon.
    private static let creditWords: [(words: StaticString, takesOf: Bool)] = [
        ("", false), (" credit", false), (" credits", false), (" courtesy", true), (" source", false),
    ]
    /// Picture agencies, whose name then a slash or "via" opens a credit (`Getty Images / Staff`).
    private static let pictureAgencies: [StaticString] = ["getty images", "shutterstock", "istock", "ap photo"]

    /// Whether a block is a picture's credit line, which belongs to the picture, not to the
    /// article's text. The line may stand in parentheses (`(Image credit: Agency)`).
    static func isCreditLine(_ text: String) -> Bool {
        guard text.utf8.count <= 160 else { return false }
        var text = text
        return text.withUTF8 { bytes in
            let line = ASCIIWords(bytes, from: bytes.first == UInt8(ascii: "(") ? 1 : 0)
            if line.opens(with: "credit:") || line.opens(with: "credits:") { return true }
            for agency in pictureAgencies {
                guard let rest = line.after(agency) else { continue }
                if rest.isAtEnd || rest.opens(with: "/") || rest.opens(with: "via ") || rest.opens(with: ")") { return true }
            }
            for picture in pictureWords {
                guard let afterPicture = line.after(picture, keepingSpaces: true) else { continue }
                for credit in creditWords {
                    guard let rest = afterPicture.after(credit.words) else { continue }
                    if rest.opens(with: ":") || rest.opens(with: "\u{A9}") || (credit.takesOf && rest.opens(with: "of ")) { return true }
                }
            }
            return false
        }
    }

    /// What a sign-up form's consent line opens with (`By signing up, you agree to …`).
    private static let consentOpenings: [StaticString] = [
        "by signing up", "by clicking", "by subscribing", "by submitting", "by entering", "by registering", "by continuing",
        "by providing", "by creating", "by tapping", "by checking", "by joining",
    ]
    private static let consentWords: [StaticString] = ["agree", "consent", "terms", "privacy"]

    /// Whether a block is the consent line under a sign-up or newsletter form, left behind in
    /// the article when the form itself was recognised as furniture.
    static func isConsentLine(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        var text = text
        let opens = text.withUTF8 { bytes in consentOpenings.contains { ASCIIWords(bytes).opens(with: $0) } }
        return opens && consentWords.contains { ByteSearch.containsIgnoringCase(text, $0) }
    }

    /// How a call to sign up for a newsletter opens (with "newsletter" in the same block).
    private static let newsletterCalls: [StaticString] = ["sign up for our", "sign up for the", "subscribe to our", "subscribe to the", "join our"]

    /// Whether a short block is a call to follow the site or sign up for its newsletter
    /// (`Follow us on Facebook, Instagram and X`, `Sign up for our newsletter for tips`), left
    /// in the article by a promotion box without furniture words in its classes.
    static func isCallToAction(_ text: String) -> Bool {
        guard text.utf8.count <= 200 else { return false }
        if ByteSearch.containsIgnoringCase(text, "follow us on") { return true }
        guard ByteSearch.containsIgnoringCase(text, "newsletter") else { return false }
        return newsletterCalls.contains { ByteSearch.containsIgnoringCase(text, $0) }
    }

    /// Labels that open a line pointing to another story (`See also: …`, `Read more: …`).
    private static let relatedLabels: [String] = [
        "see also", "read more", "read also", "also read", "related", "related reading", "related article", "related story",
        "related post", "recommended", "must read", "more", "read next", "check out", "don't miss", "further reading",
    ]

    /// Whether a short block is a pointer to another story: a related label, then a colon or
    /// `>>` (`>> Related: …`, `[Read more: …]`), at most 200 bytes. The caller checks that the
    /// rest is a link.
    static func isRelatedStoryLine(_ text: String) -> Bool {
        guard text.utf8.count <= 200, text.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ">") || $0 == 0xBB })
        else { return false }
        var lower = Substring(text.lowercased())
        while let first = lower.first, !first.isLetter { lower = lower.dropFirst() }
        for label in relatedLabels where lower.hasPrefix(label) {
            let rest = lower.dropFirst(label.count).drop { $0 == " " }
            if rest.hasPrefix(":") || rest.hasPrefix(">") || rest.hasPrefix("»") { return true }
        }
        return false
    }

    /// Words by which a site speaks of itself in a disclosure.
    private static let ownWords: Set<Substring> = ["we", "us", "our", "i", "my", "me"]
    private static let ownPhrases: [StaticString] = ["this post", "this article", "this site", "this website", "this page"]

    /// Whether a block is an affiliate disclosure (`We may earn a commission when you buy
    /// through links on our site`, `As an Amazon Associate, this website earns from qualifying
    /// purchases`): at most 400 bytes naming qualifying purchases, or a commission and links or
    /// affiliates, and the site itself (we, our, I, my, this post…). A sentence about how
    /// streamers earn commissions through affiliate links names no site and stays.
    static func isAffiliateDisclosure(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        // Amazon's wording is a disclosure by itself; a commission needs links or affiliates.
        if !ByteSearch.containsIgnoringCase(text, "qualifying purchases") {
            guard ByteSearch.containsIgnoringCase(text, "commission"),
                ByteSearch.containsIgnoringCase(text, "link") || ByteSearch.containsIgnoringCase(text, "affiliate")
            else { return false }
        }
        if ownPhrases.contains(where: { ByteSearch.containsIgnoringCase(text, $0) }) { return true }
        let lower = text.lowercased()
        return lower.split(whereSeparator: { !$0.isLetter }).contains { ownWords.contains($0) }
    }

    /// Whether text is a stray JSON object or array left in the page.
    static func looksLikeJSON(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        return (first == "{" && last == "}" && text.contains("\":")) || (first == "[" && last == "]" && text.contains("{\""))
    }
}

extension String {
    /// The string without the given leading and trailing characters.
    func trimmingCharacters(in set: String) -> String {
        // The set's characters of one scalar, asked of by scalar: looking a character up in a
        // string walks the string's characters each time.
        var singles: [Unicode.Scalar] = []
        var others: [Character] = []
        for character in set {
            if character.unicodeScalars.count == 1 { singles.append(character.unicodeScalars.first!) } else { others.append(character) }
        }
        func isTrimmed(_ character: Character) -> Bool {
            let scalars = character.unicodeScalars
            return scalars.count == 1 ? singles.contains(scalars.first!) : others.contains(character)
        }
        var view = Substring(self)
        while let first = view.first, isTrimmed(first) { view = view.dropFirst() }
        while let last = view.last, isTrimmed(last) { view = view.dropLast() }
        return String(view)
    }
}

/// Searches in either case, for class names and URLs (`ByteSearch` itself is in LibXML).
extension ByteSearch {
    /// Whether the lower-case ASCII `needle` occurs in `text`, ASCII letters compared in either
    /// case; reads the text's bytes in place.
    static func containsIgnoringCase(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            needle.withUTF8Buffer { needle in
                let count = needle.count
                guard count > 0, haystack.count >= count else { return count == 0 }
                // The needle's first letter in either case opens every match: other places
                // are passed over after one comparison.
                let first = needle[0]
                let upperFirst = first &- 0x61 < 26 ? first - 0x20 : first
                let last = haystack.count - count
                // Eight bytes a step to the next place the first letter stands.
                var start = ByteScan.index(of: first, or: upperFirst, in: haystack, from: 0)
                while start <= last {
                    if ASCIIWords(haystack, from: start).opens(with: needle) { return true }
                    start = ByteScan.index(of: first, or: upperFirst, in: haystack, from: start + 1)
                }
                return false
            }
        }
    }
}

/// A word's shape (length, first and last byte) as one bit of 4,096: a set of words leaves most
/// bits clear, so most words not in it are told apart without hashing them.
struct TokenShapes: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init(_ words: some Sequence<String>) {
        for word in words {
            var word = word
            word.withUTF8 { set(Self.shape(of: $0)) }
        }
    }

    /// Whether a word of `token`'s shape is in the set (true for every word that is).
    func mayHold(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let shape = Self.shape(of: token)
        return bits[shape >> 6] & (1 << UInt64(shape & 63)) != 0
    }

    private mutating func set(_ shape: Int) {
        bits[shape >> 6] |= 1 << UInt64(shape & 63)
    }

    private static func shape(of word: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = word.first, let last = word.last else { return 0 }
        let mixed = (UInt32(first) &* 31 &+ UInt32(last)) &* 17 &+ UInt32(min(word.count, 63))
        return Int((mixed &* 2_654_435_761) >> 20) & 4095
    }
}

/// Substrings looked for in one pass over a text: at each byte, only the fragments that open
/// with it and the next byte are compared.
struct FragmentSet: Sendable {
    /// Fragments of two bytes or more, by their opening two bytes.
    private let byOpening: [UInt16: [[UInt8]]]
    /// A bit per opening pair that some fragment has.
    private let openings: [UInt64]
    /// Fragments of one byte.
    private let singleBytes: [UInt8]
    /// Whether the empty fragment (which occurs in every text) is in the set.
    private let hasEmptyFragment: Bool

    init(_ fragments: [String]) {
        var byOpening: [UInt16: [[UInt8]]] = [:]
        var openings = [UInt64](repeating: 0, count: 1024)
        var short: [UInt8] = []
        var empty = false
        for fragment in fragments {
            let bytes = Array(fragment.utf8)
            if bytes.count >= 2 {
                let opening = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
                byOpening[opening, default: []].append(bytes)
                openings[Int(opening) >> 6] |= 1 << UInt64(opening & 63)
            } else if let only = bytes.first {
                short.append(only)
            } else {
                empty = true
            }
        }
        self.byOpening = byOpening
        self.openings = openings
        self.singleBytes = short
        self.hasEmptyFragment = empty
    }

    /// Whether a fragment occurs in `text`.
    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEmptyFragment { return true }
        if !singleBytes.isEmpty, text.contains(where: singleBytes.contains) { return true }
        guard text.count >= 2 else { return false }
        for start in 0..<(text.count - 1) {
            let opening = UInt16(text[start]) << 8 | UInt16(text[start + 1])
            guard openings[Int(opening) >> 6] & (1 << UInt64(opening & 63)) != 0, let candidates = byOpening[opening] else { continue }
            for fragment in candidates where start + fragment.count <= text.count {
                var offset = 2
                while offset < fragment.count, text[start + offset] == fragment[offset] { offset += 1 }
                if offset == fragment.count { return true }
            }
        }
        return false
    }
}

/// A position in a block's UTF-8 bytes, for matching lower-case ASCII openings in either case
/// without making a lower-cased copy of the block.
struct ASCIIWords {
    let bytes: UnsafeBufferPointer<UInt8>
    let position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Whether no byte is left.
    var isAtEnd: Bool { position >= bytes.count }

    /// Whether the bytes from here open with `prefix` (lower-case ASCII, or any UTF-8 compared
    /// exactly), ASCII letters compared in either case.
    func opens(with prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { opens(with: $0) }
    }

    /// Whether the bytes from here open with the bytes of `prefix`, as ``opens(with:)-(StaticString)``.
    func opens(with prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count - position >= prefix.count else { return false }
        for offset in 0..<prefix.count {
            let byte = bytes[position + offset]
            if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != prefix[offset] { return false }
        }
        return true
    }

    /// The position after `prefix` and the spaces following it (kept when `keepingSpaces`), or
    /// nil when the bytes do not open with it.
    func after(_ prefix: StaticString, keepingSpaces: Bool = false) -> ASCIIWords? {
        guard opens(with: prefix) else { return nil }
        var next = position + prefix.utf8CodeUnitCount
        if !keepingSpaces {
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
        }
        return ASCIIWords(bytes, from: next)
    }
}
