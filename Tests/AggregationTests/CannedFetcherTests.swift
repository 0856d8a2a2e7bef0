import Foundation
import Testing

@testable import Aggregation

@Suite("Canned fetcher")
struct CannedFetcherTests {
    @Test func answersWhatItWasGivenAndRecordsRequests() async throws {
        let fetcher = CannedFetcher([
            "https://gone.example/feed": .failure(
                FetchError(code: .gone, message: "gone (HTTP 410): source retired", url: "https://gone.example/feed"))
        ])
        await fetcher.set("https://news.example/feed", body: "<rss/>", etag: "\"1\"")
        let response = try await fetcher.fetch(FetchRequest(url: "https://news.example/feed"))
        #expect(response.body == Array("<rss/>".utf8))
        let conditional = try await fetcher.fetch(FetchRequest(url: "https://news.example/feed", etag: "\"1\""))
        #expect(conditional.notModified)
        #expect(await fetchError(fetcher, FetchRequest(url: "https://gone.example/feed"))?.isGone == true)
        #expect(await fetchError(fetcher, FetchRequest(url: "https://unknown.example/"))?.status == 404)
        #expect(await fetcher.requests.count == 4)
    }
}
