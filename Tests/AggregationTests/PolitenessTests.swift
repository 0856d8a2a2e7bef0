import Foundation
import Synchronization
import Testing

@testable import Aggregation

@Suite("Politeness")
struct PolitenessTests {
    func fetchAll(_ fetcher: FeedFetcher, _ urls: [String]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for url in urls {
                group.addTask { _ = try await fetcher.fetch(FetchRequest(url: url)) }
            }
            try await group.waitForAll()
        }
    }

    @Test(arguments: [1, 2, 3])
    func perHostConcurrencyIsRespected(limit: Int) async throws {
        try await TestServer.with({ _ in .after(seconds: 0.2, .text("<rss/>")) }) { server in
            try await withFetcher(testPolicy(perHostConcurrency: limit)) { fetcher in
                try await fetchAll(fetcher, (0..<8).map { server.url("/feed/\($0)") })
            }
            #expect(server.requests.count == 8)
            #expect(server.maxConcurrent == limit)
        }
    }

    @Test func globalConcurrencyIsRespected() async throws {
        try await TestServer.with({ _ in .after(seconds: 0.2, .text("<rss/>")) }) { server in
            try await withFetcher(testPolicy(perHostConcurrency: 8, globalConcurrency: 2)) { fetcher in
                try await fetchAll(fetcher, (0..<6).map { server.url("/feed/\($0)") })
            }
            #expect(server.maxConcurrent == 2)
        }
    }

    @Test func startsToOneHostAreSpacedByTheDelay() async {
        let limiter = HostLimiter(global: 4, perHost: 4, delay: 1.5)
        let now = ContinuousClock.now
        var starts: [ContinuousClock.Instant] = []
        for _ in 0..<3 { starts.append(await limiter.reserveStart(for: "news.example", now: now)) }
        #expect(starts == [now, now.advanced(by: .milliseconds(1500)), now.advanced(by: .milliseconds(3000))])
        #expect(await limiter.reserveStart(for: "other.example", now: now) == now, "hosts are spaced independently")
        let later = now.advanced(by: .seconds(10))
        #expect(await limiter.reserveStart(for: "news.example", now: later) == later, "an idle host starts at once")
    }

    @Test(.timeLimit(.minutes(1)))
    func otherHostsAreNotHeldUpByABusyHost() async {
        let limiter = HostLimiter(global: 4, perHost: 1, delay: 0)
        let (fastDone, signal) = AsyncStream.makeStream(of: Void.self)
        async let slow: Void = limiter.withSlot(host: "slow.example") {
            for await _ in fastDone { break }
        }
        await limiter.withSlot(host: "fast.example") { signal.yield() }
        await slow
    }

    @Test(.timeLimit(.minutes(1)))
    func aReleasedSlotGoesToTheNextWaiter() async {
        let limiter = HostLimiter(global: 1, perHost: 1, delay: 0)
        let results = await withTaskGroup(of: Int.self) { group in
            for index in 0..<5 {
                group.addTask { await limiter.withSlot(host: "h\(index % 2).example") { index } }
            }
            var all: [Int] = []
            for await index in group { all.append(index) }
            return all.sorted()
        }
        #expect(results == [0, 1, 2, 3, 4])
    }

    /// Sources of a host found down are refused once its slot is free, without waiting out its
    /// spacing (an hour here: waiting would outlast the time limit), and the starts reserved
    /// for them go back to the host.
    @Test(.timeLimit(.minutes(1)))
    func refusedRequestsDoNotWaitForTheHostOrKeepItsStarts() async throws {
        struct Down: Error {}
        let limiter = HostLimiter(global: 4, perHost: 1, delay: 3600)
        let down = Flag()
        let (holding, held) = AsyncStream.makeStream(of: Void.self)
        let (finish, finished) = AsyncStream.makeStream(of: Void.self)
        let before = ContinuousClock.now
        async let holder: Void = limiter.withSlot(host: "down.example") {
            held.yield()
            for await _ in finish { break }
        }
        for await _ in holding { break }
        let refused = Task {
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        do {
                            _ = try await limiter.withSlot(host: "down.example", refuse: { down.isSet ? Down() : nil }) {
                                () throws(Down) -> Int in 1
                            }
                            return false
                        } catch {
                            return true
                        }
                    }
                }
                var all: [Bool] = []
                for await wasRefused in group { all.append(wasRefused) }
                return all
            }
        }
        // Found down only once all three wait for the slot.
        while await limiter.waiting < 3 { await Task.yield() }
        down.set()
        finished.yield()
        await holder
        #expect(await refused.value == [true, true, true])
        // The holder's start was reserved after `before`: the next start is the hour after it,
        // not three hours more.
        let next = await limiter.reserveStart(for: "down.example", now: .now)
        #expect(next < before.advanced(by: .seconds(7200)))
        #expect(next >= before.advanced(by: .seconds(3600)))
    }
}

/// A flag tasks share.
private final class Flag: Sendable {
    private let state = Mutex(false)
    var isSet: Bool { state.withLock { $0 } }
    func set() { state.withLock { $0 = true } }
}
