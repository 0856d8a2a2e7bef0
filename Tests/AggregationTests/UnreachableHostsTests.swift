import Foundation
import Testing

@testable import Aggregation

@Suite("Fetching: hosts that cannot be reached")
struct UnreachableHostsTests {
    static let url = "http://news.example/feed"

    @Test func aHostThatRefusedIsRememberedForAWhile() {
        let hosts = UnreachableHosts(memory: .seconds(120))
        let start = ContinuousClock.now
        hosts.note(.connectionFailed(FetchError.connectionRefused, url: Self.url), for: "news.example", now: start)
        #expect(hosts.reason("news.example", now: start + .seconds(119)) == "connection refused")
        #expect(hosts.reason("news.example:8080", now: start) == nil)
        #expect(hosts.reason("news.example", now: start + .seconds(121)) == nil)
        // Forgotten once expired, not revived by the clock going back.
        #expect(hosts.reason("news.example", now: start) == nil)
    }

    @Test func onlyFailuresToConnectAtAllCount() {
        let hosts = UnreachableHosts()
        let kept: [FetchError] = [
            .connectionFailed(FetchError.unknownHost, url: Self.url),
            .connectionFailed(FetchError.noConnectionWithin + "10 s", url: Self.url),
        ]
        let ignored: [FetchError] = [
            .connectionFailed("connection closed before the response", url: Self.url),
            .connectionFailed("invalid compressed body", url: Self.url),
            .hostUnreachable("news.example", reason: FetchError.connectionRefused, url: Self.url),
            .timedOut(after: 30, url: Self.url),
            .connectionReset(after: 100, url: Self.url),
            FetchError(code: .httpStatus, message: "HTTP 503 Service Unavailable", url: Self.url, status: 503),
        ]
        for (number, error) in kept.enumerated() {
            hosts.note(error, for: "kept-\(number)")
            #expect(hosts.reason("kept-\(number)") != nil, "\(error)")
        }
        for (number, error) in ignored.enumerated() {
            hosts.note(error, for: "ignored-\(number)")
            #expect(hosts.reason("ignored-\(number)") == nil, "\(error)")
        }
    }

    @Test func aHostIsTakenForSilentAfterRequestsInARowGotNoAnswer() {
        let hosts = UnreachableHosts(memory: .seconds(120), silentLimit: 2)
        let start = ContinuousClock.now
        let silence = FetchError.noAnswer(after: 30, url: Self.url)
        hosts.note(silence, for: "news.example", now: start)
        #expect(hosts.reason("news.example", now: start) == nil)
        hosts.note(silence, for: "news.example", now: start + .seconds(30))
        #expect(hosts.reason("news.example", now: start + .seconds(30)) == "2 requests in a row, no answer within 30 s")
        let notTried = FetchError.hostUnreachable("news.example", reason: "2 requests in a row, no answer within 30 s", url: Self.url)
        #expect(notTried.code == .timedOut)
        #expect(notTried.description == "not tried, news.example did not answer a moment ago (2 requests in a row, no answer within 30 s)")
        // Not-tried errors and timeouts after the head do not count as silences of their own.
        #expect(!notTried.isNoAnswer)
        #expect(!FetchError.timedOut(after: 30, url: Self.url).isNoAnswer)
    }

    @Test func anAnswerOrTimeBetweenSilencesStartsTheCountAgain() {
        let hosts = UnreachableHosts(memory: .seconds(120), silentLimit: 2)
        let start = ContinuousClock.now
        let silence = FetchError.noAnswer(after: 30, url: Self.url)
        hosts.note(silence, for: "a.example", now: start)
        hosts.answered("a.example")
        hosts.note(silence, for: "a.example", now: start + .seconds(1))
        #expect(hosts.reason("a.example", now: start + .seconds(1)) == nil)
        // A silence long ago does not add to a new one.
        hosts.note(silence, for: "b.example", now: start)
        hosts.note(silence, for: "b.example", now: start + .seconds(121))
        #expect(hosts.reason("b.example", now: start + .seconds(121)) == nil)
        // Each host counts its own.
        hosts.note(silence, for: "c.example", now: start)
        hosts.note(silence, for: "d.example", now: start)
        #expect(hosts.reason("c.example", now: start) == nil)
    }

    @Test func theKeyIsHostAndPort() throws {
        #expect(UnreachableHosts.key(try #require(URL(string: "http://News.Example:8080/a"))) == "news.example:8080")
        #expect(UnreachableHosts.key(try #require(URL(string: "https://news.example/a"))) == "news.example")
    }
}
