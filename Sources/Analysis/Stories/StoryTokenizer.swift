/// Splits text into `StoryToken`s: Unicode letters and digits form words; apostrophes,
/// hyphens and all other punctuation separate them ("Russia's" → "russia", "s").
enum StoryTokenizer {
    /// The tokens of `text`, at most `limit` of them.
    static func tokens(of text: String, limit: Int = .max) -> [StoryToken] {
        let capacity = min(limit, text.utf8.count / 5 + 1)
        // The UTF-8 bytes decoded by hand (a String's bytes are valid UTF-8); the scalar view
        // for a string without contiguous storage.
        var scanner: Scanner
        if let scanned = text.utf8.withContiguousStorageIfAvailable({ bytes in
            var scanner = Scanner(limit: limit, capacity: capacity)
            scanner.scan(bytes)
            return scanner
        }) {
            scanner = scanned
        } else {
            scanner = Scanner(limit: limit, capacity: capacity)
            for scalar in text.unicodeScalars where !scanner.feed(scalar) { break }
        }
        // Stopped at the limit: as it stands. Otherwise the last word, and no more than `limit`.
        if scanner.done { return scanner.result }
        scanner.finish()
        if scanner.result.count > limit { scanner.result.removeLast(scanner.result.count - limit) }
        return scanner.result
    }

    /// The running state of a text's tokenization, one scalar at a time.
    private struct Scanner {
        let limit: Int
        var result: [StoryToken] = []
        var hash = StableHash.seed
        var length = 0
        var capitalized = false
        var numeric = false
        var sentenceStart = true
        var wordSentenceInitial = true
        /// `limit` tokens are out: the rest of the text is not read.
        var done = false

        init(limit: Int, capacity: Int) {
            self.limit = limit
            result.reserveCapacity(capacity)
        }

        mutating func finish() {
            guard length > 0 else { return }
            result.append(
                StoryToken(
                    hash: StableHash.mix(hash), length: length, isCapitalized: capitalized,
                    isNumeric: numeric, isSentenceInitial: wordSentenceInitial))
            length = 0
            hash = StableHash.seed
            sentenceStart = false
        }

        /// Feeds one scalar; false once `limit` tokens are out.
        @inline(__always)
        mutating func feed(_ scalar: Unicode.Scalar) -> Bool {
            if isWordScalar(scalar) {
                if length == 0 {
                    capitalized = isUppercase(scalar)
                    numeric = scalar.value >= 48 && scalar.value <= 57
                    wordSentenceInitial = sentenceStart
                }
                hash = StableHash.add(lowercased(scalar), to: hash)
                length += 1
            } else {
                finish()
                if result.count >= limit {
                    done = true
                    return false
                }
                switch scalar.value {
                case 0x2E, 0x21, 0x3F, 0x0A, 0x3A: sentenceStart = true  // . ! ? newline :
                default: break
                }
            }
            return true
        }

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    index += 1
                    if !feed(Unicode.Scalar(UInt8(truncatingIfNeeded: lead))) { return }
                    continue
                }
                let value: UInt32
                if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    value =
                        (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                        | UInt32(bytes[index + 3] & 0x3F)
                    index += 4
                }
                if !feed(Unicode.Scalar(value) ?? "\u{FFFD}") { return }
            }
        }
    }

    /// Letters, digits and marks are word characters.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        switch v {
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0xA0, 0xAB, 0xBB, 0x2022: return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
        }
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return scalar.properties.isUppercase
    }

    /// The lower-case value of a scalar (ASCII fast path; other scripts by their Unicode mapping).
    @inline(__always)
    static func lowercased(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 32 : v }
        guard scalar.properties.changesWhenLowercased,
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
        else { return v }
        return lower.value
    }
}
