import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import Server

/// Starting, the periodic job, the access log and the errors of a server that cannot start.
@Suite("FeedServer lifecycle")
struct FeedServerLifecycleTests {
    /// Counts runs and remembers whether two ever overlapped.
    actor JobRecord {
        var runs = 0
        var running = 0
        var overlapped = false

        func begin() {
            runs += 1
            running += 1
            if running > 1 { overlapped = true }
        }

        func end() { running -= 1 }
    }

    @Test func thePeriodicJobRepeatsAndStopsAtShutdown() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let record = JobRecord()
        let job = PeriodicJob(every: .milliseconds(20)) {
            await record.begin()
            try? await Task.sleep(for: .milliseconds(5))
            await record.end()
        }
        try await TestServer.with(.init(root: folder.root.path, periodicJob: job)) { _ in
            while await record.runs < 3 { try await Task.sleep(for: .milliseconds(10)) }
        }
        let afterShutdown = await record.runs
        try await Task.sleep(for: .milliseconds(100))
        #expect(await record.runs == afterShutdown)
        #expect(await record.runs >= 3)
        #expect(await record.overlapped == false)
        #expect(await record.running == 0)
    }

    @Test func theFirstRunIsImmediateNotAnIntervalLater() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        let record = JobRecord()
        let job = PeriodicJob(every: .seconds(3_600)) { await record.begin() }
        try await TestServer.with(.init(root: folder.root.path, periodicJob: job)) { _ in
            for _ in 0..<1_000 where await record.runs == 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(await record.runs == 1)
    }

    @Test func aJobLongerThanItsIntervalNeverOverlapsItself() async throws {
        let record = JobRecord()
        let job = PeriodicJob(every: .milliseconds(1)) {
            await record.begin()
            try? await Task.sleep(for: .milliseconds(10))
            await record.end()
        }
        let task = Task { await job.runUntilCancelled() }
        while await record.runs < 4 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        await task.value
        #expect(await record.overlapped == false)
    }

    @Test func everyRequestGetsAnAccessLogLine() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try folder.write("all.atom", "0123456789")
        let lines = NIOLockedValueBox<[String]>([])
        let log = AccessLog.writer { line in lines.withLockedValue { $0.append(line) } }
        try await TestServer.with(.init(root: folder.root.path, accessLog: log)) { base in
            _ = try await TestServer.fetch(base + "/all.atom?x=1")
            _ = try await TestServer.fetch(base + "/missing%22.atom")
            _ = try await TestServer.fetch(base + "/all.atom", method: .HEAD)
        }
        let written = lines.withLockedValue { $0 }
        #expect(written.count == 3)
        let pattern = #/^127\.0\.0\.1 - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000\] "(.+)" (\d{3}) (\d+) \d+\.\dms$/#
        let parsed = written.compactMap { line in line.wholeMatch(of: pattern).map { (String($0.1), String($0.2), String($0.3)) } }
        #expect(parsed.count == 3, "\(written)")
        #expect(parsed.first?.0 == "GET /all.atom?x=1 HTTP/1.1")
        #expect(parsed.first?.1 == "200")
        #expect(parsed.first?.2 == "10")
        #expect(parsed.dropFirst().first?.1 == "404")
        #expect(parsed.last?.0 == "HEAD /all.atom HTTP/1.1")
        #expect(parsed.last?.2 == "0")
    }

    @Test func aMissingRootIsReportedBeforeListening() async throws {
        let server = FeedServer(configuration: .init(root: "/nonexistent/Feeds", port: 0))
        let error = await #expect(throws: FeedServerError.self) { try await server.run(stoppingOnSignals: false) }
        #expect(error?.code == .rootNotFound)
        #expect(error?.description == "/nonexistent/Feeds: no such folder to serve")
    }

    @Test func aPortInUseIsOneClearError() async throws {
        let folder = try ServedFolder()
        defer { folder.remove() }
        try await TestServer.with(.init(root: folder.root.path)) { base in
            let port = try #require(Int(base.split(separator: ":").last!))
            let second = FeedServer(configuration: .init(root: folder.root.path, host: "127.0.0.1", port: port))
            let error = await #expect(throws: FeedServerError.self) { try await second.run(stoppingOnSignals: false) }
            #expect(error?.code == .addressInUse)
            #expect(error?.description == "127.0.0.1:\(port) is already in use")
        }
    }
}
