import LibXML

/// Strict UTF-16 and UTF-32 decoding to UTF-8, in two linear passes.
///
/// Unpaired surrogates, scalars above U+10FFFF and a trailing partial code unit make the
/// decoding fail, as with Python's codecs.
enum WideUnicodeDecoder {
    /// Code unit layout of a wide Unicode encoding.
    struct Layout: Sendable, Hashable {
        /// 2 for UTF-16, 4 for UTF-32.
        var width: Int
        /// Byte order of each code unit.
        var bigEndian: Bool

        /// The layout for a canonical name (`utf-16le` …), or `nil` for other names.
        init?(canonicalName: String) {
            switch canonicalName {
            case "utf-16le", "utf-16":
                self.width = 2
                self.bigEndian = false
            case "utf-16be":
                self.width = 2
                self.bigEndian = true
            case "utf-32le", "utf-32":
                self.width = 4
                self.bigEndian = false
            case "utf-32be":
                self.width = 4
                self.bigEndian = true
            default: return nil
            }
        }
    }

    /// The UTF-8 form of `input`, or `nil` when it is not well-formed in `layout`.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, layout: Layout, translateC1: Bool) -> [UInt8]? {
        guard input.count % layout.width == 0 else { return nil }
        var length = 0
        let valid = forEachScalar(input, layout: layout) { scalar in
            length += UTF8Writing.length(translateC1 ? Windows1252.translatingC1(scalar) : scalar)
        }
        guard valid else { return nil }
        return [UInt8](unsafeUninitializedCapacity: length) { output, written in
            var out = 0
            _ = forEachScalar(input, layout: layout) { scalar in
                UTF8Writing.write(translateC1 ? Windows1252.translatingC1(scalar) : scalar, to: output, at: &out)
            }
            written = out
        }
    }

    /// Calls `body` with each scalar; `false` at the first ill-formed unit.
    @inline(__always)
    private static func forEachScalar(
        _ input: UnsafeBufferPointer<UInt8>, layout: Layout, _ body: (UInt32) -> Void
    ) -> Bool {
        let count = input.count
        var index = 0
        @inline(__always) func unit(at offset: Int) -> UInt32 {
            if layout.width == 2 {
                let a = UInt32(input[offset])
                let b = UInt32(input[offset + 1])
                return layout.bigEndian ? a << 8 | b : b << 8 | a
            }
            let a = UInt32(input[offset])
            let b = UInt32(input[offset + 1])
            let c = UInt32(input[offset + 2])
            let d = UInt32(input[offset + 3])
            return layout.bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
        }
        while index < count {
            let value = unit(at: index)
            index += layout.width
            if layout.width == 4 {
                guard value < 0x110000, !(0xD800...0xDFFF).contains(value) else { return false }
                body(value)
                continue
            }
            if value < 0xD800 || value > 0xDFFF {
                body(value)
                continue
            }
            guard value < 0xDC00, index < count else { return false }
            let low = unit(at: index)
            guard low >= 0xDC00 && low <= 0xDFFF else { return false }
            index += 2
            body(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))
        }
        return true
    }
}
