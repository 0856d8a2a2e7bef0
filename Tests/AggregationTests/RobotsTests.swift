import Foundation
import Testing

@testable import Aggregation

@Suite("robots.txt")
struct RobotsTests {
    static let robots = """
        # a comment
        User-agent: *
        Disallow: /private/
        Disallow: /*.pdf$
        Allow: /private/open/

        User-agent: OtherBot
        Disallow: /
        """

    @Test(arguments: [
        ("/", true), ("/news/today", true), ("/private/x", false), ("/private/open/x", true), ("/files/report.pdf", false),
        ("/files/report.pdf?download=1", true), ("/robots.txt", true),
    ])
    func wildcardGroupRules(path: String, allowed: Bool) {
        #expect(RobotsRules(parsing: Self.robots, agent: "Tributary").allows(path: path) == allowed)
    }

    @Test func namedGroupReplacesTheWildcardGroup() {
        let text = """
            User-agent: *
            Disallow: /

            User-agent: tributary
            User-agent: someone-else
            Disallow: /drafts
            """
        let rules = RobotsRules(parsing: text, agent: "Tributary")
        #expect(rules.allows(path: "/news"))
        #expect(!rules.allows(path: "/drafts/1"))
        #expect(!RobotsRules(parsing: text, agent: "Other").allows(path: "/news"))
    }

    @Test func longestMatchWinsAndAllowWinsATie() {
        let text = "User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /same\nAllow: /same\nDisallow:\n"
        let rules = RobotsRules(parsing: text, agent: "Tributary")
        #expect(!rules.allows(path: "/a/c"))
        #expect(rules.allows(path: "/a/b/c"))
        #expect(rules.allows(path: "/same"))
    }

    @Test(arguments: [
        ("/*.php$", "/index.php", true), ("/*.php$", "/index.php5", false), ("/fish*", "/fishheads", true), ("/fish", "/Fish", false),
        ("*", "/anything", true), ("/a*b*c", "/aXXbYYc/d", true), ("/a*b*c$", "/aXXbYYc/d", false),
    ])
    func patterns(pattern: String, path: String, matches: Bool) {
        #expect(RobotsRules.matches(pattern: Array(pattern.utf8), path: Array(path.utf8)) == matches)
    }

    static func site(robots: Reply) -> @Sendable (ReceivedRequest) -> Reply {
        { request in request.path == "/robots.txt" ? robots : .text("<html><body>page</body></html>", contentType: "text/html") }
    }

    @Test func disallowedPageIsRefusedButTheFeedIsFetched() async throws {
        try await TestServer.with(Self.site(robots: .text("User-agent: *\nDisallow: /private/\n", contentType: "text/plain"))) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/private/page"), kind: .page)))
                #expect(error.code == .disallowedByRobots)
                #expect(error.description == "disallowed by robots.txt")
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/private/feed.xml"), kind: .feed))
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/public/page"), kind: .page))
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/public/other"), kind: .page))
                let paths = server.requests.map(\.path)
                #expect(paths == ["/robots.txt", "/private/feed.xml", "/public/page", "/public/other"], "robots.txt is fetched once")
                let accepts = server.requests.map { $0.header("Accept") ?? "" }
                #expect(accepts[0].hasPrefix("text/plain"))
                #expect(accepts[1].hasPrefix("application/atom+xml"))
                #expect(accepts[2].hasPrefix("text/html"))
            }
        }
    }

    @Test func robotsCanBeIgnoredByPolicy() async throws {
        try await TestServer.with(Self.site(robots: .text("User-agent: *\nDisallow: /\n", contentType: "text/plain"))) { server in
            var policy = testPolicy()
            policy.respectRobots = false
            try await withFetcher(policy) { fetcher in
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/page"), kind: .page))
                #expect(server.requests.map(\.path) == ["/page"])
            }
        }
    }

    @Test func missingRobotsAllowsEverything() async throws {
        try await TestServer.with(Self.site(robots: .status(404))) { server in
            try await withFetcher { fetcher in
                let page = try await fetcher.fetch(FetchRequest(url: server.url("/page"), kind: .page))
                #expect(page.status == 200)
            }
        }
    }

    @Test(arguments: [Reply.status(500), .status(503), .status(429)])
    func unavailableRobotsDisallowsPages(robots: Reply) async throws {
        try await TestServer.with(Self.site(robots: robots)) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/page"), kind: .page)))
                #expect(error.code == .disallowedByRobots)
            }
        }
    }
}
