import Foundation

/// Shares out request slots: at most `global` requests in flight, at most `perHost` to one host, and
/// request starts to one host spaced by `delay` seconds. Waiters are served in arrival order per host.
actor HostLimiter {
    private struct Waiter {
        var host: String
        var continuation: CheckedContinuation<Void, Never>
    }

    private let global: Int
    private let perHost: Int
    /// The least time between two starts to one host.
    private let spacing: Duration
    private var inFlight = 0
    private var inFlightByHost: [String: Int] = [:]
    private var nextStartByHost: [String: ContinuousClock.Instant] = [:]
    private var waiters: [Waiter] = []

    init(global: Int, perHost: Int, delay: Double) {
        self.global = max(1, global)
        self.perHost = max(1, perHost)
        self.spacing = .milliseconds(Int64(max(0, delay) * 1000))
    }

    /// Runs `operation` holding one slot for `host`, after waiting for a slot and for the host's spacing.
    ///
    /// `refuse` is asked before waiting and again once a slot is free: an error it gives is
    /// thrown at once, without waiting for the host's spacing, and the start reserved for the
    /// request that was not made is handed back to the host.
    @discardableResult
    nonisolated func withSlot<T: Sendable, E: Error>(
        host: String, refuse: () -> E? = { nil }, _ operation: () async throws(E) -> T
    ) async throws(E) -> T {
        if let refusal = refuse() { throw refusal }
        let startAt = await acquire(host: host)
        if let refusal = refuse() {
            await handBack(host: host, start: startAt)
            throw refusal
        }
        if startAt > .now {
            try? await Task.sleep(until: startAt, clock: .continuous)
        }
        do {
            let result = try await operation()
            await release(host: host)
            return result
        } catch {
            await release(host: host)
            throw error
        }
    }

    /// Takes a slot (waiting while none is free) and reserves a start time for the host.
    private func acquire(host: String) async -> ContinuousClock.Instant {
        if !canStart(host) || waiters.contains(where: { $0.host == host }) {
            await withCheckedContinuation { continuation in
                waiters.append(Waiter(host: host, continuation: continuation))
            }
        } else {
            take(host)
        }
        return reserveStart(for: host, now: .now)
    }

    /// Reserves the next start time for `host`: now, or `delay` after the previous reserved start.
    func reserveStart(for host: String, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let startAt = max(now, nextStartByHost[host] ?? now)
        nextStartByHost[host] = startAt.advanced(by: spacing)
        return startAt
    }

    /// How many requests wait for a slot.
    var waiting: Int { waiters.count }

    /// Frees a slot taken for a request that was not made, and gives its start back to the host
    /// unless a later start was reserved since.
    private func handBack(host: String, start: ContinuousClock.Instant) {
        if nextStartByHost[host] == start.advanced(by: spacing) { nextStartByHost[host] = start }
        release(host: host)
    }

    private func canStart(_ host: String) -> Bool {
        inFlight < global && inFlightByHost[host, default: 0] < perHost
    }

    private func take(_ host: String) {
        inFlight += 1
        inFlightByHost[host, default: 0] += 1
    }

    private func release(host: String) {
        inFlight -= 1
        inFlightByHost[host, default: 0] -= 1
        if inFlightByHost[host] == 0 { inFlightByHost[host] = nil }
        var index = 0
        while index < waiters.count {
            let waiter = waiters[index]
            if canStart(waiter.host) {
                take(waiter.host)
                waiters.remove(at: index)
                waiter.continuation.resume()
            } else {
                index += 1
            }
        }
    }
}
