/// Splits text into sentences.
///
/// A line break always ends a sentence (paragraphs are hard breaks). Inside a paragraph a
/// sentence ends at `.`, `!`, `?` or an ellipsis, after any closing quotes and brackets, when
/// whitespace and a sentence opener (a capital, a digit, an opening quote) follow. Periods of
/// abbreviations ("Mr.", "U.S.", "Feb. 19", "No. 5"), initials ("J. K. Rowling") and decimals
/// ("3.5") do not end sentences.
public struct SentenceSplitter: Sendable {
    /// The abbreviations whose periods are not sentence ends.
    public let abbreviations: Abbreviations
    /// Words that usually open a sentence; after an ambiguous abbreviation ("Inc.", "U.S.") the
    /// sentence ends only when one of these follows.
    public let openers: StopWords

    /// Creates a splitter; the defaults are English.
    public init(abbreviations: Abbreviations = .english, openers: StopWords = .english) {
        self.abbreviations = abbreviations
        self.openers = openers
    }

    /// The English splitter.
    public static let english = SentenceSplitter()

    /// The sentences of `text`, trimmed, in order; empty sentences are dropped.
    public func sentences(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            sentenceRanges(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// Where the sentences of the UTF-8 text `bytes` lie, trimmed, in order: what
    /// `sentences(in:)` returns, as byte ranges, with no string made.
    func sentenceRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        if Self.isASCII(bytes) {
            // Most English news: a byte is a scalar, and the bytes are read as they are.
            splitLines(ASCIIScalars(bytes: bytes), into: &result)
            return result
        }
        // The scalars, and where each starts in the UTF-8 bytes (plus the end).
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        scalars.reserveCapacity(bytes.count)
        starts.reserveCapacity(bytes.count + 1)
        var offset = 0
        while offset < bytes.count {
            starts.append(offset)
            let (scalar, width) = WordTokenizer.decode(bytes, at: offset)
            scalars.append(scalar)
            offset += width
        }
        starts.append(offset)
        scalars.withUnsafeBufferPointer { scalars in
            starts.withUnsafeBufferPointer { starts in
                splitLines(DecodedScalars(scalars: scalars, starts: starts), into: &result)
            }
        }
        return result
    }

    /// Whether every byte is ASCII, read eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Splits at line breaks, then each line into sentences.
    private func splitLines<Text: ScalarText>(_ text: Text, into result: inout [Range<Int>]) {
        var start = 0
        for index in 0..<text.count where Self.isLineBreak(text[index]) {
            if index > start { split(Line(text: text, base: start, count: index - start), into: &result) }
            start = index + 1
        }
        if start < text.count { split(Line(text: text, base: start, count: text.count - start), into: &result) }
    }

    /// One line's scalars, counted from the line's start.
    private struct Line<Text: ScalarText> {
        let text: Text
        /// The index in `text` of the line's first scalar.
        let base: Int
        let count: Int

        subscript(index: Int) -> Unicode.Scalar { text[base + index] }
    }

    private func split<Text>(_ s: Line<Text>, into result: inout [Range<Int>]) {
        var start = 0
        var index = 0
        while index < s.count {
            guard Self.isTerminator(s[index]) else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < s.count, Self.isTerminator(s[last + 1]) { last += 1 }
            var end = last + 1
            while end < s.count, Self.isCloser(s[end]) { end += 1 }
            if Self.isFullStopWithoutSpace(s[last]), end < s.count, !Self.isSpace(s[end]) {
                Self.emit(s, start..<end, into: &result)
                start = end
                index = end
                continue
            }
            guard end < s.count, Self.isSpace(s[end]) else {
                index = end
                continue
            }
            var next = end
            while next < s.count, Self.isSpace(s[next]) { next += 1 }
            guard next < s.count else { break }
            if endsSentence(s, terminator: index, last: last, next: next) {
                Self.emit(s, start..<end, into: &result)
                start = next
            }
            index = next
        }
        if start < s.count { Self.emit(s, start..<s.count, into: &result) }
    }

    private func endsSentence<Text>(_ s: Line<Text>, terminator: Int, last: Int, next: Int) -> Bool {
        guard Self.isOpener(s[next]) else { return false }
        if last > terminator || s[terminator] != "." { return true }
        let begin = Self.wordStart(before: terminator, in: s)
        if begin == terminator { return true }
        if terminator - begin == 1, Self.isUppercase(s[begin]) { return false }
        let lower = Self.string(s, begin..<terminator).lowercased()
        if abbreviations.titles.contains(lower) { return false }
        if abbreviations.beforeNumbers.contains(lower), Self.isNumeric(s[next]) { return false }
        let dotted = lower.utf8.contains(UInt8(ascii: "."))
        if dotted || abbreviations.others.contains(lower) {
            return openers.contains(Self.word(startingAt: next, in: s).lowercased())
        }
        return true
    }

    /// Where the word (letters and inner periods) that ends just before `index` starts.
    private static func wordStart<Text>(before index: Int, in s: Line<Text>) -> Int {
        var begin = index
        while begin > 0, WordTokenizer.isAlphabetic(s[begin - 1]) || s[begin - 1] == "." { begin -= 1 }
        return begin
    }

    /// The word that starts at `index`, after any opening quotes or brackets.
    private static func word<Text>(startingAt index: Int, in s: Line<Text>) -> String {
        var begin = index
        while begin < s.count, !WordTokenizer.isAlphabetic(s[begin]) { begin += 1 }
        var end = begin
        while end < s.count, WordTokenizer.isAlphabetic(s[end]) || s[end] == "'" || s[end] == "’" { end += 1 }
        return string(s, begin..<end)
    }

    /// The text of the scalars at `range` of the line, encoded as UTF-8 bytes first (appending
    /// to a `String.UnicodeScalarView` takes String's slow generic path).
    private static func string<Text>(_ s: Line<Text>, _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for index in range { UTF8.encode(s[index]) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the byte range of the sentence at scalars `range` of the line, trimmed.
    private static func emit<Text>(_ s: Line<Text>, _ range: Range<Int>, into result: inout [Range<Int>]) {
        var first = range.lowerBound
        var last = range.upperBound - 1
        while first <= last, isSpace(s[first]) { first += 1 }
        while last >= first, isSpace(s[last]) { last -= 1 }
        guard first <= last else { return }
        result.append(s.text.byteOffset(of: s.base + first)..<s.text.byteOffset(of: s.base + last + 1))
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}":
            true
        default: false
        }
    }

    private static func isFullStopWithoutSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\u{3002}" || c == "\u{FF01}" || c == "\u{FF1F}"
    }

    private static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "\u{201D}", "\u{2019}", ")", "]", "}", "\u{00BB}", "\u{203A}", "\u{300D}", "\u{300F}": true
        default: false
        }
    }

    private static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace
    }

    // The Unicode properties below, answered for ASCII without the property tables.

    private static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value &- 0x41 < 26 : c.properties.isUppercase
    }

    private static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value &- 0x30 < 10 : c.properties.numericType != nil
    }

    private static func isOpener(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            // A capital or a digit, or one of the opening marks listed below.
            if c.value &- 0x41 < 26 || c.value &- 0x30 < 10 { return true }
            if c.value &- 0x61 < 26 { return false }
        }
        switch c {
        case "\"", "'", "\u{201C}", "\u{2018}", "(", "[", "\u{00AB}", "\u{2039}", "\u{00BF}", "\u{00A1}", "\u{2014}", "-":
            return true
        default:
            let properties = c.properties
            if properties.isUppercase || properties.numericType != nil { return true }
            return properties.isAlphabetic && !properties.isLowercase && !properties.changesWhenUppercased
        }
    }
}

/// The scalars of a text, by index, and where each starts in its UTF-8 bytes.
private protocol ScalarText {
    var count: Int { get }
    subscript(index: Int) -> Unicode.Scalar { get }
    /// The byte offset of the scalar at `index`; `count` gives the end of the bytes.
    func byteOffset(of index: Int) -> Int
}

/// An ASCII text: each byte a scalar.
private struct ASCIIScalars: ScalarText {
    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }
    subscript(index: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[index]) }
    func byteOffset(of index: Int) -> Int { index }
}

/// Any other text, decoded: its scalars and the offset where each starts (plus the end).
private struct DecodedScalars: ScalarText {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let starts: UnsafeBufferPointer<Int>
    var count: Int { scalars.count }
    subscript(index: Int) -> Unicode.Scalar { scalars[index] }
    func byteOffset(of index: Int) -> Int { starts[index] }
}
