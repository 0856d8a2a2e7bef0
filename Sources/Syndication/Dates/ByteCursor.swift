/// A run of consecutive ASCII digits found by ``ByteCursor/readDigits()``.
struct DigitRun {
    /// Offset of the first digit in the underlying buffer.
    var start: Int
    /// Number of digits in the run (exact, even when `value` saturates).
    var count: Int
    /// Decimal value of the run; only meaningful when `count` is at most 9.
    var value: Int
}

/// A forward-only, bounds-checked reader over the UTF-8 bytes of a date string.
///
/// Every read is checked against `end`, so scanners built on it cannot run past the
/// input whatever bytes it holds. Reading past the end yields `0`, which no scanner
/// accepts as part of a date.
struct ByteCursor {
    /// The whole input buffer; only `position..<end` is still to be read.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next unread byte.
    private(set) var position: Int
    /// Offset one past the last byte that belongs to the input.
    let end: Int

    /// Creates a cursor reading `bytes[start..<end]`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.bytes = bytes
        self.end = max(0, min(end, bytes.count))
        self.position = max(0, min(start, self.end))
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position >= end }

    /// Number of bytes left to read.
    var remaining: Int { end - position }

    /// The byte `offset` places after the current one, or `0` outside the input.
    @inline(__always)
    func peek(_ offset: Int = 0) -> UInt8 {
        let index = position &+ offset
        guard index >= position, index < end else { return 0 }
        return bytes[index]
    }

    /// Moves forward by `count` bytes, stopping at the end of the input.
    @inline(__always)
    mutating func advance(_ count: Int = 1) {
        position = count >= remaining ? end : position + count
    }

    /// Consumes `byte` if it is next; returns whether it did.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte, !isAtEnd else { return false }
        position += 1
        return true
    }

    /// Consumes the three-byte sequence `a b c` if it is next; returns whether it did.
    mutating func consume(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        guard remaining >= 3, peek() == a, peek(1) == b, peek(2) == c else { return false }
        position += 3
        return true
    }

    /// Skips ASCII whitespace and U+00A0 NO-BREAK SPACE; returns whether anything was skipped.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        while !isAtEnd {
            let byte = bytes[position]
            if DateByte.isASCIIWhitespace(byte) {
                position += 1
            } else if byte == DateByte.noBreakSpaceLead, peek(1) == DateByte.noBreakSpaceTrail {
                position += 2
            } else {
                break
            }
        }
        return position != start
    }

    /// Skips whitespace and commas, the loose separators between date fields.
    mutating func skipWhitespaceAndCommas() {
        repeat {
            skipWhitespace()
        } while consume(DateByte.comma)
    }

    /// Number of consecutive digits starting at the current position.
    func digitCount() -> Int {
        var index = position
        while index < end, DateByte.isDigit(bytes[index]) { index += 1 }
        return index - position
    }

    /// Reads a run of ASCII digits, or returns `nil` (consuming nothing) if none is next.
    mutating func readDigits() -> DigitRun? {
        let start = position
        var value = 0
        while !isAtEnd, DateByte.isDigit(bytes[position]) {
            if position - start < 9 { value = value * 10 + Int(bytes[position] &- 0x30) }
            position += 1
        }
        guard position > start else { return nil }
        return DigitRun(start: start, count: position - start, value: value)
    }

    /// Reads a run of 1 to `maxCount` digits; fails (consuming nothing) on a longer or empty run.
    mutating func readDigits(atMost maxCount: Int) -> Int? {
        let saved = self
        guard let run = readDigits(), run.count <= maxCount else {
            self = saved
            return nil
        }
        return run.value
    }

    /// Reads exactly `count` digits; fails (consuming nothing) on a run of any other length.
    mutating func readDigits(exactly count: Int) -> Int? {
        let saved = self
        guard let run = readDigits(), run.count == count else {
            self = saved
            return nil
        }
        return run.value
    }

    /// The decimal value of `length` digits starting `offset` digits into `run`.
    func value(of run: DigitRun, offset: Int, length: Int) -> Int {
        var value = 0
        var index = run.start + offset
        let stop = min(index + length, run.start + run.count, end)
        while index < stop {
            value = value * 10 + Int(bytes[index] &- 0x30)
            index += 1
        }
        return value
    }

    /// Reads a fractional-second digit run (after its separator) as nanoseconds.
    ///
    /// Digits beyond the ninth are consumed and ignored. Returns `nil` if no digit is next.
    mutating func readNanoseconds() -> Int? {
        guard let run = readDigits() else { return nil }
        var nanoseconds = 0
        var index = run.start
        for _ in 0..<9 {
            let digit = index < run.start + run.count ? Int(bytes[index] &- 0x30) : 0
            nanoseconds = nanoseconds * 10 + digit
            index += 1
        }
        return nanoseconds
    }

    /// Reads a word (ASCII letters and non-ASCII bytes, stopping at a no-break space).
    ///
    /// Returns the byte range read, which is empty when no word is next.
    mutating func readWord() -> Range<Int> {
        let start = position
        while !isAtEnd {
            let byte = bytes[position]
            guard DateByte.isWordByte(byte) else { break }
            if byte == DateByte.noBreakSpaceLead, peek(1) == DateByte.noBreakSpaceTrail { break }
            position += 1
        }
        return start..<position
    }

    /// The bytes in `range`, which must come from this cursor's reads.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        let lower = max(0, min(range.lowerBound, end))
        let upper = max(lower, min(range.upperBound, end))
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// Whether the word in `range` equals `lowercaseASCII`, ignoring ASCII case.
    func word(_ range: Range<Int>, equals lowercaseASCII: StaticString) -> Bool {
        let word = slice(range)
        guard word.count == lowercaseASCII.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercaseASCII.utf8Start, count: lowercaseASCII.utf8CodeUnitCount)
        for index in 0..<word.count where DateByte.lowercased(word[index]) != expected[index] {
            return false
        }
        return true
    }
}
