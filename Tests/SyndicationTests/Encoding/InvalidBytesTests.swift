import Testing

@testable import Syndication

@Suite("Invalid bytes and C1 controls")
struct InvalidBytesTests {
    @Test func invalidUTF8FallsBackToWindows1252() throws {
        let bytes = ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?><t>Espa") + [0xF1] + ascii("a</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "windows-1252")
        #expect(codes(document) == [override])
        #expect(try #require(text(document)).contains("España"))
    }

    @Test func invalidUTF8AfterBOMFallsBack() {
        let bytes = [0xEF, 0xBB, 0xBF] + ascii("<t>ok ") + [0xD1, 0xA8] + ascii(" bad ") + [0xF1, 0x61] + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "windows-1252")
        #expect(codes(document) == [override])
        #expect(document.utf8.prefix(3) != [0xEF, 0xBB, 0xBF])
    }

    @Test func undefinedWindows1252ByteFallsBackToLatin2() throws {
        // 0x9D is undefined in windows-1252; ISO-8859-2 reads 0xA9 as Š.
        let bytes = ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?><t>") + [0xE2, 0x80, 0x99, 0x9D, 0xA9] + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "iso-8859-2")
        #expect(codes(document) == [override])
        #expect(try #require(text(document)).contains("â€™\u{9D}Š"))
    }

    @Test(
        "strict UTF-8 rejects",
        arguments: [
            [0xC0, 0xAF] as [UInt8],  // overlong '/'
            [0xE0, 0x80, 0xAF],  // overlong
            [0xED, 0xA0, 0x80],  // surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xF5, 0x80, 0x80, 0x80],  // invalid lead
            [0xE2, 0x82],  // truncated at end
            [0x80],  // lone continuation
        ])
    func strictUTF8(_ invalid: [UInt8]) {
        let document = FeedEncodingDetector.decode(ascii("<t>") + invalid, contentType: "application/xml")
        #expect(document.encoding != "utf-8")
        #expect(codes(document).contains(override))
        #expect(text(document) != nil)
    }

    @Test func validFourByteUTF8Accepted() {
        let bytes = ascii("<t>") + [0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBF] + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "utf-8")
        #expect(document.utf8 == bytes)
    }

    @Test func c1ControlsInUTF8BecomeWindows1252() {
        let bytes = ascii("<t>don") + [0xC2, 0x92] + ascii("t ") + [0xC2, 0x80, 0xC2, 0x8A, 0xC2, 0x81] + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "utf-8")
        #expect(text(document) == "<t>don’t €Š\u{81}</t>")
    }

    @Test func c1ControlsInLatin1BecomeWindows1252() {
        let bytes = ascii("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>don") + [0x92] + ascii("t") + [0x9D] + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "iso-8859-1")
        #expect(document.warnings.isEmpty)
        #expect(text(document) == "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>don’t\u{9D}</t>")
    }

    @Test func c1TranslationCanBeDisabled() {
        let bytes = ascii("<t>don") + [0xC2, 0x92] + ascii("t</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil, translatesC1Controls: false)
        #expect(document.utf8 == bytes)
    }

    @Test func c1TranslationInUTF16() {
        let bytes = [0xFF, 0xFE] + utf16("<t>\u{96}</t>", bigEndian: false)
        #expect(text(FeedEncodingDetector.decode(bytes, contentType: nil)) == "<t>–</t>")
    }

    @Test(
        "windows-1252 reading of C1 scalars",
        arguments: [
            (0x92 as UInt32, 0x2019 as UInt32), (0x80, 0x20AC), (0x9F, 0x0178), (0x81, 0x81), (0x41, 0x41), (0xE9, 0xE9),
        ])
    func windows1252Character(_ input: UInt32, _ output: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(input))
        #expect(FeedEncodingDetector.windows1252Character(forC1Control: scalar).value == output)
    }

    @Test func usASCIIWithHighBytesAndNoDeclarationFallsBack() {
        let bytes = ascii("<t>caf") + [0xC3, 0xA9] + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: "text/xml")
        #expect(document.encoding == "utf-8")
        #expect(codes(document) == [override])
        #expect(text(document) == "<t>café</t>")
    }
}
