import Foundation
import Testing

@testable import Analysis

/// The byte reader of `cluster` input lines against `JSONDecoder`, the reference.
@Suite struct ArticleLineTests {
    struct Decoded: Decodable, Equatable {
        var id: String
        var url: String?
        var title: String?
        var text: String?
        var published: String?
    }

    static func decoded(_ line: String) -> Decoded? {
        try? JSONDecoder().decode(Decoded.self, from: Data(line.utf8))
    }

    /// Lines read directly: the same strings as JSONDecoder.
    static let plain: [String] = [
        #"{"id": "a1", "url": "https://x.example/a", "title": "T", "text": "Body.", "published": "2026-01-02T03:04:05Z"}"#,
        #"{"id":"a1"}"#,
        " \t{ \"id\" : \"a1\" , \"text\" : \"x\" } \r",
        #"{"text": "first", "id": "later"}"#,
        #"{"id": "a1", "url": null, "title": null, "text": null, "published": null}"#,
        #"{"id": "", "text": ""}"#,
        #"{"id": "e", "text": "quote \" slash \\ solidus \/ \b\f\n\r\t end"}"#,
        #"{"id": "u", "text": "\u00e9\u00E9 \u4f8b \ud83c\udf0a \u0000 \u001f"}"#,
        #"{"\u0069d": "escaped key", "text": "x"}"#,
        #"{"id": "é", "title": "Kraków — “talks” 🌊", "text": "日本語のテキスト"}"#,
    ]

    /// Lines left to JSONDecoder: its own kind, an error, or simply not plain.
    static let other: [String] = [
        #"{"id": "a1", "extra": 1}"#, #"{"id": "a1", "id": "a2"}"#, #"{"id": "a1", "text": "a", "text": "b"}"#,
        #"{"id": null}"#, #"{"id": 7}"#, #"{"text": "no id"}"#, "{}", "[]", "", "null", #"{"id": "a1"} x"#,
        #"{"id": "a1",}"#, #"{"id": "a1" "text": "x"}"#, #"{"id": "a1", "text": "bad \x"}"#, #"{"id": "\ud83c"}"#,
        #"{"id": "\udf0a"}"#, #"{"id": "\ud83cx"}"#, #"{"id": "\u12"}"#, "{\"id\": \"tab\there\"}", #"{"id": "a1", "text": nul}"#,
        #"{"id": "a1", "text": true}"#, #"{'id': 'a1'}"#, #"{"id": "unterminated}"#, "\u{FEFF}{\"id\": \"bom\"}",
        #"{"id": "a1", "title": ["x"]}"#,
    ]

    @Test(arguments: plain)
    func readsPlainLinesAsJSONDecoderDoes(line: String) throws {
        let read = try #require(ArticleLine(Array(line.utf8)))
        let reference = try #require(Self.decoded(line))
        #expect(Decoded(id: read.id, url: read.url, title: read.title, text: read.text, published: read.published) == reference)
    }

    @Test(arguments: other)
    func leavesOtherLinesToJSONDecoder(line: String) {
        #expect(ArticleLine(Array(line.utf8)) == nil)
    }

    @Test func leavesInvalidUTF8ToJSONDecoder() {
        #expect(ArticleLine(Array(#"{"id": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)) == nil)
        #expect(ArticleLine(Array(#"{"id": "a", "text": ""#.utf8) + [0xFF] + Array(#"\n"}"#.utf8)) == nil)
    }

    @Test func readsLinesWithoutContiguousStorage() throws {
        let line = #"{"id": "a1", "text": "x\ty"}"#
        let read = try #require(ArticleLine(line.utf8.lazy.map { $0 }))
        #expect(read == ArticleLine(id: "a1", text: "x\ty"))
    }
}
