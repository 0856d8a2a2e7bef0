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
}
