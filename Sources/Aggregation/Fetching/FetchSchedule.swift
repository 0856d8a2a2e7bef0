public import Foundation

/// Decides when a source is fetched next: pure functions of the last outcome and the feed's hints.
///
/// - After a success or "not modified": the longest of the configured interval, the feed's `ttl` and the
///   response's max-age, then moved forward out of `skipHours`/`skipDays` (UTC).
/// - After a failure: exponential backoff, interval × 2^(failures − 1), capped at ``maxBackoff`` (or the
///   interval, when that is longer) — it never gives up, it keeps retrying at the cap — and never earlier than
///   the server's Retry-After.
public enum FetchSchedule {
    /// The longest wait between two attempts at a failing source: 24 hours.
    public static let maxBackoff: Double = 24 * 3600

    private static let dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The next fetch of a source whose configured interval is `interval` seconds.
    public static func next(after now: Date, interval: Double, outcome: FetchOutcome, hints: FetchHints = FetchHints()) -> FetchDecision {
        switch outcome {
        case .success:
            return afterSuccess(now: now, interval: interval, hints: hints, verb: "fetched")
        case .notModified:
            return afterSuccess(now: now, interval: interval, hints: hints, verb: "not modified")
        case .failure(let failures, let retryAfter):
            return afterFailure(now: now, interval: interval, failures: max(1, failures), retryAfter: retryAfter)
        }
    }

    /// The backoff after `failures` consecutive failures: interval × 2^(failures − 1), capped.
    public static func backoff(interval: Double, failures: Int) -> Double {
        let cap = max(maxBackoff, interval)
        let exponent = min(max(0, failures - 1), 40)
        return min(cap, max(1, interval) * pow(2, Double(exponent)))
    }

    private static func afterSuccess(now: Date, interval: Double, hints: FetchHints, verb: String) -> FetchDecision {
        var wait = max(0, interval)
        var because = ""
        if let ttl = hints.ttlMinutes, Double(ttl) * 60 > wait {
            wait = Double(ttl) * 60
            because = " (feed ttl \(ttl) min)"
        }
        if let maxAge = hints.maxAge, maxAge > wait {
            wait = maxAge
            because = " (Cache-Control max-age)"
        }
        let due = now.addingTimeInterval(wait)
        let next = skipping(from: due, hours: hints.skipHours, days: Set(hints.skipDays.map { $0.lowercased() }))
        var reason = "\(verb); next in \(HumanReadable.interval(next.timeIntervalSince(now)))\(because)"
        if next > due { reason += ", moved past the feed's skipHours/skipDays" }
        return FetchDecision(nextFetch: next, reason: reason)
    }

    private static func afterFailure(now: Date, interval: Double, failures: Int, retryAfter: Date?) -> FetchDecision {
        let wait = backoff(interval: interval, failures: failures)
        var next = now.addingTimeInterval(wait)
        let times = failures == 1 ? "once" : "\(failures) times"
        var note = ""
        if let retryAfter, retryAfter > next {
            next = retryAfter
            note = " (the server's Retry-After)"
        } else if wait >= max(maxBackoff, interval) {
            note = " (backoff at its cap; still retrying)"
        }
        return FetchDecision(nextFetch: next, reason: "failed \(times); next try in \(HumanReadable.interval(next.timeIntervalSince(now)))\(note)")
    }

    /// The first whole hour at or after `date` that is in neither skip set; `date` itself when it is
    /// allowed, or when the sets rule out every hour of the week (then they are ignored).
    static func skipping(from date: Date, hours: Set<Int>, days: Set<String>) -> Date {
        guard !hours.isEmpty || !days.isEmpty else { return date }
        var candidate = date
        for _ in 0..<(24 * 8) {
            let parts = utcCalendar.dateComponents([.hour, .weekday], from: candidate)
            let hour = parts.hour ?? 0
            let day = dayNames[(parts.weekday ?? 1) - 1]
            if !hours.contains(hour) && !days.contains(day) { return candidate }
            let startOfHour = utcCalendar.dateInterval(of: .hour, for: candidate)?.start ?? candidate
            candidate = startOfHour.addingTimeInterval(3600)
        }
        return date
    }
}
