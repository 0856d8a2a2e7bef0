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
        // The word's UTF-8 bytes as written, and lower-cased while it is ASCII. Bytes, not a
        // `String.UnicodeScalarView`: appending to the view takes String's generic
        // replace-subrange path, a fifth of region tagging.
        var word: [UInt8] = []
        var lowered: [UInt8] = []
        var isASCII = true
        var startsUpper = false
        var letters = 0
        var upperLetters = 0
        var sentenceStart = true
        var currentZone = zone
        var paragraphHasWords = false

        func finish() {
            guard !word.isEmpty else { return }
            let key = isASCII ? String(decoding: lowered, as: UTF8.self) : fold(String(decoding: word, as: UTF8.self))
            result.append(
                PlaceToken(
                    key: key, isCapitalized: startsUpper, isAllCaps: letters > 1 && upperLetters == letters,
                    isSentenceInitial: sentenceStart, zone: currentZone))
            word.removeAll(keepingCapacity: true)
            lowered.removeAll(keepingCapacity: true)
            isASCII = true
            letters = 0
            upperLetters = 0
            sentenceStart = false
            paragraphHasWords = true
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                let isUpper = byte >= 0x41 && byte <= 0x5A
                if isUpper || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    if word.isEmpty { startsUpper = isUpper }
                    if byte >= 0x41 { letters += 1 }
                    if isUpper { upperLetters += 1 }
                    word.append(byte)
                    lowered.append(isUpper ? byte + 0x20 : byte)
                    continue
                }
            } else {
                let properties = scalar.properties
                let isLetter = properties.isAlphabetic
                if isLetter || properties.numericType != nil || (properties.generalCategory == .nonspacingMark && !word.isEmpty) {
                    if word.isEmpty { startsUpper = properties.isUppercase }
                    if isLetter {
                        letters += 1
                        if properties.isUppercase { upperLetters += 1 }
                    }
                    UTF8.encode(scalar) { word.append($0) }
                    isASCII = false
                    continue
                }
            }
            finish()
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
        }
        finish()
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
