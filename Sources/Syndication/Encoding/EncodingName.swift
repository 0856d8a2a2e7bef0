/// Normalisation of encoding labels to the canonical, lower-case names feedparser reports.
enum EncodingName {
    /// Labels meaning "UTF-16, byte order unspecified".
    static let unspecifiedUTF16: Set<String> = [
        "utf-16", "utf16", "utf_16", "u16", "iso-10646-ucs-2", "csunicode", "ucs-2", "ucs2", "unicode",
    ]
    /// Labels meaning "UTF-32, byte order unspecified".
    static let unspecifiedUTF32: Set<String> = [
        "utf-32", "utf32", "utf_32", "u32", "iso-10646-ucs-4", "csucs4", "ucs-4", "ucs4",
    ]

    private static let aliases: [String: String] = [
        "utf8": "utf-8", "utf_8": "utf-8", "u8": "utf-8", "unicode-1-1-utf-8": "utf-8",
        "utf-16le": "utf-16le", "utf16le": "utf-16le", "utf_16le": "utf-16le", "utf_16_le": "utf-16le",
        "utf-16be": "utf-16be", "utf16be": "utf-16be", "utf_16be": "utf-16be", "utf_16_be": "utf-16be",
        "utf-32le": "utf-32le", "utf32le": "utf-32le", "utf_32le": "utf-32le", "utf_32_le": "utf-32le",
        "utf-32be": "utf-32be", "utf32be": "utf-32be", "utf_32be": "utf-32be", "utf_32_be": "utf-32be",
        "ascii": "us-ascii", "us": "us-ascii", "646": "us-ascii", "ansi_x3.4-1968": "us-ascii",
        "iso646-us": "us-ascii", "iso-ir-6": "us-ascii", "csascii": "us-ascii", "us_ascii": "us-ascii",
        "latin1": "iso-8859-1", "latin-1": "iso-8859-1", "l1": "iso-8859-1", "iso-ir-100": "iso-8859-1",
        "cp819": "iso-8859-1", "ibm819": "iso-8859-1", "csisolatin1": "iso-8859-1", "8859": "iso-8859-1",
        "latin2": "iso-8859-2", "latin-2": "iso-8859-2", "l2": "iso-8859-2",
        "cp1252": "windows-1252", "x-cp1252": "windows-1252", "ms-ansi": "windows-1252",
        "gb2312": "gb18030", "gb_2312-80": "gb18030", "csgb2312": "gb18030", "euc-cn": "gb18030",
        "euccn": "gb18030", "x-euc-cn": "gb18030", "chinese": "gb18030",
        "shift-jis": "shift_jis", "sjis": "shift_jis", "s_jis": "shift_jis", "x-sjis": "shift_jis",
        "ms_kanji": "shift_jis", "csshiftjis": "shift_jis", "shiftjis": "shift_jis",
        "windows-31j": "cp932", "ms932": "cp932", "mskanji": "cp932",
        "euckr": "euc-kr", "euc_kr": "euc-kr", "x-euc-kr": "euc-kr", "ks_c_5601-1987": "euc-kr",
        "korean": "euc-kr", "eucjp": "euc-jp", "euc_jp": "euc-jp", "x-euc-jp": "euc-jp",
        "big-5": "big5", "big5-tw": "big5", "csbig5": "big5", "x-x-big5": "big5", "cn-big5": "big5",
        "big5hkscs": "big5-hkscs", "big5_hkscs": "big5-hkscs",
        "koi8r": "koi8-r", "koi8_r": "koi8-r", "cskoi8r": "koi8-r", "koi8u": "koi8-u", "koi8_u": "koi8-u",
        "ebcdic-cp-us": "cp037", "ibm037": "cp037", "ibm039": "cp037", "csibm037": "cp037",
        "ebcdic-cp-ca": "cp037", "ebcdic-cp-nl": "cp037", "ebcdic-cp-wt": "cp037",
        "iso-2022-jp": "iso2022_jp", "csiso2022jp": "iso2022_jp",
        "tis-620": "tis-620", "tis620": "tis-620",
    ]

    /// The canonical lower-case name for a label (trimmed, aliases resolved), or `nil` when empty.
    ///
    /// Unknown labels are returned lower-cased as they are; whether they name a usable
    /// encoding is decided when decoding is attempted.
    static func canonical(_ label: String) -> String? {
        var name = label.lowercased()
        name = String(name.drop(while: { $0 == " " || $0 == "\t" }))
        while name.last == " " || name.last == "\t" { name.removeLast() }
        guard !name.isEmpty else { return nil }
        if let alias = aliases[name] { return alias }
        if let iso = isoName(name) { return iso }
        if let windows = windowsName(name) { return windows }
        return name
    }

    /// `iso8859-2`, `iso_8859_2`, `iso-8859-2` … → `iso-8859-2`.
    private static func isoName(_ name: String) -> String? {
        guard name.hasPrefix("iso") else { return nil }
        var rest = name.dropFirst(3)
        if let first = rest.first, first == "-" || first == "_" { rest = rest.dropFirst() }
        guard rest.hasPrefix("8859") else { return nil }
        rest = rest.dropFirst(4)
        if let first = rest.first, first == "-" || first == "_" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigitCharacter), let number = Int(rest) else { return nil }
        return "iso-8859-\(number)"
    }

    /// `cp1250`, `windows1250`, `x-cp1250` → `windows-1250` (the 125x family only).
    private static func windowsName(_ name: String) -> String? {
        for prefix in ["windows-", "windows_", "windows", "x-cp", "cp"] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            if digits.count == 4, digits.hasPrefix("125"), digits.allSatisfy(\.isASCIIDigitCharacter) {
                return "windows-\(digits)"
            }
        }
        return nil
    }

    /// The name to hand to iconv for a canonical name, or `nil` when the name is too long or
    /// has characters that could change iconv's behaviour (such as `//IGNORE` suffixes).
    static func iconvName(_ canonical: String) -> String? {
        guard canonical.utf8.count <= 40 else { return nil }
        for byte in canonical.utf8 {
            let allowed =
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
            if !allowed { return nil }
        }
        switch canonical {
        case "cp037": return "IBM037"
        case "iso2022_jp": return "ISO-2022-JP"
        case "shift_jis": return "SHIFT_JIS"
        default: return canonical.uppercased()
        }
    }

    /// `true` for UTF-16 and UTF-32 names, including the byte-order-unspecified ones.
    static func isWide(_ canonical: String) -> Bool {
        canonical.hasPrefix("utf-16") || canonical.hasPrefix("utf-32")
            || unspecifiedUTF16.contains(canonical) || unspecifiedUTF32.contains(canonical)
    }

    /// Replaces a byte-order-unspecified UTF-16/32 name by the sniffed one when they agree in width.
    static func resolveByteOrder(_ canonical: String, sniffed: String?) -> String {
        if unspecifiedUTF16.contains(canonical) {
            if let sniffed, sniffed.hasPrefix("utf-16") { return sniffed }
            return "utf-16"
        }
        if unspecifiedUTF32.contains(canonical) {
            if let sniffed, sniffed.hasPrefix("utf-32") { return sniffed }
            return "utf-32"
        }
        return canonical
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
