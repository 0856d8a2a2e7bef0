import LibXML
import Testing

/// The parse that cuts out the raw text of scripts and style sheets nobody reads.
@Suite("HTML events without unread raw text")
struct RawTextElisionTests {
    /// Style sheets and scripts other than JSON-LD, as the extractor's tree ignores them.
    static func ignores(_ name: String, _ attributes: [(name: String, value: String)]) -> Bool {
        if name == "style" { return true }
        let type = attributes.first { $0.name == "type" }?.value.lowercased() ?? ""
        return name == "script" && !type.contains("ld+json")
    }

    /// The events of a parse that may cut, and how many handlers it made (two: it parsed again).
    static func parsed(_ html: String, encoding: String = "UTF-8") -> (events: [String], handlers: Int) {
        var handlers = 0
        let log = HTMLEventParser.parse(Array(html.utf8), encoding: encoding, ignoringRawText: ignores) {
            handlers += 1
            return HTMLEventLog()
        }
        return (log.events, handlers)
    }

    /// The events of the whole page, less the raw text of the ignored elements.
    static func expected(_ html: String) -> [String] {
        let log = HTMLEventLog()
        HTMLEventParser.parse(Array(html.utf8), handler: log)
        var ignoring: [Bool] = []
        var kept: [String] = []
        for event in log.events {
            if event == "</>" {
                ignoring.removeLast()
            } else if event.hasPrefix("<") {
                let name = String(event.dropFirst().prefix { $0 != " " && $0 != ">" })
                ignoring.append(name == "style" || (name == "script" && !event.contains("ld+json")))
            } else if event.hasPrefix("cdata:"), ignoring.last == true {
                continue
            }
            kept.append(event)
        }
        return kept
    }

    @Test func scriptsAndStylesLoseTheirTextAndJSONLDKeepsIt() {
        let html = """
            <html><head><style>p { color: red }</style><script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <SCRIPT src=/a.js async>var a = "<p>not a paragraph</p>";</SCRIPT></head>
            <body><p>One</p><script>document.write("</scr" + "ipt>"); if (a < b) {}</script><p>Two</p></body></html>
            """
        let (events, handlers) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(events.contains("cdata:{\"@type\":\"NewsArticle\"}"))
        #expect(!events.contains { $0.contains("not a paragraph") || $0.contains("color") || $0.contains("document.write") })
        #expect(events.contains("text:One") && events.contains("text:Two"))
    }

    @Test func aScriptTagInsideAnAttributeValueIsCaughtAndThePageParsedWhole() {
        // The scan takes the value's "<script>" for a tag and would cut to the "</script>"
        // below, taking the paragraph with it; libxml2 starts no script there.
        let html = #"<div title="<script>">Kept</div><p>Also kept</p><script>var x = 1;</script><p>End</p>"#
        let (events, handlers) = Self.parsed(html)
        #expect(handlers == 2)
        #expect(events.contains("text:Also kept"))
        let whole = HTMLEventLog()
        HTMLEventParser.parse(Array(html.utf8), handler: whole)
        #expect(events == whole.events)
    }

    @Test func aScriptTagInsideACommentIsNotCut() {
        let html = "<p>a</p><!-- <script> --><p>b</p><script>var c;</script><p>d</p>"
        let (events, handlers) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(events.contains("text:b") && events.contains("text:d"))
        #expect(!events.contains("cdata:var c;"))
    }

    @Test func aSelfClosedScriptHasNoText() {
        let html = "<p>a</p><script src=x.js /><p>b</p><style>.x{}</style>"
        let (events, handlers) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(events.contains("text:b"))
    }

    @Test func anUnendedScriptRunsToTheEndOfThePage() {
        let html = "<p>a</p><script>var s = '<p>b</p>';"
        let (events, handlers) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(!events.contains("text:b"))
    }

    @Test func aValueWithAReferenceOrAnOddTagKeepsItsText() {
        // Values and tags the scan does not read are left to libxml2 as they are.
        for html in [
            "<script type=\"text&#47;javascript\">var a;</script><p>b</p>",
            "<script type=\"a\"x=1>var a;</script><p>b</p>",
        ] {
            let (events, handlers) = Self.parsed(html)
            #expect(handlers == 1)
            #expect(events.contains("cdata:var a;"))
            #expect(events.contains("text:b"))
        }
    }

    @Test func onlyUTF8IsCut() {
        let html = "<p>caf\u{E9}</p><script>var a;</script>"
        let (events, handlers) = Self.parsed(html, encoding: "ISO-8859-1")
        #expect(handlers == 1)
        #expect(events.contains("cdata:var a;"))
    }

    @Test func cutPagesGiveTheSameEventsAsWholeOnes() {
        // Pages stitched from pieces that read differently to a careless scanner.
        let pieces = [
            "<p>text</p>", "<script>a()</script>", "<style>b{}</style>", "<!-- <style> -->", "<div title='<script>'>t</div>",
            "<script type=application/ld+json>{}</script>", "<script>'</SCRIPT '</script>", "<b>x</b>", "<script src=a/>c</script>",
            "<textarea><script>t</script></textarea>", "<!DOCTYPE html>", "<style/>", "<scripts>y</scripts>", "</script>",
        ]
        var state: UInt64 = 0x5EED
        for _ in 0..<300 {
            var html = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                html += pieces[Int(state >> 33) % pieces.count]
            }
            let (events, handlers) = Self.parsed(html)
            if handlers == 1 {
                #expect(events == Self.expected(html), "\(html)")
            } else {
                let whole = HTMLEventLog()
                HTMLEventParser.parse(Array(html.utf8), handler: whole)
                #expect(events == whole.events, "\(html)")
            }
        }
    }
}
