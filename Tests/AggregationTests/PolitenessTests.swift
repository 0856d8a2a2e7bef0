import Foundation
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
}
