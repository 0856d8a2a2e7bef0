import LibXML

/// Byte-to-scalar tables for the single-byte encodings decoded without iconv.
///
/// Each table entry holds the character's UTF-8 bytes packed little-endian in the low
/// 24 bits and the UTF-8 length in the top 8 bits; a length of 0 marks a byte the encoding
/// leaves undefined, which makes decoding fail (as Python's strict codecs do).
struct SingleByteTable: Sendable {
    let entries: [UInt32]

    /// Builds a table from a byte-to-scalar function (`nil` = undefined byte).
    init(_ scalar: (UInt8) -> UInt32?) {
        entries = (0...255).map { byte in
            guard let value = scalar(UInt8(byte)) else { return 0 }
            return UTF8Writing.packed(value)
        }
    }

    /// Strict US-ASCII: bytes 0x80–0xFF are undefined.
    static let usASCII = SingleByteTable { $0 < 0x80 ? UInt32($0) : nil }

    /// ISO-8859-1 as Python decodes it: every byte is the scalar of the same value.
    static let latin1 = SingleByteTable { UInt32($0) }

    /// ISO-8859-1 with the C1 controls 0x80–0x9F read as their windows-1252 characters
    /// (the five bytes windows-1252 leaves undefined stay C1 controls).
    static let latin1TranslatingC1 = SingleByteTable { byte in
        Windows1252.scalar(for: byte) ?? UInt32(byte)
    }

    /// windows-1252 as Python decodes it: 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined.
    static let windows1252 = SingleByteTable { Windows1252.scalar(for: $0) }
}

/// Small UTF-8 encoding primitives shared by the decoders.
enum UTF8Writing {
    /// Number of UTF-8 bytes for a valid scalar value.
    @inline(__always)
    static func length(_ scalar: UInt32) -> Int {
        scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
    }

    /// Writes the UTF-8 form of `scalar` at `index`, advancing it.
    @inline(__always)
    static func write(_ scalar: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
        if scalar < 0x80 {
            buffer[index] = UInt8(scalar)
            index += 1
        } else if scalar < 0x800 {
            buffer[index] = UInt8(0xC0 | scalar >> 6)
            buffer[index + 1] = UInt8(0x80 | scalar & 0x3F)
            index += 2
        } else if scalar < 0x10000 {
            buffer[index] = UInt8(0xE0 | scalar >> 12)
            buffer[index + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            buffer[index + 2] = UInt8(0x80 | scalar & 0x3F)
            index += 3
        } else {
            buffer[index] = UInt8(0xF0 | scalar >> 18)
            buffer[index + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            buffer[index + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            buffer[index + 3] = UInt8(0x80 | scalar & 0x3F)
            index += 4
        }
    }

    /// A BMP scalar's UTF-8 bytes packed little-endian, with the length in the top byte.
    static func packed(_ scalar: UInt32) -> UInt32 {
        var bytes = [UInt8](repeating: 0, count: 4)
        var count = 0
        bytes.withUnsafeMutableBufferPointer { write(scalar, to: $0, at: &count) }
        var value = UInt32(count) << 24
        for index in 0..<min(count, 3) { value |= UInt32(bytes[index]) << (8 * UInt32(index)) }
        return value
    }
}
