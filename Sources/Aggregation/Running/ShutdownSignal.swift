import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM turned into a request to stop: the run in progress finishes the sources
/// already being fetched, commits them and publishes, then the process ends. A second signal
/// ends the process at once (every commit is a transaction, so the store stays consistent).
public final class ShutdownSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []
    private var onFirst: (@Sendable (Int32) -> Void)?

    /// Installs the handlers; `onFirst` is told which signal arrived first.
    public init(onFirst: (@Sendable (Int32) -> Void)? = nil) {
        self.onFirst = onFirst
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.receive(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func receive(_ number: Int32) {
        lock.lock()
        let first = !requested
        requested = true
        let callback = onFirst
        lock.unlock()
        if first {
            callback?(number)
        } else {
            exit(128 + number)
        }
    }

    /// Whether a stop was asked for.
    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    /// Sleeps for `seconds`, waking early when a stop is asked for.
    public func sleep(seconds: Double) async {
        let end = Date().addingTimeInterval(seconds)
        while !isRequested, Date() < end {
            let step = min(0.2, end.timeIntervalSinceNow)
            guard step > 0 else { break }
            try? await Task.sleep(nanoseconds: UInt64(step * 1_000_000_000))
        }
    }
}
