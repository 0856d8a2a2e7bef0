import Foundation
import Testing

@testable import Syndication

/// A reference, a base and the expected resolution.
struct ResolutionCase: CustomTestStringConvertible, Sendable {
    let reference: String
    let base: String?
    let expected: String
    init(_ reference: String, _ base: String?, _ expected: String) {
        self.reference = reference
        self.base = base
        self.expected = expected
    }
    var testDescription: String { "\(reference) against \(base ?? "nil")" }
}

@Suite("HTMLURIResolver")
struct ResolverTests {
    static let rfcBase = "http://a.test/b/c/d;p?q"

    @Test(
        "RFC 3986 §5.4 style resolution",
        arguments: [
            ResolutionCase("g", rfcBase, "http://a.test/b/c/g"),
            ResolutionCase("./g", rfcBase, "http://a.test/b/c/g"),
            ResolutionCase("g/", rfcBase, "http://a.test/b/c/g/"),
            ResolutionCase("/g", rfcBase, "http://a.test/g"),
            ResolutionCase("//other.test/g", rfcBase, "http://other.test/g"),
            ResolutionCase("?y", rfcBase, "http://a.test/b/c/d;p?y"),
            ResolutionCase("g?y#s", rfcBase, "http://a.test/b/c/g?y#s"),
            ResolutionCase("#s", rfcBase, "http://a.test/b/c/d;p?q#s"),
            ResolutionCase("..", rfcBase, "http://a.test/b/"),
            ResolutionCase("../g", rfcBase, "http://a.test/b/g"),
            ResolutionCase("../../../g", rfcBase, "http://a.test/g"),
            ResolutionCase("g/./h/../i", rfcBase, "http://a.test/b/c/g/i"),
            ResolutionCase("https://secure.test/x", rfcBase, "https://secure.test/x"),
        ])
    func rfc(_ c: ResolutionCase) {
        #expect(HTMLURIResolver.resolve(c.reference, against: c.base) == c.expected)
    }

    @Test(
        "edge cases",
        arguments: [
            ResolutionCase("page.html", nil, "page.html"),
            ResolutionCase("page.html", "", "page.html"),
            ResolutionCase("", "http://e.test/dir/", "http://e.test/dir/"),
            ResolutionCase("javascript:alert(1)", "http://e.test/", ""),
            ResolutionCase("data:text/html,x", "http://e.test/", ""),
            ResolutionCase("http:///triple.test/x", "http://e.test/", "http://triple.test/x"),
            ResolutionCase("page", "relative/base/", ""),
            ResolutionCase("\u{00E9}t\u{00E9}", "http://e.test/", "http://e.test/\u{00E9}t\u{00E9}"),
            ResolutionCase("feed", "http://\u{4F8B}\u{3048}.test/a/", "http://\u{4F8B}\u{3048}.test/a/feed"),
            ResolutionCase("mailto:a@b.test", "http://e.test/", "mailto:a@b.test"),
            // A delimiter before a combining mark is still one, as in Python's `urljoin` (whose
            // results these are): the parts are found among code points, not characters.
            ResolutionCase("?\u{301}", "https://e.test/x.php?rsd", "https://e.test/x.php?\u{301}"),
            ResolutionCase("/\u{301}", "https://e.test/a/b", "https://e.test/\u{301}"),
            ResolutionCase("//\u{301}host/x", "https://e.test/a/b", "https://\u{301}host/x"),
            ResolutionCase("#\u{301}", "https://e.test/a/b#f", "https://e.test/a/b#\u{301}"),
        ])
    func edges(_ c: ResolutionCase) {
        #expect(HTMLURIResolver.resolve(c.reference, against: c.base) == c.expected)
    }

    @Test(
        "URI attributes in markup",
        arguments: [
            Case("<a href=\"x.html\">l</a>", "<a href=\"http://e.test/dir/x.html\">l</a>"),
            Case("<img src=\"/i.png\" longdesc=\"d.txt\">", "<img longdesc=\"http://e.test/dir/d.txt\" src=\"http://e.test/i.png\" />"),
            Case("<blockquote cite=\"../q\">q</blockquote>", "<blockquote cite=\"http://e.test/q\">q</blockquote>"),
            Case("<form action=\"post\"></form>", "<form action=\"http://e.test/dir/post\"></form>"),
            Case("<a href=\" spaced \">s</a>", "<a href=\"http://e.test/dir/spaced\">s</a>"),
            Case("<span title=\"t.html\">s</span>", "<span title=\"t.html\">s</span>"),
            Case("<a href=\"javascript:x()\">j</a>", "<a href=\"javascript:x()\">j</a>"),
            Case("<!-- c --><p>x</p>", "<!-- c --><p>x</p>"),
        ])
    func markup(_ c: Case) {
        #expect(HTMLURIResolver.resolve(c.input, base: "http://e.test/dir/page") == c.expected)
    }

    @Test("URL overload and resolve-then-sanitize pipeline")
    func pipeline() throws {
        let base = try #require(URL(string: "http://e.test/dir/"))
        let resolved = HTMLURIResolver.resolve("<a href=\"p\" onclick=\"x()\">l</a><script>s()</script>", base: base)
        #expect(HTMLSanitizer.sanitize(resolved) == "<a href=\"http://e.test/dir/p\">l</a>")
    }

    @Test("scheme safety")
    func safety() {
        #expect(HTMLURIResolver.hasSafeScheme("https://e.test/"))
        #expect(HTMLURIResolver.hasSafeScheme("relative/x"))
        #expect(!HTMLURIResolver.hasSafeScheme("javascript:void(0)"))
    }
}

@Suite("HTMLHeuristics")
struct HeuristicsTests {
    @Test(
        "looksLikeHTML",
        arguments: [
            ("<b>bold</b>", true),
            ("plain text", false),
            ("Fish &amp; Chips", true),
            ("caf&eacute;", true),
            ("&#233;t&#233;", true),
            ("AT&T", false),
            ("a < b > c", false),
            ("<br>", false),
            ("<p>para", false),
            ("<notatag>x</notatag>", false),
            ("<b>x</b> &hellip;", true),
            ("&zwnj; HTML5-only &NotEqual;", false),
            ("x</p>", true),
        ])
    func guess(_ input: String, _ expected: Bool) {
        #expect(HTMLHeuristics.looksLikeHTML(input) == expected)
    }
}
