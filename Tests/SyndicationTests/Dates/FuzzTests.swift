import Foundation
import Testing

@testable import Syndication

/// Random and mutated inputs: the parser must never crash, and whatever it returns
/// must be a date `utcString` can express.
@Suite("Fuzzing")
struct FuzzTests {
    /// Characters that steer the scanners into their deeper states.
    private static let alphabet: [Character] =
        Array(
            "0123456789012345678901234567890123456789 :+-/.,()TtZzWGMTUCESPDAJFNOKuly\t\n\u{00A0}"
        ) + ["\u{C624}", "\u{D6C4}", "\u{B144}", "\u{C6D4}", "\u{C77C}", "\u{0399}", "\u{03BF}", "\u{03CD}", "\u{E1}", "\u{0}", "\u{FFFD}"]

    private static var seeds: [String] {
        (rfc822Vectors + iso8601Vectors + otherFormatVectors).map(\.input)
    }

    private func check(_ input: String) {
        let parsed = FeedDate.parse(input)
        #expect(parsed.raw == input)
        if parsed.date != nil, parsed.utcString == nil {
            Issue.record("parsed to an unformattable instant: \(input.debugDescription)")
        }
    }

    @Test func randomDateLikeStrings() {
        var generator = SplitMix64(seed: 1)
        for _ in 0..<100_000 {
            let length = Int(generator.next() % 40)
            var text = ""
            for _ in 0..<length {
                text.append(Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))])
            }
            check(text)
        }
    }

    @Test func randomBytes() {
        var generator = SplitMix64(seed: 2)
        for _ in 0..<50_000 {
            let length = Int(generator.next() % 64)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func mutatedVectors() {
        var generator = SplitMix64(seed: 3)
        let seeds = Self.seeds
        for _ in 0..<100_000 {
            var bytes = Array(seeds[Int(generator.next() % UInt64(seeds.count))].utf8)
            for _ in 0...(generator.next() % 4) {
                let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count))
                let byte = UInt8(truncatingIfNeeded: generator.next())
                switch generator.next() % 4 {
                case 0 where !bytes.isEmpty: bytes[position] = byte
                case 1 where !bytes.isEmpty: bytes.remove(at: position)
                case 2: bytes.insert(byte, at: position)
                default:
                    let digit = UInt8(0x30 + generator.next() % 10)
                    if !bytes.isEmpty { bytes[position] = digit }
                }
            }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func extremeInputs() {
        check(String(repeating: "9", count: 10_000))
        check(String(repeating: " ", count: 10_000))
        check(String(repeating: "(", count: 200))
        check("Mon, 19 Feb 2024 10:00:00 GMT (" + String(repeating: "x", count: 300))
        check("999999999999999999999-99-99T99:99:99.9999999999999999999+99:99")
        check("2024-02-19T10:00:00." + String(repeating: "9", count: 100) + "Z")
        check(String(repeating: "\u{00A0}", count: 500))
    }
}
