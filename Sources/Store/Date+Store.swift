import Foundation

extension Date {
    /// Milliseconds since 1970-01-01T00:00:00Z, rounded to the nearest: how a store keeps a date.
    var storeMilliseconds: Int64 {
        let milliseconds = (timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite else { return milliseconds < 0 ? Int64.min : Int64.max }
        return Int64(max(min(milliseconds, 9.2e18), -9.2e18))
    }

    /// The date a store keeps for `milliseconds` since 1970-01-01T00:00:00Z.
    init(storeMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// This date as it reads back from a store: rounded to the millisecond.
    var storeRounded: Date {
        Date(storeMilliseconds: storeMilliseconds)
    }
}
