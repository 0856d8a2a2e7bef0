import Foundation
import Testing

@testable import Syndication

@Suite("HTML robustness")
struct HTMLRobustnessTests {
    /// Fragments that stress every branch of the tokenizer.
    static let fragments = [
        "<", ">", "&", "\"", "'", "/", "=", "!", "?", "-", "--", "<!--", "-->", "<!", "<?", "?>",
        "<![CDATA[", "]]>", "<![if x]>", "<!DOCTYPE x", "<a", "<A HREF=", "</a>", "<b>", "</",
        "<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>", "<math>", "<mi>",
        "<img src=javascript:x>", " onclick=", "style=\"", "color:red;", "url(", ")", "&amp;",
        "&#", "&#x", "12", ";", "&nbsp", "é", "日本", "\n", "\t", " ", "<br/>", "<p/", "x/",
        "<>", "</>", "$", "=\"", "'>", "<a b='c'd>", "\r\n", "&#0;", "&#99999999999999999999;",
    ]

    static func randomMarkup(_ rng: inout SplitMix64, pieces: Int) -> String {
        var s = ""
        for _ in 0..<pieces { s += fragments.randomElement(using: &rng)! }
        return s
    }

    /// Every `<` in sanitized output must open an allow-listed tag or a comment.
    static func checkOutputIsClean(_ output: String) -> Bool {
        let bytes = Array(output.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == ASCII.lt else {
                i += 1
                continue
            }
            if bytes[i...].starts(with: "<!--".utf8) {
                guard
                    let close = output.utf8[output.utf8.index(output.utf8.startIndex, offsetBy: i)...]
                        .firstRange(of: "-->".utf8)
                else { return false }
                i = output.utf8.distance(from: output.utf8.startIndex, to: close.upperBound)
                continue
            }
            var p = i + 1
            if p < bytes.count, bytes[p] == ASCII.slash { p += 1 }
            let start = p
            while p < bytes.count, ASCII.isTagNameByte(bytes[p]) { p += 1 }
            let name = String(decoding: bytes[start..<p], as: UTF8.self).lowercased()
            let known =
                HTMLAllowList.elements.contains(name) || HTMLAllowList.mathMLElements.contains(name)
                || HTMLAllowList.svgElements[name] != nil
            if !known { return false }
            i = p
        }
        return true
    }

    @Test("random markup never crashes and never leaks unknown tags", arguments: 0..<8)
    func randomMarkup(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        for _ in 0..<300 {
            let input = Self.randomMarkup(&rng, pieces: Int.random(in: 1...60, using: &rng))
            let sanitized = HTMLSanitizer.sanitize(input)
            #expect(Self.checkOutputIsClean(sanitized), "input: \(input.debugDescription)")
            _ = HTMLSanitizer.sanitize(input, mode: .xhtml)
            let resolved = HTMLURIResolver.resolve(input, base: "http://e.test/a/")
            #expect(Self.checkOutputIsClean(HTMLSanitizer.sanitize(resolved)), "input: \(input.debugDescription)")
            _ = HTMLHeuristics.looksLikeHTML(input)
            _ = CSSSanitizer.sanitize(input)
            _ = HTMLURIResolver.resolve(input, against: "http://e.test/a/")
        }
    }

    @Test("random bytes never crash")
    func randomBytes() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 0...200, using: &rng)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let input = String(decoding: bytes, as: UTF8.self)
            #expect(Self.checkOutputIsClean(HTMLSanitizer.sanitize(input)))
            _ = HTMLURIResolver.resolve(input, base: "http://e.test/")
            _ = HTMLHeuristics.looksLikeHTML(input)
            _ = CSSSanitizer.sanitize(input)
        }
    }

    /// Inputs that would make a naive scanner quadratic or recurse deeply.
    static let pathological: [String] = [
        String(repeating: "<div>", count: 40_000),
        String(repeating: "<a href=\"", count: 20_000),
        String(repeating: "<!--", count: 40_000),
        String(repeating: "<!-- -- ", count: 20_000),
        String(repeating: "<![CDATA[", count: 20_000),
        String(repeating: "<!DOCTYPE x \"", count: 10_000),
        String(repeating: "<a b='c'\"d\" ", count: 15_000),
        String(repeating: "&#", count: 60_000),
        String(repeating: "<p/", count: 40_000),
        String(repeating: "<x ", count: 40_000) + ">",
        "<p style=\"" + String(repeating: "color: red; ", count: 10_000) + "\">",
        "<p style=\"" + String(repeating: "url(", count: 20_000) + "\">",
        String(repeating: "</script>", count: 20_000) + "text",
        String(repeating: "<svg><math>", count: 20_000),
    ]

    @Test("pathological inputs finish quickly", arguments: 0..<pathological.count)
    func pathologicalInput(index: Int) {
        let input = Self.pathological[index]
        let start = Date()
        let sanitized = HTMLSanitizer.sanitize(input)
        _ = HTMLURIResolver.resolve(input, base: "http://e.test/")
        _ = HTMLHeuristics.looksLikeHTML(input)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 5, "took \(elapsed)s")
        #expect(Self.checkOutputIsClean(sanitized))
    }

    @Test("sanitizing is stable on its own output")
    func idempotent() {
        let input = "<p class=x>Hi &amp; <b>there</b><br><img src=a.png alt='A'> &copy; <a href=\"/x\">y</a></p>"
        let once = HTMLSanitizer.sanitize(input)
        #expect(HTMLSanitizer.sanitize(once) == once)
    }
}
