/// Finding bytes in UTF-8 text eight at a time. The parsers' fast paths skip long runs of
/// ordinary text (an entry's HTML body, a JSON string) looking for the few bytes that matter;
/// testing one 64-bit word per step instead of one byte makes those skips several times faster.
public enum ByteScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A word whose high bits mark the bytes of `word` equal to `byte`. A borrow can mark a
    /// byte after a true match, never before one: the lowest marked byte is exact, which is
    /// all a search needs (so is the lowest of several masks or-ed together).
    @inlinable @inline(__always)
    static func equalMask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// A word whose high bits mark the bytes of `word` below `limit` (at most 0x80). Only the
    /// lowest marked byte is exact, which is all a search needs.
    @inlinable @inline(__always)
    static func belowMask(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// The offset of the first byte of `buffer` at or after `start` that is `first` or
    /// `second`, or `buffer.count`.
    @inlinable @inline(__always)
    public static func index(of first: UInt8, or second: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstIndex(in: buffer, from: start) {
            equalMask($0, first) | equalMask($0, second)
        } matching: {
            $0 == first || $0 == second
        }
    }

    /// The offset of the first byte at or after `start` that is `byte`, or `buffer.count`.
    @inlinable @inline(__always)
    public static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        index(of: byte, or: byte, in: buffer, from: start)
    }

    /// The offset of the first byte at or after `start` that is not ASCII (0x80 or above), or
    /// `buffer.count`.
    @inlinable @inline(__always)
    public static func indexOfNonASCII(in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        firstIndex(in: buffer, from: start) {
            $0 & highs
        } matching: {
            $0 >= 0x80
        }
    }

    /// Whether UTF-8 text holds a C1 control character (U+0080–U+009F, encoded 0xC2 followed by
    /// 0x80–0x9F): the mark of text whose bytes were read as ISO-8859-1 or windows-1252 before it
    /// was written. 0xC2 is rare in text, so the search jumps from one to the next.
    public static func containsC1Control(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = index(of: 0xC2, in: buffer, from: 0)
        while index + 1 < buffer.count {
            if buffer[index + 1] >= 0x80 && buffer[index + 1] < 0xA0 { return true }
            index = self.index(of: 0xC2, in: buffer, from: index + 1)
        }
        return false
    }

    /// Whether `buffer` is well-formed UTF-8; with `allowingCutEnd`, a sequence cut at the very
    /// end counts as valid (pages are sometimes truncated mid-character). Eight ASCII bytes a
    /// step.
    public static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>, allowingCutEnd: Bool = false) -> Bool {
        var index = 0
        let count = buffer.count
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            if lead >= 0xC2 && lead <= 0xDF {
                length = 2
            } else if lead >= 0xE0 && lead <= 0xEF {
                length = 3
            } else if lead >= 0xF0 && lead <= 0xF4 {
                length = 4
            } else {
                return false
            }
            if index + length > count {
                guard allowingCutEnd else { return false }
                for offset in (index + 1)..<count where buffer[offset] & 0xC0 != 0x80 { return false }
                return true
            }
            for offset in 1..<length where buffer[index + offset] & 0xC0 != 0x80 { return false }
            let second = buffer[index + 1]
            if lead == 0xE0 && second < 0xA0 { return false }
            if lead == 0xED && second > 0x9F { return false }
            if lead == 0xF0 && second < 0x90 { return false }
            if lead == 0xF4 && second > 0x8F { return false }
            index += length
        }
        return true
    }

    /// The offset of the first byte at or after `start` that a JSON string must escape (a
    /// control character below 0x20, `"` or `\`), or `buffer.count`.
    @inlinable @inline(__always)
    public static func indexOfJSONEscape(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstIndex(in: buffer, from: start) { word in
            belowMask(word, 0x20) | equalMask(word, UInt8(ascii: "\"")) | equalMask(word, UInt8(ascii: "\\"))
        } matching: { byte in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
        }
    }

    /// The search itself: whole words while they last (`wordMask` marks the high bit of the
    /// bytes sought, its lowest mark exact), then the last few bytes one by one (`matching`).
    @inlinable @inline(__always)
    static func firstIndex(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, wordMask: (UInt64) -> UInt64, matching: (UInt8) -> Bool
    ) -> Int {
        var index = start
        let count = buffer.count
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let found = wordMask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if found != 0 { return index + found.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < count, !matching(buffer[index]) { index += 1 }
        return index
    }
}
