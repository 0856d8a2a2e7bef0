import Foundation

/// Splits text into `PlaceToken`s: runs of letters and digits; hyphens are kept as their own
/// token (so "Guinea-Bissau" is one three-token name); apostrophes and other punctuation split
/// ("Russia's" → "russia", "s").
enum PlaceTokenizer {
    /// The tokens of `text`; `zone` is given to the first paragraph's words, `zone + 1` to the
    /// rest when `splitsLead` is set.
    static func tokens(of text: String, zone: Int, splitsLead: Bool) -> [PlaceToken] {
        var result: [PlaceToken] = []
        var word = String.UnicodeScalarView()
        var sentenceStart = true
        var currentZone = zone
        var paragraphHasWords = false

        func finish() {
            guard !word.isEmpty else { return }
            let raw = String(word)
            let first = word.first!
            let letters = raw.unicodeScalars.filter { $0.properties.isAlphabetic }
            result.append(
                PlaceToken(
                    key: fold(raw), isCapitalized: first.properties.isUppercase,
                    isAllCaps: !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
                        && letters.count > 1,
                    isSentenceInitial: sentenceStart, zone: currentZone))
            word.removeAll()
            sentenceStart = false
            paragraphHasWords = true
        }

        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil
                || (properties.generalCategory == .nonspacingMark && !word.isEmpty)
            {
                word.append(scalar)
                continue
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
