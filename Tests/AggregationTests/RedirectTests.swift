import Foundation
import Testing

@testable import Aggregation

@Suite("Redirects")
struct RedirectTests {
    static func redirects(_ request: ReceivedRequest) -> Reply {
        switch request.path {
        case "/old": .status(301, headers: [("Location", "/older")])
        case "/older": .status(308, headers: [("Location", "/feed")])
        case "/moved": .status(302, headers: [("Location", "/feed")])
        case "/mixed": .status(301, headers: [("Location", "/moved")])
        case "/loop-a": .status(301, headers: [("Location", "/loop-b")])
        case "/loop-b": .status(302, headers: [("Location", "/loop-a")])
        case "/nowhere": .status(301)
        case "/feed": .text("<rss/>")
        default:
            if request.path.hasPrefix("/hop/"), let count = Int(request.path.dropFirst(5)) {
                count == 0 ? .text("<rss/>") : .status(307, headers: [("Location", "/hop/\(count - 1)")])
            } else {
                .status(404)
            }
        }
    }

    @Test func permanentChainUpdatesTheSource() async throws {
        try await TestServer.with(Self.redirects) { server in
            try await withFetcher { fetcher in
                let response = try await fetcher.fetch(FetchRequest(url: server.url("/old")))
                #expect(response.finalURL.absoluteString == server.url("/feed"))
                #expect(response.permanentRedirect?.absoluteString == server.url("/feed"))
                #expect(response.body == Array("<rss/>".utf8))
            }
        }
    }

    @Test(arguments: ["/moved", "/mixed"])
    func temporaryRedirectOnTheWayLeavesTheSource(path: String) async throws {
        try await TestServer.with(Self.redirects) { server in
            try await withFetcher { fetcher in
                let response = try await fetcher.fetch(FetchRequest(url: server.url(path)))
                #expect(response.finalURL.absoluteString == server.url("/feed"))
                #expect(response.permanentRedirect == nil)
            }
        }
    }

    @Test func noRedirectNoPermanentRedirect() async throws {
        try await TestServer.with(Self.redirects) { server in
            try await withFetcher { fetcher in
                let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
                #expect(response.permanentRedirect == nil)
            }
        }
    }

    @Test func loopIsReported() async throws {
        try await TestServer.with(Self.redirects) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/loop-a"))))
                #expect(error.code == .redirectLoop)
                #expect(error.description == "redirect loop at \(server.url("/loop-a"))")
            }
        }
    }

    @Test func tooManyRedirectsAreReported() async throws {
        try await TestServer.with(Self.redirects) { server in
            try await withFetcher { fetcher in
                let fiveHops = try await fetcher.fetch(FetchRequest(url: server.url("/hop/5")))
                #expect(fiveHops.body == Array("<rss/>".utf8))
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/hop/6"))))
                #expect(error.code == .tooManyRedirects)
                #expect(error.description == "more than 5 redirects")
            }
        }
    }

    @Test func redirectWithoutLocationIsReported() async throws {
        try await TestServer.with(Self.redirects) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/nowhere"))))
                #expect(error.code == .badRedirect)
            }
        }
    }
}
