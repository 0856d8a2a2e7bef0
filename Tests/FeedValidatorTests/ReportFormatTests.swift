import Foundation
import Testing

@testable import FeedValidator

/// The two output shapes: compiler-style text (verbatim) and one JSON object per document.
@Suite("Report formats")
struct ReportFormatTests {
    static let feed = """
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Observatory</title>
          <id>tag:example.org,2024:feed</id>
        \t<updated>2024-02-19</updated>
          <author><name>Ada</name></author>
          <link rel="self" href="http://example.org/feed"/>
        </feed>
        """

    @Test func textIsLikeACompilerWithSourceLineAndCaret() {
        let bytes = Array(Self.feed.utf8)
        let report = FeedValidator().validate(bytes: bytes)
        let text = report.text(input: "feed.atom", source: bytes)
        let expected = """
            feed.atom:4:2: error: InvalidRFC3339Date: '2024-02-19' is not an RFC 3339 date-time: a time is required after the date (e.g. T10:00:00Z)
            \t<updated>2024-02-19</updated>
            \t^
            feed.atom: atom10, 1 error, 0 warnings

            """
        #expect(text == expected)
    }

    @Test func messagesCarryElementParentLineAndColumn() throws {
        let report = FeedValidator().validate(bytes: Array(Self.feed.utf8))
        let message = try #require(report.messages.first { $0.code == "InvalidRFC3339Date" })
        #expect(message.element == "updated")
        #expect(message.parent == "feed")
        #expect(message.line == 4)
        #expect(message.column == 2)
        #expect(message.severity == .error)
        #expect(!report.valid)
        #expect(report.errors == 1)
    }

    @Test func jsonHasTheContractShape() throws {
        let report = FeedValidator().validate(bytes: Array(Self.feed.utf8))
        let line = report.jsonLine(input: "feed \"1\".atom")
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["input", "format", "valid", "errors", "warnings", "messages"])
        #expect(object["input"] as? String == "feed \"1\".atom")
        #expect(object["format"] as? String == "atom10")
        #expect(object["valid"] as? Bool == false)
        #expect(object["errors"] as? Int == 1)
        let messages = try #require(object["messages"] as? [[String: Any]])
        let first = try #require(messages.first)
        #expect(Set(first.keys) == ["severity", "code", "message", "line", "column", "element", "parent"])
        #expect(first["code"] as? String == "InvalidRFC3339Date")
        #expect(first["line"] as? Int == 4)
    }

    @Test func infoIsNeitherErrorNorWarning() {
        let rss = """
            <rss version="2.0"><channel><title>t</title><link>http://example.com/</link><description>d</description>
            <atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="http://example.com/feed"/></channel></rss>
            """
        let report = FeedValidator().validate(bytes: Array(rss.utf8))
        #expect(report.messages.map(\.code) == ["MissingDCLanguage"])
        #expect(report.messages.first?.severity == .info)
        #expect(report.errors == 0 && report.warnings == 0 && report.valid)
    }

    @Test func caretLinesUpUnderTabsAndWideCharacters() {
        #expect(ValidationReport.caret(under: "\t<a>", byteColumn: 2) == "\t^")
        #expect(ValidationReport.caret(under: "é <a>", byteColumn: 4) == "  ^")
    }

    @Test func contentTypeIsChecked() {
        let rss = #"<rss version="2.0"><channel><title>t</title><link>http://example.com/</link><description>d</description></channel></rss>"#
        let html = FeedValidator().validate(bytes: Array(rss.utf8), contentType: "text/html; charset=utf-8")
        #expect(html.contains("UnexpectedContentType"))
        let xml = FeedValidator().validate(bytes: Array(rss.utf8), contentType: "application/xml")
        #expect(xml.contains("NonSpecificMediaType"))
        let right = FeedValidator().validate(bytes: Array(rss.utf8), contentType: "application/rss+xml")
        #expect(!right.contains("UnexpectedContentType") && !right.contains("NonSpecificMediaType"))
    }

    @Test func selfLinkIsComparedWithTheDocumentLocation() {
        let feed = Self.feed.replacingOccurrences(of: "<updated>2024-02-19</updated>", with: "<updated>2024-02-19T10:00:00Z</updated>")
        let elsewhere = FeedValidator().validate(bytes: Array(feed.utf8), baseURL: "http://example.com/other")
        #expect(elsewhere.contains("SelfDoesntMatchLocation"))
        let here = FeedValidator().validate(bytes: Array(feed.utf8), baseURL: "http://example.org/feed")
        #expect(!here.contains("SelfDoesntMatchLocation"))
    }

    @Test func catalogFollowsTheHierarchy() {
        #expect(MessageCatalog.code("InvalidRFC3339Date", isA: "InvalidValue"))
        #expect(MessageCatalog.code("MissingAtomSelfLink", isA: "MissingSelf"))
        #expect(!MessageCatalog.code("MissingSelf", isA: "Error"))
        #expect(MessageCatalog.severity(of: "MissingDCLanguage") == .info)
        #expect(MessageCatalog.severity(of: "MissingSelf") == .warning)
    }
}
