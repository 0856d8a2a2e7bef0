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

    /// A parse that may cut: its events less the raw text of ignored elements (what a handler
    /// that ignores that text keeps), its events as they came (`raw`: without the text of the
    /// elements cut), and how many handlers it made (two: it parsed the page again, whole).
    static func parsed(_ html: String, encoding: String = "UTF-8") -> (events: [String], handlers: Int, raw: [String]) {
        var handlers = 0
        let log = HTMLEventParser.parse(Array(html.utf8), encoding: encoding, ignoringRawText: ignores) {
            handlers += 1
            return HTMLEventLog()
        }
        return (withoutIgnoredText(log.events), handlers, log.events)
    }

    /// The events of the whole page, less the raw text of the ignored elements.
    static func expected(_ html: String) -> [String] {
        let log = HTMLEventLog()
        HTMLEventParser.parse(Array(html.utf8), handler: log)
        return withoutIgnoredText(log.events)
    }

    static func withoutIgnoredText(_ events: [String]) -> [String] {
        var ignoring: [Bool] = []
        var kept: [String] = []
        for event in events {
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
        let (events, handlers, raw) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(events.contains("cdata:{\"@type\":\"NewsArticle\"}"))
        #expect(!raw.contains { $0.contains("not a paragraph") || $0.contains("color") || $0.contains("document.write") })
        #expect(events.contains("text:One") && events.contains("text:Two"))
    }

    @Test func aScriptTagInsideAnAttributeValueIsCaughtAndThePageParsedWhole() {
        // The scan takes the value's "<script>" for a tag and would cut to the "</script>"
        // below, taking the paragraph with it; libxml2 starts no script there.
        let html = #"<div title="<script>">Kept</div><p>Also kept</p><script>var x = 1;</script><p>End</p>"#
        let (events, handlers, raw) = Self.parsed(html)
        #expect(handlers == 2)
        #expect(events.contains("text:Also kept"))
        let whole = HTMLEventLog()
        HTMLEventParser.parse(Array(html.utf8), handler: whole)
        #expect(raw == whole.events)
        #expect(events == Self.expected(html))
    }

    @Test func aScriptTagInsideACommentIsNotCut() {
        let html = "<p>a</p><!-- <script> --><p>b</p><script>var c;</script><p>d</p>"
        let (events, handlers, raw) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(events.contains("text:b") && events.contains("text:d"))
        #expect(!raw.contains("cdata:var c;"))
    }

    @Test func aSelfClosedScriptHasNoText() {
        let html = "<p>a</p><script src=x.js /><p>b</p><style>.x{}</style>"
        let (events, handlers, _) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(events.contains("text:b"))
    }

    @Test func anUnendedScriptRunsToTheEndOfThePage() {
        let html = "<p>a</p><script>var s = '<p>b</p>';"
        let (events, handlers, _) = Self.parsed(html)
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
            let (events, handlers, raw) = Self.parsed(html)
            #expect(handlers == 1)
            #expect(raw.contains("cdata:var a;"))
            #expect(events.contains("text:b"))
        }
    }

    @Test func onlyUTF8IsCut() {
        let html = "<p>caf\u{E9}</p><script>var a;</script>"
        let (_, handlers, raw) = Self.parsed(html, encoding: "ISO-8859-1")
        #expect(handlers == 1)
        #expect(raw.contains("cdata:var a;"))
    }

    @Test func textThatLibxmlReadsAsATagIsNotCut() {
        // libxml2 reads an end tag, or a start tag that may close the element, before it turns to
        // raw text: `</div>` ends the script and its div, `<noscript>` and `<body>` close the
        // script or style, and what follows is the page again.
        for html in [
            "<html><body><div><script src=a.js></div><p>Kept</p><script>y()</script><p>End</p></body></html>",
            "<html><body><script><noscript>Shown</noscript></script><p>Kept</p><script>z()</script></body></html>",
            "<html><head><style><body><p>Kept</p></style><p>End</p><style>p{}</style></html>",
        ] {
            let (events, handlers, _) = Self.parsed(html)
            #expect(handlers == 1, "\(html)")
            #expect(events == Self.expected(html), "\(html)")
            #expect(events.contains("text:Kept"), "\(html)")
        }
    }

    @Test func cutsFarIntoALargePageAreConfirmed() {
        // libxml2 drops the bytes it has read from its buffer as it goes: offsets past the first
        // few kilobytes count them.
        let paragraphs = (0..<2_000).map { "<p>Paragraph \($0) of a long page, with <a href=\"/l\($0)\">a link</a>.</p>" }.joined()
        let html =
            "<html><head><script>var a = 1;</script></head><body>" + paragraphs
            + "<script>var late = '<p>not text</p>';</script><p>Last</p><style>p { margin: 0 }</style></body></html>"
        #expect(html.utf8.count > 100_000)
        let (events, handlers, raw) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
        #expect(!raw.contains { $0.contains("not text") || $0.contains("margin") })
    }

    @Test func cutsPastADepthStopNeedNoSecondParse() {
        // The parse stops at the 258th open element, as libxml2's tree does; the script after it
        // is never reached, cut or not.
        let html = "<script>a()</script>" + String(repeating: "<div>", count: 300) + "deep<script>b()</script>"
        let (events, handlers, _) = Self.parsed(html)
        #expect(handlers == 1)
        #expect(events == Self.expected(html))
    }

    @Test func aPageWithAByteOrderMarkIsNotCut() {
        let (_, handlers, raw) = Self.parsed("\u{FEFF}<p>a</p><script>var a;</script>")
        #expect(handlers == 1)
        #expect(raw.contains("cdata:var a;"))
    }

    @Test func cutPagesGiveTheSameEventsAsWholeOnes() {
        // Pages stitched from pieces that read differently to a careless scanner.
        let pieces = [
            "<p>text</p>", "<script>a()</script>", "<style>b{}</style>", "<!-- <style> -->", "<div title='<script>'>t</div>",
            "<script type=application/ld+json>{}</script>", "<script>'</SCRIPT '</script>", "<b>x</b>", "<script src=a/>c</script>",
            "<textarea><script>t</script></textarea>", "<!DOCTYPE html>", "<style/>", "<scripts>y</scripts>", "</script>",
            "<div><script></div>", "<script><noscript>n</noscript></script>", "<style><body>b</style>", "<p>",
        ]
        var state: UInt64 = 0x5EED
        var confirmed = 0
        for _ in 0..<300 {
            var html = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                html += pieces[Int(state >> 33) % pieces.count]
            }
            let (events, handlers, raw) = Self.parsed(html)
            #expect(events == Self.expected(html), "\(html)")
            if handlers == 1 {
                confirmed += 1
            } else {
                let whole = HTMLEventLog()
                HTMLEventParser.parse(Array(html.utf8), handler: whole)
                #expect(raw == whole.events, "\(html)")
            }
        }
        // Many pages are read once (others hold a value with "<script>", or a script libxml2
        // reads as the page's root and then takes the rest of the page for its text).
        #expect(confirmed > 90)
    }
}
