import Foundation
import Testing

@testable import Aggregation

@Suite("Fetch schedule")
struct FetchScheduleTests {
    /// Tuesday 20 February 2024, 08:15:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_708_416_900)
    static let hour = 3600.0

    @Test func successWaitsTheInterval() {
        let decision = FetchSchedule.next(after: Self.now, interval: 1800, outcome: .success)
        #expect(decision.nextFetch == Self.now.addingTimeInterval(1800))
        #expect(decision.reason == "fetched; next in 30 min")
    }

    @Test func ttlAndMaxAgeLengthenTheWait() {
        let ttl = FetchSchedule.next(after: Self.now, interval: 900, outcome: .success, hints: FetchHints(ttlMinutes: 60, maxAge: 600))
        #expect(ttl.nextFetch == Self.now.addingTimeInterval(Self.hour))
        #expect(ttl.reason == "fetched; next in 1 h (feed ttl 60 min)")
        let maxAge = FetchSchedule.next(after: Self.now, interval: 900, outcome: .notModified, hints: FetchHints(ttlMinutes: 5, maxAge: 7200))
        #expect(maxAge.nextFetch == Self.now.addingTimeInterval(7200))
        #expect(maxAge.reason == "not modified; next in 2 h (Cache-Control max-age)")
        let short = FetchSchedule.next(after: Self.now, interval: 900, outcome: .success, hints: FetchHints(ttlMinutes: 5, maxAge: 60))
        #expect(short.nextFetch == Self.now.addingTimeInterval(900), "hints never shorten the configured interval")
    }

    @Test func skipHoursMoveTheFetchToTheNextAllowedHour() {
        // Due 09:15; hours 9, 10 and 11 are skipped → 12:00.
        let decision = FetchSchedule.next(after: Self.now, interval: Self.hour, outcome: .success, hints: FetchHints(skipHours: [9, 10, 11]))
        #expect(decision.nextFetch == Date(timeIntervalSince1970: 1_708_430_400))
        #expect(decision.reason == "fetched; next in 3.8 h, moved past the feed's skipHours/skipDays")
    }

    @Test func skipDaysMoveTheFetchToTheNextAllowedDay() {
        // Due Tuesday 09:15; Tuesday and Wednesday skipped → Thursday 00:00 UTC.
        let hints = FetchHints(skipDays: ["Tuesday", "wednesday"])
        let decision = FetchSchedule.next(after: Self.now, interval: Self.hour, outcome: .success, hints: hints)
        #expect(decision.nextFetch == Date(timeIntervalSince1970: 1_708_560_000))
    }

    @Test func skipEverythingIsIgnored() {
        let hints = FetchHints(skipHours: Set(0...23))
        let decision = FetchSchedule.next(after: Self.now, interval: Self.hour, outcome: .success, hints: hints)
        #expect(decision.nextFetch == Self.now.addingTimeInterval(Self.hour))
    }

    @Test(arguments: [(1, 1800.0), (2, 3600.0), (3, 7200.0), (4, 14400.0), (6, 57600.0), (7, 86400.0), (30, 86400.0), (10_000, 86400.0)])
    func failuresBackOffExponentiallyUpToADay(failures: Int, wait: Double) {
        let decision = FetchSchedule.next(after: Self.now, interval: 1800, outcome: .failure(consecutiveFailures: failures, retryAfter: nil))
        #expect(decision.nextFetch == Self.now.addingTimeInterval(wait))
    }

    @Test func failureReasonsSayWhatHappens() {
        func reason(_ failures: Int, _ retryAfter: Date? = nil) -> String {
            FetchSchedule.next(after: Self.now, interval: 900, outcome: .failure(consecutiveFailures: failures, retryAfter: retryAfter)).reason
        }
        #expect(reason(1) == "failed once; next try in 15 min")
        #expect(reason(4) == "failed 4 times; next try in 2 h")
        #expect(reason(40) == "failed 40 times; next try in 24 h (backoff at its cap; still retrying)")
        #expect(reason(1, Self.now.addingTimeInterval(7200)) == "failed once; next try in 2 h (the server's Retry-After)")
    }

    @Test func retryAfterIsNeverAnticipated() {
        let retryAfter = Self.now.addingTimeInterval(5 * Self.hour)
        let early = FetchSchedule.next(after: Self.now, interval: 900, outcome: .failure(consecutiveFailures: 1, retryAfter: retryAfter))
        #expect(early.nextFetch == retryAfter)
        let soon = Self.now.addingTimeInterval(60)
        let late = FetchSchedule.next(after: Self.now, interval: 900, outcome: .failure(consecutiveFailures: 3, retryAfter: soon))
        #expect(late.nextFetch == Self.now.addingTimeInterval(3600), "backoff longer than Retry-After wins")
    }

    @Test func longIntervalsAreNotShortenedByTheCap() {
        let week = 7 * 24 * Self.hour
        let decision = FetchSchedule.next(after: Self.now, interval: week, outcome: .failure(consecutiveFailures: 3, retryAfter: nil))
        #expect(decision.nextFetch == Self.now.addingTimeInterval(week))
    }
}
