import Testing

@testable import Aggregation

@Suite("HTMLFragmentText")
struct HTMLFragmentTextTests {
    @Test func whitespaceRunsOfAnyKindBecomeOneSpaceAndEndsAreTrimmed() {
        #expect(HTMLFragmentText.collapse(" \t Havana,\r\n\u{00A0} Cuba\u{2003}\u{2003}— talks \n") == "Havana, Cuba — talks")
        #expect(HTMLFragmentText.collapse("Café\u{0301} e\u{0301}t\u{00E9}") == "Café\u{0301} e\u{0301}t\u{00E9}")
        #expect(HTMLFragmentText.collapse(" \u{3000}\n ").isEmpty)
    }

    @Test func blocksBecomeParagraphsAndScriptsAndCaptionsAreLeftOut() {
        let html =
            "<p>One&nbsp; two</p><script>x()</script><figure><img src=a.jpg><figcaption>Photo</figcaption></figure><ul><li>Three</li><li> four </li></ul>"
        #expect(HTMLFragmentText.text(of: html) == "One two\n\nThree\n\nfour")
    }

    @Test func everyTopLevelBlockCountsAfterALeadingComment() {
        // WordPress's block editor writes content:encoded like this.
        let html = "<!-- wp:paragraph --><p>First paragraph.</p><!-- /wp:paragraph --><!-- wp:paragraph --><p>Second one.</p><!-- /wp:paragraph -->"
        #expect(HTMLFragmentText.text(of: html) == "First paragraph.\n\nSecond one.")
        #expect(HTMLFragmentText.text(of: "<!DOCTYPE html><p>a</p><p>b</p>") == "a\n\nb")
    }

    @Test func namedReferencesOfHTML5AreText() {
        #expect(HTMLFragmentText.text(of: "<p>Yeah&mldr; not great &amp;mldr;</p>") == "Yeah\u{2026} not great &mldr;")
    }
}
