/// Character references in text that no HTML parser has read: the values of JSON-LD, which
/// pages often write HTML-escaped (`Tom &amp; Jerry`, `aren&rsquo;t`, `?w=1200&amp;h=630`).
public enum HTMLReferences {
    /// `text` with `&#NN;`, `&#xHH;` and HTML 4's named references (`&amp;`, `&rsquo;`,
    /// `&nbsp;`…, with their semicolon) replaced by their characters; anything else as written.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            XMLReferenceDecoder.decode(bytes) { name in XMLEntityResolver.htmlEntity(named: name).map { String(Character($0)) } }
        }
    }
}
