/// Removes unsafe markup from feed HTML, reproducing feedparser's sanitizer.
///
/// A streaming pass over the tags (no tree is built, unclosed tags stay unclosed):
/// - allow-listed elements are re-emitted with lower-case names and only allow-listed
///   attributes, sorted by name, as `name="value"`; void elements as `<br />`;
/// - `style` keeps only what ``CSSSanitizer`` accepts; `on*` handlers and other
///   attributes are dropped; URI attributes with an unsafe scheme (`javascript:`, `data:`,
///   `vbscript:` …) are emptied;
/// - `script`, `style` and `applet` are dropped with their content; other unknown
///   elements are dropped but their text is kept;
/// - MathML and SVG are kept (with their own allow-lists) only inside `<math>`/`<svg>`;
/// - comments are kept, doctype and processing instructions dropped, entity references
///   outside HTML 4 are escaped (`&bogus;` → `&amp;bogus`);
/// - the result is trimmed and `\r\n` becomes `\n`.
///
/// Deliberate hardening beyond feedparser: a `<` in text is always written `&lt;`, so text
/// left over from broken markup can never form a tag; a comment that a browser would end
/// early (`<!-->`, `--!>`) is dropped; and every URI attribute (not only `href`) is
/// checked for its scheme.
public enum HTMLSanitizer {
    /// Sanitizes `html` (decoded markup, e.g. the text of `<content type="html">`).
    /// - Parameter mode: `.xhtml` for `application/xhtml+xml` content, where `<x />` closes `x`.
    public static func sanitize(_ html: String, mode: HTMLMarkupMode = .html) -> String {
        if isPlainText(html) { return html }
        var source = html
        let prepared = source.withUTF8 { MarkupPreprocessor.prepare($0, escapeCDATA: true) }
        var sink = SanitizingSink(capacity: prepared.count)
        var tokenizer = HTMLTokenizer(xhtml: mode == .xhtml, dropUnterminatedComments: true)
        prepared.withUnsafeBufferPointer { tokenizer.run($0, into: &sink) }
        sink.writer.replaceCRLF()
        return Text.trimmingPythonWhitespace(sink.writer.string)
    }
}

extension HTMLSanitizer {
    /// Text with no markup, no references, no carriage return and no surrounding whitespace
    /// comes out of the sanitizer unchanged, so it need not go through the tokenizer.
    static func isPlainText(_ html: String) -> Bool {
        let result = html.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) else { return false }
            for byte in bytes where byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0x0D {
                return false
            }
            return true
        }
        return result ?? false
    }
}

/// The sanitizer's reaction to tokenizer events.
struct SanitizingSink: MarkupEventSink {
    var writer: MarkupWriter
    /// Depth inside `script`/`style`/`applet` (may go negative on stray end tags, as in
    /// feedparser; text is dropped whenever it is non-zero).
    private var droppedDepth = 0
    private var mathDepth = 0
    private var svgDepth = 0

    private static let svgNamespace = "http://www.w3.org/2000/svg"
    private static let mathNamespace = "http://www.w3.org/1998/Math/MathML"
    private static let xlinkNamespace = "http://www.w3.org/1999/xlink"

    init(capacity: Int) {
        writer = MarkupWriter(capacity: capacity)
    }

    mutating func handleData(_ text: UnsafeBufferPointer<UInt8>) {
        guard droppedDepth == 0 else { return }
        writer.appendEscapingLessThan(text)
    }

    mutating func handleStartTag(_ name: String, attributes: [MarkupAttribute]) {
        var tag = name
        var attributes = attributes
        var allowed = HTMLAllowList.attributes
        var canonicalAttributeNames: [String: String]? = nil
        if !HTMLAllowList.elements.contains(tag) || svgDepth > 0 {
            if HTMLAllowList.elementsDroppedWithContent.contains(tag) { droppedDepth += 1 }
            if attributes.last(where: { $0.name == "xmlns" })?.value.isEmpty ?? true {
                if tag == "svg" { attributes.append(MarkupAttribute(name: "xmlns", value: Self.svgNamespace)) }
                if tag == "math" { attributes.append(MarkupAttribute(name: "xmlns", value: Self.mathNamespace)) }
            }
            if tag == "math", attributes.contains(MarkupAttribute(name: "xmlns", value: Self.mathNamespace)) {
                mathDepth += 1
            }
            if tag == "svg", attributes.contains(MarkupAttribute(name: "xmlns", value: Self.svgNamespace)) {
                svgDepth += 1
            }
            if mathDepth > 0, HTMLAllowList.mathMLElements.contains(tag) {
                allowed = HTMLAllowList.mathMLAttributes
            } else if svgDepth > 0, let spelling = HTMLAllowList.svgElements[tag] {
                allowed = HTMLAllowList.svgAttributeNames
                tag = spelling
                canonicalAttributeNames = HTMLAllowList.svgAttributes
            } else if !HTMLAllowList.elements.contains(tag) {
                return
            }
        }
        if mathDepth > 0 || svgDepth > 0,
            attributes.contains(where: { $0.name.hasPrefix("xlink:") }),
            !attributes.contains(MarkupAttribute(name: "xmlns:xlink", value: Self.xlinkNamespace))
        {
            attributes.append(MarkupAttribute(name: "xmlns:xlink", value: Self.xlinkNamespace))
        }
        var clean: [MarkupAttribute] = []
        for attribute in AttributeNormalizer.normalize(attributes) {
            if attribute.name == "style" {
                guard allowed.contains("style") else { continue }
                let css = CSSSanitizer.sanitize(attribute.value, allowSVGProperties: svgDepth > 0)
                if !css.isEmpty { clean.append(MarkupAttribute(name: "style", value: css)) }
            } else if allowed.contains(attribute.name) {
                var attribute = attribute
                if let canonical = canonicalAttributeNames?[attribute.name] { attribute.name = canonical }
                if HTMLAllowList.uriAttributes.contains(attribute.name) {
                    attribute.value = URIReference.safeURI(attribute.value)
                }
                clean.append(attribute)
            }
        }
        writer.writeStartTag(tag, attributes: clean)
    }

    mutating func handleEndTag(_ name: String) {
        var tag = name
        if !HTMLAllowList.elements.contains(tag) {
            if HTMLAllowList.elementsDroppedWithContent.contains(tag) { droppedDepth -= 1 }
            if mathDepth > 0, HTMLAllowList.mathMLElements.contains(tag) {
                if tag == "math" { mathDepth -= 1 }
            } else if svgDepth > 0, let spelling = HTMLAllowList.svgElements[tag] {
                tag = spelling
                if tag == "svg" { svgDepth -= 1 }
            } else {
                return
            }
        }
        writer.writeEndTag(tag)
    }

    mutating func handleCharacterReference(_ reference: UnsafeBufferPointer<UInt8>) {
        writer.writeCharacterReference(reference)
    }

    mutating func handleEntityReference(_ name: UnsafeBufferPointer<UInt8>) {
        writer.writeEntityReference(name)
    }

    mutating func handleComment(_ text: UnsafeBufferPointer<UInt8>) {
        // A browser ends a comment at `-->`, `--!>`, or immediately after `<!--` + `>`/`->`;
        // keep only comments that cannot end early.
        if text.hasPrefix(">", at: 0) || text.hasPrefix("->", at: 0) { return }
        for k in 0..<text.count where text.hasPrefix("--!>", at: k) { return }
        writer.append("<!--")
        writer.append(text)
        writer.append("-->")
    }

    mutating func handleProcessingInstruction(_ text: UnsafeBufferPointer<UInt8>) {}

    mutating func handleDeclaration(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// feedparser's attribute normalization: duplicate names collapse (last value wins),
/// `rel` and `type` values are lower-cased, and attributes are sorted by name.
enum AttributeNormalizer {
    static func normalize(_ attributes: [MarkupAttribute]) -> [MarkupAttribute] {
        guard !attributes.isEmpty else { return attributes }
        var result: [MarkupAttribute] = []
        result.reserveCapacity(attributes.count)
        if attributes.count <= 16 {
            for attribute in attributes {
                if let index = result.firstIndex(where: { $0.name == attribute.name }) {
                    result[index].value = attribute.value
                } else {
                    result.append(attribute)
                }
            }
        } else {
            var positions: [String: Int] = [:]
            for attribute in attributes {
                if let index = positions[attribute.name] {
                    result[index].value = attribute.value
                } else {
                    positions[attribute.name] = result.count
                    result.append(attribute)
                }
            }
        }
        if result.count > 1 { result.sort { $0.name < $1.name } }
        for index in result.indices where result[index].name == "rel" || result[index].name == "type" {
            let lowered = result[index].value.lowercased()
            if !lowered.isEmpty { result[index].value = lowered }
        }
        return result
    }
}
