import LibXML

/// Strict UTF-8 validation, as Python's `utf-8` codec applies it.
///
/// Rejects overlong forms, surrogates (U+D800–U+DFFF), scalars above U+10FFFF and truncated
/// sequences. ASCII runs are skipped eight bytes at a time.
enum UTF8Validator {
    /// Outcome of a validation pass.
    struct Result: Sendable, Hashable {
        /// `true` when every byte belongs to a well-formed sequence.
        var isValid: Bool
        /// `true` when a C1 control (U+0080–U+009F) with a windows-1252 reading occurs.
        var containsTranslatableC1: Bool
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Validates `bytes`, also noting whether C1 controls would need translation.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = bytes.baseAddress else { return Result(isValid: true, containsTranslatableC1: false) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        var containsC1 = false
        while index < count {
            // ASCII fast path.
            while index + 16 <= count {
                let first = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let second = raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                if (first | second) & highBits != 0 { break }
                index += 16
            }
            if index >= count { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }

            let needed: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: needed = 1
            case 0xE0:
                needed = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: needed = 2
            case 0xED:
                needed = 2
                high = 0x9F
            case 0xF0:
                needed = 3
                low = 0x90
            case 0xF1...0xF3: needed = 3
            case 0xF4:
                needed = 3
                high = 0x8F
            default: return Result(isValid: false, containsTranslatableC1: containsC1)
            }
            guard index + needed < count else { return Result(isValid: false, containsTranslatableC1: containsC1) }
            let second = base[index + 1]
            guard second >= low && second <= high else { return Result(isValid: false, containsTranslatableC1: containsC1) }
            if needed >= 2 {
                guard base[index + 2] & 0xC0 == 0x80 else { return Result(isValid: false, containsTranslatableC1: containsC1) }
                if needed == 3 && base[index + 3] & 0xC0 != 0x80 {
                    return Result(isValid: false, containsTranslatableC1: containsC1)
                }
            } else if lead == 0xC2 && second < 0xA0 && Windows1252.high[Int(second - 0x80)] != 0 {
                containsC1 = true
            }
            index += needed + 1
        }
        return Result(isValid: true, containsTranslatableC1: containsC1)
    }
}
