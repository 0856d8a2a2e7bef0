/// Repairs applied to XML before parsing, for mistakes that libxml2's recovery would lose data
/// on. Each repair reports what it changed, so the caller can still say the document is broken.
public enum XMLRepair {
    /// What `escapeBareAmpersands` changed.
    public struct Report: Sendable, Hashable {
        /// How many `&` and `<` were escaped.
        public var count: Int
        /// The line of the first one (1-based).
        public var firstLine: Int
    }

    /// Escapes every `&` that does not start a character or entity reference (`AT&T`,
    /// `?a=1&b=2`) as `&amp;`, and every `<` that cannot start a tag (`x < y`) as `&lt;`, outside comments, CDATA sections, processing instructions and the
    /// document type declaration. Returns nil when there is nothing to repair (no copy is made).
    public static func escapeBareAmpersands(_ bytes: [UInt8]) -> (bytes: [UInt8], report: Report)? {
        bytes.withUnsafeBufferPointer { escapeBareAmpersands(in: $0) }
    }

    static func escapeBareAmpersands(in input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], report: Report)? {
        let count = input.count
        var output: [UInt8] = []
        var copiedUpTo = 0
        var repaired = 0
        var firstOffset = 0
        var index = 0
        while true {
            // Only `<` and `&` matter: the text between them is skipped a word at a time.
            index = ByteScan.index(of: UInt8(ascii: "<"), or: UInt8(ascii: "&"), in: input, from: index)
            guard index < count else { break }
            let byte = input[index]
            if byte == UInt8(ascii: "<") {
                if index + 1 < count, startsTag(input[index + 1]) {
                    // Only `<!` and `<?` can open a construct to skip; a tag is read on.
                    let next = input[index + 1]
                    index = next == UInt8(ascii: "!") || next == UInt8(ascii: "?") ? skipMarkupDeclaration(input, from: index) : index + 1
                    continue
                }
                // A `<` that cannot start a tag (`x < y`): libxml2 would stop reading here.
                if repaired == 0 {
                    output.reserveCapacity(count + 64)
                    firstOffset = index
                }
                output.append(contentsOf: input[copiedUpTo..<index])
                output.append(contentsOf: Array("&lt;".utf8))
                copiedUpTo = index + 1
                repaired += 1
            } else if byte == UInt8(ascii: "&"), index + 2 < count, input[index + 1] == UInt8(ascii: "#"), input[index + 2] == UInt8(ascii: "X"),
                startsReference(input, at: index)
            {
                // `&#X41;`: XML wants a lower-case x; HTML readers accept both.
                if repaired == 0 {
                    output.reserveCapacity(count + 64)
                    firstOffset = index
                }
                output.append(contentsOf: input[copiedUpTo...(index + 1)])
                output.append(UInt8(ascii: "x"))
                copiedUpTo = index + 3
                repaired += 1
                index += 3
                continue
            } else if byte == UInt8(ascii: "&") && !startsReference(input, at: index) {
                if repaired == 0 {
                    output.reserveCapacity(count + 64)
                    firstOffset = index
                }
                output.append(contentsOf: input[copiedUpTo...index])
                output.append(contentsOf: Array("amp;".utf8))
                copiedUpTo = index + 1
                repaired += 1
            }
            index += 1
        }
        guard repaired > 0 else { return nil }
        output.append(contentsOf: input[copiedUpTo..<count])
        return (output, Report(count: repaired, firstLine: line(of: firstOffset, in: input)))
    }

    /// From a `<`: the index after a comment, CDATA section, processing instruction or document
    /// type declaration, or just after the `<` for anything else.
    static func skipMarkupDeclaration(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        func matches(_ literal: StaticString, at position: Int) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard position + length <= input.count else { return false }
            return literal.withUTF8Buffer { literalBytes in
                (0..<length).allSatisfy { input[position + $0] == literalBytes[$0] }
            }
        }
        func find(_ terminator: StaticString, from position: Int) -> Int {
            let first = terminator.utf8Start.pointee
            var cursor = position
            while true {
                cursor = ByteScan.index(of: first, in: input, from: cursor)
                guard cursor < input.count else { return input.count }
                if matches(terminator, at: cursor) { return cursor + terminator.utf8CodeUnitCount }
                cursor += 1
            }
        }
        if matches("<!--", at: start) { return find("-->", from: start + 4) }
        if matches("<![CDATA[", at: start) { return find("]]>", from: start + 9) }
        if matches("<?", at: start) { return find("?>", from: start + 2) }
        if matches("<!DOCTYPE", at: start) {
            var cursor = start + 9
            var bracketDepth = 0
            while cursor < input.count {
                switch input[cursor] {
                case UInt8(ascii: "["): bracketDepth += 1
                case UInt8(ascii: "]"): bracketDepth -= 1
                case UInt8(ascii: ">") where bracketDepth <= 0: return cursor + 1
                default: break
                }
                cursor += 1
            }
            return input.count
        }
        return start + 1
    }

    /// The 1-based line of a byte offset.
    static func line(of offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for position in 0..<offset where input[position] == 0x0A { line += 1 }
        return line
    }

    /// Whether a byte after `<` can begin a tag, comment, declaration or processing instruction.
    static func startsTag(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// Whether the `&` at `index` starts `&name;`, `&#123;` or `&#x1F;`.
    static func startsReference(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var cursor = index + 1
        let limit = min(input.count, index + 64)
        guard cursor < limit else { return false }
        if input[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var hex = false
            if cursor < limit, input[cursor] == UInt8(ascii: "x") || input[cursor] == UInt8(ascii: "X") {
                hex = true
                cursor += 1
            }
            let digitsStart = cursor
            while cursor < limit, isDigit(input[cursor], hex: hex) { cursor += 1 }
            return cursor > digitsStart && cursor < limit && input[cursor] == UInt8(ascii: ";")
        }
        guard isNameStart(input[cursor]) else { return false }
        cursor += 1
        while cursor < limit, isNameCharacter(input[cursor]) { cursor += 1 }
        return cursor < limit && input[cursor] == UInt8(ascii: ";")
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (0x30...0x39).contains(byte) || (hex && ((0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)))
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}

extension XMLRepair {
    /// HTML elements that never have content; feeds often write them unescaped as `<br>`.
    /// (`source`, `track` and `input` are left out: RSS has a `<source>` element with content.)
    static let voidElements: Set<String> = ["br", "hr", "img", "wbr", "area", "col", "embed", "param", "basefont", "bgsound", "spacer"]
    private static let voidElementBytes: [[UInt8]] = voidElements.map { Array($0.utf8) }

    /// Whether a lower-cased byte can start a void element name (one of "abcehipsw").
    private static func isVoidInitial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "e"), UInt8(ascii: "h"), UInt8(ascii: "i"),
            UInt8(ascii: "p"), UInt8(ascii: "s"), UInt8(ascii: "w"):
            return true
        default:
            return false
        }
    }

    /// Whether `name` is a void element name in any ASCII case (no other character lower-cases
    /// to the letters these names are made of, but the Kelvin sign's `k`, which none has).
    static func isVoidElement(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        voidElementBytes.contains { candidate in
            candidate.count == name.count
                && zip(candidate, name).allSatisfy { expected, byte in
                    let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                    return lowered == expected
                }
        }
    }

    /// Closes HTML void elements written as bare start tags (`<br>` → `<br/>`) and drops their
    /// end tags (`</br>`), so markup pasted unescaped into a feed does not unbalance the whole
    /// document. `<br></br>` becomes `<br/>` too, which parses to the same events. The report
    /// counts start tags that had no end tag (zero for a well-formed document). Returns nil when
    /// there is nothing to change.
    public static func closeVoidElements(_ bytes: [UInt8]) -> (bytes: [UInt8], report: Report)? {
        bytes.withUnsafeBufferPointer { input -> (bytes: [UInt8], report: Report)? in
            let count = input.count
            var output: [UInt8] = []
            var copiedUpTo = 0
            var repaired = 0
            var opened = 0
            var closed = 0
            var firstOffset = 0
            var index = 0
            while true {
                index = ByteScan.index(of: UInt8(ascii: "<"), in: input, from: index)
                guard index + 1 < count else { break }
                let next = input[index + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    index = skipMarkupDeclaration(input, from: index)
                    continue
                }
                let tag = voidElementTag(input, at: index)
                guard let tagEnd = tag.end else {
                    index = tag.nameEnd
                    continue
                }
                if tag.isRewritten {
                    if repaired == 0 {
                        output.reserveCapacity(count + 64)
                        firstOffset = index
                    }
                    if tag.isEnd {
                        closed += 1
                        output.append(contentsOf: input[copiedUpTo..<index])
                    } else {
                        opened += 1
                        output.append(contentsOf: input[copiedUpTo..<tagEnd])
                        output.append(UInt8(ascii: "/"))
                        output.append(UInt8(ascii: ">"))
                    }
                    copiedUpTo = tagEnd + 1
                    repaired += 1
                }
                index = tagEnd + 1
            }
            guard repaired > 0 else { return nil }
            output.append(contentsOf: input[copiedUpTo..<count])
            return (output, Report(count: max(0, opened - closed), firstLine: line(of: firstOffset, in: input)))
        }
    }
}

extension XMLRepair {
    /// Whether `escapeBareAmpersands` or `closeVoidElements` would change `bytes`, found in one
    /// pass instead of two: at each `<` and `&` the first one stops at, the test each of them
    /// makes there.
    ///
    /// Exact for a document libxml2 reads without an error, the only kind a caller may trust
    /// the answer for: in one it does not, `closeVoidElements` (which passes over the rest of a
    /// void element's tag) and this pass (which reads on after every `<`, as
    /// `escapeBareAmpersands` does) can disagree on where a comment starts (`<br title="<!--"/>`),
    /// and a repair `closeVoidElements` makes after it goes unseen.
    public static func repairsAreDue(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { input in
            let count = input.count
            var index = 0
            while true {
                index = ByteScan.index(of: UInt8(ascii: "<"), or: UInt8(ascii: "&"), in: input, from: index)
                guard index < count else { return false }
                if input[index] == UInt8(ascii: "&") {
                    // A bare `&`, or `&#X41;` with its upper-case X.
                    guard startsReference(input, at: index) else { return true }
                    if index + 2 < count, input[index + 1] == UInt8(ascii: "#"), input[index + 2] == UInt8(ascii: "X") { return true }
                    index += 1
                    continue
                }
                // A `<` that starts no tag is escaped; one that opens a declaration is passed over.
                guard index + 1 < count, startsTag(input[index + 1]) else { return true }
                let next = input[index + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    index = skipMarkupDeclaration(input, from: index)
                    continue
                }
                if voidElementTag(input, at: index).isRewritten { return true }
                index += 1
            }
        }
    }

    /// A tag read as `closeVoidElements` reads it: whether it is an end tag, where its name
    /// ends, and — when the name is a void element's and the tag is closed by `>` — where that
    /// `>` stands and whether `/` precedes it.
    struct VoidElementTag {
        var isEnd: Bool
        var nameEnd: Int
        var end: Int?
        var selfClosed = false

        /// Whether `closeVoidElements` rewrites it: a void element's end tag, or its start tag
        /// not closed by `/>`.
        var isRewritten: Bool { end != nil && (isEnd || !selfClosed) }
    }

    /// The tag at `start`: a `<` followed by a byte that is neither `!` nor `?`.
    static func voidElementTag(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> VoidElementTag {
        let count = input.count
        let isEnd = input[start + 1] == UInt8(ascii: "/")
        let nameStart = start + (isEnd ? 2 : 1)
        var nameEnd = nameStart
        while nameEnd < count, nameEnd - nameStart < 16, isNameCharacter(input[nameEnd]) { nameEnd += 1 }
        var tag = VoidElementTag(isEnd: isEnd, nameEnd: nameEnd)
        // Every void element name is 2-8 ASCII letters starting with one of "abcehipsw": most
        // tags are ruled out by their length and first letter before any comparison.
        let length = nameEnd - nameStart
        let initial = nameStart < count ? input[nameStart] | 0x20 : 0
        guard (2...8).contains(length), isVoidInitial(initial), isVoidElement(UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd])) else {
            return tag
        }
        let end = tagEnd(input, from: nameEnd)
        guard end < count, input[end] == UInt8(ascii: ">") else { return tag }
        tag.end = end
        tag.selfClosed = input[end - 1] == UInt8(ascii: "/")
        return tag
    }

    /// From just after a tag's name: where the tag ends, at the first `>` or `<` outside quoted
    /// attribute values (the input's end when there is none).
    private static func tagEnd(_ input: UnsafeBufferPointer<UInt8>, from nameEnd: Int) -> Int {
        var tagEnd = nameEnd
        var quote: UInt8 = 0
        while tagEnd < input.count {
            let byte = input[tagEnd]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") {
                break
            }
            tagEnd += 1
        }
        return tagEnd
    }
}
