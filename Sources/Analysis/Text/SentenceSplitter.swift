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
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            // The scalars, and where each starts in the UTF-8 bytes (plus the end): a sentence is
            // copied out of the bytes in one piece rather than rebuilt scalar by scalar.
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
                let source = Source(bytes: bytes, starts: starts)
                var start = 0
                for index in scalars.indices where Self.isLineBreak(scalars[index]) {
                    if index > start { split(UnsafeBufferPointer(rebasing: scalars[start..<index]), base: start, source: source, into: &result) }
                    start = index + 1
                }
                if start < scalars.count { split(UnsafeBufferPointer(rebasing: scalars[start...]), base: start, source: source, into: &result) }
            }
        }
        return result
    }

    /// The text being split: its UTF-8 bytes and the byte offset of each scalar (plus the end).
    private struct Source {
        var bytes: UnsafeBufferPointer<UInt8>
        var starts: [Int]
    }

    /// One line's scalars.
    private typealias Line = UnsafeBufferPointer<Unicode.Scalar>

    private func split(_ s: Line, base: Int, source: Source, into result: inout [String]) {
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
                Self.emit(s[start..<end], base: base, source: source, into: &result)
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
                Self.emit(s[start..<end], base: base, source: source, into: &result)
                start = next
            }
            index = next
        }
        if start < s.count { Self.emit(s[start...], base: base, source: source, into: &result) }
    }

    private func endsSentence(_ s: Line, terminator: Int, last: Int, next: Int) -> Bool {
        guard Self.isOpener(s[next]) else { return false }
        let run = s[terminator...last]
        if run.count > 1 || s[terminator] != "." { return true }
        let word = Self.word(before: terminator, in: s)
        if word.isEmpty { return true }
        let lower = word.lowercased()
        if word.unicodeScalars.count == 1, Self.isUppercase(word.unicodeScalars.first!) { return false }
        if abbreviations.titles.contains(lower) { return false }
        if abbreviations.beforeNumbers.contains(lower), Self.isNumeric(s[next]) { return false }
        let dotted = lower.contains(".")
        if dotted || abbreviations.others.contains(lower) {
            return openers.contains(Self.word(startingAt: next, in: s).lowercased())
        }
        return true
    }

    /// The word (letters and inner periods) that ends just before `index`.
    private static func word(before index: Int, in s: Line) -> String {
        var begin = index
        while begin > 0, WordTokenizer.isAlphabetic(s[begin - 1]) || s[begin - 1] == "." { begin -= 1 }
        return string(s[begin..<index])
    }

    /// The word that starts at `index`, after any opening quotes or brackets.
    private static func word(startingAt index: Int, in s: Line) -> String {
        var begin = index
        while begin < s.count, !WordTokenizer.isAlphabetic(s[begin]) { begin += 1 }
        var end = begin
        while end < s.count, WordTokenizer.isAlphabetic(s[end]) || s[end] == "'" || s[end] == "’" { end += 1 }
        return string(s[begin..<end])
    }

    /// The text of `scalars`, encoded as UTF-8 bytes first (appending to a
    /// `String.UnicodeScalarView` takes String's slow generic path).
    private static func string(_ scalars: Slice<Line>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the sentence `slice` (of the line starting at scalar `base`), trimmed.
    private static func emit(_ slice: Slice<Line>, base: Int, source: Source, into result: inout [String]) {
        guard let first = slice.firstIndex(where: { !isSpace($0) }), let last = slice.lastIndex(where: { !isSpace($0) }) else { return }
        let bytes = UnsafeBufferPointer(rebasing: source.bytes[source.starts[base + first]..<source.starts[base + last + 1]])
        result.append(String(decoding: bytes, as: UTF8.self))
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
