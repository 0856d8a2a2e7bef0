extension FeedEntry {
    /// An id for an entry that has none, the same every time the same entry is read: its link
    /// when it has one, otherwise a `urn:tributary:entry:` hash of its title and date (or of its
    /// text when it has neither). Nil when the entry has nothing to derive an id from.
    public var derivedID: String? {
        if let link, !link.isEmpty { return link }
        if let href = links.first(where: { ($0.rel ?? "alternate") == "alternate" })?.href, !href.isEmpty { return href }
        var material = ""
        if let title = title?.value, !title.isEmpty {
            material = "title\u{1F}" + title + "\u{1F}" + (published?.raw ?? updated?.raw ?? "")
        } else if let text = content?.value ?? summary?.value, !text.isEmpty {
            material = "text\u{1F}" + text
        } else {
            return nil
        }
        return "urn:tributary:entry:" + StableHash.hex128(material)
    }

    /// Fills `id` from `derivedID` when the feed gave none.
    mutating func assignDerivedIDIfMissing() {
        if id == nil || id?.isEmpty == true { id = derivedID }
    }
}

/// A fixed, platform-independent 128-bit hash (two FNV-1a 64 passes with different offsets),
/// for ids that must not change between runs or machines. Not for security.
enum StableHash {
    static func hex128(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second << 5) | (second >> 59)
        }
        return hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
