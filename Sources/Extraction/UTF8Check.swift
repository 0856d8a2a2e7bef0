import LibXML

/// Fast UTF-8 validation and the single-byte windows-1252 decoding used when it fails.
enum UTF8Check {
    /// Whether `bytes` is well-formed UTF-8 (a sequence cut at the very end counts as valid:
    /// pages are sometimes truncated mid-character).
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ByteScan.isValidUTF8($0, allowingCutEnd: true) }
    }

    /// windows-1252 bytes as UTF-8 (the five undefined bytes map to the C1 controls, as browsers do).
    static func decodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar = Windows1252.translatingC1(UInt32(byte))
            output.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        }
        return output
    }

    /// Text with C1 control characters repaired: a misread UTF-8 sequence ("â\u{80}\u{99}",
    /// the bytes E2 80 99 of "’" each taken for a character, some of them as windows-1252 would
    /// show them: "â€\u{9D}") becomes the character again, and a lone C1 control becomes the
    /// windows-1252 character of its byte ("we\u{92}re" is "we’re"). Text without a C1 control is
    /// returned as it is.
    static func repairingMisreadText(_ text: String) -> String {
        var text = text
        guard text.withUTF8(ByteScan.containsC1Control) else { return text }
        let scalars = Array(text.unicodeScalars)
        var repaired = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value >= 0xC2 && value <= 0xF4 {
                let needed = value >= 0xF0 ? 3 : value >= 0xE0 ? 2 : 1
                if index + needed < scalars.count {
                    var bytes: [UInt8] = [UInt8(value)]
                    var misread = false
                    for next in scalars[(index + 1)...(index + needed)] {
                        guard let byte = byte(ofMisread: next), byte >= 0x80, byte < 0xC0 else { break }
                        if byte < 0xA0 { misread = true }
                        bytes.append(byte)
                    }
                    if misread, bytes.count == needed + 1, let character = String(validating: bytes, as: UTF8.self) {
                        repaired.append(contentsOf: character.unicodeScalars)
                        index += needed + 1
                        continue
                    }
                }
            }
            if value >= 0x80 && value < 0xA0, let translated = Unicode.Scalar(Windows1252.translatingC1(value)) {
                repaired.append(translated)
            } else {
                repaired.append(scalars[index])
            }
            index += 1
        }
        return String(repaired)
    }

    /// The byte a character stands for when bytes were shown as ISO-8859-1 or windows-1252.
    private static func byte(ofMisread scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x100 { return UInt8(scalar.value) }
        return Windows1252.high.firstIndex(of: scalar.value).map { UInt8(0x80 + $0) }
    }
}
