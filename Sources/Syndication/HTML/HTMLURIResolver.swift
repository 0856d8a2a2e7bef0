public import Foundation

/// Makes relative URIs inside feed HTML absolute, reproducing feedparser's resolver.
///
/// URI-valued attributes (`a@href`, `img@src`, `img@longdesc`, `blockquote@cite`,
/// `form@action`, `object@data`, `video@poster` …) are resolved against the base; the
/// rest of the markup is re-serialized as feedparser does (lower-case names, attributes
/// sorted and quoted, comments and declarations kept). Nothing is removed: run
/// ``HTMLSanitizer`` afterwards for untrusted content.
public enum HTMLURIResolver {
    /// Resolves the relative URIs of `html` against `base`.
    public static func resolve(_ html: String, base: URL, mode: HTMLMarkupMode = .html) -> String {
        resolve(html, base: base.absoluteString, mode: mode)
    }

    /// Resolves the relative URIs of `html` against `base` (a URI or IRI string).
    /// A value whose resolution fails or has an unsafe scheme is left as written.
    public static func resolve(_ html: String, base: String, mode: HTMLMarkupMode = .html) -> String {
        var source = html
        let prepared = source.withUTF8 { MarkupPreprocessor.prepare($0, escapeCDATA: false) }
        var sink = ResolvingSink(base: base, capacity: prepared.count + 64)
        var tokenizer = HTMLTokenizer(xhtml: mode == .xhtml, dropUnterminatedComments: false)
        prepared.withUnsafeBufferPointer { tokenizer.run($0, into: &sink) }
        return sink.writer.string
    }

    /// Resolves one URI reference against `base` (RFC 3986 §5, with Python `urljoin`'s
    /// edge cases; IRIs are kept as written).
    ///
    /// - Returns `reference` unchanged when `base` is nil or empty;
    /// - returns `base` when `reference` is empty (or `""` if `base` has an unsafe scheme);
    /// - returns `""` when the result's scheme is not a safe one (`javascript:`, `data:`,
    ///   `vbscript:` …) or when a relative reference meets a relative base.
    public static func resolve(_ reference: String, against base: String?) -> String {
        URIReference.safeAbsoluteURI(base: base ?? "", reference: reference)
    }

    /// Whether `uri` has no scheme or a safe one (http, https, ftp, mailto …).
    public static func hasSafeScheme(_ uri: String) -> Bool {
        uri.isEmpty || !URIReference.safeURI(uri).isEmpty
    }
}

/// The resolver's reaction to tokenizer events: re-emit everything, rewriting URIs.
struct ResolvingSink: MarkupEventSink {
    var writer: MarkupWriter
    let base: String

    init(base: String, capacity: Int) {
        self.base = base
        writer = MarkupWriter(capacity: capacity)
    }

    mutating func handleData(_ text: UnsafeBufferPointer<UInt8>) { writer.append(text) }

    mutating func handleStartTag(_ name: String, attributes: [MarkupAttribute]) {
        var attributes = AttributeNormalizer.normalize(attributes)
        guard let uriAttributes = HTMLAllowList.relativeURIAttributesByElement[name] else {
            writer.writeStartTag(name, attributes: attributes)
            return
        }
        for index in attributes.indices where uriAttributes.contains(attributes[index].name) {
            let value = attributes[index].value
            let resolved = URIReference.safeAbsoluteURI(base: base, reference: Text.trimmingPythonWhitespace(value))
            if !resolved.isEmpty { attributes[index].value = resolved }
        }
        writer.writeStartTag(name, attributes: attributes)
    }

    mutating func handleEndTag(_ name: String) { writer.writeEndTag(name) }

    mutating func handleCharacterReference(_ reference: UnsafeBufferPointer<UInt8>) {
        writer.writeCharacterReference(reference)
    }

    mutating func handleEntityReference(_ name: UnsafeBufferPointer<UInt8>) {
        writer.writeEntityReference(name)
    }

    mutating func handleComment(_ text: UnsafeBufferPointer<UInt8>) {
        writer.append("<!--")
        writer.append(text)
        writer.append("-->")
    }

    mutating func handleProcessingInstruction(_ text: UnsafeBufferPointer<UInt8>) {
        writer.append("<?")
        writer.append(text)
        writer.append(">")
    }

    mutating func handleDeclaration(_ text: UnsafeBufferPointer<UInt8>) {
        writer.append("<!")
        writer.append(text)
        writer.append(">")
    }
}
