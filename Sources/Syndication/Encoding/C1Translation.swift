import LibXML

/// Rewrites C1 control characters (U+0080–U+009F) in UTF-8 text as their windows-1252 characters.
///
/// Feeds produced by software that wrote windows-1252 bytes but labelled them ISO-8859-1
/// (or converted them from ISO-8859-1 to UTF-8) carry C1 controls where curly quotes,
/// dashes and the euro sign were meant; feedparser repairs them the same way.
enum C1Translation {
    /// The translated copy of valid UTF-8 `text`, or `nil` when it has nothing to translate.
    static func translated(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = text.baseAddress else { return nil }
        let count = text.count
        var extra = 0
        var found = false
        var index = 0
        while index + 1 < count {
            if base[index] == 0xC2 {
                let next = base[index + 1]
                if next >= 0x80 && next < 0xA0 {
                    let scalar = Windows1252.high[Int(next - 0x80)]
                    if scalar != 0 {
                        found = true
                        extra += UTF8Writing.length(scalar) - 2
                    }
                }
            }
            index += 1
        }
        guard found else { return nil }
        return [UInt8](unsafeUninitializedCapacity: count + extra) { output, written in
            var input = 0
            var out = 0
            while input < count {
                let byte = base[input]
                if byte == 0xC2 && input + 1 < count {
                    let next = base[input + 1]
                    if next >= 0x80 && next < 0xA0 {
                        let scalar = Windows1252.high[Int(next - 0x80)]
                        if scalar != 0 {
                            UTF8Writing.write(scalar, to: output, at: &out)
                            input += 2
                            continue
                        }
                    }
                }
                output[out] = byte
                out += 1
                input += 1
            }
            written = out
        }
    }

    /// Translates `utf8` in place (replacing the array only when something changes).
    static func apply(to utf8: inout [UInt8]) {
        if let replaced = utf8.withUnsafeBufferPointer({ translated($0) }) { utf8 = replaced }
    }
}
