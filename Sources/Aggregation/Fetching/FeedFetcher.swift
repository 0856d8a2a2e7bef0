import AsyncHTTPClient
import Foundation
import NIOCore

/// The real fetcher: HTTP(S) over one shared `HTTPClient`, and local files.
///
/// It sends conditional requests, asks for gzip/deflate and decompresses within the size cap, follows
/// redirects itself (noting whether they were all permanent), enforces the request timeout on the whole
/// exchange including a slow body, limits concurrency globally and per host, spaces requests to one host,
/// and honours robots.txt for pages. It never throws anything but ``FetchError``.
/// Call ``shutdown()`` once when done.
public final class FeedFetcher: Fetching {
    /// The policy this fetcher follows.
    public let policy: FetchPolicy
    let client: HTTPClient
    let limiter: HostLimiter
    let robots: RobotsCache

    /// Creates a fetcher with its own HTTP client.
    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .milliseconds(Int64(policy.connectTimeout * 1000)),
                read: .milliseconds(Int64(policy.requestTimeout * 1000))
            ),
            decompression: .enabled(limit: .size(policy.maxBodyBytes))
        )
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, policy.perHostConcurrency)
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.limiter = HostLimiter(global: policy.globalConcurrency, perHost: policy.perHostConcurrency, delay: policy.perHostDelay)
        self.robots = RobotsCache()
    }

    /// Closes the HTTP client's connections; call once, after the last fetch.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Fetches a feed or a page from the network or the disk.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        switch try FetchLocation(request.url) {
        case .file(let path):
            return try fetchFile(at: path, request: request)
        case .network(let url):
            return try await fetchNetwork(url, request: request)
        }
    }
}
