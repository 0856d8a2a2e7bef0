import Foundation
import Synchronization

/// Hosts that could not be reached (connection refused, unknown host, no connection within the
/// connect timeout) or that stopped answering, remembered for a while so that the other sources
/// of such a host fail at once instead of each trying again: a host that drops connection
/// attempts costs each attempt the whole connect timeout (10 s by default), and one that
/// refuses them a round trip per source.
///
/// A host that accepts connections and answers nothing is taken for down only after
/// `silentLimit` requests in a row got no answer within the request timeout, with no answer
/// from it in between: one slow URL on a host that serves the rest does not hold the others
/// back.
final class UnreachableHosts: Sendable {
    /// How long a host is taken for unreachable after a failed connection.
    let memory: Duration
    /// Requests in a row without an answer after which a host's other sources are not tried.
    let silentLimit: Int
    private let failures = Mutex<[String: (reason: String, at: ContinuousClock.Instant)]>([:])
    /// Requests in a row that got no answer, by host, and when the last of them ended.
    private let silences = Mutex<[String: (count: Int, at: ContinuousClock.Instant)]>([:])

    init(memory: Duration = .seconds(120), silentLimit: Int = 2) {
        self.memory = memory
        self.silentLimit = silentLimit
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

    /// Records `error`, which ended a request that got no answer at all, against `key`: a
    /// failure to connect marks the host at once, a request left unanswered after
    /// `silentLimit` in a row.
    func note(_ error: FetchError, for key: String, now: ContinuousClock.Instant = .now) {
        if let reason = error.unreachableHostReason {
            failures.withLock { $0[key] = (reason, now) }
            return
        }
        guard error.isNoAnswer else { return }
        let count = silences.withLock { silences in
            let earlier = silences[key].flatMap { $0.at.duration(to: now) < memory ? $0.count : nil } ?? 0
            silences[key] = (earlier + 1, now)
            return earlier + 1
        }
        guard count >= silentLimit else { return }
        let reason = "\(count) requests in a row, \(error.message)"
        failures.withLock { $0[key] = (reason, now) }
    }

    /// Records that `key` answered a request (whatever the answer): its unanswered requests no
    /// longer count.
    func answered(_ key: String) {
        silences.withLock { $0[key] = nil }
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

    /// Whether the request was sent and nothing at all came back within the timeout.
    var isNoAnswer: Bool { code == .timedOut && message.hasPrefix(Self.noAnswerWithin) }

    /// A source not tried because its host could not be reached, or did not answer, earlier:
    /// `reason` as then.
    static func hostUnreachable(_ key: String, reason: String, url: String) -> FetchError {
        if reason.contains(Self.noAnswerWithin) {
            return FetchError(code: .timedOut, message: "not tried, \(key) did not answer a moment ago (\(reason))", url: url)
        }
        return connectionFailed("not tried, \(key) could not be reached a moment ago (\(reason))", url: url)
    }
}
