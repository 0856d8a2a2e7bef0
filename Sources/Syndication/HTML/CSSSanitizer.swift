import Synchronization

/// Filters the value of a `style` attribute down to safe declarations.
///
/// Mirrors feedparser: `url(…)` is removed, then the whole value must pass a character
/// gauntlet (letters, digits, `:,;#%.!`, whitespace, hyphenated words, simple quoted
/// words, parenthesised number lists) and parse as `prop: value;` declarations; otherwise
/// nothing is kept. Surviving declarations are kept when the property is allow-listed, or
/// when it is a `background*`/`border*`/`margin*`/`padding*` property whose every keyword
/// is an allowed keyword, colour or length. The result is `prop: value;` joined by spaces.
public enum CSSSanitizer {
    /// Returns the sanitized declarations of `style`, or `""` when nothing is safe.
    /// - Parameter allowSVGProperties: also keep `fill`, `stroke`… (inside `<svg>`).
    public static func sanitize(_ style: String, allowSVGProperties: Bool = false) -> String {
        // A feed repeats its few styles hundreds of times (one test feed: 345 values, 25 of them
        // distinct), and the check makes a string of every property, value and keyword: a
        // remembered result is one lookup. Bounded: short values only, the table starting over
        // when full.
        guard style.utf8.count <= Remembered.longestValue else { return sanitized(style, allowSVGProperties: allowSVGProperties) }
        if let known = remembered.withLock({ $0.result(style, allowSVGProperties) }) { return known }
        let result = sanitized(style, allowSVGProperties: allowSVGProperties)
        remembered.withLock { $0.remember(style, allowSVGProperties, result) }
        return result
    }

    /// Results of ``sanitize(_:allowSVGProperties:)`` for the values seen lately.
    private struct Remembered {
        static let longestValue = 512
        static let capacity = 1024
        var plain: [String: String] = [:]
        var svg: [String: String] = [:]

        func result(_ style: String, _ allowSVGProperties: Bool) -> String? {
            allowSVGProperties ? svg[style] : plain[style]
        }

        mutating func remember(_ style: String, _ allowSVGProperties: Bool, _ result: String) {
            if plain.count + svg.count >= Self.capacity {
                plain.removeAll(keepingCapacity: true)
                svg.removeAll(keepingCapacity: true)
            }
            if allowSVGProperties { svg[style] = result } else { plain[style] = result }
        }
    }

    private static let remembered = Mutex(Remembered())

    private static func sanitized(_ style: String, allowSVGProperties: Bool) -> String {
        let scalars = removingURLs(scalarArray(style))
        guard passesGauntlet(scalars), isDeclarationList(scalars) else { return "" }
        var clean: [String] = []
        for (property, value) in declarations(scalars) where !value.isEmpty {
            let lower = property.lowercased()
            if HTMLAllowList.cssProperties.contains(lower) {
                clean.append(property + ": " + value + ";")
            } else if let family = lower.split(separator: "-", omittingEmptySubsequences: false).first,
                HTMLAllowList.cssShorthandFamilies.contains(String(family))
            {
                let keywords = value.unicodeScalars.split(whereSeparator: Text.isPythonWhitespace)
                let allowed = keywords.allSatisfy { keyword in
                    let word = Text.string(keyword)
                    return HTMLAllowList.cssKeywords.contains(word) || isValidCSSValue(word)
                }
                if allowed { clean.append(property + ": " + value + ";") }
            } else if allowSVGProperties, HTMLAllowList.svgCSSProperties.contains(lower) {
                clean.append(property + ": " + value + ";")
            }
        }
        return clean.joined(separator: " ")
    }

    private typealias Scalars = [Unicode.Scalar]

    private static func isSpace(_ s: Unicode.Scalar) -> Bool { Text.isPythonWhitespace(s) }
    private static func isWord(_ s: Unicode.Scalar) -> Bool { Text.isWordScalar(s) }
    /// `\d` as Python reads it: any decimal digit, not only ASCII's.
    @inline(__always) private static func isDecimal(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? ASCII.isDigit(UInt8(s.value)) : s.properties.numericType == .decimal
    }

    /// The value's scalars; an ASCII value's straight from its bytes.
    private static func scalarArray(_ style: String) -> Scalars {
        let ascii = style.utf8.withContiguousStorageIfAvailable { bytes -> Scalars? in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.map { Unicode.Scalar($0) } : nil
        }
        if let ascii, let scalars = ascii { return scalars }
        return Array(style.unicodeScalars)
    }

    /// Replaces every `url\s*\(\s*[^\s)]+?\s*\)\s*` with a space (in linear time).
    private static func removingURLs(_ s: Scalars) -> Scalars {
        let n = s.count
        // Most values hold no `url` at all.
        guard n >= 3, (0..<(n - 2)).contains(where: { s[$0] == "u" && s[$0 + 1] == "r" && s[$0 + 2] == "l" }) else { return s }
        // nextSpaceOrParen[i]: first index ≥ i holding whitespace or `)`;
        // nextNonSpace[i]: first index ≥ i not holding whitespace.
        var nextSpaceOrParen = [Int](repeating: n, count: n + 1)
        var nextNonSpace = [Int](repeating: n, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let space = isSpace(s[i])
            nextSpaceOrParen[i] = space || s[i] == ")" ? i : nextSpaceOrParen[i + 1]
            nextNonSpace[i] = space ? nextNonSpace[i + 1] : i
        }
        func urlEnd(from start: Int) -> Int? {
            var p = nextNonSpace[start]
            guard p < n, s[p] == "(" else { return nil }
            p = nextNonSpace[p + 1]
            let runEnd = nextSpaceOrParen[p]
            guard runEnd > p else { return nil }
            p = nextNonSpace[runEnd]
            guard p < n, s[p] == ")" else { return nil }
            return nextNonSpace[p + 1]
        }
        var out: Scalars = []
        out.reserveCapacity(n)
        var i = 0
        while i < n {
            if i + 2 < n, s[i] == "u", s[i + 1] == "r", s[i + 2] == "l", let end = urlEnd(from: i + 3) {
                out.append(" ")
                i = end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// `^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$`
    private static func passesGauntlet(_ s: Scalars) -> Bool {
        let n = s.count
        var reachable = [Bool](repeating: false, count: n + 1)
        reachable[0] = true
        for p in 0..<n where reachable[p] {
            let c = s[p]
            if isSpace(c) || (c.isASCII && (ASCII.isAlnum(UInt8(c.value)) || isGauntletPunctuation(UInt8(c.value)))) {
                reachable[p + 1] = true
            }
            if p + 2 < n, isWord(c), s[p + 1] == "-", isWord(s[p + 2]) {
                reachable[p + 3] = true
            }
            if c == "'" || c == "\"" {
                var q = p + 1
                while q < n, isSpace(s[q]) || isWord(s[q]) { q += 1 }
                if q > p + 1, q < n, s[q] == c { reachable[q + 1] = true }
            }
            if c == "(" {
                var q = p + 1
                while q < n, s[q] == "," || isSpace(s[q]) || isDecimal(s[q]) { q += 1 }
                if q > p + 1, q < n, s[q] == ")" { reachable[q + 1] = true }
            }
        }
        return reachable[n] || (n > 0 && s[n - 1] == "\n" && reachable[n - 1])
    }

    /// One of `:,;#%.!`.
    @inline(__always) private static func isGauntletPunctuation(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "."), UInt8(ascii: "!"): true
        default: false
        }
    }

    /// Parses `\s*[-\w]+\s*:\s*[^:;]*;?` at `p`; returns the end of the match.
    private static func declarationEnd(_ s: Scalars, at start: Int) -> Int? {
        let n = s.count
        var p = start
        while p < n, isSpace(s[p]) { p += 1 }
        let nameStart = p
        while p < n, s[p] == "-" || isWord(s[p]) { p += 1 }
        guard p > nameStart else { return nil }
        while p < n, isSpace(s[p]) { p += 1 }
        guard p < n, s[p] == ":" else { return nil }
        p += 1
        while p < n, s[p] != ":", s[p] != ";" { p += 1 }
        if p < n, s[p] == ";" { p += 1 }
        return p
    }

    /// Whether removing every declaration leaves only whitespace.
    private static func isDeclarationList(_ s: Scalars) -> Bool {
        var p = 0
        while p < s.count {
            if let end = declarationEnd(s, at: p) {
                p = end
            } else {
                // A failed attempt fails identically at every following whitespace
                // position, so the rest must be blank.
                return s[p...].allSatisfy(isSpace)
            }
        }
        return true
    }

    /// All `([-\w]+)\s*:\s*([^:;]*)` matches, in order.
    private static func declarations(_ s: Scalars) -> [(String, String)] {
        let n = s.count
        var result: [(String, String)] = []
        var p = 0
        while p < n {
            guard s[p] == "-" || isWord(s[p]) else {
                p += 1
                continue
            }
            let nameStart = p
            var q = p
            while q < n, s[q] == "-" || isWord(s[q]) { q += 1 }
            let nameEnd = q
            while q < n, isSpace(s[q]) { q += 1 }
            guard q < n, s[q] == ":" else {
                p = nameEnd
                continue
            }
            q += 1
            while q < n, isSpace(s[q]) { q += 1 }
            let valueStart = q
            while q < n, s[q] != ":", s[q] != ";" { q += 1 }
            result.append((string(s[nameStart..<nameEnd]), string(s[valueStart..<q])))
            p = q
        }
        return result
    }

    private static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        Text.string(slice)
    }

    /// `^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$`
    static func isValidCSSValue(_ word: String) -> Bool {
        var s = Array(word.utf8)
        if s.last == ASCII.newline { s.removeLast() }
        let n = s.count
        func isHexLower(_ c: UInt8) -> Bool { ASCII.isDigit(c) || (c >= 0x61 && c <= 0x66) }
        if n >= 2, s[0] == ASCII.hash, s[1...].allSatisfy(isHexLower) { return true }
        if n >= 4, s[0] == UInt8(ascii: "r"), s[1] == UInt8(ascii: "g"), s[2] == UInt8(ascii: "b"),
            s[3] == UInt8(ascii: "(")
        {
            var p = 4
            let digits = p
            while p < n, ASCII.isDigit(s[p]) { p += 1 }
            if p > digits {
                if p < n, s[p] == UInt8(ascii: "%") { p += 1 }
                if p < n, s[p] == UInt8(ascii: ",") {
                    p += 1
                    while p < n, ASCII.isDigit(s[p]) { p += 1 }
                    if p < n, s[p] == UInt8(ascii: "%") { p += 1 }
                    if p < n, s[p] == UInt8(ascii: ",") { p += 1 }
                    while p < n, ASCII.isDigit(s[p]) { p += 1 }
                    if p < n, s[p] == UInt8(ascii: "%") { p += 1 }
                    if p < n, s[p] == UInt8(ascii: ")") { p += 1 }
                    if p == n { return true }
                }
            }
        }
        var p = 0
        var count = 0
        while p < n, count < 2, ASCII.isDigit(s[p]) {
            p += 1
            count += 1
        }
        if p < n, s[p] == ASCII.dot { p += 1 }
        count = 0
        while p < n, count < 2, ASCII.isDigit(s[p]) {
            p += 1
            count += 1
        }
        if p == n { return true }
        let rest = String(decoding: s[p...], as: UTF8.self)
        return ["cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")"].contains(rest)
    }
}
