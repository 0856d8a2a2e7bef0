import Testing

@testable import Syndication

@Suite("RFC 3023 decision")
struct RFC3023Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var contentType: String?
        var document: [UInt8]
        var encoding: String
        var warnings: [String]
        var testDescription: String { name }
    }

    static let plain = ascii("<?xml version=\"1.0\"?><rss><title>plain</title></rss>")
    static let declaredLatin1 = ascii("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>x</title></rss>")
    static let declaredUTF8WithAccent = ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><title>café</title></rss>")
    static let declaredGB2312 =
        ascii("<?xml version='1.0' encoding='gb2312'?><rss><title>") + [0xD6, 0xD0, 0xCE, 0xC4]
        + ascii("</title></rss>")

    static let cases: [Case] = [
        Case(
            name: "no content type, no declaration → utf-8", contentType: nil, document: plain,
            encoding: "utf-8", warnings: []),
        Case(
            name: "no content type, declaration → declared", contentType: nil, document: declaredLatin1,
            encoding: "iso-8859-1", warnings: []),
        Case(
            name: "empty content type counts as absent", contentType: "  ", document: declaredLatin1,
            encoding: "iso-8859-1", warnings: []),
        Case(
            name: "application/xml default", contentType: "application/xml", document: plain,
            encoding: "utf-8", warnings: []),
        Case(
            name: "application/xml uses declaration", contentType: "application/xml", document: declaredLatin1,
            encoding: "iso-8859-1", warnings: []),
        Case(
            name: "application/atom+xml charset overrides declaration",
            contentType: "application/atom+xml; charset='us-ascii'", document: declaredLatin1,
            encoding: "us-ascii", warnings: []),
        Case(
            name: "application/xml-dtd declaration", contentType: "application/xml-dtd", document: declaredLatin1,
            encoding: "iso-8859-1", warnings: []),
        Case(
            name: "application/xml-external-parsed-entity charset",
            contentType: "application/xml-external-parsed-entity;charset=us-ascii", document: declaredLatin1,
            encoding: "us-ascii", warnings: []),
        Case(
            name: "text/xml defaults to us-ascii despite declaration", contentType: "text/xml",
            document: declaredLatin1, encoding: "us-ascii", warnings: []),
        Case(
            name: "text/rss+xml defaults to us-ascii", contentType: "text/rss+xml", document: plain,
            encoding: "us-ascii", warnings: []),
        Case(
            name: "text/xml-external-parsed-entity defaults to us-ascii",
            contentType: "text/xml-external-parsed-entity", document: plain, encoding: "us-ascii", warnings: []),
        Case(
            name: "text/xml bogus parameter ignored", contentType: "text/xml; charset:iso-8859-1",
            document: plain, encoding: "us-ascii", warnings: []),
        Case(
            name: "text/xml us-ascii fails on non-ASCII → declaration, override", contentType: "text/xml",
            document: declaredUTF8WithAccent, encoding: "utf-8", warnings: [override]),
        Case(
            name: "text/xml with charset", contentType: "text/xml; charset=\"utf-8\"",
            document: declaredUTF8WithAccent, encoding: "utf-8", warnings: []),
        Case(
            name: "text/plain is not XML", contentType: "text/plain", document: plain,
            encoding: "us-ascii", warnings: [nonXML]),
        Case(
            name: "text/plain charset used", contentType: "text/plain; charset=utf-8", document: plain,
            encoding: "utf-8", warnings: [nonXML]),
        Case(
            name: "application/octet-stream is not XML, declaration used",
            contentType: "application/octet-stream", document: declaredLatin1,
            encoding: "iso-8859-1", warnings: [nonXML]),
        Case(
            name: "application/json is acceptable", contentType: "application/feed+json",
            document: ascii("{\"title\":\"é\"}"), encoding: "utf-8", warnings: []),
        Case(
            name: "gb2312 charset reported as gb18030", contentType: "application/atom+xml;charset='gb2312'",
            document: declaredGB2312, encoding: "gb18030", warnings: []),
        Case(
            name: "gb2312 declaration reported as gb18030", contentType: "application/atom+xml",
            document: declaredGB2312, encoding: "gb18030", warnings: []),
        Case(
            name: "bogus declaration falls back to utf-8 with override", contentType: nil,
            document: ascii("<?xml version=\"1.0\" encoding=\"bogus\"?><rss/>"), encoding: "utf-8",
            warnings: [override]),
        Case(
            name: "iconv option suffix in a label is refused", contentType: nil,
            document: ascii("<?xml version=\"1.0\" encoding=\"latin1//TRANSLIT\"?><rss/>"), encoding: "utf-8",
            warnings: [override]),
        Case(
            name: "aliases canonicalised", contentType: "application/xml; charset=Latin-1", document: plain,
            encoding: "iso-8859-1", warnings: []),
        Case(
            name: "cp1252 alias canonicalised", contentType: "application/xml; charset=CP1252", document: plain,
            encoding: "windows-1252", warnings: []),
        Case(
            name: "utf-16 label on ASCII bytes ignored", contentType: nil,
            document: ascii("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>"), encoding: "utf-8",
            warnings: [override]),
        Case(
            name: "utf-16 HTTP charset on ASCII bytes ignored", contentType: "application/xml; charset=utf-16",
            document: plain, encoding: "utf-8", warnings: [override]),
        Case(name: "empty input", contentType: nil, document: [], encoding: "utf-8", warnings: []),
        Case(
            name: "empty input over text/xml", contentType: "text/xml", document: [], encoding: "us-ascii",
            warnings: []),
    ]

    @Test("decided encoding and warnings", arguments: cases)
    func decides(_ testCase: Case) {
        let document = FeedEncodingDetector.decode(testCase.document, contentType: testCase.contentType)
        #expect(document.encoding == testCase.encoding)
        #expect(codes(document) == testCase.warnings)
        #expect(text(document) != nil)
    }

    @Test func declarationIsRewrittenToUTF8() throws {
        let document = FeedEncodingDetector.decode(
            ascii("<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone='yes'?><a>") + [0xE9] + ascii("</a>"),
            contentType: nil)
        #expect(document.encoding == "iso-8859-1")
        #expect(try #require(text(document)) == "<?xml version=\"1.0\" encoding=\"utf-8\" standalone='yes'?><a>é</a>")
    }

    @Test func jsonIsNotRewritten() {
        let json = ascii("<?xml version=\"1.0\" encoding=\"latin1\"?>")
        let document = FeedEncodingDetector.decode(json, contentType: "application/json")
        #expect(document.utf8 == json)
    }
}
