import Testing

@testable import Syndication

/// One input/expected pair.
struct Case: CustomTestStringConvertible, Sendable {
    let input: String
    let expected: String
    init(_ input: String, _ expected: String) {
        self.input = input
        self.expected = expected
    }
    var testDescription: String { input.debugDescription }
}

@Suite("HTMLSanitizer")
struct SanitizerTests {
    @Test(
        "allowed elements are kept",
        arguments: [
            Case("<p>Hello</p>", "<p>Hello</p>"),
            Case("<B>bold</B> and <EM>em</EM>", "<b>bold</b> and <em>em</em>"),
            Case("<table><tr><td>1</td></tr></table>", "<table><tr><td>1</td></tr></table>"),
            Case("<ul><li>one<li>two</ul>", "<ul><li>one<li>two</ul>"),
            Case("<h3>T</h3><blockquote>q</blockquote>", "<h3>T</h3><blockquote>q</blockquote>"),
            Case("<figure><figcaption>c</figcaption></figure>", "<figure><figcaption>c</figcaption></figure>"),
        ])
    func allowedElements(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "disallowed elements lose their tags but keep their text",
        arguments: [
            Case("<blink>look</blink>", "look"),
            Case("<marquee>moving</marquee> text", "moving text"),
            Case("a<iframe src=\"http://x.test/\">frame text</iframe>b", "aframe textb"),
            Case("<object data=\"x\"><param name=\"a\" value=\"b\">alt</object>", "alt"),
            Case("<html><body><div>in</div></body></html>", "<div>in</div>"),
            Case("<font face=\"Arial\">f</font><center>c</center>", "<font face=\"Arial\">f</font><center>c</center>"),
        ])
    func disallowedElements(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "script, style and applet content is dropped",
        arguments: [
            Case("safe<script>alert('x')</script> text", "safe text"),
            Case("<style>body { color: red }</style>visible", "visible"),
            Case("a<applet code=\"x\">inside</applet>b", "ab"),
            Case("<SCRIPT type=\"text/javascript\">x()</SCRIPT>after", "after"),
            Case("<div onclick=\"go()\">d<script src=\"e.js\"></script></div>", "<div>d</div>"),
        ])
    func droppedContent(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "attributes are filtered, lower-cased and sorted",
        arguments: [
            Case("<a HREF=\"http://e.test/\" onclick=\"x()\">l</a>", "<a href=\"http://e.test/\">l</a>"),
            Case("<img src=\"i.png\" alt=\"A\" onerror=\"x()\">", "<img alt=\"A\" src=\"i.png\" />"),
            Case("<span title=\"t\" class=\"c\" id=\"i\">s</span>", "<span class=\"c\" id=\"i\" title=\"t\">s</span>"),
            Case("<span title=\"one\" title=\"two\">s</span>", "<span title=\"two\">s</span>"),
            Case("<a rel=\"NoFollow\" href=\"/x\">l</a>", "<a href=\"/x\" rel=\"nofollow\">l</a>"),
            Case("<input type=checkbox checked>", "<input checked=\"checked\" type=\"checkbox\" />"),
            Case("<td colspan=2 nowrap>c</td>", "<td colspan=\"2\" nowrap=\"nowrap\">c</td>"),
            Case("<span data-x=\"1\" tabindex=\"2\">s</span>", "<span tabindex=\"2\">s</span>"),
            Case("<p title='it\"s'>q</p>", "<p title=\"it&quot;s\">q</p>"),
            Case("<p title=\"a<b>c\">q</p>", "<p title=\"a&lt;b&gt;c\">q</p>"),
            Case("<p title=\"AT&T &amp; co\">q</p>", "<p title=\"AT&amp;T &amp; co\">q</p>"),
        ])
    func attributes(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "unsafe URI schemes are emptied",
        arguments: [
            Case("<a href=\"javascript:alert(1)\">x</a>", "<a href=\"\">x</a>"),
            Case("<a href=\"JavaScript:alert(1)\">x</a>", "<a href=\"\">x</a>"),
            Case("<a href=\" java\tscript:alert(1)\">x</a>", "<a href=\"\">x</a>"),
            Case("<a href=\"vbscript:msgbox\">x</a>", "<a href=\"\">x</a>"),
            Case("<img src=\"data:image/png;base64,AAAA\">", "<img src=\"\" />"),
            Case("<form action=\"javascript:go()\"></form>", "<form action=\"\"></form>"),
            Case("<a href=\"mailto:me@example.com\">m</a>", "<a href=\"mailto:me@example.com\">m</a>"),
            Case("<a href=\"https://e.test/?a=1&amp;b=2\">q</a>", "<a href=\"https://e.test/?a=1&amp;b=2\">q</a>"),
            Case("<a href=\"relative/path.html\">r</a>", "<a href=\"relative/path.html\">r</a>"),
        ])
    func schemes(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "void elements are self-closed",
        arguments: [
            Case("line<br>break", "line<br />break"),
            Case("line<BR/>break", "line<br />break"),
            Case("<hr noshade>", "<hr noshade=\"noshade\" />"),
            Case("<img src=\"a.png\"></img>", "<img src=\"a.png\" />"),
            Case("<p/>", "<p></p>"),
        ])
    func voidElements(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "comments, doctypes and processing instructions",
        arguments: [
            Case("a<!-- note -->b", "a<!-- note -->b"),
            Case("<!DOCTYPE html><p>x</p>", "<p>x</p>"),
            Case("<?xml version=\"1.0\"?><p>x</p>", "<p>x</p>"),
            Case("ok<!-- never closed <script>bad()</script>", "ok"),
            Case("ok<!-- -- x>rest", "okrest"),
            Case("a<!--->b-->c", "ac"),
            Case("<!ELEMENT x>y", "&lt;!ELEMENT x>y"),
            Case("<![CDATA[<b>x</b>]]>", "&lt;![CDATA[<b>x</b>]]>"),
        ])
    func markupDeclarations(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "entity and character references",
        arguments: [
            Case("caf&eacute; &amp; bar", "caf&eacute; &amp; bar"),
            Case("&copy 2024", "&copy; 2024"),
            Case("&bogus; here", "&amp;bogus here"),
            Case("&#8212; and &#x2014;", "&#8212; and &#x2014;"),
            Case("&#X41;", "&#x41;"),
            Case("smart &#147;quotes&#148;", "smart &#x201c;quotes&#x201d;"),
            Case("it&#39;s &#34;q&#34;", "it's \"q\""),
            Case("AT&T rocks", "AT&amp;T rocks"),
            Case("x &apos; y", "x &apos; y"),
        ])
    func references(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "unclosed and malformed markup",
        arguments: [
            Case("<b>bold", "<b>bold"),
            Case("</i>stray", "</i>stray"),
            Case("a < b and c > d", "a &lt; b and c > d"),
            Case("<a href=\"http://e.test/", "&lt;a href=\"http://e.test/"),
            Case("<b<i>x</i>", "<b><i>x</i>"),
            Case("text<", "text&lt;"),
            Case("  padded  \r\n", "padded"),
            Case("one\r\ntwo", "one\ntwo"),
        ])
    func malformed(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test(
        "SVG and MathML are kept only inside their roots",
        arguments: [
            Case(
                "<svg><circle cx=\"5\" cy=\"5\" r=\"4\" onload=\"x()\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle cx=\"5\" cy=\"5\" r=\"4\"></svg>"),
            Case(
                "<svg viewbox=\"0 0 1 1\"><lineargradient id=\"g\"></lineargradient></svg>",
                "<svg viewBox=\"0 0 1 1\" xmlns=\"http://www.w3.org/2000/svg\"><linearGradient id=\"g\"></linearGradient></svg>"),
            Case("<circle r=\"1\"></circle>", ""),
            Case(
                "<math><mi>x</mi><mo>=</mo><mn>1</mn></math>",
                "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi><mo>=</mo><mn>1</mn></math>"),
            Case("<mi>x</mi>", "x"),
        ])
    func foreignContent(_ c: Case) {
        #expect(HTMLSanitizer.sanitize(c.input) == c.expected)
    }

    @Test("xhtml mode closes self-closing tags")
    func xhtmlMode() {
        #expect(HTMLSanitizer.sanitize("<span class=\"a\"/>x", mode: .xhtml) == "<span class=\"a\"></span>x")
        #expect(HTMLSanitizer.sanitize("<span class=\"a\"/>x", mode: .html) == "<span class=\"a\">x")
    }
}

@Suite("CSSSanitizer")
struct CSSSanitizerTests {
    @Test(
        "style attributes keep only safe declarations",
        arguments: [
            Case("color: red", "color: red;"),
            Case("COLOR:Blue;font-weight:bold", "COLOR: Blue; font-weight: bold;"),
            Case("margin: 0 auto; padding: 2px 4px", "margin: 0 auto; padding: 2px 4px;"),
            Case("border: 1px solid #abc", "border: 1px solid #abc;"),
            Case("border: 1px groove #abc", ""),
            Case("position: absolute; color: red", "color: red;"),
            Case("background: url(http://e.test/x.png) red", "background: red;"),
            Case("background-image: url(javascript:alert(1))", ""),
            Case("width: expression(alert(1))", ""),
            Case("color: red; behavior: url(x.htc)", "color: red;"),
            Case("font-family: 'Times New Roman', serif", "font-family: 'Times New Roman', serif;"),
            Case("color: \"red\\\"", ""),
            Case("color red", ""),
        ])
    func css(_ c: Case) {
        #expect(CSSSanitizer.sanitize(c.input) == c.expected)
    }

    /// Expected values from feedparser 6.0.14's `sanitize_style`: Python's `\d`, `\s` and `\w`
    /// take digits, spaces and letters beyond ASCII.
    @Test(
        "letters, digits and spaces beyond ASCII",
        arguments: [
            Case("color: rgb(\u{661},\u{662},\u{663})", "color: rgb(\u{661},\u{662},\u{663});"),
            Case("color:\u{3000}red", "color: red;"),
            Case("font-family: \u{E9}t\u{E9}", ""),
            Case("margin: 0\u{2003}auto", "margin: 0\u{2003}auto;"),
            Case("color: red\u{1C}", "color: red\u{1C};"),
        ])
    func beyondASCII(_ c: Case) {
        #expect(CSSSanitizer.sanitize(c.input) == c.expected)
    }

    @Test("a value seen again gives the same result, with or without SVG properties")
    func remembered() {
        for _ in 0..<3 {
            #expect(CSSSanitizer.sanitize("stroke: blue; color: red") == "color: red;")
            #expect(CSSSanitizer.sanitize("stroke: blue; color: red", allowSVGProperties: true) == "stroke: blue; color: red;")
        }
    }

    @Test("SVG paint properties only inside SVG")
    func svgProperties() {
        #expect(CSSSanitizer.sanitize("fill: red") == "")
        #expect(CSSSanitizer.sanitize("fill: red", allowSVGProperties: true) == "fill: red;")
    }

    @Test("style attribute goes through the CSS filter")
    func styleAttribute() {
        #expect(
            HTMLSanitizer.sanitize("<p style=\"color: red; position: fixed\">x</p>")
                == "<p style=\"color: red;\">x</p>")
        #expect(HTMLSanitizer.sanitize("<p style=\"top: expression(x)\">x</p>") == "<p>x</p>")
    }
}

@Suite("Sanitizer plain-text shortcut")
struct SanitizerShortcutTests {
    /// The shortcut must give exactly what the full sanitizer gives.
    @Test func plainTextGivesWhatTheTokenizerGives() {
        var generator = SplitMix64(seed: 0x5A71)
        let alphabet = Array("abc XYZ 123 .,;:!?\"'()[]{}=/\\-_é€日本\u{A0}\t\n")
        for _ in 0..<2_000 {
            let length = Int.random(in: 1..<60, using: &generator)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            guard HTMLSanitizer.isPlainText(text) else { continue }
            var source = text
            let prepared = source.withUTF8 { MarkupPreprocessor.prepare($0, escapeCDATA: true) }
            var sink = SanitizingSink(capacity: prepared.count)
            var tokenizer = HTMLTokenizer(xhtml: false, dropUnterminatedComments: true)
            prepared.withUnsafeBufferPointer { tokenizer.run($0, into: &sink) }
            sink.writer.replaceCRLF()
            #expect(Text.trimmingPythonWhitespace(sink.writer.string) == text, "\(text)")
        }
    }
}
