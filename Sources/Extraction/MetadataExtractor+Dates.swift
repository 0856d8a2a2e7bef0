import LibXML

extension MetadataExtractor {
    /// The publication date. Metadata states it, but what a reader is shown decides between
    /// candidates. With a stated published date: that date when the article's header shows it;
    /// the local day shown (or in the URL) when it is a UTC time stamp a day off; that date when
    /// shown anywhere; another publication date the metadata states, when shown; the
    /// modification date when the page shows it and no `<meta>` outside schema.org states a
    /// publication time; else the date the header shows unless it is the metadata's
    /// modification date (a page that presents itself as of an update); else a date labelled as
    /// published near the article; else the stated date. Without one: the header's original
    /// date (not labelled as an update, not the modification date), a modification date shown
    /// on the page (or the date shown just before it), the header's date, `<time>` elements, the
    /// first date shown near the article, the URL's date and finally the modification date.
    func publishedDate(content: Int?, header: Range<Int>?, headline: Int?, canonical: String?) -> String? {
        let stated = statedPublished()
        let modified = (jsonLD?.dateModified ?? signals.firstMeta(Self.modifiedKeys)).flatMap(DateNormalizer.parse)
        let urlDate = Self.urlDateParts(pageURL) ?? Self.urlDateParts(canonical) ?? Self.urlDateParts(signals.meta["og:url"])
        let visible = VisibleDates(analysis: analysis, headerRange: header, headline: headline)
        if let stated {
            let utc = stated.offset == 0 || stated.offset == nil
            let header = visible.header
            if header.contains(where: { DateNormalizer.day($0.parts) == DateNormalizer.day(stated) }) { return DateNormalizer.format(stated) }
            // A UTC time stamp whose local day is the one shown (or in the URL).
            if utc, let local = header.first(where: { DateNormalizer.adjacent($0.parts, stated) }) { return DateNormalizer.format(local.parts) }
            if utc, let urlDate, DateNormalizer.adjacent(urlDate, stated) { return DateNormalizer.format(urlDate) }
            if visible.shows(stated) { return DateNormalizer.format(stated) }
            // Metadata that disagrees with itself: the publication date readers are shown.
            if let shown = otherStatedPublished(than: stated).first(where: visible.shows) { return DateNormalizer.format(shown) }
            // A page that states its publication only in JSON-LD (no `<meta>` publication time,
            // as a CMS's evergreen pages and guides have) and shows readers its revision date
            // instead presents itself as of that revision.
            if let modified, !metaStatesPublished(), visible.shows(modified) { return DateNormalizer.format(modified) }
            // The header shows another date. The metadata's own modification date is the
            // revision, not the publication: the stated date stands.
            if let shown = headerDate(visible), !Self.sameDay(modified, shown) { return DateNormalizer.format(shown) }
            // A date the article labels as its publication ("Published August 13, 2025").
            if let content, let labelled = nearDate(visible, content: content, where: { $0.label == .published }) {
                return DateNormalizer.format(labelled.parts)
            }
            return DateNormalizer.format(stated)
        }
        // A header date that is not the revision ("May 2 · Updated June 3") is the original one.
        if let original = visible.header.first(where: { $0.label == .published || $0.label == .none && !Self.sameDay(modified, $0.parts) }) {
            return DateNormalizer.format(original.parts)
        }
        if let modified, visible.shows(modified) { return DateNormalizer.format(originalBefore(modified, in: visible) ?? modified) }
        if let shown = headerDate(visible) { return DateNormalizer.format(shown) }
        if let date = timeElementDate(content: content) { return date }
        if let content, let near = nearDate(visible, content: content) { return DateNormalizer.format(near.parts) }
        if let urlDate { return DateNormalizer.format(urlDate) }
        // Last resort: the modification date, usually the day the page was written or revised.
        if let modified { return DateNormalizer.format(modified) }
        return nil
    }

    /// Whether a date falls on the calendar day of another.
    private static func sameDay(_ first: DateNormalizer.Parts?, _ second: DateNormalizer.Parts) -> Bool {
        first.map { DateNormalizer.day($0) == DateNormalizer.day(second) } ?? false
    }

    /// The published date the page's metadata states: an article's JSON-LD, `<meta>` names, then
    /// a WebPage's JSON-LD.
    private func statedPublished() -> DateNormalizer.Parts? {
        if let jsonLD, jsonLD.isArticle, let raw = jsonLD.datePublished, let parts = DateNormalizer.parse(raw) { return parts }
        for key in Self.publishedKeys {
            for value in signals.metaAll[key] ?? [] {
                if let parts = DateNormalizer.parse(value) { return parts }
            }
        }
        if let raw = jsonLD?.datePublished, let parts = DateNormalizer.parse(raw) { return parts }
        // Other names that say "published" ("published", "w-published-date"…), in name order.
        for key in signals.metaAll.keys.sorted() where ByteSearch.contains(key, "publish") && !key.contains("modif") && !key.contains("update") {
            if let parts = signals.metaAll[key]?.lazy.compactMap(DateNormalizer.parse).first { return parts }
        }
        return nil
    }

    /// The publication dates `<meta>` elements and JSON-LD state besides `stated`, on other days.
    private func otherStatedPublished(than stated: DateNormalizer.Parts) -> [DateNormalizer.Parts] {
        var raw = Self.publishedKeys.flatMap { signals.metaAll[$0] ?? [] }
        if let published = jsonLD?.datePublished { raw.append(published) }
        return raw.compactMap(DateNormalizer.parse).filter { DateNormalizer.day($0) != DateNormalizer.day(stated) }
    }

    /// Whether a `<meta>` element states a publication time, outside schema.org's vocabulary
    /// (`itemprop="datePublished"` says what JSON-LD says).
    private func metaStatesPublished() -> Bool {
        Self.publishedKeys.contains { key in
            key != "datepublished" && signals.metaAll[key]?.contains { DateNormalizer.parse($0) != nil } ?? false
        }
    }

    /// The date shown in the article's header: a publication date if one is labelled so, else
    /// the first one.
    private func headerDate(_ visible: VisibleDates) -> DateNormalizer.Parts? {
        return visible.header.first(where: { $0.label == .published })?.parts ?? visible.header.first?.parts
    }

    /// The first date shown in the article's neighbourhood (an author box under the text, a
    /// date line below a standfirst), outside lists and asides.
    private func nearDate(_ visible: VisibleDates, content: Int, where accept: (VisibleDates.Entry) -> Bool = { _ in true }) -> VisibleDates.Entry? {
        let tree = analysis.tree
        var scope = content
        for _ in 0..<2 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
        return visible.all.first { tree.isInside($0.node, scope) && !isInListOrAside($0.node, below: scope) && accept($0) }
    }

    /// The date shown just before a revision date ("May 2, 2024 · Updated: June 3, 2024"): the
    /// original one, when it is earlier and not itself labelled as an update.
    private func originalBefore(_ revision: DateNormalizer.Parts, in visible: VisibleDates) -> DateNormalizer.Parts? {
        let entries = visible.all
        guard let index = entries.firstIndex(where: { DateNormalizer.day($0.parts) == DateNormalizer.day(revision) }), index > 0 else { return nil }
        let before = entries[index - 1]
        guard entries[index].node - before.node <= Self.pairDistance, before.label != .updated,
            DateNormalizer.day(before.parts) < DateNormalizer.day(revision)
        else { return nil }
        return before.parts
    }

    /// At most this many nodes separate a date from the revision date that follows it on one line.
    static let pairDistance = 8

    /// Whether a node sits in a list, an aside, a navigation block or a footer (where dates
    /// belong to other stories) below `scope`.
    private func isInListOrAside(_ node: Int, below scope: Int) -> Bool {
        let tree = analysis.tree
        var current = Int(tree.parents[node])
        while current > scope {
            switch tree.names[current] {
            case "li", "ul", "ol", "aside", "nav", "footer": return true
            default: current = Int(tree.parents[current])
            }
        }
        return false
    }

    /// The node range of the article's header: from a little above the headline (or the top of
    /// the article's neighbourhood) to the article's first real paragraph.
    func headerRange(content: Int?, headline: Int?) -> Range<Int>? {
        let tree = analysis.tree
        guard let content else { return nil }
        var scope = content
        for _ in 0..<4 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
        var start = scope
        if let headline {
            var above = headline
            for _ in 0..<3 where tree.parents[above] >= 0 { above = Int(tree.parents[above]) }
            if above < start { start = above }
        }
        var end = Int(tree.ends[content])
        var index = content
        while index < end {
            if tree.kinds[index] == .element, analysis.goodLength[index] > 0, analysis.ownText[index] >= 80,
                tree.classes[index].contains(.paragraphLike)
            {
                end = index
                break
            }
            index += 1
        }
        // A short block around the headline (headline, standfirst, byline, date) is the header
        // even when its standfirst is long enough to pass for the first paragraph.
        if let headline, tree.parents[headline] >= 0 {
            let block = Int(tree.parents[headline])
            if analysis.goodLength[block] <= Self.headlineBlockLimit { end = max(end, Int(tree.ends[block])) }
        }
        return start < end ? start..<end : nil
    }

    /// Good paragraph text a headline's own block may hold and still be only the header.
    static let headlineBlockLimit: Int32 = 600

    /// A date from microdata or `<time>` elements, nearest the article first.
    private func timeElementDate(content: Int?) -> String? {
        let tree = analysis.tree
        var times = signals.timeElements
        if let content {
            var scope = content
            for _ in 0..<3 where tree.parents[scope] >= 0 { scope = Int(tree.parents[scope]) }
            let near = times.filter { tree.isInside($0, scope) }
            if !near.isEmpty { times = near }
        }
        for element in times {
            let cls = (tree.attribute("class", of: element) ?? "").lowercased()
            if cls.contains("modif") || cls.contains("updated") { continue }
            if let raw = tree.attribute("datetime", of: element) ?? tree.attribute("content", of: element), let date = DateNormalizer.normalize(raw) {
                return date
            }
            if let date = DateNormalizer.normalize(tree.text(of: element)) { return date }
        }
        return nil
    }

    /// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD`) date in a URL path.
    static func dateInURL(_ url: String?) -> String? {
        urlDateParts(url).map(DateNormalizer.format)
    }

    /// The parts of a `/YYYY/MM/DD/` (`/YYYY/oct/DD/`, or `/YYYY-MM-DD`) date in a URL path.
    static func urlDateParts(_ url: String?) -> DateNormalizer.Parts? {
        guard let url else { return nil }
        let parts = url.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() where part.count == 4 {
            guard let year = Int(part), DateNormalizer.plausibleYears.contains(year), index + 2 < parts.count,
                let month = Self.urlMonth(parts[index + 1]), let day = Int(parts[index + 2].prefix(2)),
                parts[index + 2].prefix(2).allSatisfy(\.isNumber)
            else { continue }
            return DateNormalizer.parse("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
        }
        for part in parts where part.count >= 10 {
            let prefix = String(part.prefix(10))
            if prefix.dropFirst(4).first == "-", prefix.allSatisfy({ $0.isNumber || $0 == "-" }), let date = DateNormalizer.parse(prefix) {
                return date
            }
        }
        return nil
    }

    /// A URL path segment naming a month: `10`, `oct` or `october`.
    private static func urlMonth(_ segment: String) -> Int? {
        if segment.count <= 2 { return Int(segment) }
        return segment.count >= 3 && segment.allSatisfy(\.isLetter) ? DateNormalizer.month(named: segment.lowercased()) : nil
    }
}
