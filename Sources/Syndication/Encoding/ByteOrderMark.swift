/// What the first bytes of a document reveal about its encoding, before any declaration is read.
///
/// Either a byte order mark (which is removed from the document) or, without one, the byte
/// pattern of a leading `<` in a wide or EBCDIC encoding (XML 1.0 Appendix F).
struct ByteOrderMark: Sendable, Hashable {
    /// Canonical name of the sniffed encoding.
    var encoding: String
    /// Number of leading bytes to drop (the BOM's length; 0 for a pattern match).
    var length: Int

    /// `true` when a real byte order mark was found, which is authoritative.
    var isMark: Bool { length > 0 }

    /// Sniffs the start of `bytes`; `nil` when nothing recognisable is there.
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteOrderMark? {
        let count = bytes.count
        func at(_ index: Int) -> UInt8? { index < count ? bytes[index] : nil }
        let b0 = at(0)
        let b1 = at(1)
        let b2 = at(2)
        let b3 = at(3)

        // Byte order marks. UTF-32 first, because FF FE 00 00 starts like a UTF-16 LE BOM.
        if b0 == 0x00, b1 == 0x00, b2 == 0xFE, b3 == 0xFF { return .init(encoding: "utf-32be", length: 4) }
        if b0 == 0xFF, b1 == 0xFE, b2 == 0x00, b3 == 0x00 { return .init(encoding: "utf-32le", length: 4) }
        if b0 == 0xFE, b1 == 0xFF { return .init(encoding: "utf-16be", length: 2) }
        if b0 == 0xFF, b1 == 0xFE { return .init(encoding: "utf-16le", length: 2) }
        if b0 == 0xEF, b1 == 0xBB, b2 == 0xBF { return .init(encoding: "utf-8", length: 3) }

        // No BOM: the pattern of a leading "<".
        guard let c0 = b0, let c1 = b1, let c2 = b2, let c3 = b3 else { return nil }
        if c0 == 0x00, c1 == 0x00, c2 == 0x00, c3 == 0x3C { return .init(encoding: "utf-32be", length: 0) }
        if c0 == 0x3C, c1 == 0x00, c2 == 0x00, c3 == 0x00 { return .init(encoding: "utf-32le", length: 0) }
        if c0 == 0x00, c1 == 0x3C, c2 == 0x00, c3 != 0x00 { return .init(encoding: "utf-16be", length: 0) }
        if c0 == 0x3C, c1 == 0x00, c2 != 0x00, c3 == 0x00 { return .init(encoding: "utf-16le", length: 0) }
        if c0 == 0x4C, c1 == 0x6F, c2 == 0xA7, c3 == 0x94 { return .init(encoding: "cp037", length: 0) }
        return nil
    }
}
