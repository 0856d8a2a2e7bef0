import Testing

@testable import Analysis

@Suite struct URLCanonicalizerTests {
    static let cases: [(String, String)] = [
        ("https://example.com/news/story?utm_source=x&utm_medium=y", "https://example.com/news/story"),
        ("https://example.com/a?fbclid=abc&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&ref=home", "https://example.com/a"),
        ("HTTP://Example.COM/Path", "https://example.com/Path"),
        ("https://www.example.com/a/", "https://example.com/a"),
        ("http://example.com:80/a", "https://example.com/a"),
        ("https://example.com:443/a#comments", "https://example.com/a"),
        ("https://example.com:8080/a", "https://example.com:8080/a"),
        ("https://example.com/news/story/amp", "https://example.com/news/story"),
        ("https://example.com/news/story.amp.html", "https://example.com/news/story.html"),
        ("https://amp.example.com/news/story", "https://example.com/news/story"),
        ("https://example.com/news/story?amp=1", "https://example.com/news/story"),
        ("https://example-com.cdn.ampproject.org/c/s/example.com/news/story", "https://example.com/news/story"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com//a//b/", "https://example.com/a/b"),
    ]

    @Test(arguments: cases)
    func canonicalizes(input: String, expected: String) {
        #expect(URLCanonicalizer().canonicalize(input) == expected)
    }

    @Test(arguments: ["not a url", "mailto:someone@example.com", "ftp://example.com/file", ""])
    func rejectsNonWebAddresses(input: String) {
        #expect(URLCanonicalizer().canonicalize(input) == nil)
    }

    @Test func keepsMeaningfulParameters() {
        #expect(URLCanonicalizer().canonicalize("https://example.com/watch?v=abc") == "https://example.com/watch?v=abc")
    }
}

/// The byte reader of plain addresses against `URLComponents`, the reference.
@Suite struct URLCanonicalizerPlainTests {
    /// Addresses the byte reader reads itself, with their canonical form (checked against
    /// `URLComponents` as well).
    static let plain: [(String, String)] = [
        ("HtTpS://EXAMPLE.com/A?B=C#D", "https://example.com/A?B=C"),
        ("https://example.com?a=1", "https://example.com/?a=1"),
        ("https://example.com#", "https://example.com/"),
        ("https://example.com/a#a?b/c:d@e", "https://example.com/a"),
        ("https://example.com:65535", "https://example.com:65535/"),
        ("https://example.com:1/a", "https://example.com:1/a"),
        ("https://1.2.3.4:8080/x", "https://1.2.3.4:8080/x"),
        ("https://example.com./a", "https://example.com./a"),
        ("https://ex..ample.com/", "https://ex..ample.com/"),
        ("https://-a.com", "https://-a.com/"),
        ("https://www.abc", "https://www.abc/"),
        ("https://www.abcd/", "https://abcd/"),
        ("https://m.abc", "https://m.abc/"),
        ("https://www.amp.m.example.com/a", "https://example.com/a"),
        ("https://xn--mnchen-3ya.de/", "https://xn--mnchen-3ya.de/"),
        ("https://x.cdn.ampproject.org/c/s/EXAMPLE.COM", "https://example.com/"),
        ("https://x.cdn.ampproject.org/v/www.example.com/y/amp", "https://example.com/y"),
        ("https://example.com/?a=&a", "https://example.com/?a=&a"),
        ("https://example.com/?a&a=", "https://example.com/?a&a="),
        ("http://example.com?a=1&a", "https://example.com/?a&a=1"),
        ("https://example.com/?b&a", "https://example.com/?a&b"),
        ("https://example.com/a?q=a/b?c:d@e", "https://example.com/a?q=a/b?c:d@e"),
        ("https://example.com/a?q=!$'()*,;", "https://example.com/a?q=!$'()*,;"),
        ("https://example.com/?UTM_Source=x&Ref=y&_hsenc=z", "https://example.com/"),
        ("https://example.com/a!$&'()*+,;=:@b", "https://example.com/a!$&'()*+,;=:@b"),
        ("https://example.com/a%2Fb/%7euser", "https://example.com/a%2Fb/%7euser"),
        ("https://example.com/.amp", "https://example.com/"),
        ("https://example.com/x.AMP.HTML", "https://example.com/x.html"),
        ("https://example.com/AMP/x", "https://example.com/x"),
        ("https://example.com/a/./b/../c", "https://example.com/a/./b/../c"),
    ]

    /// Addresses left to `URLComponents` (not plain), accepted or rejected there.
    static let other: [String] = [
        " https://example.com/a ", "https://example.com:0/a", "https://example.com:080/a", "https://example.com:65536/a",
        "https://example.com:/a", "https://example.com:99999999999/a", "https://example.com:123456789012345678901234567890/a",
        "https://user:pass@example.com/a",
        "https://user@Example.com:8080/a", "https://[2001:db8::1]:8080/a", "https://[::1]/", "https://münchen.de/a",
        "https://例子.cn/", "https://ex%41mple.com/", "https://exa_mple.com/",
        "https://example.com/ä?ö=ü#ß", "https://example.com/a b", "https://example.com/a%zz", "https://example.com/a%4",
        "https://example.com/a|b", "https://example.com/a\"b", "https://example.com/?q=a+b", "https://example.com/?q=a%20b",
        "https://example.com/?x=%2F", "https://example.com/?", "https://example.com/?&a=1", "https://example.com/?a=1&",
        "https://example.com/?a=1&&b=2", "https://example.com/?=1", "https://example.com/?a==1", "https://example.com/?x=[1]",
        "https://example.com/#a#b", "https://example.com/#a%20b", "https://example.com/#a b",
        "https://x.cdn.ampproject.org/c/s/ex_ample.com/q", "https://x.cdn.ampproject.org/c/s/a:b@c/q", "http:example.com",
        "http:/example.com", "https:///a", "http://", "//example.com/a", "/relative/path", "example.com/a",
        "ftp://example.com/file", "mailto:someone@example.com", "not a url", "", "httpx://example.com",
    ]

    @Test(arguments: plain)
    func readsPlainAddressesAsURLComponentsDoes(input: String, expected: String) {
        let canonicalizer = URLCanonicalizer()
        #expect(canonicalizer.plainCanonical(input) == expected)
        #expect(canonicalizer.foundationCanonical(input) == expected)
        #expect(canonicalizer.canonicalize(input) == expected)
    }

    @Test(arguments: other)
    func leavesOtherAddressesToURLComponents(input: String) {
        let canonicalizer = URLCanonicalizer()
        #expect(canonicalizer.plainCanonical(input) == nil)
        #expect(canonicalizer.canonicalize(input) == canonicalizer.foundationCanonical(input))
    }

    /// Every combination of tricky parts: where the byte reader answers, it answers as
    /// `URLComponents` does.
    @Test func agreesWithURLComponentsOnCombinations() {
        let schemes = ["http://", "HTTPS://", "https:/", "ftp://"]
        let hosts = ["Example.COM", "www.example.com", "m.x", "a-.com", "ex_ample.com", "[::1]", "u@example.com", "é.fr", ""]
        let ports = ["", ":80", ":443", ":8080", ":0", ":080", ":65536", ":"]
        let paths = ["", "/", "//a//b/", "/news/amp", "/x.amp.html", "/a%20b", "/a%zz", "/a b", "/a'(b)*;,", "/c/s/Example.com/n"]
        let queries = ["", "?", "?b=2&a=1", "?utm_source=x&id=7", "?a", "?a=&a", "?=1", "?a=1=2", "?a=1&", "?q=a+b", "?q=%2F", "?q=a/b?c"]
        let fragments = ["", "#", "#top", "#a#b", "#a%20b"]
        let canonicalizer = URLCanonicalizer()
        var plain = 0
        var disagreements: [String] = []
        for scheme in schemes {
            for host in hosts {
                for port in ports {
                    for path in paths {
                        for query in queries {
                            for fragment in fragments {
                                let url = scheme + host + port + path + query + fragment
                                guard let fast = canonicalizer.plainCanonical(url) else { continue }
                                plain += 1
                                if fast != canonicalizer.foundationCanonical(url) { disagreements.append(url) }
                            }
                        }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(plain > 4000)
    }
}
