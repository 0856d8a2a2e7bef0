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
}
