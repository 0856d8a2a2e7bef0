import Foundation
import Testing

@testable import Aggregation

@Suite("Fetching over HTTP")
struct FeedFetcherTests {
    static let feed = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"

    @Test func etagMakesTheSecondRequestConditional() async throws {
        try await TestServer.with({ request in
            request.header("If-None-Match") == "\"v1\""
                ? .status(304, headers: [("ETag", "\"v1\"")]) : .text(Self.feed, headers: [("ETag", "\"v1\"")])
        }) { server in
            try await withFetcher { fetcher in
                let first = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
                #expect(first.status == 200)
                #expect(first.body == Array(Self.feed.utf8))
                #expect(first.etag == "\"v1\"")
                #expect(first.notModified == false)
                let second = try await fetcher.fetch(FetchRequest(url: server.url("/feed"), etag: first.etag))
                #expect(second.notModified)
                #expect(second.status == 304)
                #expect(second.body.isEmpty)
                #expect(second.etag == "\"v1\"")
                #expect(server.requests.map { $0.header("If-None-Match") } == [nil, "\"v1\""])
            }
        }
    }

    @Test func lastModifiedMakesTheSecondRequestConditional() async throws {
        let stamp = "Tue, 20 Feb 2024 08:15:00 GMT"
        try await TestServer.with({ request in
            request.header("If-Modified-Since") == stamp ? .status(304) : .text(Self.feed, headers: [("Last-Modified", stamp)])
        }) { server in
            try await withFetcher { fetcher in
                let first = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
                #expect(first.lastModified == stamp)
                let second = try await fetcher.fetch(FetchRequest(url: server.url("/feed"), lastModified: first.lastModified))
                #expect(second.notModified)
                #expect(second.lastModified == stamp, "a 304 without Last-Modified keeps the previous value")
            }
        }
    }

    @Test(arguments: [("gzip", "feed.xml.gz"), ("deflate", "feed.xml.deflate")])
    func compressedBodiesAreDecompressed(encoding: String, fixture: String) async throws {
        let compressed = try Fixtures.bytes(fixture)
        let plain = try Fixtures.bytes("feed.xml")
        try await TestServer.with({ _ in
            .respond(status: 200, headers: [("Content-Type", "application/rss+xml"), ("Content-Encoding", encoding)], body: compressed)
        }) { server in
            try await withFetcher { fetcher in
                let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
                #expect(response.body == plain)
                #expect(server.requests.first?.header("Accept-Encoding") == "gzip, deflate")
            }
        }
    }

    @Test func sendsTheConfiguredUserAgentAndAcceptHeaders() async throws {
        try await TestServer.with({ _ in .text(Self.feed) }) { server in
            try await withFetcher { fetcher in
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/custom"), userAgent: "Custom/2.0 (+https://example.org/me)"))
                let requests = server.requests
                #expect(requests[0].header("User-Agent") == "TributaryTest/1.0 (+https://example.org/contact)")
                #expect(requests[1].header("User-Agent") == "Custom/2.0 (+https://example.org/me)")
                #expect(requests[0].header("Accept")?.hasPrefix("application/atom+xml") == true)
            }
        }
    }

    @Test func idleConnectionsOutliveTheDelayBetweenRequestsToAHostAndNoMore() {
        var policy = FetchPolicy()
        #expect(FeedFetcher.idleConnectionTimeout(for: policy) == policy.perHostDelay + 2)
        policy.perHostDelay = 30
        #expect(FeedFetcher.idleConnectionTimeout(for: policy) == 32)
        policy.perHostDelay = 0
        #expect(FeedFetcher.idleConnectionTimeout(for: policy) == 2)
    }

    @Test func defaultUserAgentNamesTheContactURL() {
        #expect(FetchPolicy().userAgent == "Tributary/0.1 (+https://github.com/tributary/tributary)")
        #expect(FetchPolicy.userAgent(contactURL: "https://news.example/about") == "Tributary/0.1 (+https://news.example/about)")
    }

    @Test func cacheHeadersGiveMaxAge() async throws {
        try await TestServer.with({ request in
            request.path == "/max-age"
                ? .text(Self.feed, headers: [("Cache-Control", "public, max-age=600")])
                : .text(Self.feed, headers: [("Date", "Tue, 20 Feb 2024 08:00:00 GMT"), ("Expires", "Tue, 20 Feb 2024 09:00:00 GMT")])
        }) { server in
            try await withFetcher { fetcher in
                let maxAge = try await fetcher.fetch(FetchRequest(url: server.url("/max-age")))
                let expires = try await fetcher.fetch(FetchRequest(url: server.url("/expires")))
                #expect(maxAge.maxAge == 600)
                #expect(expires.maxAge == 3600)
            }
        }
    }

    @Test func htmlInsteadOfAFeedIsReturnedAsIsWithItsContentType() async throws {
        let html = "<!DOCTYPE html><html><body><p>Not a feed</p></body></html>"
        try await TestServer.with({ _ in .text(html, contentType: "text/html; charset=windows-1252") }) { server in
            try await withFetcher { fetcher in
                let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
                #expect(response.body == Array(html.utf8))
                #expect(response.contentType == "text/html; charset=windows-1252")
            }
        }
    }
}
