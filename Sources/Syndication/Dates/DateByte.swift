/// Classification of single UTF-8 bytes as the date scanners see them.
///
/// Only ASCII is interpreted; every byte of a multi-byte UTF-8 sequence (≥ 0x80)
/// counts as a "word" byte so that localized month and weekday names
/// (Greek, Hungarian, Korean…) are read as one word.
enum DateByte {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let plus: UInt8 = 0x2B
    static let underscore: UInt8 = 0x5F
    static let openParenthesis: UInt8 = 0x28
    static let closeParenthesis: UInt8 = 0x29
    /// Lead byte of U+00A0 NO-BREAK SPACE in UTF-8 (`C2 A0`).
    static let noBreakSpaceLead: UInt8 = 0xC2
    /// Trail byte of U+00A0 NO-BREAK SPACE in UTF-8 (`C2 A0`).
    static let noBreakSpaceTrail: UInt8 = 0xA0

    /// Whether `byte` is an ASCII decimal digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// Whether `byte` is an ASCII letter.
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// Whether `byte` is an ASCII uppercase letter.
    @inline(__always)
    static func isUppercaseLetter(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26
    }

    /// Whether `byte` can be part of a word: an ASCII letter or any non-ASCII byte.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte >= 0x80
    }

    /// Whether `byte` is ASCII horizontal or vertical whitespace.
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= tab && byte <= carriageReturn)
    }

    /// The ASCII lowercase form of `byte`; non-letters are returned unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        isUppercaseLetter(byte) ? byte | 0x20 : byte
    }
}
