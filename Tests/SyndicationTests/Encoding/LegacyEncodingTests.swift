import Testing

@testable import Syndication

@Suite("Legacy encodings")
struct LegacyEncodingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var payload: [UInt8]
        var encoding: String
        var expected: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "big5", payload: [0xA4, 0xA4, 0xA4, 0xE5], encoding: "big5", expected: "中文"),
        Case(label: "GB2312", payload: [0xD6, 0xD0, 0xCE, 0xC4], encoding: "gb18030", expected: "中文"),
        Case(label: "gb18030", payload: [0xA2, 0xE3], encoding: "gb18030", expected: "€"),
        Case(label: "Shift_JIS", payload: [0x93, 0xFA, 0x96, 0x7B], encoding: "shift_jis", expected: "日本"),
        Case(label: "sjis", payload: [0x93, 0xFA, 0x96, 0x7B], encoding: "shift_jis", expected: "日本"),
        Case(label: "KOI8-R", payload: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], encoding: "koi8-r", expected: "Привет"),
        Case(label: "euc-kr", payload: [0xC7, 0xD1, 0xB1, 0xB9], encoding: "euc-kr", expected: "한국"),
        Case(label: "iso-8859-2", payload: [0xA3, 0xF3, 0x64, 0xBC], encoding: "iso-8859-2", expected: "Łódź"),
        Case(label: "iso8859_2", payload: [0xA3, 0xF3, 0x64, 0xBC], encoding: "iso-8859-2", expected: "Łódź"),
        Case(label: "windows-1252", payload: [0x93, 0x80, 0x35, 0x94], encoding: "windows-1252", expected: "“€5”"),
        Case(label: "iso-8859-1", payload: [0xA3, 0xE9, 0xFF], encoding: "iso-8859-1", expected: "£éÿ"),
        Case(label: "us-ascii", payload: ascii("plain"), encoding: "us-ascii", expected: "plain"),
    ]

    @Test("declared legacy encoding", arguments: cases)
    func declared(_ testCase: Case) throws {
        let bytes = ascii("<?xml version=\"1.0\" encoding=\"\(testCase.label)\"?><t>") + testCase.payload + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == testCase.encoding)
        #expect(document.warnings.isEmpty)
        #expect(try #require(text(document)) == "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>\(testCase.expected)</t>")
    }

    @Test("legacy encoding from HTTP charset", arguments: cases)
    func fromHTTP(_ testCase: Case) throws {
        let bytes = ascii("<t>") + testCase.payload + ascii("</t>")
        let document = FeedEncodingDetector.decode(bytes, contentType: "text/xml; charset=\"\(testCase.label)\"")
        #expect(document.encoding == testCase.encoding)
        #expect(document.warnings.isEmpty)
        #expect(try #require(text(document)) == "<t>\(testCase.expected)</t>")
    }

    @Test func shiftJISInvalidSequenceFallsBack() {
        // 0x93 followed by a byte that cannot trail it, then a lone lead byte at the end.
        let bytes = ascii("<?xml version=\"1.0\" encoding=\"shift_jis\"?><t>") + [0x93, 0x0A, 0x81]
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding != "shift_jis")
        #expect(codes(document).contains(override))
        #expect(text(document) != nil)
    }
}
