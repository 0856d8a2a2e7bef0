import Foundation
import Testing

@testable import Store

@Suite("Stored JSON lists")
struct StoreJSONTests {
    static let strings: [[String]] = [
        [], [""], ["plain"], ["He said \"no\" — then left.", "back\\slash/slash", "tab\tnew\nline\r\u{08}\u{0C}\u{01}\u{1F}"],
        ["Café 🌊 日本", "\u{2028}\u{2029}", "emoji 👩‍👩‍👧 and \u{10FFFF}"],
    ]

    @Test(arguments: strings)
    func stringListsReadDirectlyAsTheDecoderWould(_ list: [String]) throws {
        let text = StoreJSON.text(list)
        #expect(StoreJSON.strings(text) == list, "\(text)")
        #expect(try StoreJSON.value([String].self, from: text, column: "c") == list)
    }

    @Test func labelListsReadDirectlyWithEveryScore() throws {
        let labels = [
            ScoredLabel(id: "politics", name: "Politics \"and\" power", score: 0.125), ScoredLabel(id: "x", name: "", score: -3e-12),
            ScoredLabel(id: "big", name: "Big", score: 1e300), ScoredLabel(id: "inf", name: "Inf", score: .infinity),
            ScoredLabel(id: "ninf", name: "-Inf", score: -.infinity),
        ]
        let text = StoreJSON.text(labels)
        #expect(StoreJSON.labels(text) == labels, "\(text)")
        let nan = try #require(StoreJSON.labels(StoreJSON.text([ScoredLabel(id: "n", name: "N", score: .nan)])))
        #expect(nan.count == 1 && nan[0].score.isNaN)
    }

    /// Foundation's encoder with the settings the store used before it wrote lists itself.
    static func encoded<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: strings)
    func stringListsAreWrittenAsFoundationsEncoderWritesThem(_ list: [String]) throws {
        #expect(StoreJSON.text(list) == (try Self.encoded(list)))
    }

    @Test func labelListsAreWrittenAsFoundationsEncoderWritesThem() throws {
        var scores: [Double] = [
            0, -0.0, 1, -1, 0.5, 0.125, 0.123, 0.001, 1e-7, .leastNonzeroMagnitude, 1e15, 1e16, 1e20, 1.2345678901234568e17, 1e300, .pi,
        ]
        scores += [.infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNormalMagnitude]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 { scores.append((Double.random(in: 0...1, using: &generator) * 1000).rounded() / 1000) }
        for _ in 0..<200 { scores.append(Double(bitPattern: generator.next())) }
        let labels = scores.enumerated().map { ScoredLabel(id: "t\($0.offset)", name: "Name \"\($0.offset)\"/\u{1}é", score: $0.element) }
        for label in labels {
            #expect(StoreJSON.text([label]) == (try Self.encoded([label])))
        }
        #expect(StoreJSON.text(labels) == (try Self.encoded(labels)))
        #expect(StoreJSON.text([ScoredLabel]()) == "[]")
    }

    @Test func otherJSONIsLeftToTheGeneralDecoder() throws {
        // Valid JSON of another layout: the direct readers give up, the decoder still reads it.
        let spaced = " [ \"a\" ,\n\"b\\u00e9\\ud83c\\udf0a\" ] "
        #expect(StoreJSON.strings(spaced) == ["a", "bé🌊"])
        let reordered = "[{\"score\": 2, \"name\": \"N\", \"id\": \"i\"}]"
        #expect(StoreJSON.labels(reordered) == [ScoredLabel(id: "i", name: "N", score: 2)])
        let extraKey = "[{\"id\":\"i\",\"name\":\"N\",\"score\":1,\"more\":true}]"
        #expect(StoreJSON.labels(extraKey) == nil)
        #expect(try StoreJSON.value([ScoredLabel].self, from: extraKey, column: "c") == [ScoredLabel(id: "i", name: "N", score: 1)])
        // Not JSON, or not a list of the shape: nothing is read, and the column is reported.
        for bad in ["", "[", "[\"a\"", "[1]", "[\"\\ud800\"]", "[\"\\q\"]", "[\"raw\u{01}control\"]", "{}"] {
            #expect(StoreJSON.strings(bad) == nil, "\(bad)")
            #expect(throws: StoredValueError.self) { try StoreJSON.value([String].self, from: bad, column: "article.authors") }
        }
        // What Foundation's decoder tolerates is still read by it.
        for lenient in ["[\"a\",]", "[\"a\"] x"] {
            #expect(StoreJSON.strings(lenient) == nil, "\(lenient)")
        }
        #expect(StoreJSON.labels("[{\"id\":\"i\",\"name\":\"N\"}]") == nil)
        #expect(StoreJSON.labels("[{\"id\":\"i\",\"name\":\"N\",\"score\":\"high\"}]") == nil)
    }
}
