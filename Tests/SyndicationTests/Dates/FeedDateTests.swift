import Foundation
import Testing

@testable import Syndication

@Suite("FeedDate and utcString")
struct FeedDateTests {
    @Test func keepsRawTextUntrimmed() {
        let raw = "  Mon, 19 Feb 2024 10:00:00 GMT\n"
        let parsed = FeedDate.parse(raw)
        #expect(parsed.raw == raw)
        #expect(parsed.date == Date(timeIntervalSince1970: 1_708_336_800))
    }

    @Test func keepsRawTextWhenUnparseable() {
        let parsed = FeedDate.parse("sometime last week")
        #expect(parsed.raw == "sometime last week")
        #expect(parsed.date == nil)
        #expect(parsed.utcString == nil)
    }

    @Test func keepsFractionalSecondsInDate() throws {
        let date = try #require(DateParser.parse("2024-02-19T10:00:00.5Z"))
        #expect(date.timeIntervalSince1970 == 1_708_336_800.5)
        #expect(FeedDate(raw: "", date: date).utcString == "2024-02-19T10:00:00Z")
    }

    @Test func parserAndFeedDateAgree() {
        let raw = "2024-02-19T10:00:00+01:00"
        #expect(FeedDate.parse(raw) == FeedDate(raw: raw, date: DateParser.parse(raw)))
        #expect(FeedDate.parse(raw) != FeedDate(raw: raw + " ", date: DateParser.parse(raw)))
    }

    @Test(
        arguments: [
            (0.0, "1970-01-01T00:00:00Z"),
            (-0.5, "1969-12-31T23:59:59Z"),
            (-1.0, "1969-12-31T23:59:59Z"),
            (1_708_336_800.999, "2024-02-19T10:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (-62_135_596_800, "0001-01-01T00:00:00Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"),
        ] as [(Double, String)])
    func formatsUTC(_ interval: Double, _ expected: String) {
        #expect(FeedDate(raw: "", date: Date(timeIntervalSince1970: interval)).utcString == expected)
    }

    @Test(
        arguments: [
            -62_135_596_800.5, 253_402_300_800, 1e300, -1e300, .infinity, -.infinity, .nan,
        ] as [Double])
    func refusesInstantsRFC3339CannotExpress(_ interval: Double) {
        #expect(FeedDate(raw: "", date: Date(timeIntervalSince1970: interval)).utcString == nil)
    }

    @Test func utcStringIsNilWithoutDate() {
        #expect(FeedDate(raw: "Mon, 19 Feb 2024", date: nil).utcString == nil)
    }

    @Test func utcStringMatchesFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var generator = SplitMix64(seed: 0xDA7E)
        // Foundation's Gregorian calendar is Julian before 1582, so compare from 1600 on.
        let start = -11_676_096_000  // 1600-01-01T00:00:00Z
        let end = 253_402_300_800  // 10000-01-01T00:00:00Z
        for _ in 0..<5_000 {
            let seconds = start + Int(generator.next() % UInt64(end - start))
            let date = Date(timeIntervalSince1970: Double(seconds))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                parts.year ?? -1, parts.month ?? -1, parts.day ?? -1,
                parts.hour ?? -1, parts.minute ?? -1, parts.second ?? -1
            )
            #expect(FeedDate(raw: "", date: date).utcString == expected)
        }
    }

    @Test func utcStringRoundTripsThroughParser() throws {
        var generator = SplitMix64(seed: 0x3339)
        let start = -62_135_596_800
        let end = 253_402_300_800
        for _ in 0..<5_000 {
            let seconds = start + Int(generator.next() % UInt64(end - start))
            let text = try #require(FeedDate(raw: "", date: Date(timeIntervalSince1970: Double(seconds))).utcString)
            #expect(DateParser.parse(text)?.timeIntervalSince1970 == Double(seconds))
        }
    }
}
