import Testing

@testable import Syndication

@Suite("Content-Type parsing")
struct ContentTypeHeaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var header: String
        var mediaType: String?
        var charset: String?
        var testDescription: String { header.debugDescription }
    }

    static let cases: [Case] = [
        Case(header: "application/xml", mediaType: "application/xml", charset: nil),
        Case(header: "Application/RSS+XML; Charset=UTF-8", mediaType: "application/rss+xml", charset: "UTF-8"),
        Case(header: "text/xml;charset=\"us-ascii\"", mediaType: "text/xml", charset: "us-ascii"),
        Case(header: "text/xml;charset='us-ascii'", mediaType: "text/xml", charset: "us-ascii"),
        Case(header: "text/xml;charset= 'us-ascii'", mediaType: "text/xml", charset: "us-ascii"),
        Case(header: "text/xml; charset = us-ascii", mediaType: "text/xml", charset: "us-ascii"),
        Case(header: "text/xml; charset:iso-8859-1", mediaType: "text/xml", charset: nil),
        Case(header: "text/xml;", mediaType: "text/xml", charset: nil),
        Case(header: "text/xml; qs=0.9", mediaType: "text/xml", charset: nil),
        Case(header: "text/html; foo=\"a;b\"; charset=koi8-r", mediaType: "text/html", charset: "koi8-r"),
        Case(header: "  application/atom+xml  ;  charset=\"\"  ", mediaType: "application/atom+xml", charset: nil),
        Case(header: "", mediaType: nil, charset: nil),
        Case(header: "text/plain; charset=\"utf\\-8\"", mediaType: "text/plain", charset: "utf-8"),
    ]

    @Test("media type and charset", arguments: cases)
    func parses(_ testCase: Case) {
        #expect(FeedEncodingDetector.mediaType(fromContentType: testCase.header) == testCase.mediaType)
        #expect(FeedEncodingDetector.charset(fromContentType: testCase.header) == testCase.charset)
    }
}
