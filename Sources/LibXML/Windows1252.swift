/// The windows-1252 code page and its use for repairing C1 control characters: the feed
/// parser's decoders and the page extraction's repair of misread text read the same table.
public enum Windows1252 {
    /// Scalars for bytes 0x80–0x9F; 0 marks the five undefined bytes.
    public static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The scalar windows-1252 assigns to `byte`, or `nil` when the byte is undefined.
    public static func scalar(for byte: UInt8) -> UInt32? {
        guard byte >= 0x80 && byte < 0xA0 else { return UInt32(byte) }
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : value
    }

    /// The windows-1252 reading of a C1 control scalar (U+0080–U+009F); other scalars unchanged.
    @inlinable @inline(__always)
    public static func translatingC1(_ scalar: UInt32) -> UInt32 {
        guard scalar >= 0x80 && scalar < 0xA0 else { return scalar }
        let value = high[Int(scalar - 0x80)]
        return value == 0 ? scalar : value
    }
}
