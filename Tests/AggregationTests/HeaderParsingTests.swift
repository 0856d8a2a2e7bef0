import Foundation
import Syndication
import Testing

@testable import Aggregation

@Suite("HTTP header values")
struct HeaderParsingTests {
    static let expected = Date(timeIntervalSince1970: 784_111_777)

    @Test(arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func httpDateForms(text: String) {
        #expect(HTTPDate.parse(text) == Self.expected)
    }

    @Test func httpDateFormatting() {
        #expect(HTTPDate.format(Self.expected) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("yesterday") == nil)
    }

    @Test func cacheControl() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(CacheHeaders.maxAge(cacheControl: "public, max-age=300", expires: nil, date: nil, now: now) == 300)
        #expect(CacheHeaders.maxAge(cacheControl: "no-cache", expires: nil, date: nil, now: now) == 0)
        #expect(CacheHeaders.maxAge(cacheControl: "public", expires: "Thu, 01 Jan 1970 00:10:00 GMT", date: nil, now: now) == 600)
        #expect(CacheHeaders.maxAge(cacheControl: nil, expires: "0", date: nil, now: now) == 0)
        #expect(CacheHeaders.maxAge(cacheControl: nil, expires: nil, date: nil, now: now) == nil)
    }

    @Test func retryAfter() {
        let now = Date(timeIntervalSince1970: 1000)
        #expect(CacheHeaders.retryAfter("120", now: now) == Date(timeIntervalSince1970: 1120))
        #expect(CacheHeaders.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == Self.expected)
        #expect(CacheHeaders.retryAfter("soon", now: now) == nil)
        #expect(CacheHeaders.retryAfter(nil, now: now) == nil)
    }

    @Test func policyDecodesWithDefaults() throws {
        let policy = try JSONDecoder().decode(FetchPolicy.self, from: Data(#"{"perHostDelay": 2.5, "respectRobots": false}"#.utf8))
        #expect(policy.perHostDelay == 2.5)
        #expect(policy.respectRobots == false)
        #expect(policy.requestTimeout == 30)
        #expect(policy.connectTimeout == 10)
        #expect(policy.maxBodyBytes == 10 * 1024 * 1024)
        #expect(policy.maxRedirects == 5)
        #expect(policy.globalConcurrency == 128)
        #expect(policy.perHostConcurrency == 2)
        let roundTrip = try JSONDecoder().decode(FetchPolicy.self, from: JSONEncoder().encode(policy))
        #expect(roundTrip == policy)
    }
}
