/// Fast UTF-8 validation and the single-byte windows-1252 decoding used when it fails.
enum UTF8Check {
    /// Whether `bytes` is well-formed UTF-8 (a sequence cut at the very end counts as valid:
    /// pages are sometimes truncated mid-character).
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                if lead >= 0xC2 && lead <= 0xDF {
                    length = 2
                } else if lead >= 0xE0 && lead <= 0xEF {
                    length = 3
                } else if lead >= 0xF0 && lead <= 0xF4 {
                    length = 4
                } else {
                    return false
                }
                if index + length > count {
                    for offset in (index + 1)..<count where buffer[offset] & 0xC0 != 0x80 { return false }
                    return true
                }
                for offset in 1..<length where buffer[index + offset] & 0xC0 != 0x80 { return false }
                let second = buffer[index + 1]
                if lead == 0xE0 && second < 0xA0 { return false }
                if lead == 0xED && second > 0x9F { return false }
                if lead == 0xF0 && second < 0x90 { return false }
                if lead == 0xF4 && second > 0x8F { return false }
                index += length
            }
            return true
        }
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
            let scalar: UInt32 = byte >= 0xA0 ? UInt32(byte) : c1Table[Int(byte - 0x80)]
            output.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        }
        return output
    }

    /// Code points of windows-1252 bytes 0x80…0x9F.
    private static let c1Table: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
