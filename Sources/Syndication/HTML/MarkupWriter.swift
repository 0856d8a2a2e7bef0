import LibXML

/// Re-serializes tokenizer events the way feedparser's HTML processors do: lower-case
/// names, `name="value"` attributes with `<`, `>`, `"` and bare `&` escaped, void
/// elements written `<br />`, references re-emitted in a normalized form.
struct MarkupWriter {
    /// The UTF-8 output built so far.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The output as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Replaces each `\r\n` pair of the output with `\n`.
    mutating func replaceCRLF() {
        guard let first = bytes.firstIndex(of: 0x0D) else { return }
        var write = first
        var read = first
        let n = bytes.count
        while read < n {
            let byte = bytes[read]
            read += 1
            if byte == 0x0D, read < n, bytes[read] == ASCII.newline { continue }
            bytes[write] = byte
            write += 1
        }
        bytes.removeLast(n - write)
    }

    @inline(__always) mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
    }

    @inline(__always) mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends text with every `<` written as `&lt;`.
    mutating func appendEscapingLessThan(_ text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for k in 0..<text.count where text[k] == ASCII.lt {
            bytes.append(contentsOf: text[start..<k])
            bytes.append(contentsOf: "&lt;".utf8)
            start = k + 1
        }
        bytes.append(contentsOf: text[start..<text.count])
    }

    /// Writes `<tag a="v" …>` (or `<tag … />` for void elements).
    mutating func writeStartTag(_ tag: String, attributes: [MarkupAttribute]) {
        bytes.append(ASCII.lt)
        append(tag)
        for attribute in attributes {
            bytes.append(ASCII.space)
            append(attribute.name)
            bytes.append(contentsOf: "=\"".utf8)
            writeAttributeValue(attribute.value)
            bytes.append(ASCII.quote)
        }
        if HTMLAllowList.voidElements.contains(tag) {
            bytes.append(contentsOf: " />".utf8)
        } else {
            bytes.append(ASCII.gt)
        }
    }

    /// Writes `</tag>` unless `tag` is a void element.
    mutating func writeEndTag(_ tag: String) {
        guard !HTMLAllowList.voidElements.contains(tag) else { return }
        bytes.append(contentsOf: "</".utf8)
        append(tag)
        bytes.append(ASCII.gt)
    }

    private mutating func writeAttributeValue(_ value: String) {
        var value = value
        value.withUTF8 { v in
            let n = v.count
            for k in 0..<n {
                switch v[k] {
                case ASCII.gt: bytes.append(contentsOf: "&gt;".utf8)
                case ASCII.lt: bytes.append(contentsOf: "&lt;".utf8)
                case ASCII.quote: bytes.append(contentsOf: "&quot;".utf8)
                case ASCII.amp:
                    if Self.isReference(v, at: k) {
                        bytes.append(ASCII.amp)
                    } else {
                        bytes.append(contentsOf: "&amp;".utf8)
                    }
                default: bytes.append(v[k])
                }
            }
        }
    }

    /// Whether `&` at `k` starts `&#123;`, `&#x1f;` or `&word;`.
    private static func isReference(_ v: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        let n = v.count
        var p = k + 1
        guard p < n else { return false }
        if v[p] == ASCII.hash {
            p += 1
            if p < n, v[p] == UInt8(ascii: "x") {
                let start = p + 1
                var q = start
                while q < n, ASCII.isHexDigit(v[q]) { q += 1 }
                if q > start, q < n, v[q] == ASCII.semicolon { return true }
            }
            let start = p
            var q = start
            while q < n, ASCII.isDigit(v[q]) { q += 1 }
            return q > start && q < n && v[q] == ASCII.semicolon
        }
        var q = p
        while q < n, ASCII.isWordByte(v[q]) { q += 1 }
        return q > p && q < n && v[q] == ASCII.semicolon
    }

    /// Re-emits `&#ref;`; C1 code points that Windows-1252 maps to printable characters are
    /// rewritten to the intended character (`&#150;` → `&#x2013;`).
    mutating func writeCharacterReference(_ reference: UnsafeBufferPointer<UInt8>) {
        let lower = ASCII.lowercasedString(reference)
        var value: UInt32? = 0
        if lower.hasPrefix("x") {
            value = UInt32(lower.dropFirst(), radix: 16)
        } else {
            value = UInt32(lower, radix: 10)
        }
        if let value, let replacement = Self.windows1252[value] {
            append("&#x" + String(replacement, radix: 16) + ";")
        } else {
            append("&#" + lower + ";")
        }
    }

    /// Re-emits `&name;` for HTML 4 entities and `&apos;`; anything else becomes `&amp;name`.
    mutating func writeEntityReference(_ name: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: name, as: UTF8.self)
        if text == "apos" || HTMLEntities.isHTML4Name(text) {
            bytes.append(ASCII.amp)
            append(name)
            bytes.append(ASCII.semicolon)
        } else {
            bytes.append(contentsOf: "&amp;".utf8)
            append(name)
        }
    }

    /// Code points 128–159 that Windows-1252 assigns to printable characters.
    static let windows1252: [UInt32: UInt32] = [
        128: 0x20AC, 130: 0x201A, 131: 0x0192, 132: 0x201E, 133: 0x2026, 134: 0x2020,
        135: 0x2021, 136: 0x02C6, 137: 0x2030, 138: 0x0160, 139: 0x2039, 140: 0x0152,
        142: 0x017D, 145: 0x2018, 146: 0x2019, 147: 0x201C, 148: 0x201D, 149: 0x2022,
        150: 0x2013, 151: 0x2014, 152: 0x02DC, 153: 0x2122, 154: 0x0161, 155: 0x203A,
        156: 0x0153, 158: 0x017E, 159: 0x0178,
    ]
}

/// How the input markup was declared.
public enum HTMLMarkupMode: Sendable {
    /// `text/html` (the default): `<x/>` is only a start tag.
    case html
    /// `application/xhtml+xml`: `<x … />` also closes `x`.
    case xhtml
}

/// Input normalization applied before tokenizing, as feedparser does.
enum MarkupPreprocessor {
    /// - `<!` not followed by `DOCTYPE`, `--` or `[` becomes `&lt;!`;
    /// - (sanitizer) `<![CDATA[` becomes `&lt;![CDATA[`;
    /// - `<name/>` becomes `<name />` for void elements and `<name></name>` otherwise;
    /// - `&#39;` and `&#34;` become `'` and `"`.
    static func prepare(_ input: UnsafeBufferPointer<UInt8>, escapeCDATA: Bool) -> [UInt8] {
        let n = input.count
        var out: [UInt8] = []
        out.reserveCapacity(n + 16)
        var i = 0
        while i < n {
            let run = ByteScan.index(of: ASCII.lt, in: input, from: i)
            if run > i {
                out.append(contentsOf: input.slice(i, run))
                i = run
                if i == n { break }
            }
            let c = input[i]
            if i + 1 < n, input[i + 1] == ASCII.bang {
                if escapeCDATA, input.hasPrefix("<![CDATA[", at: i) {
                    out.append(contentsOf: "&lt;![CDATA[".utf8)
                    i += 9
                    continue
                }
                if !(startsWithDoctype(input, at: i + 2) || input.hasPrefix("--", at: i + 2)
                    || input.hasPrefix("[", at: i + 2))
                {
                    out.append(contentsOf: "&lt;!".utf8)
                    i += 2
                    continue
                }
            }
            if let (nameEnd, matchEnd) = shortTag(input, at: i) {
                let name = input.slice(i + 1, nameEnd)
                out.append(ASCII.lt)
                out.append(contentsOf: name)
                if HTMLAllowList.voidElements.contains(String(decoding: name, as: UTF8.self)) {
                    out.append(contentsOf: " />".utf8)
                } else {
                    out.append(contentsOf: "></".utf8)
                    out.append(contentsOf: name)
                    out.append(ASCII.gt)
                }
                i = matchEnd
                continue
            }
            out.append(c)
            i += 1
        }
        return replaceQuoteReferences(out)
    }

    private static func startsWithDoctype(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let word: StaticString = "doctype"
        guard i + 7 <= b.count else { return false }
        let w = word.utf8Start
        for k in 0..<7 where (b[i + k] | 0x20) != w[k] { return false }
        return true
    }

    /// Matches `<([^<>\s]+?)\s*/>` at `i`: returns the end of the name and of the match.
    private static func shortTag(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        let n = b.count
        var e = i + 1
        while e < n, !ASCII.isSpace(b[e]), b[e] != ASCII.lt, b[e] != ASCII.gt { e += 1 }
        guard e > i + 1, e < n else { return nil }
        if b[e] == ASCII.gt {
            if b[e - 1] == ASCII.slash, e - 1 > i + 1 { return (e - 1, e + 1) }
            return nil
        }
        var w = e
        while w < n, ASCII.isSpace(b[w]) { w += 1 }
        if w + 1 < n, b[w] == ASCII.slash, b[w + 1] == ASCII.gt { return (e, w + 2) }
        return nil
    }

    private static func replaceQuoteReferences(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { b in
            var out: [UInt8] = []
            var changed = false
            let n = b.count
            var start = 0
            var i = 0
            while true {
                i = ByteScan.index(of: ASCII.amp, in: b, from: i)
                guard i + 4 < n else { break }
                if b[i + 1] == ASCII.hash, b[i + 2] == UInt8(ascii: "3"),
                    b[i + 4] == ASCII.semicolon, b[i + 3] == UInt8(ascii: "9") || b[i + 3] == UInt8(ascii: "4")
                {
                    if !changed {
                        out.reserveCapacity(n)
                        changed = true
                    }
                    out.append(contentsOf: b[start..<i])
                    out.append(b[i + 3] == UInt8(ascii: "9") ? ASCII.apostrophe : ASCII.quote)
                    i += 5
                    start = i
                } else {
                    i += 1
                }
            }
            guard changed else { return bytes }
            out.append(contentsOf: b[start..<n])
            return out
        }
    }
}
