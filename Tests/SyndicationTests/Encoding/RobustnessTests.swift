import Testing

@testable import Syndication

@Suite("Robustness")
struct RobustnessTests {
    static let contentTypes: [String?] = [
        nil, "application/xml", "text/xml", "text/plain", "application/rss+xml; charset=utf-16",
        "text/xml; charset=shift_jis", "application/xml; charset=big5", "application/json", "image/png",
        "text/xml; charset=\"", "application/xml; charset=utf-32be",
    ]
    static let prefixes: [[UInt8]] = [
        [], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF],
        [0x3C, 0, 0x3F, 0], [0, 0x3C, 0, 0x3F], [0x4C, 0x6F, 0xA7, 0x94],
        Array("<?xml version='1.0' encoding='euc-kr'?>".utf8),
        Array("<?xml version='1.0' encoding='iso-2022-jp'?>".utf8),
        Array("<?xml encoding=\"".utf8),
    ]

    @Test("random bytes never crash and always give valid UTF-8", arguments: 0..<8)
    func fuzz(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &* 0x1234_5678_9ABC_DEF1)
        for _ in 0..<250 {
            let length = Int.random(in: 0..<300, using: &generator)
            var bytes = Self.prefixes.randomElement(using: &generator)!
            bytes += (0..<length).map { _ in
                // Bias towards interesting bytes: ASCII markup, NUL, C1 controls, lead bytes.
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: return [0x3C, 0x3E, 0x3F, 0x00, 0x22, 0x27, 0x3D].randomElement(using: &generator)!
                case 1: return UInt8.random(in: 0x80...0x9F, using: &generator)
                default: return UInt8.random(in: 0...255, using: &generator)
                }
            }
            let contentType = Self.contentTypes.randomElement(using: &generator)!
            let document = FeedEncodingDetector.decode(bytes, contentType: contentType)
            #expect(text(document) != nil)
            #expect(!document.encoding.isEmpty)
        }
    }

    @Test("random Content-Type strings never crash", arguments: 0..<4)
    func fuzzHeaders(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 99)
        let alphabet = Array("text/xml;charset= \"'utf-8,=\\\t")
        for _ in 0..<300 {
            let header = String(
                (0..<Int.random(in: 0..<40, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                })
            _ = FeedEncodingDetector.charset(fromContentType: header)
            _ = FeedEncodingDetector.mediaType(fromContentType: header)
            let document = FeedEncodingDetector.decode(ascii("<a/>"), contentType: header)
            #expect(text(document) != nil)
        }
    }

    @Test func largeInputIsConvertedInOnePiece() throws {
        let unit: [UInt8] = ascii("<p>caf") + [0xE9, 0x20, 0x93, 0x71, 0x94] + ascii("</p>\n")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4_000_000)
        while bytes.count < 4_000_000 { bytes += unit }
        let document = FeedEncodingDetector.decode(bytes, contentType: "application/xml; charset=windows-1252")
        #expect(document.encoding == "windows-1252")
        let decoded = try #require(text(document))
        #expect(decoded.hasPrefix("<p>café “q”</p>\n"))
        #expect(document.utf8.count == bytes.count / unit.count * (unit.count + 5))
    }

    @Test func declarationBeyondScanLimitIsIgnored() {
        let bytes = ascii("<?xml version=\"1.0\"" + String(repeating: " ", count: 2000) + " encoding=\"koi8-r\"?><a/>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "utf-8")
    }

    @Test func declarationWithSpacesAroundEquals() {
        let bytes = ascii("<?xml version=\"1.0\" encoding = 'KOI8-R' ?><a>") + [0xF0] + ascii("</a>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "koi8-r")
        #expect(text(document) == "<?xml version=\"1.0\" encoding = 'utf-8' ?><a>П</a>")
    }

    @Test func statefulEncodingIsFlushed() {
        // ISO-2022-JP: ESC $ B, "日" (0x46 0x7C), ESC ( B back to ASCII.
        let bytes =
            ascii("<?xml version=\"1.0\" encoding=\"iso-2022-jp\"?><a>") + [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x1B, 0x28, 0x42]
            + ascii("</a>")
        let document = FeedEncodingDetector.decode(bytes, contentType: nil)
        #expect(document.encoding == "iso2022_jp")
        #expect(text(document) == "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>日</a>")
    }
}
