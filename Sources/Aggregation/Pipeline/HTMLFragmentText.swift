import LibXML

/// The readable text of an HTML fragment (a feed entry's content): paragraphs, headings,
/// list items and block quotes separated by one blank line, whitespace collapsed, scripts,
/// styles and figures' captions left out.
enum HTMLFragmentText {
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "br", "hr",
        "ul", "ol", "table", "dd", "dt",
    ]
    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "figcaption", "iframe", "object", "svg"]

    /// The text of `html`; plain text (no `<`) is returned with whitespace collapsed.
    static func text(of html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return collapse(html) }
        guard let document = try? MarkupDocument.parseHTML(Array(html.utf8)), let root = document.root else {
            return collapse(html)
        }
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            let paragraph = collapse(current)
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current = ""
        }
        func walk(_ node: MarkupNode) {
            switch node.kind {
            case .text, .cdata:
                current += node.textContent
            case .element:
                let name = node.name.lowercased()
                if skipped.contains(name) { return }
                let isBlock = blocks.contains(name)
                if isBlock { flush() }
                var child = node.firstChild
                while let next = child {
                    walk(next)
                    child = next.nextSibling
                }
                if isBlock { flush() }
            default:
                return
            }
        }
        walk(root)
        flush()
        return paragraphs.joined(separator: "\n\n")
    }

    /// Whitespace runs (including no-break spaces) collapsed to one space, ends trimmed.
    /// Works on Unicode scalars (ASCII classified by code point), not grapheme clusters.
    static func collapse(_ text: String) -> String {
        // Built as UTF-8 bytes: appending scalars to a `String.UnicodeScalarView` goes through
        // String's generic replace-subrange path.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace =
                scalar.value < 0x80 ? (scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = true
            } else {
                if pendingSpace && !result.isEmpty { result.append(0x20) }
                pendingSpace = false
                if scalar.value < 0x80 {
                    result.append(UInt8(scalar.value))
                } else {
                    UTF8.encode(scalar) { result.append($0) }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
