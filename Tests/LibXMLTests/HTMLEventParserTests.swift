import LibXML
import Testing

/// Writes down every event, for comparison.
final class HTMLEventLog: HTMLEventHandler {
    var events: [String] = []
    func startElement(_ name: String, attributes: [(name: String, value: String)]) {
        events.append("<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + ">")
    }
    func endElement() { events.append("</>") }
    func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
        events.append((cdata ? "cdata:" : "text:") + String(decoding: bytes, as: UTF8.self))
    }
    func boundary() { events.append("|") }
    func doctype() { events.append("!doctype") }
}

@Suite("HTML events")
struct HTMLEventParserTests {
    @Test func eventsFollowTheMarkup() {
        let log = HTMLEventLog()
        let html = "<!DOCTYPE html><p class=a>Tom &amp; <b>Jerry</b><!-- c -->!</p><script>x < y</script><input checked><o:p>z</o:p>"
        HTMLEventParser.parse(Array(html.utf8), handler: log)
        #expect(
            log.events == [
                "!doctype", "<p class=a>", "text:Tom ", "text:&", "text: ", "<b>", "text:Jerry", "</>", "|", "text:!", "</>", "<script>",
                "cdata:x < y", "</>", "<input checked=checked>", "</>", "<p>", "text:z", "</>",
            ])
    }

    @Test func namedReferencesOfHTML5AreDecodedAndWrittenOutOnesAreNot() {
        let log = HTMLEventLog()
        let html = "<p>Yeah&mldr; not great &amp;mldr; &num;1 &mldr &bogus; a&b &hellip;<b>&ZeroWidthSpace;</b>&mldr;</p>"
        HTMLEventParser.parse(Array(html.utf8), handler: log)
        let text = log.events.filter { $0.hasPrefix("text:") }.map { $0.dropFirst(5) }.joined()
        #expect(text == "Yeah\u{2026} not great &mldr; #1 &mldr &bogus; a&b \u{2026}\u{200B}\u{2026}")
    }

    @Test func everyStartHasItsEndInBrokenMarkup() {
        let log = HTMLEventLog()
        let problems = HTMLEventParser.parse(Array("<div><p>one<span>two<table><td>three</div></b>".utf8), handler: log)
        #expect(problems.contains { $0.message.contains("Unexpected end tag") })
        let quiet = HTMLEventLog()
        #expect(HTMLEventParser.parse(Array("<div>one</b>".utf8), reportingProblems: false, handler: quiet).isEmpty)
        #expect(quiet.events == ["<div>", "text:one", "</>"])
        let starts = log.events.filter { $0.hasPrefix("<") && $0 != "</>" }.count
        #expect(starts == log.events.filter { $0 == "</>" }.count)
        #expect(log.events.contains("text:three"))
    }

    @Test func deepNestingStopsTheParse() {
        let log = HTMLEventLog()
        let html = String(repeating: "<div>", count: 100_000) + "deep"
        HTMLEventParser.parse(Array(html.utf8), handler: log)
        #expect(log.events.filter { $0 == "<div>" }.count == HTMLEventParser.maximumDepth)
        #expect(!log.events.contains("text:deep"))
    }

    private func browserLikeEvents(_ html: String, closingLikeBrowsers: Bool = true) -> [String] {
        HTMLEventParser.parse(Array(html.utf8), ignoringRawText: { _, _ in false }, closingLikeBrowsers: closingLikeBrowsers) {
            HTMLEventLog()
        }.events
    }

    /// libxml2 2.9 ignores `</button>` and `</header>` while a `div` opened inside them is
    /// still open, and the rest of the page ends up inside the header; a browser closes them.
    @Test func anEndTagClosesTheElementsLeftOpenInsideItLikeABrowser() {
        let html = "<body><header><button><div>x</button><p>a</p></header><main><p>body</p></main></body>"
        #expect(
            browserLikeEvents(html) == [
                "<body>", "<header>", "<button>", "<div>", "text:x", "</>", "</>", "<p>", "text:a", "</>", "</>", "<main>", "<p>", "text:body",
                "</>", "</>", "</>",
            ])
        // libxml2's own tree, for comparison: everything after the button is inside its div.
        #expect(
            browserLikeEvents(html, closingLikeBrowsers: false) == [
                "<body>", "<header>", "<button>", "<div>", "text:x", "<p>", "text:a", "</>", "<main>", "<p>", "text:body", "</>", "</>", "</>",
                "</>", "</>", "</>",
            ])
    }

    @Test func aListItemsEndClosesItsUnclosedDivsButNotPastATableCell() {
        #expect(
            browserLikeEvents("<ul><li><div>one</li><li>two</li></ul>") == [
                "<ul>", "<li>", "<div>", "text:one", "</>", "</>", "<li>", "text:two", "</>", "</>",
            ])
        // A table cell is a boundary: `</section>` does not reach past it, in a browser either.
        let events = browserLikeEvents("<section><table><tr><td><div>cell</section><p>after</p>")
        #expect(events.firstIndex(of: "<p>")! > events.firstIndex(of: "text:cell")!)
        #expect(events.prefix(while: { $0 != "<p>" }).filter { $0 == "</>" }.isEmpty)
    }

    @Test func browserLikeClosingKeepsEveryStartWithItsEnd() {
        var state: UInt64 = 0xC105E
        let pieces = [
            "<div>", "</div>", "<header>", "</header>", "<li>", "</li>", "<ul>", "</ul>", "<td>", "<table>", "</table>", "<p>", "</p>", "x",
        ]
        for _ in 0..<200 {
            var html = ""
            for _ in 0..<60 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                html += pieces[Int(state >> 33) % pieces.count]
            }
            let events = browserLikeEvents(html)
            #expect(events.filter { $0.hasPrefix("<") && $0 != "</>" }.count == events.filter { $0 == "</>" }.count, "\(html)")
        }
    }

    @Test func garbageNeverCrashes() {
        var state: UInt64 = 0x5EED
        let markup = Array("<>/&;=\"' ab!-?".utf8)
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<512 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = UInt8(truncatingIfNeeded: state >> 57)
                bytes.append(pick < 40 ? markup[Int(pick) % markup.count] : UInt8(truncatingIfNeeded: state >> 33))
            }
            let log = HTMLEventLog()
            HTMLEventParser.parse(bytes, encoding: "ISO-8859-1", handler: log)
            #expect(log.events.filter { $0.hasPrefix("<") && $0 != "</>" }.count == log.events.filter { $0 == "</>" }.count)
        }
    }
}
