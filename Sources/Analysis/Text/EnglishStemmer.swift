/// A light English normalizer that folds common inflections together ("elections" → "election",
/// "voted" → "vot", "voting" → "vot").
///
/// It is deliberately conservative: stems are only compared with other stems, never shown.
public enum EnglishStemmer {
    /// The stem of a lower-cased word.
    public static func stem(_ word: String) -> String {
        var s = Array(word.utf8)
        guard s.count > 3 else { return word }
        strip(&s)
        return String(decoding: s, as: UTF8.self)
    }

    /// The stem of a lower-cased word given as UTF-8 bytes, left in `stem` (whose storage is
    /// reused from word to word).
    static func stem(_ word: UnsafeBufferPointer<UInt8>, into stem: inout [UInt8]) {
        stem.removeAll(keepingCapacity: true)
        stem.append(contentsOf: word)
        if stem.count > 3 { strip(&stem) }
    }

    private static func strip(_ s: inout [UInt8]) {
        // A possessive ends the work; a bare closing apostrophe is dropped (straight, then curly).
        if hasSuffix(s, "'s") {
            s.removeLast(2)
            return
        }
        if hasSuffix(s, "'") { s.removeLast(1) }
        if hasSuffix(s, "\u{2019}s") {
            s.removeLast(4)
            return
        }
        if hasSuffix(s, "\u{2019}") { s.removeLast(3) }
        if hasSuffix(s, "ies"), s.count > 4 {
            s.removeLast(2)
            s[s.count - 1] = UInt8(ascii: "y")
        } else if hasSuffix(s, "sses") {
            s.removeLast(2)
        } else if s.last == UInt8(ascii: "s"), !hasSuffix(s, "ss"), !hasSuffix(s, "us"), !hasSuffix(s, "is"), s.count > 3 {
            s.removeLast()
        }
        if hasSuffix(s, "ing"), s.count > 5 {
            s.removeLast(3)
            undouble(&s)
        } else if hasSuffix(s, "ed"), s.count > 4, !hasSuffix(s, "eed") {
            s.removeLast(2)
            undouble(&s)
        }
        if s.last == UInt8(ascii: "e"), s.count > 3 { s.removeLast() }
    }

    private static func undouble(_ s: inout [UInt8]) {
        guard s.count > 3, let last = s.last, last == s[s.count - 2], last < 0x80,
            last != UInt8(ascii: "l"), last != UInt8(ascii: "s"), last != UInt8(ascii: "z")
        else { return }
        s.removeLast()
    }

    private static func hasSuffix(_ s: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard s.count >= count else { return false }
        return suffix.withUTF8Buffer { tail in
            for offset in 0..<count where s[s.count - count + offset] != tail[offset] { return false }
            return true
        }
    }
}
