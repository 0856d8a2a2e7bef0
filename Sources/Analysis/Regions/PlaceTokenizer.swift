import Foundation

/// Splits text into `PlaceToken`s: runs of letters and digits; hyphens are kept as their own
/// token (so "Guinea-Bissau" is one three-token name); apostrophes and other punctuation split
/// ("Russia's" → "russia", "s").
enum PlaceTokenizer {
    /// The tokens of `text`; `zone` is given to the first paragraph's words, `zone + 1` to the
    /// rest when `splitsLead` is set.
    ///
    /// ASCII, most of an English text, is classified and lower-cased by its code points alone;
    /// Unicode properties and Foundation's folding are consulted only for other characters.
    static func tokens(of text: String, zone: Int, splitsLead: Bool) -> [PlaceToken] {
        var result: [PlaceToken] = []
        result.reserveCapacity(text.utf8.count / 6)
        var text = text
        text.withUTF8 { bytes in
            // The word is the bytes from `wordStart` (-1: none) to where it ends, whole scalars.
            var wordStart = -1
            var isASCII = true
            var startsUpper = false
            var letters = 0
            var upperLetters = 0
            var sentenceStart = true
            var currentZone = zone
            var paragraphHasWords = false

            func finish(at end: Int) {
                guard wordStart >= 0 else { return }
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
                let key =
                    isASCII
                    ? String(unsafeUninitializedCapacity: word.count) { lowered in
                        for index in 0..<word.count {
                            let byte = word[index]
                            lowered[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                        }
                        return word.count
                    } : fold(String(decoding: word, as: UTF8.self))
                result.append(
                    PlaceToken(
                        key: key, isCapitalized: startsUpper, isAllCaps: letters > 1 && upperLetters == letters,
                        isSentenceInitial: sentenceStart, zone: currentZone))
                wordStart = -1
                isASCII = true
                letters = 0
                upperLetters = 0
                sentenceStart = false
                paragraphHasWords = true
            }

            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                let (scalar, width) = WordTokenizer.decode(bytes, at: offset)
                if byte < 0x80 {
                    let isUpper = byte &- 0x41 < 26
                    if isUpper || byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                        if wordStart < 0 {
                            wordStart = offset
                            startsUpper = isUpper
                        }
                        if byte >= 0x41 { letters += 1 }
                        if isUpper { upperLetters += 1 }
                        offset += 1
                        continue
                    }
                } else {
                    let properties = scalar.properties
                    let isLetter = properties.isAlphabetic
                    if isLetter || properties.numericType != nil || (properties.generalCategory == .nonspacingMark && wordStart >= 0) {
                        if wordStart < 0 {
                            wordStart = offset
                            startsUpper = properties.isUppercase
                        }
                        if isLetter {
                            letters += 1
                            if properties.isUppercase { upperLetters += 1 }
                        }
                        isASCII = false
                        offset += width
                        continue
                    }
                }
                finish(at: offset)
                switch scalar {
                case "-", "\u{2010}", "\u{2011}":
                    result.append(
                        PlaceToken(
                            key: "-", isCapitalized: false, isAllCaps: false, isSentenceInitial: false,
                            zone: currentZone))
                case ".", "!", "?", ":", ";":
                    sentenceStart = true
                case "\n":
                    sentenceStart = true
                    if splitsLead && paragraphHasWords && currentZone == zone { currentZone = zone + 1 }
                default:
                    break
                }
                offset += width
            }
            finish(at: bytes.count)
        }
        return result
    }

    /// The lookup form of a word or phrase: lower case, no diacritics.
    static func fold(_ string: String) -> String {
        string.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The lookup keys of a gazetteer phrase, tokenized like text.
    static func keys(of phrase: String) -> [String] {
        tokens(of: phrase, zone: 0, splitsLead: false).map(\.key)
    }
}
