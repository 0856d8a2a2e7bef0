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

    /// Text whose UTF-8 was read as ISO-8859-1 before the page was written (C1 controls mark
    /// it) is repaired; other text, accents and all, is left as it is.
    @Test(arguments: [
        ("we\u{E2}\u{80}\u{99}ve narrowed it down", "we\u{2019}ve narrowed it down"),
        ("Starting at \u{E2}\u{82}\u{AC}14/month", "Starting at \u{20AC}14/month"),
        ("\u{E2}\u{20AC}\u{9D}quoted\u{E2}\u{20AC}\u{9D}", "\u{201D}quoted\u{201D}"),
        ("we\u{92}re here", "we\u{2019}re here"),
        ("caf\u{E9} cr\u{E8}me \u{C3}\u{A9}", "caf\u{E9} cr\u{E8}me \u{C3}\u{A9}"),
        ("It\u{2019}s fine", "It\u{2019}s fine"),
    ])
    func misreadTextIsRepaired(_ text: String, _ expected: String) {
        #expect(UTF8Check.repairingMisreadText(text) == expected)
    }

    @Test func misreadTextIsRepairedInTheArticleAndItsTitle() {
        let misread = "Investor\u{E2}\u{80}\u{99}s guide"
        let head = "<title>A DIY \(misread) | Harbour Post</title>"
        let dash = "\u{E2}\u{80}\u{94}"
        let body = "<article><h1>A DIY \(misread)</h1><p>\(misread) to the markets \(dash) in plain words.</p>\(FixtureLoader.prose)</article>"
        let page = ArticleExtractor.extract(FixtureLoader.page(head: head, body: body), url: nil, contentType: nil)
        #expect(page.title == "A DIY Investor\u{2019}s guide")
        #expect(page.text.contains("Investor\u{2019}s guide to the markets \u{2014} in plain words."))
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
