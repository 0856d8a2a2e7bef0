/// Reads and rewrites the `encoding` pseudo-attribute of a leading XML declaration.
enum XMLDeclarationSniffer {
    /// How far into the document a declaration is looked for, in characters.
    static let scanLimit = 1024

    /// The label declared by `<?xml … encoding="…"?>` at the very start of `bytes`, read
    /// through the sniffed encoding (`nil` means an ASCII-compatible encoding).
    static func declaredEncoding(in bytes: UnsafeBufferPointer<UInt8>, sniffed: String?) -> String? {
        let prefix = asciiPrefix(of: bytes, sniffed: sniffed)
        return prefix.withUnsafeBufferPointer { buffer in
            guard let range = encodingValueRange(in: buffer) else { return nil }
            return String(decoding: buffer[range], as: UTF8.self)
        }
    }

    /// Replaces the declared encoding of a UTF-8 document by `utf-8`, in place.
    static func rewriteDeclaredEncoding(in utf8: inout [UInt8]) {
        let found = utf8.withUnsafeBufferPointer { encodingValueRange(in: $0) }
        guard let range = found else { return }
        let replacement: [UInt8] = Array("utf-8".utf8)
        // Any spelling of UTF-8 already says the truth; rewriting it would copy the document.
        let declared = utf8[range].map { $0 | 0x20 }.filter { $0 != UInt8(ascii: "-") | 0x20 }
        if declared == Array("utf8".utf8) || utf8[range].elementsEqual(replacement) { return }
        utf8.replaceSubrange(range, with: replacement)
    }

    /// The byte range of the encoding value inside a leading `<?xml …?>` in ASCII-compatible text.
    static func encodingValueRange(in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let count = min(text.count, scanLimit)
        let opening: [UInt8] = Array("<?xml".utf8)
        guard count > opening.count else { return nil }
        for index in 0..<opening.count where text[index] != opening[index] { return nil }
        guard isSpace(text[opening.count]) else { return nil }

        // End of the declaration: the first '>' (as feedparser's `<\?xml[^>]*?>`).
        var end = opening.count
        while end < count && text[end] != UInt8(ascii: ">") { end += 1 }
        guard end < count else { return nil }

        let keyword: [UInt8] = Array("encoding".utf8)
        var index = opening.count
        while index + keyword.count <= end {
            if isSpace(text[index - 1]) && matches(text, at: index, keyword) {
                var cursor = index + keyword.count
                while cursor < end && isSpace(text[cursor]) { cursor += 1 }
                if cursor < end && text[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    while cursor < end && isSpace(text[cursor]) { cursor += 1 }
                    if cursor < end && (text[cursor] == UInt8(ascii: "\"") || text[cursor] == UInt8(ascii: "'")) {
                        let quote = text[cursor]
                        let start = cursor + 1
                        var stop = start
                        while stop < end && text[stop] != quote { stop += 1 }
                        if stop < end { return start..<stop }
                    }
                    return nil
                }
            }
            index += 1
        }
        return nil
    }

    /// The leading ASCII characters of the document, decoded through the sniffed encoding.
    private static func asciiPrefix(of bytes: UnsafeBufferPointer<UInt8>, sniffed: String?) -> [UInt8] {
        var prefix: [UInt8] = []
        prefix.reserveCapacity(min(bytes.count, scanLimit))
        switch sniffed {
        case "utf-16le", "utf-16be", "utf-32le", "utf-32be":
            let width = sniffed!.hasPrefix("utf-16") ? 2 : 4
            let bigEndian = sniffed!.hasSuffix("be")
            var offset = 0
            while offset + width <= bytes.count && prefix.count < scanLimit {
                var unit: UInt32 = 0
                for byteIndex in 0..<width {
                    let byte = UInt32(bytes[offset + (bigEndian ? byteIndex : width - 1 - byteIndex)])
                    unit = unit << 8 | byte
                }
                guard unit < 0x80 else { break }
                prefix.append(UInt8(unit))
                if unit == UInt32(UInt8(ascii: ">")) { break }
                offset += width
            }
        case "cp037":
            let head = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, scanLimit)])
            if let converter = IconvConverter(fromEncoding: "IBM037"),
                let converted = converter.convert(head)
            {
                prefix = converted
            }
        default:
            prefix.append(contentsOf: bytes[0..<min(bytes.count, scanLimit)])
        }
        return prefix
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at index: Int, _ word: [UInt8]) -> Bool {
        for offset in 0..<word.count where text[index + offset] != word[offset] { return false }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
