import LibXML

/// The dates a reader sees on a page: short lines and `<time>` elements that hold a date. The
/// ones in the article's header (from just above the headline to the first paragraph) are
/// kept apart: they are the page's own dates, while dates elsewhere may belong to other stories.
struct VisibleDates {
    /// What the words around a date say it is.
    enum Label: Sendable, Equatable { case none, published, updated }

    /// One date seen on the page.
    struct Entry: Sendable {
        var parts: DateNormalizer.Parts
        var node: Int
        var label: Label
    }

    /// Every visible date, in page order (at most `limit`).
    private(set) var all: [Entry] = []
    /// The visible dates in the article's header, in page order.
    private(set) var header: [Entry] = []

    /// At most this many dates are gathered from a page.
    static let limit = 200

    /// Gathers the dates of a page; `headerRange` is the header's node range, if known, and
    /// `headline` the article's headline.
    init(analysis: PageAnalysis, headerRange: Range<Int>?, headline: Int? = nil) {
        let tree = analysis.tree
        var index = 0
        // The short text before the current one, which may label its date ("Updated").
        var previous = -1
        func previousLabel() -> Label {
            previous >= 0 ? Self.label(of: TextBuilder.collapse(tree.texts[previous])) : .none
        }
        while index < tree.count, all.count < Self.limit {
            if analysis.invisible[index] {
                index = max(index + 1, Int(tree.ends[index]))
                continue
            }
            if tree.kinds[index] == .element {
                if tree.names[index] == "time", let raw = tree.attribute("datetime", of: index), var parts = DateNormalizer.parse(raw) {
                    // A UTC time stamp shown as the local day before or after it: the reader sees that day.
                    if parts.offset == 0, let shown = DateNormalizer.find(in: TextBuilder.collapse(tree.text(of: index))),
                        DateNormalizer.day(shown) != DateNormalizer.day(parts), DateNormalizer.adjacent(shown, parts)
                    {
                        parts = shown
                    }
                    add(Entry(parts: parts, node: index, label: previousLabel()), headerRange: headerRange)
                    // The element's text states the same date; skip it.
                    previous = -1
                    index = max(index + 1, Int(tree.ends[index]))
                    continue
                }
                index += 1
                continue
            }
            let text = tree.texts[index]
            if text.utf8.count <= 160 {
                // Most text holds no year: check the bytes before building anything.
                if DateNormalizer.hasYear(text) {
                    let collapsed = TextBuilder.collapse(text)
                    if let parts = DateNormalizer.find(in: collapsed), !Self.isCopyright(collapsed) {
                        let own = Self.label(of: collapsed)
                        add(Entry(parts: parts, node: index, label: own == .none ? previousLabel() : own), headerRange: headerRange)
                    }
                }
                if analysis.textLength[index] > 0 { previous = index }
            } else {
                previous = -1
            }
            index += 1
        }
        if let headline { preferNear(headline, in: tree) }
    }

    /// Puts first the header dates beside the headline (after it, or above it in its own
    /// block), before dates higher up the header (promotions, event listings above the article).
    private mutating func preferNear(_ headline: Int, in tree: PageTree) {
        let block = max(0, Int(tree.parents[headline]))
        let isNear = { (entry: Entry) in entry.node >= headline || tree.isInside(entry.node, block) }
        header = header.filter(isNear) + header.filter { !isNear($0) }
    }

    private mutating func add(_ entry: Entry, headerRange: Range<Int>?) {
        all.append(entry)
        if let headerRange, headerRange.contains(entry.node) { header.append(entry) }
    }

    /// Whether any visible date falls on the same calendar day as `parts`.
    func shows(_ parts: DateNormalizer.Parts) -> Bool {
        let day = DateNormalizer.day(parts)
        return all.contains { DateNormalizer.day($0.parts) == day }
    }

    /// The label a short line gives the date in or after it.
    static func label(of text: String) -> Label {
        guard !text.isEmpty, text.utf8.count <= 160 else { return .none }
        let lower = text.lowercased()
        for word in ["updated", "modified", "reviewed", "revised", "edited"] where ByteSearch.contains(lower, word) { return .updated }
        for word in ["published", "posted", "released", "written", "date"] where ByteSearch.contains(lower, word) { return .published }
        return .none
    }

    private static func isCopyright(_ text: String) -> Bool {
        text.contains("©") || ByteSearch.contains(text.lowercased(), "copyright")
    }
}
