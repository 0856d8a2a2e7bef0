import Foundation
import Syndication
import Testing

/// Element keys are kept with the parser's names from one document to the next, but only those
/// that hold in every document.
@Suite("Element keys kept between documents")
struct KeptKeysTests {
    /// `x:creator` outside the scope of the declaration that made `x` Dublin Core: libxml2 finds
    /// no namespace, and feedparser's rule (the prefixes declared anywhere in the document) makes
    /// it `dc:creator`, an author. A later document that never declares `x` must not inherit that.
    static let declaresX = #"""
        <rss version="2.0"><channel><title>One</title>
        <item><title>A</title><meta xmlns:x="http://purl.org/dc/elements/1.1/"/><x:creator>Ann</x:creator></item>
        </channel></rss>
        """#
    static let neverDeclaresX = #"""
        <rss version="2.0"><channel><title>Two</title>
        <item><title>B</title><x:creator>Bob</x:creator></item>
        </channel></rss>
        """#

    @Test func aKeyThatDependsOnTheDocumentIsNotKept() {
        for _ in 0..<3 {
            let first = FeedParser.parse(Array(Self.declaresX.utf8))
            #expect(first.entries.first?.authors.map(\.name) == ["Ann"])
            let second = FeedParser.parse(Array(Self.neverDeclaresX.utf8))
            #expect(second.entries.first?.authors.isEmpty == true)
            #expect(second.entries.first?.title?.value == "B")
        }
    }
}
