import Foundation
import Glibc
import Testing

@testable import Aggregation

@Suite("Failing sources")
struct FailureTests {
    @Test(arguments: [
        (404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (403, "HTTP 403 Forbidden"),
    ])
    func errorStatusesAreReported(status: Int, message: String) async throws {
        try await TestServer.with({ _ in .respond(status: status, body: Array("oops".utf8)) }) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/feed"))))
                #expect(error.code == .httpStatus)
                #expect(error.status == status)
                #expect(error.description == message)
                #expect(error.retryAfter == nil)
                #expect(!error.isGone)
            }
        }
    }

    @Test func goneRetiresTheSource() async throws {
        try await TestServer.with({ _ in .status(410) }) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/feed"))))
                #expect(error.isGone)
                #expect(error.isPermanent)
                #expect(error.description == "gone (HTTP 410): source retired")
            }
        }
    }

    @Test(arguments: [429, 503])
    func retryAfterInSeconds(status: Int) async throws {
        try await TestServer.with({ _ in .status(status, headers: [("Retry-After", "120")]) }) { server in
            try await withFetcher { fetcher in
                let before = Date()
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/feed"))))
                let retryAfter = try #require(error.retryAfter)
                #expect(retryAfter >= before.addingTimeInterval(119))
                #expect(retryAfter <= Date().addingTimeInterval(120))
                #expect(error.description == "HTTP \(status) \(FetchError.reasonPhrase(status)) (retry after 120 s)")
                #expect(!error.isPermanent)
            }
        }
    }

    @Test func retryAfterAsAnHTTPDate() async throws {
        try await TestServer.with({ _ in .status(503, headers: [("Retry-After", "Wed, 21 Oct 2037 07:28:00 GMT")]) }) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/feed"))))
                #expect(error.retryAfter == Date(timeIntervalSince1970: 2_139_722_880))
            }
        }
    }

    @Test func endlessSlowBodyEndsAtTheTimeout() async throws {
        // The head comes at once and the body never ends: the fetch ends at the timeout, saying
        // the answer did not finish. While the whole suite starts on two cores, nothing may come
        // for many seconds (the head too: "no answer within 2 s"; once after 17 s); the fetch is
        // tried again, by a new fetcher (two silent answers in a row make a fetcher take the
        // host for down), until the head came in time, five tries at most.
        try await TestServer.with({ _ in .trickle(interval: 0.05) }) { server in
            var descriptions: [String] = []
            for _ in 1...5 {
                try await withFetcher(testPolicy(requestTimeout: 2)) { fetcher in
                    let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/feed"))))
                    #expect(error.code == .timedOut)
                    descriptions.append(error.description)
                }
                if descriptions.last != "no answer within 2 s" { break }
            }
            #expect(descriptions.last == "timed out after 2 s", "\(descriptions)")
        }
    }

    @Test func slowHeadersEndAtTheTimeout() async throws {
        try await TestServer.with({ _ in .after(seconds: 3, .text("<rss/>")) }) { server in
            try await withFetcher(testPolicy(requestTimeout: 0.5)) { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/feed"))))
                #expect(error.code == .timedOut)
                #expect(error.description == "no answer within 0.5 s")
            }
        }
    }

    @Test func aSilentHostsOtherSourcesAreNotTried() async throws {
        // Every request is accepted and left unanswered. Two at a time, the host's first two
        // requests wait out the timeout; those queued behind them fail at once (a third may
        // take the first one's slot before the second has timed out as well).
        try await TestServer.with({ _ in .after(seconds: 5, .text("<rss/>")) }) { server in
            try await withFetcher(testPolicy(requestTimeout: 0.5, perHostConcurrency: 2)) { fetcher in
                let errors = await withTaskGroup(of: FetchError?.self) { group in
                    for number in 0..<8 {
                        group.addTask { await fetchError(fetcher, FetchRequest(url: server.url("/feed-\(number)"))) }
                    }
                    var errors: [FetchError] = []
                    for await error in group { errors += [error].compactMap { $0 } }
                    return errors
                }
                #expect(errors.count == 8)
                #expect(errors.allSatisfy { $0.code == .timedOut })
                let silent = errors.filter { $0.description == "no answer within 0.5 s" }.count
                #expect((2...3).contains(silent), "\(errors.map(\.description))")
                let notTried = errors.filter { $0.description.hasPrefix("not tried, 127.0.0.1:\(server.port) did not answer a moment ago") }
                #expect(notTried.count == 8 - silent, "\(errors.map(\.description))")
                // Each names the silences counted when it was refused: two, or three once a third
                // request that took a slot early has gone unanswered as well.
                let reasons = (2...silent).map { "(\($0) requests in a row, no answer within 0.5 s)" }
                #expect(notTried.allSatisfy { error in reasons.contains { error.description.hasSuffix($0) } }, "\(errors.map(\.description))")
            }
        }
    }

    @Test func aHostThatAnswersSomeRequestsKeepsItsOtherSources() async throws {
        // One URL hangs, the others answer: the host's answers in between keep it counted alive.
        // While the whole suite starts on two cores even an answering request can run past the
        // 2 s timeout, its head or its body late (at 0.3 s it often did, at 1 s and 2 s now and
        // then): such a try proves nothing about the rule, and the scenario is run again with a
        // new fetcher, five times at most.
        try await TestServer.with({ request in
            request.path == "/hangs" ? .after(seconds: 8, .text("<rss/>")) : .text("<rss/>")
        }) { server in
            var starved: [String] = []
            for _ in 1...5 {
                var outcomes: [String] = []
                var answerTimedOut = false
                try await withFetcher(testPolicy(requestTimeout: 2, perHostConcurrency: 1)) { fetcher in
                    for _ in 0..<2 {
                        let hung = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/hangs"))))
                        outcomes.append("hung: \(hung.description)")
                        let answered = await fetchError(fetcher, FetchRequest(url: server.url("/feed")))
                        outcomes.append("answered: \(answered?.description ?? "ok")")
                        if answered?.code == .timedOut { answerTimedOut = true }
                    }
                    let third = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/hangs"))))
                    outcomes.append("hung: \(third.description)")
                }
                if answerTimedOut {
                    starved.append(outcomes.joined(separator: "; "))
                    continue
                }
                let hung = "hung: no answer within 2 s"
                #expect(outcomes == [hung, "answered: ok", hung, "answered: ok", hung], "earlier tries starved: \(starved)")
                return
            }
            Issue.record("every try had an answering request go unanswered: \(starved)")
        }
    }

    @Test(arguments: [false, true])
    func fiftyMegabyteBodyHitsTheCapEarly(declareLength: Bool) async throws {
        let total = 50 * 1024 * 1024
        try await TestServer.with({ _ in .stream(bytes: total, declareLength: declareLength) }) { server in
            try await withFetcher(testPolicy(maxBodyBytes: 1024 * 1024)) { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/big"))))
                #expect(error.code == .tooLarge)
                #expect(error.description == "response larger than 1 MiB")
            }
            // The server stops when the fetcher drops the connection; what it wrote by then sits in the kernel's
            // socket buffers (up to tcp_rmem's maximum, 32 MiB here), not in the fetcher.
            #expect(server.streamedBytes < total, "the fetcher hung up before the 50 MB were sent")
        }
    }

    @Test func compressedBombHitsTheCap() async throws {
        let bomb = try Fixtures.bytes("zeros-50MB.gz")
        try await TestServer.with({ _ in .respond(status: 200, headers: [("Content-Encoding", "gzip")], body: bomb) }) { server in
            try await withFetcher(testPolicy(maxBodyBytes: 1024 * 1024)) { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/bomb"))))
                #expect(error.code == .tooLarge)
            }
        }
    }

    @Test func connectionResetMidBodyIsReported() async throws {
        try await TestServer.with({ _ in .reset(declared: 1_000_000, sent: 1200) }) { server in
            try await withFetcher { fetcher in
                let error = try #require(await fetchError(fetcher, FetchRequest(url: server.url("/feed"))))
                #expect(error.code == .connectionReset)
                #expect(error.description.hasPrefix("connection reset after"))
            }
        }
    }

    @Test func refusedPortIsAConnectionErrorReportedAtOnce() async throws {
        // A port bound but not listening refuses connections, and stays ours while the test
        // runs (a port merely closed again could be taken by a server of a test running beside).
        // The HTTP client would try to connect again and again until the connect timeout (here
        // 10 minutes) and only then report the refusal; a host that is down must not cost its
        // sources that wait. The bound is far from both: under the whole suite's load on two
        // cores the refusal once took 18 s to come back to the test.
        let socket = try RefusingPort()
        defer { socket.close() }
        try await withFetcher(testPolicy(connectTimeout: 600)) { fetcher in
            let clock = ContinuousClock()
            let start = clock.now
            let error = try #require(await fetchError(fetcher, FetchRequest(url: "http://127.0.0.1:\(socket.port)/feed")))
            let waited = start.duration(to: clock.now)
            #expect(error.code == .connectionFailed)
            #expect(error.description == "cannot connect: connection refused")
            #expect(waited < .seconds(120), "the refusal took \(waited)")
        }
    }

    @Test func aRefusingHostsOtherSourcesAreNotTried() async throws {
        // The fetcher remembers the refusal, so the sources queued for the host's one slot
        // fail at once without a request of their own.
        let socket = try RefusingPort()
        defer { socket.close() }
        try await withFetcher(testPolicy(perHostConcurrency: 1)) { fetcher in
            let errors = await withTaskGroup(of: FetchError?.self) { group in
                for number in 0..<4 {
                    group.addTask { await fetchError(fetcher, FetchRequest(url: "http://127.0.0.1:\(socket.port)/feed-\(number)")) }
                }
                var errors: [FetchError] = []
                for await error in group { errors += [error].compactMap { $0 } }
                return errors
            }
            #expect(errors.count == 4)
            #expect(errors.allSatisfy { $0.code == .connectionFailed })
            #expect(errors.filter { $0.description == "cannot connect: connection refused" }.count == 1)
            let notTried = errors.filter { $0.description.hasPrefix("cannot connect: not tried, 127.0.0.1:\(socket.port) ") }
            #expect(notTried.count == 3, "\(errors.map(\.description))")
            #expect(notTried.allSatisfy { $0.description.hasSuffix("(connection refused)") })
            // Another host is not affected by it.
            let other = try #require(await fetchError(fetcher, FetchRequest(url: "http://localhost:\(socket.port)/feed")))
            #expect(!other.description.contains("not tried"))
        }
    }

    @Test(arguments: ["http://", "http://exa mple.com/feed", "", "https:///feed"])
    func malformedURLsAreInvalid(url: String) async throws {
        try await withFetcher { fetcher in
            let error = try #require(await fetchError(fetcher, FetchRequest(url: url)))
            #expect(error.code == .invalidURL)
            #expect(error.isPermanent)
        }
    }

    @Test func otherSchemesAreUnsupported() async throws {
        try await withFetcher { fetcher in
            let error = try #require(await fetchError(fetcher, FetchRequest(url: "ftp://example.org/feed.xml")))
            #expect(error.code == .unsupportedScheme)
        }
    }

    @Test func aRunOfFailingSourcesLeavesTheGoodOneUnaffected() async throws {
        try await TestServer.with({ request in
            switch request.path {
            case "/500": .status(500)
            case "/404": .status(404)
            case "/410": .status(410)
            case "/429": .status(429, headers: [("Retry-After", "60")])
            case "/loop": .status(302, headers: [("Location", "/loop")])
            case "/slow": .trickle(interval: 0.05)
            case "/big": .stream(bytes: 50 * 1024 * 1024, declareLength: false)
            case "/reset": .reset(declared: 100_000, sent: 500)
            case "/invalid-xml": .text("<rss><channel><title>broken</rss")
            default: .text("<rss version=\"2.0\"><channel><title>Good</title></channel></rss>")
            }
        }) { server in
            let paths = ["/500", "/404", "/410", "/429", "/loop", "/slow", "/big", "/reset", "/invalid-xml", "/good"]
            try await withFetcher(testPolicy(requestTimeout: 10, maxBodyBytes: 1024 * 1024)) { fetcher in
                let results = await withTaskGroup(of: (String, Result<FetchResponse, FetchError>).self) { group in
                    for path in paths {
                        group.addTask {
                            do throws(FetchError) {
                                return (path, .success(try await fetcher.fetch(FetchRequest(url: server.url(path)))))
                            } catch {
                                return (path, .failure(error))
                            }
                        }
                    }
                    var all: [String: Result<FetchResponse, FetchError>] = [:]
                    for await (path, result) in group { all[path] = result }
                    return all
                }
                func code(_ path: String) -> FetchError.Code? {
                    if case .failure(let error) = results[path] { return error.code }
                    return nil
                }
                #expect(code("/500") == .httpStatus)
                #expect(code("/404") == .httpStatus)
                #expect(code("/410") == .gone)
                #expect(code("/429") == .httpStatus)
                #expect(code("/loop") == .redirectLoop)
                #expect(code("/slow") == .timedOut)
                #expect(code("/big") == .tooLarge)
                #expect(code("/reset") == .connectionReset)
                let invalid = try #require(try? results["/invalid-xml"]?.get())
                #expect(invalid.body == Array("<rss><channel><title>broken</rss".utf8), "parsing is not the fetcher's job")
                let good = try #require(try? results["/good"]?.get())
                #expect(good.status == 200)
            }
        }
    }
}

/// A TCP port on 127.0.0.1 that is bound and never listened on: connecting to it is refused.
private struct RefusingPort {
    struct Failure: Error {}
    let descriptor: Int32
    let port: Int

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                Glibc.bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(socket)
            throw Failure()
        }
        descriptor = socket
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { Glibc.close(descriptor) }
}
