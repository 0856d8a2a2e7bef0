/// The raw text of `script` and `style` elements cut out of an HTML page before libxml2 reads
/// it, for a caller that never reads that text. libxml2 scans such text one character at a time
/// and hands it over in pieces of a kilobyte; on news pages it is about two fifths of the bytes.
///
/// The cut follows libxml2's own rules (2.9, in recovery mode, as `MarkupDocument.readHTML`
/// parses) for what raw text is: libxml2 reads it from just after the start tag, unless it starts
/// with `</` (an end tag, which ends the element) or with `<` and a name (a start tag, which may
/// close the element first); such text is never cut. It ends at the first `</` followed by the
/// element's name in any case. Where the scan could read a page otherwise than libxml2 (a
/// `<script` inside an attribute value, a comment libxml2 ends elsewhere), the parse itself
/// tells: every cut is confirmed by libxml2 reporting that element's start tag ending at the cut
/// (see `HTMLEventParser.parse(_:encoding:ignoringRawText:makeHandler:)`), and a page with an
/// unconfirmed cut is parsed again whole. Other libxml2 versions end raw text by other rules:
/// nothing is cut with them.
struct RawTextElision {
    /// A cut: the element's name and the offset, in the cut bytes, of the `>` ending its start
    /// tag. Its raw text followed that `>`.
    struct Cut: Equatable {
        var name: String
        var tagEnd: Int
    }

    /// The bytes with the raw text cut out.
    var bytes: [UInt8]
    /// The cuts, in document order.
    var cuts: [Cut]

    /// Cuts the raw text of every `script` and `style` element for which `ignores` (given the
    /// name and the attributes as written: names lower-cased, values undecoded) is true. Nil
    /// when nothing was cut. Start tags the scan cannot read simply (a value holding a
    /// character reference, an attribute name libxml2 might read otherwise) keep their text.
    static func cut(_ input: [UInt8], ignores: (String, [(name: String, value: String)]) -> Bool) -> RawTextElision? {
        // libxml2 2.9's rules only; and a byte-order mark, which libxml2 skips, would shift
        // every offset it reports.
        guard LibXMLRuntime.version / 100 == 209, !input.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return input.withUnsafeBufferPointer { bytes -> RawTextElision? in
            var output: [UInt8] = []
            var cuts: [Cut] = []
            var copied = 0
            var index = 0
            let count = bytes.count
            while true {
                index = ByteScan.index(of: UInt8(ascii: "<"), in: bytes, from: index)
                guard index + 1 < count else { break }
                if bytes[index + 1] == UInt8(ascii: "!") {
                    guard hasPrefix(bytes, at: index + 2, "--") else {
                        index += 2
                        continue
                    }
                    // A comment runs to the first "-->"; one without an end stops the cutting.
                    guard let end = find(bytes, "-->", from: index + 4, ignoringCase: false) else { break }
                    index = end + 3
                    continue
                }
                guard let name = rawTextName(bytes, at: index + 1) else {
                    index += 1
                    continue
                }
                guard let tag = startTag(bytes, nameEnd: index + 1 + name.utf8.count) else {
                    index += 1
                    continue
                }
                if tag.selfClosing {
                    index = tag.end + 1
                    continue
                }
                // What libxml2 reads as a tag is not raw text: the page goes on after the start tag.
                guard Self.isRawText(bytes, at: tag.end + 1) else {
                    index = tag.end + 1
                    continue
                }
                // The text ends at the first "</" and the name, in any case; without one, at the
                // end of the page.
                let textEnd = find(bytes, "</" + name, from: tag.end + 1, ignoringCase: true) ?? count
                if ignores(name, tag.attributes) {
                    if output.isEmpty { output.reserveCapacity(count) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...tag.end]))
                    cuts.append(Cut(name: name, tagEnd: output.count - 1))
                    copied = textEnd
                }
                index = textEnd
            }
            guard !cuts.isEmpty else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return RawTextElision(bytes: output, cuts: cuts)
        }
    }

    /// Whether libxml2 reads what starts at `offset` (just after a start tag) as raw text: not
    /// when it is a NUL (the end of libxml2's input), nor when it starts with `</` or with `<`
    /// and a name, which libxml2 parses as a tag before it turns to the element's raw text.
    private static func isRawText(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count, bytes[offset] != 0 else { return false }
        guard bytes[offset] == UInt8(ascii: "<"), offset + 1 < bytes.count else { return true }
        let next = bytes[offset + 1]
        return next != UInt8(ascii: "/") && !isNameStart(next)
    }

    /// "script" or "style" when the bytes at `offset` spell one of them (in any case) followed
    /// by a byte that cannot continue a name.
    private static func rawTextName(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String? {
        for name in ["script", "style"] where hasPrefix(bytes, at: offset, name, ignoringCase: true) {
            let after = offset + name.utf8.count
            if after < bytes.count, isNameByte(bytes[after]) { return nil }
            return name
        }
        return nil
    }

    /// A start tag whose name ends at `nameEnd`, read only when it is plain: attributes of
    /// name characters, with a quoted value, an unquoted one or none, and no character
    /// reference in a value. Nil otherwise, or when the page ends inside the tag.
    private static func startTag(
        _ bytes: UnsafeBufferPointer<UInt8>, nameEnd: Int
    ) -> (end: Int, selfClosing: Bool, attributes: [(name: String, value: String)])? {
        var attributes: [(name: String, value: String)] = []
        var index = nameEnd
        let count = bytes.count
        func skipBlanks() {
            while index < count, isBlank(bytes[index]) { index += 1 }
        }
        while true {
            skipBlanks()
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: ">") { return (index, false, attributes) }
            if bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < count, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
                return (index + 1, true, attributes)
            }
            guard isNameStart(bytes[index]) else { return nil }
            let nameStart = index
            while index < count, isNameByte(bytes[index]) { index += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self).lowercased()
            skipBlanks()
            var value = ""
            if index < count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipBlanks()
                guard index < count else { return nil }
                let quote = bytes[index]
                let valueStart: Int
                let valueEnd: Int
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = index + 1
                    valueEnd = ByteScan.index(of: quote, in: bytes, from: valueStart)
                    guard valueEnd < count else { return nil }
                    index = valueEnd + 1
                    // libxml2 wants a blank or the tag's end after a quoted value.
                    guard index < count, isBlank(bytes[index]) || bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "/")
                    else { return nil }
                } else {
                    valueStart = index
                    while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                        if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { return nil }
                        index += 1
                    }
                    valueEnd = index
                }
                let raw = UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])
                if raw.contains(UInt8(ascii: "&")) { return nil }
                value = String(decoding: raw, as: UTF8.self)
            }
            attributes.append((name, value))
        }
    }

    /// The offset of the first occurrence of `needle` (ASCII) at or after `start`.
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String, from start: Int, ignoringCase: Bool) -> Int? {
        let first = needle.utf8.first!
        var index = start
        while true {
            index = ByteScan.index(of: first, in: bytes, from: index)
            guard index < bytes.count else { return nil }
            if hasPrefix(bytes, at: index, needle, ignoringCase: ignoringCase) { return index }
            index += 1
        }
    }

    /// Whether the bytes at `offset` spell `prefix` (ASCII; lower case when `ignoringCase`).
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ prefix: String, ignoringCase: Bool = false) -> Bool {
        guard offset + prefix.utf8.count <= bytes.count else { return false }
        var index = offset
        for expected in prefix.utf8 {
            var byte = bytes[index]
            if ignoringCase, byte &- 0x41 < 26 { byte |= 0x20 }
            if byte != expected { return false }
            index += 1
        }
        return true
    }

    /// libxml2's blanks (`IS_BLANK_CH`).
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        byte | 0x20 &- 0x61 < 26 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    /// A byte of an HTML name as libxml2 reads one (letters, digits, `_`, `:`, `.`, `-`).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte &- 0x30 < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}

/// The confirmation of a page's cuts while libxml2 parses the cut bytes: each cut must be met by
/// libxml2 starting its element with the start tag ending where the cut begins, and with
/// attributes `ignores` agrees on.
final class ElisionCheck {
    let cuts: [RawTextElision.Cut]
    let ignores: (String, [(name: String, value: String)]) -> Bool
    private var next = 0
    /// A cut was passed unconfirmed: the parse of the cut bytes is worth nothing.
    private(set) var failed = false

    init(cuts: [RawTextElision.Cut], ignores: @escaping (String, [(name: String, value: String)]) -> Bool) {
        self.cuts = cuts
        self.ignores = ignores
    }

    /// The parse stopped early (too deep), after every cut before that point was confirmed;
    /// the cuts after it are of text libxml2 never reached either way.
    private var ended = false

    /// Whether libxml2 started every cut's element where the cut begins (every one it reached,
    /// when the parse stopped early).
    var confirmed: Bool { !failed && (next == cuts.count || ended) }

    /// The parse stops here, before the end of the page.
    func stoppedEarly() {
        ended = true
    }

    /// libxml2 started a `script` or `style` element whose start tag ends at byte `offset`.
    func started(_ name: String, attributes: [(name: String, value: String)], at offset: Int) {
        guard !failed, next < cuts.count else { return }
        let cut = cuts[next]
        if offset < cut.tagEnd { return }
        // A cut libxml2 passed without starting its element there, or started with attributes
        // read otherwise.
        guard offset == cut.tagEnd, name == cut.name, ignores(name, attributes) else {
            failed = true
            return
        }
        next += 1
    }
}
