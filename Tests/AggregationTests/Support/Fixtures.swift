import Foundation
import Testing

@testable import Aggregation

/// Reads test fixtures from the bundled `Fixtures` folder.
enum Fixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }
}

/// A policy for tests: no spacing between requests, short timeouts.
func testPolicy(
    requestTimeout: Double = 60,
    connectTimeout: Double = 2,
    maxBodyBytes: Int = 10 * 1024 * 1024,
    perHostConcurrency: Int = 4,
    perHostDelay: Double = 0,
    globalConcurrency: Int = 16
) -> FetchPolicy {
    FetchPolicy(
        userAgent: "TributaryTest/1.0 (+https://example.org/contact)",
        requestTimeout: requestTimeout,
        connectTimeout: connectTimeout,
        maxBodyBytes: maxBodyBytes,
        globalConcurrency: globalConcurrency,
        perHostConcurrency: perHostConcurrency,
        perHostDelay: perHostDelay
    )
}

/// Runs `body` with a fetcher for `policy`, shutting it down afterwards.
func withFetcher<T: Sendable>(_ policy: FetchPolicy = testPolicy(), _ body: (FeedFetcher) async throws -> T) async throws -> T {
    let fetcher = FeedFetcher(policy: policy)
    do {
        let result = try await body(fetcher)
        await fetcher.shutdown()
        return result
    } catch {
        await fetcher.shutdown()
        throw error
    }
}

/// The error a fetch threw, or nil when it succeeded.
func fetchError(_ fetcher: some Fetching, _ request: FetchRequest) async -> FetchError? {
    do {
        _ = try await fetcher.fetch(request)
        return nil
    } catch {
        return error
    }
}
