import Testing

@testable import Extraction

@Suite("Character encodings")
struct CharsetTests {
    @Test(arguments: ["windows-1252.html", "meta-latin9.html", "utf8-bom.html"])
    func decodesLegacyAndMarkedPages(_ name: String) throws {
        let page = ArticleExtractor.extract(try FixtureLoader.bytes(name), url: nil, contentType: nil)
        #expect(page.title == "Café culture returns")
        #expect(page.text.contains("The cafés of the old town"))
        #expect(page.text.contains("crème brûlée"))
        #expect(!page.text.contains("Ã"))
    }

    @Test func windows1252SpecialsWithoutMeta() throws {
        let page = ArticleExtractor.extract(try FixtureLoader.bytes("windows-1252.html"), url: nil, contentType: nil)
        #expect(page.text.contains("Monday — and"))
        #expect(page.text.contains("“the longest in years,”"))
        #expect(page.text.contains("5€"))
    }

    @Test func httpCharsetWinsOverMeta() {
        let bytes: [UInt8] = Array("<html><head><meta charset=\"utf-8\"></head><body><p>caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        #expect(CharsetSniffer.decide(bytes, contentType: "text/html; charset=ISO-8859-1").name == "windows-1252")
        #expect(CharsetSniffer.decide(bytes, contentType: "text/html").source == .meta)
    }

    @Test func sniffingOrder() {
        #expect(CharsetSniffer.decide([0xEF, 0xBB, 0xBF, 0x3C], contentType: nil) == .init(name: "UTF-8", source: .byteOrderMark))
        #expect(
            CharsetSniffer.decide(Array("<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>".utf8), contentType: nil).name
                == "CP932")
        #expect(CharsetSniffer.decide(Array("<p>plain ascii</p>".utf8), contentType: nil) == .init(name: "UTF-8", source: .validity))
        #expect(CharsetSniffer.decide([0x3C, 0x70, 0x3E, 0xE9, 0x3C], contentType: nil) == .init(name: "windows-1252", source: .fallback))
        #expect(CharsetSniffer.decide(Array("<meta charset=\"x-unknown-thing\">".utf8), contentType: nil).source == .validity)
    }
}
