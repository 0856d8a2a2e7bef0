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
        HTMLEventParser.parse(Array("<div><p>one<span>two<table><td>three</div></b>".utf8), handler: log)
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
