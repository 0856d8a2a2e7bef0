/// Splits text into `StoryToken`s: Unicode letters and digits form words; apostrophes,
/// hyphens and all other punctuation separate them ("Russia's" → "russia", "s").
enum StoryTokenizer {
    /// The tokens of `text`, at most `limit` of them.
    static func tokens(of text: String, limit: Int = .max) -> [StoryToken] {
        var result: [StoryToken] = []
        result.reserveCapacity(min(limit, text.utf8.count / 5 + 1))
        var hash = StableHash.seed
        var length = 0
        var capitalized = false
        var numeric = false
        var sentenceStart = true
        var wordSentenceInitial = true

        func finish() {
            guard length > 0 else { return }
            result.append(
                StoryToken(
                    hash: StableHash.mix(hash), length: length, isCapitalized: capitalized,
                    isNumeric: numeric, isSentenceInitial: wordSentenceInitial))
            length = 0
            hash = StableHash.seed
            sentenceStart = false
        }

        for scalar in text.unicodeScalars {
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
                if result.count >= limit { return result }
                switch scalar.value {
                case 0x2E, 0x21, 0x3F, 0x0A, 0x3A: sentenceStart = true  // . ! ? newline :
                default: break
                }
            }
        }
        finish()
        if result.count > limit { result.removeLast(result.count - limit) }
        return result
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
