import LibXML
import Testing

@Suite("HTMLEntities")
struct EntityTests {
    @Test(
        "named references",
        arguments: [
            ("nbsp", [Unicode.Scalar(0xA0)!]),
            ("amp;", [Unicode.Scalar(0x26)!]),
            ("&hellip;", [Unicode.Scalar(0x2026)!]),
            ("NotEqualTilde", [Unicode.Scalar(0x2242)!, Unicode.Scalar(0x338)!]),
            ("eacute", [Unicode.Scalar(0xE9)!]),
        ])
    func lookup(_ name: String, _ expected: [Unicode.Scalar]) {
        #expect(HTMLEntities.scalar(named: name) == expected)
    }

    @Test("unknown and case-sensitive names")
    func unknown() {
        #expect(HTMLEntities.scalar(named: "bogus") == nil)
        #expect(HTMLEntities.scalar(named: "NBSP") == nil)
        #expect(HTMLEntities.scalar(named: "") == nil)
        #expect(HTMLEntities.string(named: "copy") == "\u{A9}")
        #expect(HTMLEntities.isHTML4Name("hellip"))
        #expect(!HTMLEntities.isHTML4Name("NotEqual"))
        #expect(HTMLEntities.isLegacyNameWithoutSemicolon("amp"))
    }
}
