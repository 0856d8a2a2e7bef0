import Aggregation
import Foundation
import Store
import Testing

@Suite("Aggregation against a real local server")
struct ReliabilityTests {
    typealias F = PipelineFixtures

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("hostile sources each fail with their reason; the good one is stored; nothing stored before is lost")
    func hostileSources() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = F.rss(title: "Good", items: [F.quake, F.rates])
        let latin1 =
            Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf".utf8) + [0xE9]
            + Array("</title><item><guid>c1</guid><title>Caf".utf8) + [0xE9]
            + Array(" owners in Lisbon protest new rent rules</title><description>Owners of caf".utf8) + [0xE9]
            + Array("s in Lisbon marched on Tuesday against rent rules.</description></item></channel></rss>".utf8)
        let brokenAfterFirstRun = LockedFlag()
        try await TestServer.with({ request in
            switch request.path {
            case "/good": return brokenAfterFirstRun.isSet ? .status(500) : .text(good)
            case "/500": return .status(500)
            case "/404": return .status(404)
            case "/410": return .status(410)
            case "/429": return .respond(status: 429, headers: [("Retry-After", "7200")])
            case "/loop-a": return .respond(status: 302, headers: [("Location", "/loop-b")])
            case "/loop-b": return .respond(status: 302, headers: [("Location", "/loop-a")])
            case "/slow": return .trickle(interval: 0.1)
            case "/huge": return .stream(bytes: 50 << 20, declareLength: false)
            case "/invalid":
                return .text(
                    "<rss version=\"2.0\"><channel><title>x</title><item><guid>f1</guid><title>Fish & chips prices rise in Leeds</title>"
                        + "<description>Prices rose&nbsp;again in Leeds this week.</description></item>")
            case "/charset": return .respond(status: 200, headers: [("Content-Type", "application/rss+xml; charset=utf-8")], body: latin1)
            case "/html":
                return .text("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", contentType: "text/html")
            case "/reset": return .reset(declared: 100_000, sent: 2000)
            default: return .status(404)
            }
        }) { server in
            let ids = ["good", "500", "404", "410", "429", "loop-a", "slow", "huge", "invalid", "charset", "html", "reset"]
            var configuration = F.configuration(
                sources: ids.map { SourceSettings(id: $0 == "loop-a" ? "loop" : $0, url: server.url("/\($0)"), kind: .feed) },
                output: folder.appendingPathComponent("Feeds"))
            configuration.fetch.timeout = ConfigDuration(seconds: 4)
            // A cap the 50 MB body crosses within its first few chunks: with a cap of 1 MB, a
            // loaded machine (the whole suite in parallel on two cores) once took longer than
            // the timeout to deliver it, and the source failed as timed out instead.
            configuration.fetch.maxBodySize = ByteSize(bytes: 256 << 10)
            let store = try SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path)
            let fetcher = FeedFetcher(policy: configuration.fetchPolicy)
            let aggregator = Aggregator(configuration: configuration, store: store, fetcher: fetcher)
            let summary = try await aggregator.run()
            let reasons = Dictionary(uniqueKeysWithValues: summary.failures.map { ($0.source, $0.reason) })
            #expect(Set(reasons.keys) == ["500", "404", "410", "429", "loop", "slow", "huge", "reset", "html"], "\(reasons)")
            #expect(reasons["500"]?.contains("500") == true)
            #expect(reasons["404"]?.contains("404") == true)
            #expect(reasons["410"]?.contains("410") == true)
            #expect(reasons["429"]?.contains("429") == true)
            #expect(reasons["loop"]?.contains("redirect loop") == true)
            #expect(reasons["slow"]?.contains("timed out") == true)
            #expect(reasons["huge"]?.contains("larger than") == true, "\(reasons["huge"] ?? "no failure")")
            #expect(reasons["reset"] != nil)
            #expect(reasons["html"] == "an HTML page instead of a feed")
            #expect(summary.retired == ["410"])
            #expect(summary.succeeded == 3)
            #expect(summary.notes.contains { $0.hasPrefix("invalid: the feed is not well-formed XML") })
            let charset = try await store.articles(since: nil).first { $0.sourceID == "charset" }
            #expect(charset?.title == "Café owners in Lisbon protest new rent rules")
            let retry = try #require(try await store.source(id: "429")?.nextFetch)
            #expect(retry.timeIntervalSinceNow > 7000)
            let stored = try await store.articleCount()
            #expect(stored >= 4)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Feeds/all.atom").path))

            brokenAfterFirstRun.set()
            let later = try await aggregator.run(only: ["good"])
            #expect(later.failures.map(\.source) == ["good"])
            #expect(try await store.articleCount() == stored)
            await fetcher.shutdown()
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
