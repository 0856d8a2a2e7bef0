import Testing

@testable import Syndication

@Suite("Byte order marks and wide encodings")
struct ByteOrderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var encoding: String
        var testDescription: String { name }
    }

    static func declared(_ label: String) -> String {
        "<?xml version=\"1.0\" encoding=\"\(label)\"?><feed><title>Grüße ☃ 𝄞</title></feed>"
    }
    static let declaredWide = declared("utf-16")
    static let declared32 = declared("UTF-32")
    static let undeclared = "<feed><title>Grüße ☃ 𝄞</title></feed>"
    static let expected = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed><title>Grüße ☃ 𝄞</title></feed>"

    static let cases: [Case] = [
        Case(
            name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + ascii(declared("utf-8")),
            encoding: "utf-8"),
        Case(name: "UTF-16 LE BOM", bytes: [0xFF, 0xFE] + utf16(declaredWide, bigEndian: false), encoding: "utf-16le"),
        Case(name: "UTF-16 BE BOM", bytes: [0xFE, 0xFF] + utf16(declaredWide, bigEndian: true), encoding: "utf-16be"),
        Case(name: "UTF-32 LE BOM", bytes: [0xFF, 0xFE, 0, 0] + utf32(declared32, bigEndian: false), encoding: "utf-32le"),
        Case(name: "UTF-32 BE BOM", bytes: [0, 0, 0xFE, 0xFF] + utf32(declared32, bigEndian: true), encoding: "utf-32be"),
        Case(name: "UTF-16 LE without BOM", bytes: utf16(declaredWide, bigEndian: false), encoding: "utf-16le"),
        Case(name: "UTF-16 BE without BOM", bytes: utf16(declaredWide, bigEndian: true), encoding: "utf-16be"),
        Case(name: "UTF-32 LE without BOM", bytes: utf32(declared32, bigEndian: false), encoding: "utf-32le"),
        Case(name: "UTF-32 BE without BOM", bytes: utf32(declared32, bigEndian: true), encoding: "utf-32be"),
        Case(
            name: "UTF-16 BE declared u16", bytes: utf16(declared("u16"), bigEndian: true),
            encoding: "utf-16be"),
    ]

    @Test("BOM or pattern decides, BOM removed, declaration rewritten", arguments: cases)
    func decodes(_ testCase: Case) throws {
        let document = FeedEncodingDetector.decode(testCase.bytes, contentType: nil)
        #expect(document.encoding == testCase.encoding)
        #expect(document.warnings.isEmpty)
        #expect(try #require(text(document)) == Self.expected)
    }

    @Test(
        "undeclared wide documents",
        arguments: [
            (utf16(undeclared, bigEndian: false), "utf-16le"),
            (utf16(undeclared, bigEndian: true), "utf-16be"),
            ([0xFF, 0xFE] + utf16(undeclared, bigEndian: false), "utf-16le"),
            (utf32(undeclared, bigEndian: true), "utf-32be"),
        ])
    func undeclaredWide(_ bytes: [UInt8], _ encoding: String) {
        let document = FeedEncodingDetector.decode(bytes, contentType: "application/xml")
        #expect(document.encoding == encoding)
        #expect(document.warnings.isEmpty)
        #expect(text(document) == Self.undeclared)
    }

    @Test func byteOrderMarkOutranksConflictingCharset() {
        let bytes = [0xEF, 0xBB, 0xBF] + ascii("<rss><title>café</title></rss>")
        let document = FeedEncodingDetector.decode(bytes, contentType: "application/xml; charset=iso-8859-1")
        #expect(document.encoding == "utf-8")
        #expect(codes(document) == [override])
        #expect(text(document) == "<rss><title>café</title></rss>")
    }

    @Test func byteOrderMarkOutranksTextXMLDefaultSilently() {
        let bytes = [0xFF, 0xFE] + utf16("<rss><title>ü</title></rss>", bigEndian: false)
        let document = FeedEncodingDetector.decode(bytes, contentType: "text/xml")
        #expect(document.encoding == "utf-16le")
        #expect(document.warnings.isEmpty)
    }

    @Test func wideUTF16CharsetResolvedByBOM() {
        let bytes = [0xFE, 0xFF] + utf16("<rss/>", bigEndian: true)
        let document = FeedEncodingDetector.decode(bytes, contentType: "application/xml; charset=UTF-16")
        #expect(document.encoding == "utf-16be")
        #expect(document.warnings.isEmpty)
        #expect(text(document) == "<rss/>")
    }

    @Test func ebcdicDeclaration() {
        let bytes: [UInt8] = [
            0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40, 0xA5, 0x85, 0x99, 0xA2, 0x89, 0x96, 0x95, 0x7E, 0x7F, 0xF1, 0x4B,
            0xF0, 0x7F, 0x40, 0x85, 0x95, 0x83, 0x96, 0x84, 0x89, 0x95, 0x87, 0x7E, 0x7F, 0x85, 0x82, 0x83, 0x84,
            0x89, 0x83, 0x60, 0x83, 0x97, 0x60, 0xA4, 0xA2, 0x7F, 0x6F, 0x6E, 0x4C, 0x81, 0x6E, 0xC8, 0x89, 0x4C,
            0x61, 0x81, 0x6E,
        ]
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "cp037")
        #expect(document.warnings.isEmpty)
        #expect(text(document) == "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>Hi</a>")
    }

    @Test(
        "truncated or unpaired wide input falls back",
        arguments: [
            [0xFF, 0xFE, 0x3C, 0x00, 0x61] as [UInt8],  // odd length after a UTF-16 LE BOM
            [0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x61],  // unpaired high surrogate
            [0xFF, 0xFE, 0x00, 0xDC, 0x3C, 0x00],  // lone low surrogate
            [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x11, 0x00, 0x00],  // scalar above U+10FFFF
            [0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00, 0x00],  // truncated UTF-32
        ])
    func malformedWide(_ bytes: [UInt8]) {
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(codes(document).contains(override))
        #expect(text(document) != nil)
        #expect(!document.encoding.hasPrefix("utf-16") && !document.encoding.hasPrefix("utf-32"))
    }

    @Test(
        "byte order mark alone",
        arguments: [
            ([0xEF, 0xBB, 0xBF] as [UInt8], "utf-8"), ([0xFF, 0xFE], "utf-16le"), ([0xFE, 0xFF], "utf-16be"),
            ([0xFF, 0xFE, 0, 0], "utf-32le"), ([0, 0, 0xFE, 0xFF], "utf-32be"),
        ])
    func markOnly(_ bytes: [UInt8], _ encoding: String) {
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == encoding)
        #expect(document.utf8.isEmpty)
        #expect(document.warnings.isEmpty)
    }
}
