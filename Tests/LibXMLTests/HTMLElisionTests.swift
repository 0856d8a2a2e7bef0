import Testing

@testable import LibXML

/// Passes events on to a log, less the attributes not in `kept`: what a parse that keeps only
/// those should report.
final class KeptAttributesLog: HTMLEventHandler {
    let log = HTMLEventLog()
    let kept: AttributeNames
    init(kept: AttributeNames) { self.kept = kept }
    func startElement(_ name: String, attributes: [(name: String, value: String)]) {
        log.startElement(name, attributes: attributes.filter { kept.contains($0.name) })
    }
    func endElement() { log.endElement() }
    func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) { log.text(bytes, cdata: cdata) }
    func boundary() { log.boundary() }
    func doctype() { log.doctype() }
}

/// The parse that cuts out the raw text of scripts and style sheets, and the attributes, that
/// nobody reads.
@Suite("HTML events without unread raw text and attributes")
struct HTMLElisionTests {
    /// Style sheets and scripts other than JSON-LD, as the extractor's tree ignores them.
    static func ignores(_ name: String, _ attributes: [(name: String, value: String)]) -> Bool {
        if name == "style" { return true }
        let type = attributes.first { $0.name == "type" }?.value.lowercased() ?? ""
        return name == "script" && !type.contains("ld+json")
    }

    /// A parse that may cut: its events less the raw text of ignored elements (what a handler
    /// that ignores that text keeps), its events as they came (`raw`: without the text of the
    /// elements cut), and how many handlers it made (two: it parsed the page again, whole).
    static func parsed(
        _ html: String, encoding: String = "UTF-8", keeping kept: AttributeNames? = nil
    ) -> (events: [String], handlers: Int, raw: [String]) {
        var handlers = 0
        let log = HTMLEventParser.parse(Array(html.utf8), encoding: encoding, ignoringRawText: ignores, keepingAttributes: kept) {
            handlers += 1
            return HTMLEventLog()
        }
        return (withoutIgnoredText(log.events), handlers, log.events)
    }

    /// The events of the whole page, less the raw text of the ignored elements (and the
    /// attributes not in `kept`).
    static func expected(_ html: String, keeping kept: AttributeNames? = nil) -> [String] {
        let log = KeptAttributesLog(kept: kept ?? AttributeNames([]))
        if kept != nil {
            HTMLEventParser.parse(Array(html.utf8), handler: log)
            return withoutIgnoredText(log.log.events)
        }
        HTMLEventParser.parse(Array(html.utf8), handler: log.log)
        return withoutIgnoredText(log.log.events)
    }

    /// The attributes the tests keep.
    static let kept = AttributeNames(["href", "src", "class", "id", "type", "name", "title"])

    /// The events of a parse keeping `kept`, which must have confirmed its cuts (one handler)
    /// and give the whole page's events less the rest.
    static func parsedOnce(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let (events, handlers, _) = parsed(html, keeping: kept)
        #expect(handlers == 1, sourceLocation: sourceLocation)
        #expect(events == expected(html, keeping: kept), sourceLocation: sourceLocation)
        return events
    }

    /// The bytes libxml2 is given, keeping `kept`; nil when nothing is cut.
    static func cutBytes(_ html: String) -> String? {
        HTMLElision.cut(Array(html.utf8), ignores: ignores, keeping: kept).map { String(decoding: $0.bytes, as: UTF8.self) }
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
        var confirmed = 0
        for html in Self.stitched(300, of: 8, from: Self.soup, seed: 0x5EED) {
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

    @Test func unreadAttributesAreCutAndTheEventsAreThoseOfTheWholePage() {
        let html = """
            <html data-theme=dark><body><svg class=icon viewBox="0 0 9 9"><path d="M0 0L9 9"/></svg>
            <img srcset="a.png 1x, b.png 2x" src=a.png data-lazy loading=lazy><a href="/x" data-track='{"a":"<b>"}'>link</a>
            <p CLASS=lead DATA-ID=7 title="T">text</p><script async data-cfasync=false src=a.js>var a;</script></body></html>
            """
        let events = Self.parsedOnce(html)
        #expect(events.contains("<img src=a.png>") && events.contains("<p class=lead title=T>") && events.contains("<a href=/x>"))
        let bytes = Self.cutBytes(html) ?? ""
        for gone in ["M0 0", "srcset", "data-track", "DATA-ID", "loading", "viewBox", "data-cfasync", "var a;"] {
            #expect(!bytes.contains(gone), "\(gone)")
        }
        // The root element's attributes stay: libxml2 may merge a late `<html>` into its own.
        #expect(bytes.contains("data-theme=dark"))
    }

    @Test func keptValuesAreCutAndGivenBackAsWritten() {
        let html = "<p class=\"lead story\" data-x=\"1\" title='caf\u{E9} \"quoted\"\r\nline'>t</p><a href=\"/x?a=1&amp;b=2\" class=x>l</a>"
        let events = Self.parsedOnce(html)
        #expect(events.first == "<p class=lead story title=caf\u{E9} \"quoted\"\r\nline>")
        #expect(events.contains("<a href=/x?a=1&b=2 class=x>"))
        // The values libxml2 then reads are empty; one holding a reference, and one too short
        // to be worth it, are left to libxml2.
        let bytes = Self.cutBytes(html) ?? ""
        #expect(bytes.hasPrefix("<p class=\"\"  title=''>"))
        #expect(bytes.contains("href=\"/x?a=1&amp;b=2\" class=x"))
    }

    @Test func aTagTheScanCannotReadKeepsItsAttributesAndTheScanGoesOnAfterIt() {
        // The id's value ends at the quote before `b`; libxml2 recovers and reads the rest of the
        // tag as attributes, the `<i …>` in the last value among them.
        let html = #"<div id="a"b" data-c="<i data-d=2>">x</div><p data-k=1 class=k>y</p>"#
        _ = Self.parsedOnce(html)
        let bytes = Self.cutBytes(html) ?? ""
        #expect(bytes.contains("data-d=2") && !bytes.contains("data-k"))
    }

    @Test func anAttributeWrittenTwiceIsCountedOnce() {
        let html = "<input data-x=1 name=n NAME=m data-x=2><p>after</p>"
        let events = Self.parsedOnce(html)
        #expect(events.first == "<input name=n>")
    }

    @Test func rawTextOpeningWithATagIsPassedOverWhole() {
        // libxml2 reads a template's markup as the script's raw text: nothing in it is cut.
        let html = "<script type=text/template><div data-y=2>t</div></script><p data-z=1>x</p>"
        _ = Self.parsedOnce(html)
        let bytes = Self.cutBytes(html) ?? ""
        #expect(bytes.contains("data-y=2") && !bytes.contains("data-z"))
    }

    @Test func aPageThatIsNotUTF8ThroughoutIsNotCut() {
        // libxml2 reads on as Latin-1 from a byte that is not UTF-8: a cut could hide that byte
        // (here inside a value the scan would cut) and the page read otherwise.
        let page: [UInt8] = Array("<p class=\"caf".utf8) + [0xE9] + Array("\" data-x=1>t</p><script>a()</script>".utf8)
        #expect(HTMLElision.cut(page, ignores: Self.ignores, keeping: Self.kept) == nil)
        #expect(HTMLElision.cut(Array("<p>caf\u{E9}</p><script>a()</script>".utf8) + [0xC3], ignores: Self.ignores) == nil)
        var handlers = 0
        let log = HTMLEventParser.parse(page, ignoringRawText: Self.ignores, keepingAttributes: Self.kept) {
            handlers += 1
            return HTMLEventLog()
        }
        #expect(handlers == 1)
        let whole = KeptAttributesLog(kept: Self.kept)
        HTMLEventParser.parse(page, handler: whole)
        #expect(Self.withoutIgnoredText(log.events) == Self.withoutIgnoredText(whole.log.events))
    }

    @Test func aPageWithANulByteKeepsItsAttributes() {
        #expect(Self.cutBytes("<p data-a=1>x\u{0}y</p>") == nil)
        let (events, handlers, _) = Self.parsed("<p data-a=1>x\u{0}y</p>", keeping: Self.kept)
        #expect(handlers == 1)
        #expect(events.first == "<p>")
    }

    @Test func aCutLibxmlReadsOtherwiseMakesTheParseStartOver() {
        // libxml2 drops what follows an end tag's name up to the first `>`, a tag in a quoted
        // value included; the scan reads that tag and cuts it, libxml2 never starts it, and the
        // page is parsed again whole.
        let html = #"<p>a</p></b foo="<i data-w=1>"><p data-t=1>b</p>"#
        let (events, handlers, _) = Self.parsed(html, keeping: Self.kept)
        #expect(handlers == 2)
        #expect(events == Self.expected(html, keeping: Self.kept))
        // Pages stitched from pieces, with attributes to cut.
        let pieces = ["<b data-u=\"1\">", "</b><b data-v='x\"y'>", "<i title='<a data-w=1>'>", "<q data-x=1/>", "<table data-y=2><tr data-z>"]
        var once = 0
        for page in Self.stitched(200, of: 6, from: pieces + Self.soup, seed: 0xE11D) {
            let (events, handlers, _) = Self.parsed(page, keeping: Self.kept)
            #expect(events == Self.expected(page, keeping: Self.kept), "\(page)")
            if handlers == 1 { once += 1 }
        }
        #expect(once > 100)
    }

    /// `count` pages of `length` pieces each, picked from `pieces` by a fixed sequence.
    static func stitched(_ count: Int, of length: Int, from pieces: [String], seed: UInt64) -> [String] {
        var state = seed
        return (0..<count).map { _ in
            (0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return pieces[Int(state >> 33) % pieces.count]
            }.joined()
        }
    }

    /// Pieces of pages that read differently to a careless scanner.
    static let soup = [
        "<p>text</p>", "<script>a()</script>", "<style>b{}</style>", "<!-- <style> -->", "<div title='<script>'>t</div>",
        "<script type=application/ld+json>{}</script>", "<script>'</SCRIPT '</script>", "<b>x</b>", "<script src=a/>c</script>",
        "<textarea><script>t</script></textarea>", "<!DOCTYPE html>", "<style/>", "<scripts>y</scripts>", "</script>",
        "<div><script></div>", "<script><noscript>n</noscript></script>", "<style><body>b</style>", "<p>",
    ]
}
