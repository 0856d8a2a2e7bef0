import Foundation

/// How far past the next source to commit a run starts reading sources: far enough that a
/// source's read (its fetch, then its parsing and analysis) is over by the time the commits
/// reach it, and no farther, since a source read early waits in memory until then.
///
/// By Little's law the sources being read or waiting ahead of the commits should number the
/// pace at which sources are committed times the time a read takes; twice that, for the reads
/// that take longer than the average. The pace is that of the slowest of three stages that run
/// side by side: preparing a source's commit, writing it (each one source at a time), and the
/// reading threads' work on the fetched sources (`readers` sources at a time).
///
/// On the benchmark's local network (reads of 30 to 80 ms, commit stages of about 9 ms) that is
/// the floor the run gives (16 sources), where a byte budget alone let 2 MB of articles wait and
/// the cold run peaked about 8 MB higher; on a network with half a second of latency it is over
/// a hundred.
struct ReadAheadPace {
    /// Sources the reading threads work on at once.
    let readers: Int
    /// Moving averages, in seconds: a source's read, from its start to its result, and the
    /// reading threads' part of it (from its fetch's answer); each commit stage per source.
    /// Nil until the first of each is measured.
    private(set) var read: Double?
    private(set) var working: Double?
    private(set) var preparing: Double?
    private(set) var writing: Double?

    /// The weight of a new measurement in its average.
    static let weight = 1.0 / 16

    init(readers: Int) {
        self.readers = max(1, readers)
    }

    mutating func readTook(_ seconds: Double, working work: Double) {
        Self.fold(seconds, into: &read)
        Self.fold(work, into: &working)
    }

    mutating func preparingTook(_ seconds: Double) { Self.fold(seconds, into: &preparing) }
    mutating func writingTook(_ seconds: Double) { Self.fold(seconds, into: &writing) }

    /// Sources that may be started past the next one to commit: twice the reads that the
    /// slowest stage's time per source covers, at least `floor` and at most `ceiling`;
    /// `ceiling` until a read and a commit stage have been measured.
    func lead(floor: Int, ceiling: Int) -> Int {
        let ceiling = max(floor, ceiling)
        guard let read, preparing != nil || writing != nil else { return ceiling }
        let stage = max(preparing ?? 0, writing ?? 0, (working ?? 0) / Double(readers), 1e-4)
        let ahead = (2 * read / stage).rounded(.up)
        return ahead >= Double(ceiling) ? ceiling : max(floor, Int(ahead))
    }

    private static func fold(_ seconds: Double, into average: inout Double?) {
        guard seconds.isFinite, seconds >= 0 else { return }
        if let current = average {
            average = current + (seconds - current) * weight
        } else {
            average = seconds
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
