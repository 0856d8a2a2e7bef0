import Foundation
import Synchronization

/// Hosts that could not be reached (connection refused, unknown host, no connection within the
/// connect timeout), remembered for a while so that the other sources of a host that is down
/// fail at once instead of each waiting out the connect timeout: the HTTP client keeps trying
/// to connect until then, and with two requests per host, 100 sources on a host that refuses
/// connections took 50 × 10 s.
final class UnreachableHosts: Sendable {
    /// How long a host is taken for unreachable after a failed connection.
    let memory: Duration
    private let failures = Mutex<[String: (reason: String, at: ContinuousClock.Instant)]>([:])

    init(memory: Duration = .seconds(120)) {
        self.memory = memory
    }

    /// The key of `url`'s host: host and port, as connections are made.
    static func key(_ url: URL) -> String {
        let host = url.host?.lowercased() ?? ""
        return url.port.map { "\(host):\($0)" } ?? host
    }

    /// Why `key` was found unreachable, if it was within `memory`.
    func reason(_ key: String, now: ContinuousClock.Instant = .now) -> String? {
        failures.withLock { failures in
            guard let failure = failures[key] else { return nil }
            guard failure.at.duration(to: now) < memory else {
                failures[key] = nil
                return nil
            }
            return failure.reason
        }
    }

    /// Records `error` against `key` when it says the host could not be reached at all.
    func note(_ error: FetchError, for key: String, now: ContinuousClock.Instant = .now) {
        guard let reason = error.unreachableHostReason else { return }
        failures.withLock { $0[key] = (reason, now) }
    }
}

extension FetchError {
    /// Why no connection could be made to the host at all, or `nil` for any other failure
    /// (a connection closed, a bad answer: the next request may fare better).
    var unreachableHostReason: String? {
        guard code == .connectionFailed, message.hasPrefix(Self.cannotConnect) else { return nil }
        let reason = String(message.dropFirst(Self.cannotConnect.count))
        let unreachable =
            reason == Self.connectionRefused || reason == Self.unknownHost || reason.hasPrefix(Self.noConnectionWithin)
        return unreachable ? reason : nil
    }

    /// A source not tried because its host could not be reached earlier: `reason` as then.
    static func hostUnreachable(_ key: String, reason: String, url: String) -> FetchError {
        connectionFailed("not tried, \(key) could not be reached a moment ago (\(reason))", url: url)
    }
}
