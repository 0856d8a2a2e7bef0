/// What a caller of an HTML parse never reads, cut out of the page before libxml2 reads it: the
/// raw text of `script` and `style` elements, and attributes outside a list of names. libxml2
/// scans raw text and attribute values one character at a time; on news pages raw text is
/// about two fifths of the bytes, and the values of attributes nobody reads (SVG path data,
/// `srcset`, `data-*`) about a tenth.
///
/// The cut follows libxml2's own rules (2.9, in recovery mode, as `MarkupDocument.readHTML`
/// parses) for what a start tag and raw text are. A start tag is read only when it is plain:
/// attributes of name characters, each with a quoted value, an unquoted one or none, separated
/// by blanks. Raw text starts just after the start tag, unless it starts with `</` (an end tag,
/// which ends the element) or with `<` and a name (a start tag, which may close the element
/// first); such text is never cut. It ends at the first `</` followed by the element's name in
/// any case. Where the scan could read a page otherwise than libxml2 (a tag inside an
/// attribute value, a comment libxml2 ends elsewhere), the parse itself tells: every tag that
/// lost something is confirmed by libxml2 starting that element with its start tag ending
/// where the scan says, with as many attributes (see `ElisionCheck`), and a page with an
/// unconfirmed cut is parsed again whole. Other libxml2 versions read by other rules: nothing
/// is cut with them.
struct HTMLElision {
    /// A start tag that lost its raw text, attributes or both.
    struct Cut: Equatable {
        /// Where the element's name is in the cut bytes.
        var name: Range<Int>
        /// The offset, in the cut bytes, where libxml2 stands when it has read the tag's
        /// attributes: its `>`, or the `/` of `/>`.
        var tagEnd: Int
        /// How many attributes the tag keeps.
        var attributes: Int
        /// Whether the element's raw text followed the tag and was cut.
        var rawText: Bool
        /// The tag's values cut out of the bytes, to be given back: a range of `values`.
        var values: Range<Int> = 0..<0
    }

    /// A kept attribute's value cut out of the bytes (`class="…"` left as `class=""`): the
    /// attribute's place among those libxml2 reports for the tag, and the value in `original`.
    struct Value: Equatable {
        var position: Int
        var range: Range<Int>
    }

    /// The page as it was.
    var original: [UInt8] = []
    /// The bytes with the raw text and attributes cut out.
    var bytes: [UInt8]
    /// The values cut out, by tag (see `Cut.values`).
    var values: [Value] = []
    /// The cuts, in document order.
    var cuts: [Cut]

    /// One attribute of a plain start tag: its name, and its whole extent (name, `=`, value).
    struct Attribute {
        var name: Range<Int>
        var value: Range<Int>?
        var end: Int
    }

    /// Cuts the raw text of every `script` and `style` element for which `ignores` (given the
    /// name and the kept attributes as written: names lower-cased, values undecoded) is true,
    /// and, with `kept`, every attribute whose name is not in it (but those of `html`, `head`
    /// and `body`, which libxml2 may merge into elements it started earlier). Nil when nothing
    /// was cut. A raw-text element whose kept attributes hold a character reference keeps its
    /// text; a page holding a NUL byte keeps its attributes, and one that is not UTF-8 throughout
    /// (a sequence cut at its very end included) is not cut at all.
    static func cut(
        _ input: [UInt8], ignores: (String, [(name: String, value: String)]) -> Bool, keeping kept: AttributeNames? = nil
    ) -> HTMLElision? {
        // libxml2 2.9's rules only; and a byte-order mark, which libxml2 skips, would shift
        // every offset it reports.
        guard LibXMLRuntime.version / 100 == 209, !input.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return input.withUnsafeBufferPointer { bytes -> HTMLElision? in
            // libxml2 reads the rest of a page as Latin-1 from the first byte that is not
            // UTF-8: a cut could hide that byte from it, or give a value back otherwise decoded.
            guard ByteScan.isValidUTF8(bytes) else { return nil }
            // libxml2 takes a NUL for the end of a value; the scan does not.
            let cutsAttributes = kept != nil && ByteScan.index(of: 0, in: bytes, from: 0) == bytes.count
            var output: [UInt8] = []
            var cuts: [Cut] = []
            var values: [Value] = []
            var attributes: [Attribute] = []
            attributes.reserveCapacity(16)
            // Whether each attribute of the tag being read is kept.
            var keptFlags: [Bool] = []
            keptFlags.reserveCapacity(16)
            // Input before `copied` is in the output, less `removed` bytes.
            var copied = 0
            var removed = 0
            var index = 0
            let count = bytes.count
            func copy(upTo end: Int) {
                if output.isEmpty { output.reserveCapacity(count) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
                copied = end
            }
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
                // libxml2 reads a start tag where a letter follows the `<`.
                guard bytes[index + 1] | 0x20 &- 0x61 < 26 else {
                    index += 1
                    continue
                }
                let nameStart = index + 1
                var nameEnd = nameStart + 1
                while nameEnd < count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
                let rawText = rawTextName(name)
                guard rawText != nil || cutsAttributes else {
                    index = nameEnd
                    continue
                }
                // libxml2 reads a name of at most 100 bytes.
                guard name.count < 100, let tag = startTag(bytes, nameEnd: nameEnd, into: &attributes) else {
                    // A tag the scan does not read plainly keeps all it has. Cutting attributes,
                    // the scan goes on where libxml2's recovery ends the tag (and past the raw
                    // text that follows it), not inside its values.
                    if cutsAttributes, let recovered = recoveredTag(bytes, nameEnd: nameEnd) {
                        index = recovered.end + 1
                        if let rawText, !recovered.selfClosing {
                            index = find(bytes, "</" + rawText, from: index, ignoringCase: true) ?? count
                        }
                    } else {
                        index += 1
                    }
                    continue
                }
                let removedBefore = removed
                var keptCount = attributes.count
                // How many attributes libxml2 reports for the cut tag (-1: not counted yet).
                var reported = -1
                let valuesStart = values.count
                if cutsAttributes, let kept, !isMergedByLibxml(name) {
                    keptFlags.removeAll(keepingCapacity: true)
                    for attribute in attributes { keptFlags.append(kept.contains(UnsafeBufferPointer(rebasing: bytes[attribute.name]))) }
                    keptCount = keptFlags.reduce(0) { $0 + ($1 ? 1 : 0) }
                    reported = distinctCount(bytes, attributes) { keptFlags[$0] }
                    // Kept values are cut too, and given back as written, when libxml2 would
                    // read them as written: quoted, with no reference, and the tag with no name
                    // written twice (libxml2 keeps the first; places would shift).
                    let cutsValues = reported == keptCount
                    var position = 0
                    for (index, attribute) in attributes.enumerated() {
                        guard keptFlags[index] else {
                            copy(upTo: attribute.name.lowerBound)
                            removed += attribute.end - copied
                            copied = attribute.end
                            continue
                        }
                        if cutsValues, let value = attribute.value, value.count >= minimumValueCut, isQuoted(bytes, value),
                            ByteScan.index(of: UInt8(ascii: "&"), in: UnsafeBufferPointer(rebasing: bytes[value]), from: 0) == value.count
                        {
                            copy(upTo: value.lowerBound)
                            removed += value.count
                            copied = value.upperBound
                            values.append(Value(position: position, range: value))
                        }
                        position += 1
                    }
                }
                // Where libxml2 stands when it has read the attributes, in the cut bytes.
                let tagEnd = tag.end - (tag.selfClosing ? 1 : 0) - removed
                var textCut = false
                var next = tag.end + 1
                // What libxml2 reads as a tag after a raw-text element's start tag is not raw
                // text: the page goes on after the start tag.
                if let rawText, !tag.selfClosing, isRawText(bytes, at: tag.end + 1) {
                    // The text ends at the first "</" and the name, in any case; without one, at
                    // the end of the page.
                    let textEnd = find(bytes, "</" + rawText, from: tag.end + 1, ignoringCase: true) ?? count
                    if let written = writtenAttributes(bytes, attributes, keeping: cutsAttributes ? kept : nil),
                        ignores(rawText, written)
                    {
                        copy(upTo: tag.end + 1)
                        removed += textEnd - copied
                        copied = textEnd
                        textCut = true
                    }
                    next = textEnd
                } else if let rawText, !tag.selfClosing, cutsAttributes, startsTag(bytes, at: tag.end + 1) {
                    // libxml2 reads that tag as raw text too, unless it closes the element; either
                    // way nothing up to the element's end tag is cut.
                    next = find(bytes, "</" + rawText, from: tag.end + 1, ignoringCase: true) ?? count
                }
                if keptCount < attributes.count || textCut || values.count > valuesStart {
                    let name = nameStart - removedBefore..<nameEnd - removedBefore
                    if reported < 0 { reported = distinctCount(bytes, attributes) { _ in true } }
                    cuts.append(Cut(name: name, tagEnd: tagEnd, attributes: reported, rawText: textCut, values: valuesStart..<values.count))
                }
                index = next
            }
            guard !cuts.isEmpty else { return nil }
            copy(upTo: count)
            return HTMLElision(original: input, bytes: output, values: values, cuts: cuts)
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

    /// The shortest value worth cutting and giving back.
    static let minimumValueCut = 4

    /// Whether the value at `range` is written between quotes.
    private static func isQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let quote = bytes[range.lowerBound - 1]
        return quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
    }

    /// Whether a start tag (`<` and a letter) begins at `offset`.
    private static func startsTag(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset + 1 < bytes.count && bytes[offset] == UInt8(ascii: "<") && bytes[offset + 1] | 0x20 &- 0x61 < 26
    }

    /// How many of a plain tag's attributes libxml2 reports, of those `counts` (by place) takes:
    /// a name written twice counts once (libxml2 drops the second).
    private static func distinctCount(_ bytes: UnsafeBufferPointer<UInt8>, _ attributes: [Attribute], counting counts: (Int) -> Bool) -> Int {
        var count = 0
        for (index, attribute) in attributes.enumerated() where counts(index) {
            let name = UnsafeBufferPointer(rebasing: bytes[attribute.name])
            let repeated = (0..<index).contains { earlier in
                counts(earlier) && attributes[earlier].name.count == name.count
                    && sameName(UnsafeBufferPointer(rebasing: bytes[attributes[earlier].name]), name)
            }
            if !repeated { count += 1 }
        }
        return count
    }

    /// Whether two ASCII names of one length are the same in any case.
    private static func sameName(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<first.count {
            var a = first[index]
            var b = second[index]
            if a &- 0x41 < 26 { a |= 0x20 }
            if b &- 0x41 < 26 { b |= 0x20 }
            if a != b { return false }
        }
        return true
    }

    /// Where libxml2's recovery ends a start tag that is not plain (see `htmlParseStartTag`):
    /// attributes are read one after another, a quoted value running to its closing quote, and
    /// what cannot start an attribute is dropped up to the next blank; the tag ends at the first
    /// `>` or `/>` met between them. The offset of its `>`, and whether `/>` closed it; nil when
    /// the page ends inside the tag.
    private static func recoveredTag(_ bytes: UnsafeBufferPointer<UInt8>, nameEnd: Int) -> (end: Int, selfClosing: Bool)? {
        var index = nameEnd
        let count = bytes.count
        while true {
            while index < count, isBlank(bytes[index]) { index += 1 }
            guard index < count, bytes[index] != 0 else { return nil }
            if bytes[index] == UInt8(ascii: ">") { return (index, false) }
            if bytes[index] == UInt8(ascii: "/"), index + 1 < count, bytes[index + 1] == UInt8(ascii: ">") { return (index + 1, true) }
            guard isNameStart(bytes[index]) || bytes[index] == UInt8(ascii: ".") else {
                // Not an attribute: dropped up to a blank or the tag's end.
                while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != 0 {
                    if bytes[index] == UInt8(ascii: "/"), index + 1 < count, bytes[index + 1] == UInt8(ascii: ">") { break }
                    index += 1
                }
                continue
            }
            var length = 0
            while index < count, length < 100, isNameByte(bytes[index]) {
                index += 1
                length += 1
            }
            var afterName = index
            while afterName < count, isBlank(bytes[afterName]) { afterName += 1 }
            guard afterName < count, bytes[afterName] == UInt8(ascii: "=") else { continue }
            index = afterName + 1
            while index < count, isBlank(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let close = ByteScan.index(of: quote, or: 0, in: bytes, from: index + 1)
                guard close < count, bytes[close] == quote else { return nil }
                index = close + 1
            } else {
                while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != 0 { index += 1 }
            }
        }
    }

    /// "script" or "style" when `name` is one of them, in any case.
    private static func rawTextName(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        if name.count == 6, equalsIgnoringCase(name, "script") { return "script" }
        if name.count == 5, equalsIgnoringCase(name, "style") { return "style" }
        return nil
    }

    /// Whether `name` is `html`, `head` or `body`: libxml2 drops such a start tag when the
    /// element is already open (or implied), so its attributes are never cut.
    private static func isMergedByLibxml(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 4 && (equalsIgnoringCase(name, "html") || equalsIgnoringCase(name, "head") || equalsIgnoringCase(name, "body"))
    }

    /// Whether the ASCII bytes of `name` spell the lower-case `word` in any case.
    private static func equalsIgnoringCase(_ name: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        name.count == word.utf8CodeUnitCount && sameName(name, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// Reads a plain start tag whose name ends at `nameEnd` into `attributes` (emptied first):
    /// attributes of name characters (at most 100), each with a quoted value, an unquoted one
    /// or none, separated by blanks. Returns the offset of its `>` and whether `/>` closed it;
    /// nil for a tag that is not plain or that the page ends inside.
    private static func startTag(
        _ bytes: UnsafeBufferPointer<UInt8>, nameEnd: Int, into attributes: inout [Attribute]
    ) -> (end: Int, selfClosing: Bool)? {
        attributes.removeAll(keepingCapacity: true)
        var index = nameEnd
        let count = bytes.count
        while true {
            // Blanks part the name from the first attribute and each attribute from the next.
            let blanksStart = index
            while index < count, isBlank(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: ">") { return (index, false) }
            if bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < count, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
                return (index + 1, true)
            }
            guard index > blanksStart, isNameStart(bytes[index]) else { return nil }
            let nameStart = index
            while index < count, isNameByte(bytes[index]) { index += 1 }
            guard index - nameStart < 100 else { return nil }
            let name = nameStart..<index
            let afterName = index
            while index < count, isBlank(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "=") else {
                // No value: the blanks after the name part it from what follows.
                attributes.append(Attribute(name: name, value: nil, end: afterName))
                index = afterName
                continue
            }
            index += 1
            while index < count, isBlank(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = index + 1
                let valueEnd = ByteScan.index(of: quote, in: bytes, from: valueStart)
                guard valueEnd < count else { return nil }
                index = valueEnd + 1
                // libxml2 wants a blank or the tag's end after a quoted value.
                guard index < count, isBlank(bytes[index]) || bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "/")
                else { return nil }
                attributes.append(Attribute(name: name, value: valueStart..<valueEnd, end: index))
            } else {
                let valueStart = index
                while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                    if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { return nil }
                    index += 1
                }
                attributes.append(Attribute(name: name, value: valueStart..<index, end: index))
            }
        }
    }

    /// The attributes of a tag as `ignores` takes them (names lower-cased, values as written),
    /// only those in `kept` when there is one; nil when a value holds a character reference,
    /// which libxml2 decodes.
    private static func writtenAttributes(
        _ bytes: UnsafeBufferPointer<UInt8>, _ attributes: [Attribute], keeping kept: AttributeNames?
    ) -> [(name: String, value: String)]? {
        var written: [(name: String, value: String)] = []
        for attribute in attributes {
            let name = UnsafeBufferPointer(rebasing: bytes[attribute.name])
            if let kept, !kept.contains(name) { continue }
            var value = ""
            if let range = attribute.value {
                let raw = UnsafeBufferPointer(rebasing: bytes[range])
                if raw.contains(UInt8(ascii: "&")) { return nil }
                value = String(decoding: raw, as: UTF8.self)
            }
            written.append((String(decoding: name, as: UTF8.self).lowercased(), value))
        }
        return written
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
/// libxml2 starting an element of the cut tag's name, standing where the scan says the tag's
/// attributes end, with as many attributes as the scan left it, and (for cut raw text) with
/// attributes `ignores` agrees on.
final class ElisionCheck {
    let elision: HTMLElision
    let ignores: (String, [(name: String, value: String)]) -> Bool
    private var next = 0
    /// A cut was passed unconfirmed: the parse of the cut bytes is worth nothing.
    private(set) var failed = false

    init(_ elision: HTMLElision, ignores: @escaping (String, [(name: String, value: String)]) -> Bool) {
        self.elision = elision
        self.ignores = ignores
    }

    /// The parse stopped early (too deep), after every cut before that point was confirmed;
    /// the cuts after it are of text libxml2 never reached either way.
    private var ended = false

    /// Whether libxml2 started every cut's element where the scan said (every one it reached,
    /// when the parse stopped early).
    var confirmed: Bool { !failed && (next == elision.cuts.count || ended) }

    /// The parse stops here, before the end of the page.
    func stoppedEarly() {
        ended = true
    }

    /// The offset at which the next cut's tag ends (`Int.max` when every cut is confirmed):
    /// an element starting before it needs no look.
    var nextTagEnd: Int { failed || next == elision.cuts.count ? Int.max : elision.cuts[next].tagEnd }

    /// libxml2 started an element named `rawName` (its name as libxml2 read it; `name` as the
    /// handler is told it) with `attributeCount` attributes (`attributes`: those the handler is
    /// told of), standing at byte `offset` of the cut page.
    /// The values cut out of its tag are given back in `attributes`.
    func started(
        _ rawName: UnsafePointer<UInt8>, name: String, attributes: inout [(name: String, value: String)], attributeCount: Int,
        at offset: Int
    ) {
        guard !failed, next < elision.cuts.count else { return }
        let cut = elision.cuts[next]
        if offset < cut.tagEnd { return }
        // A cut libxml2 passed without starting its element there, or started with attributes
        // read otherwise.
        guard offset == cut.tagEnd, attributeCount == cut.attributes, isName(rawName, cut.name) else {
            failed = true
            return
        }
        // A tag whose values were cut had only kept attributes left: libxml2's places are
        // those of `attributes`.
        for value in elision.values[cut.values] {
            guard attributes.count == attributeCount, value.position < attributes.count, attributes[value.position].value.isEmpty else {
                failed = true
                return
            }
            attributes[value.position].value = elision.original.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[value.range]), as: UTF8.self)
            }
        }
        guard !cut.rawText || ignores(name, attributes) else {
            failed = true
            return
        }
        next += 1
    }

    /// Whether libxml2's name (lower case, NUL-terminated) is the one written at `range`.
    private func isName(_ rawName: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        elision.bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            for index in range {
                var byte = bytes[index]
                if byte &- 0x41 < 26 { byte |= 0x20 }
                if rawName[offset] != byte { return false }
                offset += 1
            }
            return rawName[offset] == 0
        }
    }
}
