import Testing

@testable import Syndication

@Suite("Double-encoded UTF-8 repair")
struct DoubleEncodingRepairTests {
    @Test(arguments: [
        ("Caf\u{C3}\u{A9}", "Caf\u{E9}"),
        ("\u{C2}\u{A9} 2024", "\u{A9} 2024"),
        ("\u{E2}\u{80}\u{A6}", "\u{2026}"),
        ("Caf\u{E9}", "Caf\u{E9}"),
        ("Tom\u{E1}s \u{158}ezn\u{ED}\u{10D}ek", "Tom\u{E1}s \u{158}ezn\u{ED}\u{10D}ek"),
        ("na\u{EF}ve", "na\u{EF}ve"),
        ("plain ASCII", "plain ASCII"),
        ("\u{C3}\u{A9}\u{20AC}", "\u{C3}\u{A9}\u{20AC}"),
    ])
    func misreadLatin1IsTurnedBackAndEverythingElseKept(text: String, expected: String) {
        #expect(FeedDocumentHandler.repairDoubleEncodedUTF8(text) == expected)
    }
}
