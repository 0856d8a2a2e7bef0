import Testing

@testable import Aggregation

@Suite("StableHash")
struct StableHashTests {
    @Test func contentHashIsTheHashOfTheLowerCasedWordsJoinedBySpaces() {
        #expect(StableHash.contentHash(of: "Hello,  World!\r\n42 -- ok.") == StableHash.hex(["hello world 42 ok"]))
        #expect(StableHash.contentHash(of: "  ...  ") == StableHash.hex([""]))
        #expect(StableHash.contentHash(of: "") == StableHash.hex([""]))
    }

    @Test func punctuationSpacingAndCaseDoNotCountButWordsDo() {
        let hash = StableHash.contentHash(of: "Cuba and Russia sign a deal.")
        #expect(StableHash.contentHash(of: "CUBA and russia   sign a deal") == hash)
        #expect(StableHash.contentHash(of: "Cuba and Russia signed a deal.") != hash)
    }

    @Test func nonASCIITextsHashTheirLowerCasedLettersToo() {
        #expect(StableHash.contentHash(of: "Café AU lait — São Paulo!") == StableHash.hex(["café au lait são paulo"]))
        // The same words, one text with a non-ASCII dash: the same fingerprint on either path.
        #expect(StableHash.contentHash(of: "Talks in Havana — day two") == StableHash.contentHash(of: "Talks in Havana - day two"))
    }

    @Test func aTitleAndTextHashAsTheTitleALineBreakAndTheText() {
        #expect(StableHash.contentHash(title: "Deal signed", text: "Cuba and Russia sign.") == StableHash.hex(["deal signed cuba and russia sign"]))
        // The line break ends the title's last word: "signed" and "Cuba" stay two words.
        #expect(StableHash.contentHash(title: "signed", text: "cuba") != StableHash.contentHash(of: "signedcuba"))
        let pairs = [("", ""), ("Title", ""), ("", "Text only."), ("São Paulo", "talks"), ("Talks", "in São Paulo"), ("  ", "  x  ")]
        for (title, text) in pairs {
            #expect(StableHash.contentHash(title: title, text: text) == StableHash.contentHash(of: title + "\n" + text))
        }
    }
}
