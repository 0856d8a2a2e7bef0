import Foundation
import Testing

/// `aggregate`, `generate` and `sources` run as a user would, on a copy of the shipped
/// configuration and its sample sources.
@Suite("tributary aggregate, generate, sources (end to end)", .serialized)
struct AggregateCommandTests {
    typealias P = ParseCommandTests

    /// A copy of the repository's Config/ in a new folder; the output and store go beside it.
    static func sampleWorkspace() throws -> URL {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Config"), to: folder.appendingPathComponent("Config"))
        return folder
    }

    @Test("the shipped configuration aggregates offline into a store and feeds; a second run has nothing due")
    func aggregateSamples() throws {
        let folder = try Self.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("Config/tributary.yaml").path
        let first = try P.run(["aggregate", "--config", config])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Sources:  6 ok, 0 not modified, 0 failed"), "\(first.stdout)")
        #expect(first.stdout.contains("Articles: 26 new"), "\(first.stdout)")
        let feeds = folder.appendingPathComponent("Feeds")
        for path in ["all.atom", "all.json", "index.html", "feeds.opml", "regions/cu.atom", "regions/caribbean.atom", "topics/diplomacy.atom"] {
            #expect(FileManager.default.fileExists(atPath: feeds.appendingPathComponent(path).path), "\(path) missing")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".tributary/tributary.sqlite").path))
        let cuba = try String(contentsOf: feeds.appendingPathComponent("regions/cu.atom"), encoding: .utf8)
        #expect(cuba.contains("Lavrov"))
        let parsed = try P.run(["parse", feeds.appendingPathComponent("all.atom").path])
        let object = try #require(try P.objects(parsed.stdout).first)
        #expect(object["format"] as? String == "atom10")
        #expect(object["wellFormed"] as? Bool == true)
        #expect((object["entries"] as? [Any])?.count == 18)

        let before = try Data(contentsOf: feeds.appendingPathComponent("all.atom"))
        let second = try P.run(["aggregate", "--config", config])
        #expect(second.status == 0)
        #expect(second.stdout.contains("6 not due yet"), "\(second.stdout)")
        #expect(second.stdout.contains("Feeds:    nothing new"), "\(second.stdout)")
        #expect(try Data(contentsOf: feeds.appendingPathComponent("all.atom")) == before)

        let forced = try P.run(["aggregate", "--config", config, "--source", "world-wire", "--quiet"])
        #expect(forced.status == 0)
        #expect(forced.stdout.isEmpty)

        let generated = try P.run(["generate", "--config", config, "--region", "cu"])
        #expect(generated.status == 0)
        #expect(generated.stdout == cuba)
        let json = try P.run(["generate", "--config", config, "--topic", "diplomacy", "--format", "json", "--limit", "1"])
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect((feed["items"] as? [Any])?.count == 1)
        let unknown = try P.run(["generate", "--config", config, "--topic", "gossip"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("tributary: unknown topic 'gossip'; valid: "))
        #expect(unknown.stderr.contains("diplomacy"))
    }

    @Test("sources list, add, export and remove edit the configuration in place")
    func sources() throws {
        let folder = try Self.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("Config/tributary.yaml").path
        let list = try P.run(["sources", "list", "--config", config])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 7)
        #expect(list.stdout.contains("never fetched"))
        let add = try P.run(["sources", "add", "samples/feeds/world-wire.xml", "--config", config, "--id", "again", "--kind", "feed"])
        #expect(add.status == 1)
        #expect(add.stderr.contains("configured already as 'world-wire'"))
        let added = try P.run(["sources", "add", "https://news.example.net/world.rss", "--config", config, "--kind", "feed", "--interval", "2h"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "added news-example-net-world (feed): https://news.example.net/world.rss\n")
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("# Tributary's default configuration"))
        #expect(text.contains("  - id: news-example-net-world\n    url: https://news.example.net/world.rss\n    kind: feed\n    interval: 2h\n"))
        let export = try P.run(["sources", "export", "--config", config])
        #expect(export.stdout.contains("xmlUrl=\"https://news.example.net/world.rss\""))
        let removed = try P.run(["sources", "remove", "news-example-net-world", "--config", config])
        #expect(removed.status == 0)
        #expect(
            try String(contentsOfFile: config, encoding: .utf8)
                == String(
                    text.replacingOccurrences(
                        of: "  - id: news-example-net-world\n    url: https://news.example.net/world.rss\n    kind: feed\n    interval: 2h\n",
                        with: "")))
    }

    @Test("a bad configuration is one line naming the file, line and key, exit 2")
    func badConfiguration() throws {
        let folder = try Self.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("bad.yaml")
        try "title: x\nsources:\n  - url: a.xml\n    intervall: 1h\n".write(to: config, atomically: true, encoding: .utf8)
        let run = try P.run(["aggregate", "--config", config.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("tributary: \(config.path):4:16: sources[0].intervall: unknown key 'intervall'"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        let missing = try P.run(["aggregate", "--config", folder.appendingPathComponent("none.yaml").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.yaml: no such file"))
    }

    @Test("a daemon holds the store: a second aggregate is refused; SIGTERM stops it cleanly; after SIGKILL the next run works")
    func daemonLockAndSignals() async throws {
        let folder = try Self.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("Config/tributary.yaml").path
        let daemon = Process()
        daemon.executableURL = P.binary
        daemon.arguments = ["aggregate", "--config", config, "--every", "1h"]
        let output = Pipe()
        daemon.standardOutput = output
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        let feed = folder.appendingPathComponent("Feeds/index.html").path
        var waited = 0
        while !FileManager.default.fileExists(atPath: feed), waited < 600 {
            try await Task.sleep(nanoseconds: 100_000_000)
            waited += 1
        }
        let second = try P.run(["aggregate", "--config", config])
        #expect(second.status == 2)
        #expect(second.stderr.contains("another tributary aggregate is working on this store (process \(daemon.processIdentifier))"))
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("Sources:  6 ok"))

        let killed = Process()
        killed.executableURL = P.binary
        killed.arguments = ["aggregate", "--config", config, "--every", "1s", "--source", "atlas-ledger", "--source", "world-wire"]
        killed.standardOutput = FileHandle.nullDevice
        killed.standardError = FileHandle.nullDevice
        try killed.run()
        try await Task.sleep(nanoseconds: 1_500_000_000)
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let after = try P.run(["aggregate", "--config", config, "--source", "world-wire"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("Sources:  0 ok, 1 not modified, 0 failed"), "\(after.stdout)")
    }
}
