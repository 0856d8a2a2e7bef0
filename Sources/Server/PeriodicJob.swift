/// A job that `FeedServer` runs beside serving: once at start, then every interval.
///
/// Runs never overlap: the next one starts an interval after the previous one started, or at
/// once if the previous run took longer than the interval (missed runs are not made up). The
/// job is cancelled when the server shuts down, so it should stop soon after it sees
/// `Task.isCancelled`.
public struct PeriodicJob: Sendable {
    /// The time from the start of one run to the start of the next.
    public let interval: Duration
    /// One run of the job.
    public let job: @Sendable () async -> Void

    /// A job to run every `interval`, the first time immediately.
    public init(every interval: Duration, job: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.job = job
    }

    /// Runs the job until the task is cancelled.
    func runUntilCancelled() async {
        let clock = ContinuousClock()
        var next = clock.now
        while !Task.isCancelled {
            await job()
            next = max(next.advanced(by: interval), clock.now)
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
        }
    }
}
