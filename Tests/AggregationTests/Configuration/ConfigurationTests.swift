import Aggregation
import Foundation
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("an empty file gives every default")
    func defaults() throws {
        let configuration = try ConfigurationLoader.parse("", file: "empty.yaml")
        #expect(configuration.title == "Tributary")
        #expect(configuration.schedule.every == .minutes(15))
        #expect(configuration.schedule.sourceInterval == .minutes(30))
        #expect(configuration.fetch.maxBodySize == .megabytes(10))
        #expect(configuration.fetch.concurrency == 128)
        #expect(configuration.retention.days == 30)
        #expect(configuration.publish.limit == 100)
        #expect(configuration.publish.topics == .every)
        #expect(configuration.sources.isEmpty)
    }

    @Test("every key is read, with durations, sizes and selections in their written forms")
    func fullFile() throws {
        let text = """
            title: World desk
            subtitle: Stories by topic and region
            baseURL: https://news.example.org/feeds/
            contact: mailto:desk@example.org
            output: out
            database: data/store.sqlite
            schedule: { every: 1h30m, sourceInterval: 45m }
            fetch:
              timeout: 20s
              maxBodySize: 512KB
              concurrency: 4
              perHostConcurrency: 1
              perHostDelay: 2s
              robots: false
              indexLinks: 5
            retention: { days: 7, maxPerSource: null }
            analysis: { summarySentences: 2 }
            topics:
              define:
                - id: chess
                  name: Chess
                  keywords: [{ weight: 3, terms: [chess, grandmaster] }]
            publish: { topics: [economy, chess], regions: none, json: true, window: 3d }
            sources:
              - url: https://www.example.com/news/world.rss
              - id: cuba-page
                url: pages/cuba.html
                kind: page
                interval: 2h
                topics: [chess]
                regions: [cu]
                fullText: true
                selectors: { content: "//article" }
            """
        let configuration = try ConfigurationLoader.parse(text, file: "full.yaml")
        #expect(configuration.title == "World desk")
        #expect(configuration.schedule.every.seconds == 5400)
        #expect(configuration.fetch.maxBodySize.bytes == 512 * 1024)
        #expect(configuration.fetch.robots == false)
        #expect(configuration.retention.days == 7)
        #expect(configuration.retention.maxPerSource == nil)
        #expect(configuration.analysis.summarySentences == 2)
        #expect(configuration.topics.topicSet["chess"]?.name == "Chess")
        #expect(configuration.topics.topicSet["economy"] != nil)
        #expect(configuration.publish.topics == .only(["economy", "chess"]))
        #expect(configuration.publish.regions == FeedSelection.none)
        #expect(configuration.publish.window == .days(3))
        #expect(configuration.sources.map(\.id) == ["example-com-news-world", "cuba-page"])
        #expect(configuration.sources[0].kind == .auto)
        #expect(configuration.sources[1].kind == .page)
        #expect(configuration.sources[1].interval == .hours(2))
        #expect(configuration.sources[1].selectors?.content == "//article")
        #expect(configuration.userAgent == "Tributary/\(TributaryVersion.current) (+mailto:desk@example.org)")
    }

    @Test("relative paths resolve against the configuration file's folder")
    func paths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tributary.yaml")
        try "output: ../Feeds\nsources:\n  - url: samples/a.xml\n  - url: https://x.example/feed\n".write(
            to: file, atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader.load(path: file.path)
        #expect(configuration.outputURL.path == folder.deletingLastPathComponent().appendingPathComponent("Feeds").standardizedFileURL.path)
        #expect(
            configuration.location(of: configuration.sources[0]) == folder.appendingPathComponent("samples/a.xml").standardizedFileURL.absoluteString)
        #expect(configuration.location(of: configuration.sources[1]) == "https://x.example/feed")
    }

    @Test(
        "errors name the file, line, column and key",
        arguments: [
            ("title: x\nsources:\n  - url: a.xml\n    intervall: 1h\n", "bad.yaml:4:16: sources[0].intervall: unknown key 'intervall'"),
            ("schedule:\n  every: soon\n", "bad.yaml:2:10: schedule.every: expected a duration such as 30s, 15m, 1h30m or 2d, found 'soon'"),
            ("fetch:\n  concurrency: many\n", "bad.yaml:2:16: fetch.concurrency: expected a whole number"),
            ("sources:\n  - kind: feed\n", "bad.yaml:2:5: sources[0]: the required key 'url' is missing"),
            ("sources:\n  - url: a.xml\n  - url: b.xml\n    id: a\n", "bad.yaml:4:9: sources[1].id: the id 'a' is used by sources[0] too"),
            ("baseURL: news.example.org\n", "bad.yaml:1:10: baseURL: expected an absolute http(s) URL"),
            ("sources:\n  - url: ftp://x.example/feed\n", "bad.yaml:2:10: sources[0].url: expected an http(s) or file:// URL"),
            ("sources:\n  - url: a.xml\n    interval: 10s\n", "bad.yaml:3:15: sources[0].interval: must be at least 1m"),
            ("sources:\n  - url: a.xml\n    topics: [gossip]\n", "bad.yaml:3:14: sources[0].topics[0]: unknown topic 'gossip'"),
            ("publish: { topics: some }\n", "bad.yaml:1:20: publish.topics: expected 'all', 'none' or a list of ids, found 'some'"),
            ("title: [unclosed\n", "bad.yaml:2:1: YAML syntax:"),
            ("- just\n- a list\n", "bad.yaml:1:1: expected a mapping of keys"),
        ])
    func errors(text: String, expected: String) {
        do {
            _ = try ConfigurationLoader.parse(text, file: "bad.yaml")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test("a missing file is one line naming it")
    func missingFile() {
        #expect(throws: ConfigurationError(file: "/nonexistent/t.yaml", message: "no such file (give another with --config PATH)")) {
            try ConfigurationLoader.load(path: "/nonexistent/t.yaml")
        }
    }

    @Test(
        "durations and sizes parse their written forms",
        arguments: [("90s", 90.0), ("15m", 900), ("1h30m", 5400), ("2d", 172_800), ("500ms", 0.5), ("45", 45)])
    func durations(text: String, seconds: Double) {
        #expect(ConfigDuration(parsing: text)?.seconds == seconds)
    }

    @Test("nonsense durations are refused", arguments: ["", "soon", "m", "5x", "-3", "1h30"])
    func badDurations(text: String) {
        #expect(ConfigDuration(parsing: text) == nil)
    }

    @Test("short forms are written back", arguments: [(5400.0, "1h30m"), (900, "15m"), (86400, "1d"), (0.25, "250ms")])
    func durationDescriptions(seconds: Double, text: String) {
        #expect(ConfigDuration(seconds: seconds).description == text)
    }

    @Test("sizes", arguments: [("10MB", 10_485_760), ("512 KB", 524_288), ("2048", 2048), ("1GiB", 1_073_741_824)])
    func sizes(text: String, bytes: Int) {
        #expect(ByteSize(parsing: text)?.bytes == bytes)
    }

    @Test(
        "slugs from URLs",
        arguments: [
            ("https://feeds.bbci.co.uk/news/world/rss.xml", "feeds-bbci-co-uk-news-world-rss"),
            ("https://www.aljazeera.com/xml/rss/all.xml", "aljazeera-com-xml-rss-all"),
            ("samples/feeds/world-wire.xml", "samples-feeds-world-wire"),
        ])
    func slugs(url: String, slug: String) {
        #expect(SourceSettings.slug(for: url) == slug)
    }
}
