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

    /// The text of `html`; plain text (no `<`) is returned with whitespace collapsed. Read from
    /// the HTML parser's events: every top-level element counts, also after a leading comment
    /// (WordPress starts its block markup with `<!-- wp:paragraph -->`).
    static func text(of html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return collapse(html) }
        let collector = Collector()
        HTMLEventParser.parse(Array(html.utf8), reportingProblems: false, handler: collector)
        collector.flush()
        return collector.paragraphs.joined(separator: "\n\n")
    }

    /// Gathers text into paragraphs at block boundaries, leaving skipped elements out.
    private final class Collector: HTMLEventHandler {
        var paragraphs: [String] = []
        private var current: [UInt8] = []
        /// Whether each open element is a block.
        private var open: [Bool] = []
        /// How deep inside a skipped element the parser is (0: outside any).
        private var skipping = 0

        func startElement(_ name: String, attributes: [(name: String, value: String)]) {
            let name = name.lowercased()
            if skipping > 0 || HTMLFragmentText.skipped.contains(name) {
                skipping += 1
                open.append(false)
                return
            }
            let isBlock = HTMLFragmentText.blocks.contains(name)
            if isBlock { flush() }
            open.append(isBlock)
        }

        func endElement() {
            let isBlock = open.popLast() ?? false
            if skipping > 0 {
                skipping -= 1
            } else if isBlock {
                flush()
            }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
            if skipping == 0 { current.append(contentsOf: bytes) }
        }

        func boundary() {}
        func doctype() {}

        func flush() {
            guard !current.isEmpty else { return }
            let paragraph = HTMLFragmentText.collapse(String(decoding: current, as: UTF8.self))
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current.removeAll(keepingCapacity: true)
        }
    }

    /// Whitespace runs (including no-break spaces) collapsed to one space, ends trimmed.
    /// Works on Unicode scalars (ASCII classified by code point), not grapheme clusters.
    static func collapse(_ text: String) -> String {
        // Read and written as UTF-8 bytes, straight into the new string's buffer (never longer
        // than the text): only scalars beyond ASCII are decoded, to ask whether they are
        // whitespace.
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { result in
                var count = 0
                var pendingSpace = false
                var offset = 0
                while offset < bytes.count {
                    let byte = bytes[offset]
                    var width = 1
                    let isSpace: Bool
                    if byte < 0x80 {
                        isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                    } else {
                        // Valid UTF-8 (a string's): the parser always finds a scalar here.
                        var parser = Unicode.UTF8.ForwardParser()
                        var rest = UnsafeBufferPointer(rebasing: bytes[offset...]).makeIterator()
                        if case .valid(let encoded) = parser.parseScalar(from: &rest) {
                            width = encoded.count
                            isSpace = Unicode.UTF8.decode(encoded).properties.isWhitespace
                        } else {
                            isSpace = false
                        }
                    }
                    if isSpace {
                        pendingSpace = true
                    } else {
                        if pendingSpace && count > 0 {
                            result[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        for index in offset..<offset + width {
                            result[count] = bytes[index]
                            count += 1
                        }
                    }
                    offset += width
                }
                return count
            }
        }
    }
}
