import Testing

@testable import FeedValidator

/// A large generated feed: every item is seen (messages are counted past the stored limit),
/// positions stay right deep into the document, and the per-document state stays small.
@Suite("Large feeds")
struct LargeFeedTests {
    static func feed(items: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
            <title>Big</title><link>http://example.com/</link><description>Many items</description><language>en</language>
            <atom:link rel="self" href="http://example.com/feed"/>

            """
        for index in 0..<items {
            let date = index % 1000 == 999 ? "yesterday" : "Mon, 19 Feb 2024 10:00:00 GMT"
            text += "<item><title>Item \(index)</title><link>http://example.com/\(index)</link>"
            text += "<description>Text of item \(index), &lt;b&gt;bold&lt;/b&gt; and plain.</description>"
            text += "<guid>http://example.com/\(index)</guid><pubDate>\(date)</pubDate></item>\n"
        }
        return Array((text + "</channel></rss>\n").utf8)
    }

    @Test func everyItemIsCheckedAndPositionsStayExact() throws {
        let items = 20_000
        let bytes = Self.feed(items: items)
        let report = FeedValidator(maximumMessages: 5).validate(bytes: bytes)
        #expect(report.format == .rss20)
        #expect(report.errors == items / 1000)
        #expect(report.messages.count == 5)
        let first = try #require(report.messages.first)
        #expect(first.code == "InvalidRFC2822Date")
        // Item 999 is on line 5 + 999; its pubDate starts after the guid.
        #expect(first.line == 5 + 999)
        let line = String(decoding: bytes.split(separator: 0x0A, omittingEmptySubsequences: false)[first.line - 1], as: UTF8.self)
        let column = line.utf8.index(line.utf8.startIndex, offsetBy: first.column - 1)
        #expect(line[column...].hasPrefix("<pubDate>yesterday"))
    }

    @Test func duplicateGuidsAreFoundAcrossTheWholeFeed() {
        var bytes = Self.feed(items: 3_000)
        let repeated = Array("<item><title>Again</title><guid>http://example.com/7</guid></item></channel>".utf8)
        let end = bytes.count - "</channel></rss>\n".utf8.count
        bytes.replaceSubrange(end..<(end + "</channel>".utf8.count), with: repeated)
        let report = FeedValidator().validate(bytes: bytes)
        #expect(report.messages.filter { $0.code == "DuplicateValue" }.count == 1)
    }
}
