/// One attribute of a start tag, as the tokenizer reports it.
struct MarkupAttribute: Sendable, Equatable {
    /// Lower-cased attribute name.
    var name: String
    /// Value with surrounding quotes removed (references are left as written).
    var value: String
}

/// Receives the events of ``HTMLTokenizer`` (the callbacks of an SGML-style parser).
protocol MarkupEventSink {
    /// Plain text, verbatim (may contain a stray `<` or `&`).
    mutating func handleData(_ text: UnsafeBufferPointer<UInt8>)
    /// A start tag; `name` is lower-cased ASCII.
    mutating func handleStartTag(_ name: String, attributes: [MarkupAttribute])
    /// An end tag; `name` is the trimmed, lower-cased text between `</` and `>`.
    mutating func handleEndTag(_ name: String)
    /// A character reference `&#…;`; `reference` is the part after `#` (`"160"`, `"xA0"`).
    mutating func handleCharacterReference(_ reference: UnsafeBufferPointer<UInt8>)
    /// An entity reference `&name;` or `&name` followed by a non-alphanumeric character.
    mutating func handleEntityReference(_ name: UnsafeBufferPointer<UInt8>)
    /// A comment's text (between `<!--` and `-->`).
    mutating func handleComment(_ text: UnsafeBufferPointer<UInt8>)
    /// A processing instruction's text (between `<?` and `>`).
    mutating func handleProcessingInstruction(_ text: UnsafeBufferPointer<UInt8>)
    /// A `<!DOCTYPE …>` declaration's text (between `<!` and `>`).
    mutating func handleDeclaration(_ text: UnsafeBufferPointer<UInt8>)
}

/// A streaming, non-validating tag scanner over UTF-8 bytes that reproduces the
/// tokenization of Python's `sgmllib` as configured by feedparser (tag and attribute
/// syntax, quoting rules, `<tag/data/` shorthand, declarations, marked sections, and the
/// "rest of the input becomes text" behaviour on an unterminated construct).
///
/// It never builds a tree: the sink sees events in document order. Every construct is
/// found with forward scans that never revisit more than a bounded prefix, so the run
/// time is linear in the input size.
struct HTMLTokenizer {
    /// When true (content of type `application/xhtml+xml`), a start tag written `<x … />`
    /// is followed by an end-tag event for `x`.
    var xhtml: Bool
    /// When true (sanitizer), an unterminated comment swallows input up to the next
    /// `--…>` or to the end instead of being reported as text.
    var dropUnterminatedComments: Bool

    private var lastTag = "???"

    init(xhtml: Bool, dropUnterminatedComments: Bool) {
        self.xhtml = xhtml
        self.dropUnterminatedComments = dropUnterminatedComments
    }

    /// Scans the whole of `bytes`, reporting events to `sink`.
    mutating func run<Sink: MarkupEventSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        let n = bytes.count
        var i = 0
        while i < n {
            var j = i
            while j < n {
                let c = bytes[j]
                if c == ASCII.lt || c == ASCII.amp { break }
                j += 1
            }
            if i < j { sink.handleData(bytes.slice(i, j)) }
            i = j
            if i == n { break }
            let next: Int?
            if bytes[i] == ASCII.lt {
                let c1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
                if ASCII.isAlpha(c1) || c1 == ASCII.gt {
                    next = parseStartTag(bytes, at: i, into: &sink)
                } else if c1 == ASCII.slash {
                    next = parseEndTag(bytes, at: i, into: &sink)
                } else if c1 == ASCII.bang, bytes.hasPrefix("--", at: i + 2) {
                    next = parseComment(bytes, at: i, into: &sink)
                } else if c1 == ASCII.question {
                    next = parseProcessingInstruction(bytes, at: i, into: &sink)
                } else if c1 == ASCII.bang {
                    next = parseDeclaration(bytes, at: i, into: &sink)
                } else {
                    // A lone `<`: text.
                    sink.handleData(bytes.slice(i, i + 1))
                    next = i + 1
                }
            } else {
                next = parseReference(bytes, at: i, into: &sink)
            }
            guard let resume = next else {
                // Unterminated construct: the rest of the input is text.
                sink.handleData(bytes.slice(i, n))
                return
            }
            i = resume
        }
    }

    // MARK: - References

    private func parseReference<Sink: MarkupEventSink>(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink
    ) -> Int? {
        let n = b.count
        var p = i + 1
        if p < n, b[p] == ASCII.hash {
            // &#123; or &#x1F; (the semicolon is required)
            p += 1
            let start = p
            if p < n, b[p] == UInt8(ascii: "x") || b[p] == UInt8(ascii: "X") {
                p += 1
                let digits = p
                while p < n, ASCII.isHexDigit(b[p]) { p += 1 }
                if p > digits, p < n, b[p] == ASCII.semicolon {
                    sink.handleCharacterReference(b.slice(start, p))
                    return p + 1
                }
            } else {
                while p < n, ASCII.isDigit(b[p]) { p += 1 }
                if p > start, p < n, b[p] == ASCII.semicolon {
                    sink.handleCharacterReference(b.slice(start, p))
                    return p + 1
                }
            }
            // Incomplete: `&#` and digits are text.
            var q = i + 2
            while q < n, ASCII.isDigit(b[q]) { q += 1 }
            sink.handleData(b.slice(i, q))
            return q
        }
        if p < n, ASCII.isAlpha(b[p]) {
            var q = p + 1
            while q < n, ASCII.isAlnum(b[q]) || b[q] == ASCII.dash || b[q] == ASCII.dot { q += 1 }
            if q < n {
                // Terminated by any non-alphanumeric character; only `;` is consumed.
                sink.handleEntityReference(b.slice(p, q))
                return b[q] == ASCII.semicolon ? q + 1 : q
            }
            // At the end of input: text.
            var r = p + 1
            while r < n, ASCII.isAlnum(b[r]) { r += 1 }
            sink.handleData(b.slice(i, r))
            return r
        }
        sink.handleData(b.slice(i, i + 1))
        return i + 1
    }

    // MARK: - Tags

    /// Finds the `<` or `>` that ends a tag opened before `start`, skipping quoted
    /// strings that are followed by `>`, `/`, whitespace or `name=`; falls back to the
    /// first bracket on the same line.
    private func findEndBracket(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = b.count
        var p = start
        while p < n {
            let c = b[p]
            if c == ASCII.lt || c == ASCII.gt { return p }
            if c == ASCII.quote || c == ASCII.apostrophe {
                var q = p + 1
                while q < n, b[q] != c { q += 1 }
                if q < n, quotedStringMayEnd(b, after: q + 1) {
                    p = q + 1
                    continue
                }
                break
            }
            p += 1
        }
        // Fallback: shortest run without a newline up to a bracket.
        p = start
        while p < n {
            let c = b[p]
            if c == ASCII.lt || c == ASCII.gt { return p }
            if c == ASCII.newline { return nil }
            p += 1
        }
        return nil
    }

    private func quotedStringMayEnd(_ b: UnsafeBufferPointer<UInt8>, after p: Int) -> Bool {
        let n = b.count
        guard p < n else { return false }
        let c = b[p]
        if c == ASCII.gt || c == ASCII.slash || ASCII.isSpace(c) { return true }
        var q = p
        while q < n, ASCII.isWordByte(b[q]) { q += 1 }
        return q > p && q < n && b[q] == ASCII.equals
    }

    private mutating func parseStartTag<Sink: MarkupEventSink>(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink
    ) -> Int? {
        let n = b.count
        if ASCII.isAlpha(b[i + 1]) {
            // SGML shorthand `<tag/data/` == `<tag>data</tag>`.
            var p = i + 2
            while p < n, ASCII.isAlnum(b[p]) || b[p] == ASCII.dash || b[p] == ASCII.dot { p += 1 }
            if p < n, b[p] == ASCII.slash {
                var q = p + 1
                while q < n, b[q] != ASCII.slash { q += 1 }
                guard q < n else { return nil }
                let tag = ASCII.lowercasedString(b.slice(i + 1, p))
                sink.handleStartTag(tag, attributes: [])
                sink.handleData(b.slice(p + 1, q))
                sink.handleEndTag(tag)
                return q + 1
            }
        }
        guard var j = findEndBracket(b, from: i + 1) else { return nil }
        var k: Int
        let tag: String
        if b[i + 1] == ASCII.gt {
            k = j
            tag = lastTag
        } else {
            k = i + 2
            while k < n, ASCII.isTagNameByte(b[k]) { k += 1 }
            tag = ASCII.lowercasedString(b.slice(i + 1, k))
            lastTag = tag
        }
        var attributes: [MarkupAttribute] = []
        while k < j, let (attribute, end) = parseAttribute(b, at: k) {
            attributes.append(attribute)
            k = end
        }
        if b[j] == ASCII.gt { j += 1 }
        sink.handleStartTag(tag, attributes: attributes)
        if xhtml, j >= 3, b[j - 2] == ASCII.slash, b[j - 1] == ASCII.gt {
            sink.handleEndTag(lastTag)
        }
        return j
    }

    private func parseAttribute(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> (MarkupAttribute, Int)? {
        let n = b.count
        var p = start
        while p < n, ASCII.isSpace(b[p]) { p += 1 }
        guard p < n, ASCII.isAlpha(b[p]) || b[p] == ASCII.underscore else { return nil }
        let nameStart = p
        p += 1
        while p < n, ASCII.isAttributeNameByte(b[p]) { p += 1 }
        let rawName = b.slice(nameStart, p)
        if p < n, b[p] == ASCII.dollar { p += 1 }
        var q = p
        while q < n, ASCII.isSpace(b[q]) { q += 1 }
        guard q < n, b[q] == ASCII.equals else {
            // Bare attribute: the value is the name as written.
            let value = String(decoding: rawName, as: UTF8.self)
            return (MarkupAttribute(name: ASCII.lowercasedString(rawName), value: value), p)
        }
        q += 1
        while q < n, ASCII.isSpace(b[q]) { q += 1 }
        var valueStart = q
        var valueEnd = q
        var end = q
        if q < n, b[q] == ASCII.apostrophe || b[q] == ASCII.quote,
            let close = b.firstIndex(of: b[q], from: q + 1)
        {
            valueStart = q + 1
            valueEnd = close
            end = close + 1
        } else {
            var r = q
            while r < n, ASCII.isUnquotedValueByte(b[r]) { r += 1 }
            end = r
            valueEnd = r
            // A run like `'abc'` (closing quote after other characters) loses its quotes too.
            if r - q >= 1 {
                let first = b[q]
                let last = b[r - 1]
                if first == last, first == ASCII.apostrophe || first == ASCII.quote {
                    valueStart = q + 1
                    valueEnd = max(valueStart, r - 1)
                }
            }
        }
        let value = Self.completeNumericReferences(b.slice(valueStart, valueEnd))
        return (MarkupAttribute(name: ASCII.lowercasedString(rawName), value: value), end)
    }

    /// Adds the missing `;` after `&#123` in an attribute value (what sgmllib's reference
    /// conversion does); everything else is kept as written.
    private static func completeNumericReferences(_ v: UnsafeBufferPointer<UInt8>) -> String {
        var needsFix = false
        var p = 0
        let n = v.count
        while p + 2 < n {
            if v[p] == ASCII.amp, v[p + 1] == ASCII.hash, ASCII.isDigit(v[p + 2]) {
                var q = p + 2
                while q < n, ASCII.isDigit(v[q]) { q += 1 }
                if q == n || v[q] != ASCII.semicolon {
                    needsFix = true
                    break
                }
                p = q
            } else {
                p += 1
            }
        }
        guard needsFix else { return String(decoding: v, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(n + 4)
        p = 0
        while p < n {
            if v[p] == ASCII.amp, p + 2 < n, v[p + 1] == ASCII.hash, ASCII.isDigit(v[p + 2]) {
                var q = p + 2
                while q < n, ASCII.isDigit(v[q]) { q += 1 }
                out.append(contentsOf: v[p..<q])
                out.append(ASCII.semicolon)
                if q < n, v[q] == ASCII.semicolon { q += 1 }
                p = q
            } else {
                out.append(v[p])
                p += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func parseEndTag<Sink: MarkupEventSink>(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink
    ) -> Int? {
        guard var j = findEndBracket(b, from: i + 1) else { return nil }
        let raw = String(decoding: b.slice(i + 2, j), as: UTF8.self)
        sink.handleEndTag(Text.trimmingPythonWhitespace(raw).lowercased())
        if b[j] == ASCII.gt { j += 1 }
        return j
    }

    // MARK: - Comments, processing instructions, declarations

    private func parseComment<Sink: MarkupEventSink>(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink
    ) -> Int? {
        let n = b.count
        var p = i + 4
        while p + 1 < n {
            if b[p] == ASCII.dash, b[p + 1] == ASCII.dash {
                var q = p + 2
                while q < n, ASCII.isSpace(b[q]) { q += 1 }
                if q < n, b[q] == ASCII.gt {
                    sink.handleComment(b.slice(i + 4, p))
                    return q + 1
                }
            }
            p += 1
        }
        guard dropUnterminatedComments else { return nil }
        // Possibly malicious (`<!-- -- x>`) or page-destroying: skip to `--…>` or the end.
        p = i + 4
        while p + 1 < n, !(b[p] == ASCII.dash && b[p + 1] == ASCII.dash) { p += 1 }
        guard p + 1 < n else { return n }
        guard let gt = b.firstIndex(of: ASCII.gt, from: p + 2) else { return n }
        return gt + 1
    }

    private func parseProcessingInstruction<Sink: MarkupEventSink>(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink
    ) -> Int? {
        guard let gt = b.firstIndex(of: ASCII.gt, from: i + 2) else { return nil }
        sink.handleProcessingInstruction(b.slice(i + 2, gt))
        return gt + 1
    }

    /// Scans `[a-zA-Z][-_.a-zA-Z0-9:]*\s*`; nil when absent or when it runs to the end.
    private func scanName(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (name: String, end: Int)? {
        let n = b.count
        guard i < n, ASCII.isAlpha(b[i]) else { return nil }
        var p = i + 1
        while p < n, ASCII.isTagNameByte(b[p]) { p += 1 }
        let name = ASCII.lowercasedString(b.slice(i, p))
        while p < n, ASCII.isSpace(b[p]) { p += 1 }
        guard p < n else { return nil }
        return (name, p)
    }

    private static let escapedLessThan: [UInt8] = Array("&lt;".utf8)

    private func parseDeclaration<Sink: MarkupEventSink>(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink
    ) -> Int? {
        let n = b.count
        var j = i + 2
        guard j < n else { return nil }
        if b[j] == ASCII.gt { return j + 1 }
        if b[j] == ASCII.dash { return nil }
        if b[j] == ASCII.leftBracket { return parseMarkedSection(b, at: i, into: &sink) }
        guard let (declType, afterName) = scanName(b, at: j) else {
            if j < n, ASCII.isAlpha(b[j]) { return nil }
            return declarationError(at: i, into: &sink)
        }
        j = afterName
        let isDoctype = declType == "doctype"
        while j < n {
            let c = b[j]
            if c == ASCII.gt {
                if isDoctype { sink.handleDeclaration(b.slice(i + 2, j)) }
                return j + 1
            }
            if c == ASCII.quote || c == ASCII.apostrophe {
                guard let close = b.firstIndex(of: c, from: j + 1) else { return nil }
                j = close + 1
                while j < n, ASCII.isSpace(b[j]) { j += 1 }
            } else if ASCII.isAlpha(c) {
                guard let (_, end) = scanName(b, at: j) else { return nil }
                j = end
            } else if c == ASCII.equals, !isDoctype {
                j += 1
            } else if c == ASCII.leftBracket, isDoctype {
                // Internal subset: skip to its closing bracket.
                guard let close = b.firstIndex(of: ASCII.rightBracket, from: j + 1) else { return nil }
                j = close + 1
                while j < n, ASCII.isSpace(b[j]) { j += 1 }
            } else {
                return declarationError(at: i, into: &sink)
            }
        }
        return nil
    }

    private func declarationError<Sink: MarkupEventSink>(at i: Int, into sink: inout Sink) -> Int {
        Self.escapedLessThan.withUnsafeBufferPointer { sink.handleData($0) }
        return i + 1
    }

    private func parseMarkedSection<Sink: MarkupEventSink>(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, into sink: inout Sink
    ) -> Int? {
        let n = b.count
        guard let (name, _) = scanName(b, at: i + 3) else {
            if i + 3 < n, ASCII.isAlpha(b[i + 3]) { return nil }
            return declarationError(at: i, into: &sink)
        }
        let doubleBracket: Bool
        switch name {
        case "temp", "cdata", "ignore", "include", "rcdata": doubleBracket = true
        case "if", "else", "endif": doubleBracket = false
        default: return declarationError(at: i, into: &sink)
        }
        var p = i + 3
        while p < n {
            if b[p] == ASCII.rightBracket {
                var q = p + 1
                while q < n, ASCII.isSpace(b[q]) { q += 1 }
                if doubleBracket {
                    if q < n, b[q] == ASCII.rightBracket {
                        q += 1
                        while q < n, ASCII.isSpace(b[q]) { q += 1 }
                        if q < n, b[q] == ASCII.gt { return q + 1 }
                    }
                } else if q < n, b[q] == ASCII.gt {
                    return q + 1
                }
            }
            p += 1
        }
        return nil
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes in `start..<end` as a buffer of their own.
    @inline(__always)
    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: self[start..<end])
    }

    /// Whether the ASCII string `prefix` occurs at `index`.
    func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index >= 0, index + count <= self.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where self[index + k] != p[k] { return false }
        return true
    }

    /// First index at or after `start` holding `byte`.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var p = start
        while p < count {
            if self[p] == byte { return p }
            p += 1
        }
        return nil
    }
}
