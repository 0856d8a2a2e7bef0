import Foundation
import Store
import Synchronization
import Syndication
import Testing

@testable import Aggregation

@Suite("Aggregation pipeline")
struct AggregatorTests {
    typealias F = PipelineFixtures

    struct Rig: Sendable {
        let clock = TestClock()
        let store = InMemoryStore()
        let fetcher = CannedFetcher()
        let files = InMemoryFeedFiles()
        var configuration: Configuration

        init(_ sources: [SourceSettings]) {
            configuration = F.configuration(sources: sources)
        }

        func run(only: [String] = [], dryRun: Bool = false) async throws -> RunSummary {
            let clock = self.clock
            return try await Aggregator(configuration: configuration, store: store, fetcher: fetcher, files: files, clock: { clock.now })
                .run(only: only, dryRun: dryRun)
        }

        func feed(_ path: String) throws -> ParsedFeed {
            let bytes = try #require(files.contents[path], "\(path) was not written")
            return FeedParser.parse(bytes)
        }
    }

    static let sourceA = SourceSettings(id: "a", url: "https://a.example/feed.xml", kind: .feed, title: "A News")
    static let sourceB = SourceSettings(id: "b", url: "https://b.example/rss", kind: .feed, title: "B Wire")

    @Test("a first run stores every entry, opens stories and writes the feeds")
    func firstRun() async throws {
        let rig = Rig([Self.sourceA])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake, F.rates, F.football]), etag: "\"v1\"")
        let summary = try await rig.run()
        #expect(summary.succeeded == 1)
        #expect(summary.newArticles == 3)
        #expect(summary.newStories == 3)
        #expect(summary.failures.isEmpty)
        #expect(await rig.store.articleCount() == 3)
        let all = try rig.feed("all.atom")
        #expect(all.format == .atom10)
        #expect(all.wellFormed)
        #expect(all.entries.count == 3)
        #expect(Set(all.entries.compactMap { $0.title?.value }) == [F.quake.title, F.rates.title, F.football.title])
        #expect(all.entries.allSatisfy { $0.id?.hasPrefix("tag:news.example.org,") == true })
        let quake = try #require(all.entries.first { $0.title?.value == F.quake.title })
        #expect(quake.link == F.quake.link)
        #expect(quake.summary?.value.contains("magnitude 6.8 earthquake") == true)
        #expect(quake.categories.contains { $0.term == "pe" && $0.scheme == "https://news.example.org/regions/" })
        #expect(quake.categories.contains { $0.term == "disasters" })
        #expect(try rig.feed("regions/pe.atom").entries.map(\.title?.value) == [F.quake.title])
        #expect(try rig.feed("topics/sport.atom").entries.map(\.title?.value) == [F.football.title])
        #expect(rig.files.contents["all.json"] != nil)
        #expect(
            String(decoding: try #require(rig.files.contents["feeds.opml"]), as: UTF8.self).contains("https://news.example.org/topics/sport.atom"))
        #expect(String(decoding: try #require(rig.files.contents["index.html"]), as: UTF8.self).contains(F.football.title))
        let source = try #require(await rig.store.source(id: "a"))
        #expect(source.etag == "\"v1\"")
        #expect(source.nextFetch == rig.clock.now.addingTimeInterval(1800))
    }

    @Test("a source is not fetched before it is due; when due, a 304 changes nothing and the feeds keep their bytes")
    func notModified() async throws {
        let rig = Rig([Self.sourceA])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake]), etag: "\"v1\"")
        _ = try await rig.run()
        let before = rig.files.contents
        rig.clock.advance(600)
        let early = try await rig.run()
        #expect(early.notDue == 1)
        #expect(early.attempted == 0)
        #expect(await rig.fetcher.requests.count == 1)
        rig.clock.advance(1800)
        let due = try await rig.run()
        #expect(due.notModified == 1)
        #expect(await rig.fetcher.requests.last?.etag == "\"v1\"")
        #expect(due.feedsWritten == 0)
        #expect(rig.files.contents == before)
    }

    @Test("a changed entry updates its article and moves the story's updated date; an unchanged one does not")
    func changedEntry() async throws {
        let rig = Rig([Self.sourceA])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake, F.rates]))
        _ = try await rig.run()
        let firstUpdated = try rig.feed("all.atom").entries.first { $0.title?.value == F.rates.title }?.updated?.date
        rig.clock.advance(3600)
        var changed = F.quake
        changed.paragraphs.append("The death toll rose to twelve on Tuesday, the civil defence agency in Lima said.")
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [changed, F.rates]))
        let summary = try await rig.run()
        #expect(summary.newArticles == 0)
        #expect(summary.updatedArticles == 1)
        #expect(await rig.store.articleCount() == 2)
        let entries = try rig.feed("all.atom").entries
        let quake = try #require(entries.first { $0.title?.value == F.quake.title })
        #expect(quake.updated?.date == rig.clock.now)
        #expect(quake.published?.date == rig.clock.now.addingTimeInterval(-3600))
        #expect(entries.first { $0.title?.value == F.rates.title }?.updated?.date == firstUpdated)
    }

    @Test("an entry whose id changed but whose content did not is not a new article")
    func changedIDSameContent() async throws {
        let rig = Rig([Self.sourceA])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake]))
        _ = try await rig.run()
        rig.clock.advance(3600)
        var renamed = F.quake
        renamed.id = "quake-1-reissued"
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [renamed]))
        let summary = try await rig.run()
        #expect(summary.newArticles == 0)
        #expect(await rig.store.articleCount() == 1)
    }

    @Test("two sources telling one event make one story with the other as a related link")
    func oneStoryFromTwoSources() async throws {
        let rig = Rig([Self.sourceA, Self.sourceB])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake, F.rates]))
        await rig.fetcher.set(Self.sourceB.url, body: F.rss(title: "B", items: [F.quakeRewritten]))
        let summary = try await rig.run()
        #expect(summary.newArticles == 3)
        #expect(summary.newStories == 2)
        let all = try rig.feed("all.atom")
        #expect(all.entries.count == 2)
        let quake = try #require(all.entries.first { $0.links.contains { $0.rel == "related" } })
        let urls = Set(quake.links.compactMap(\.href))
        #expect(urls == [F.quake.link, F.quakeRewritten.link])
        #expect(quake.content?.value.contains("B Wire") == true)
        #expect(quake.content?.value.contains("A News") == true)
    }

    /// Answers like `canned`, the URLs in `slow` only after a pause.
    struct SlowFetcher: Fetching {
        let canned: CannedFetcher
        let slow: Set<String>

        func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
            if slow.contains(request.url) { try? await Task.sleep(for: .milliseconds(300)) }
            return try await canned.fetch(request)
        }
    }

    /// The order of `sourceDone` events, kept across the threads the events come from.
    final class DoneOrder: @unchecked Sendable {
        private let lock = NSLock()
        private var done: [String] = []

        func record(_ event: AggregationEvent) {
            guard case .sourceDone(let id, _) = event else { return }
            lock.withLock { done.append(id) }
        }

        var ids: [String] { lock.withLock { done } }
    }

    @Test("sources are committed in configuration order whatever order they answer in, so stories open the same way")
    func commitsFollowTheConfiguration() async throws {
        let sourceC = SourceSettings(id: "c", url: "https://c.example/feed", kind: .feed, title: "C Daily")
        let rig = Rig([Self.sourceA, Self.sourceB, sourceC])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake]))
        await rig.fetcher.set(Self.sourceB.url, body: F.rss(title: "B", items: [F.quakeRewritten]))
        await rig.fetcher.set(sourceC.url, body: F.rss(title: "C", items: [F.rates]))
        let fetcher = SlowFetcher(canned: rig.fetcher, slow: [Self.sourceA.url])
        let order = DoneOrder()
        let clock = rig.clock
        let summary = try await Aggregator(
            configuration: rig.configuration, store: rig.store, fetcher: fetcher, files: rig.files, clock: { clock.now }
        )
        .run(events: order.record)
        #expect(order.ids == ["a", "b", "c"])
        #expect(summary.succeeded == 3)
        #expect(summary.newArticles == 3)
        #expect(summary.newStories == 2)
        // A answered last but was committed first: its article opens the story B's joins.
        let articles = await rig.store.articles(since: nil)
        let fromA = try #require(articles.first { $0.sourceID == "a" })
        let fromB = try #require(articles.first { $0.sourceID == "b" })
        #expect(fromA.storyID == fromA.id)
        #expect(fromB.storyID == fromA.id)
        // First seen in that order too (the clock stood still: each source is a moment later).
        #expect(fromA.firstSeen < fromB.firstSeen)
        let fromC = try #require(articles.first { $0.sourceID == "c" })
        #expect(fromB.firstSeen < fromC.firstSeen)
    }

    @Test("past the read-ahead budget a run still reads every source, commits in order and writes the same feeds")
    func readAheadBudgetSpent() async throws {
        // Twelve sources on three hosts, the first one slow: with the budget always spent and one
        // source allowed past the next to commit, the run must still finish, in order, and store
        // what an unconstrained run stores.
        let sources = (0..<12).map { number in
            SourceSettings(id: "s\(number)", url: "https://host\(number % 3).example/feed\(number).xml", kind: .feed, title: "Source \(number)")
        }
        let items = [F.quake, F.rates, F.football, F.quakeRewritten]
        var outputs: [[String: [UInt8]]] = []
        for budget in [Int.max, 0] {
            let rig = Rig(sources)
            for (number, source) in sources.enumerated() {
                await rig.fetcher.set(source.url, body: F.rss(title: source.title ?? "", items: [items[number % items.count]]))
            }
            let clock = rig.clock
            var aggregator = Aggregator(
                configuration: rig.configuration, store: rig.store, fetcher: SlowFetcher(canned: rig.fetcher, slow: [sources[0].url]),
                files: rig.files, clock: { clock.now })
            aggregator.readAheadBudget = budget
            aggregator.closeBehind = 1
            let order = DoneOrder()
            let summary = try await aggregator.run(events: order.record)
            #expect(order.ids == sources.map(\.id))
            #expect(summary.succeeded == 12)
            #expect(summary.newArticles == 12)
            #expect(await rig.store.articleCount() == 12)
            outputs.append(rig.files.contents)
        }
        #expect(outputs[0] == outputs[1])
    }

    /// Counts the fetches in flight at once, each taking `delay`.
    final class InFlightFetcher: Fetching, Sendable {
        let canned: CannedFetcher
        let delay: Duration
        private let counts = Mutex((current: 0, highest: 0, atStarts: [Int]()))

        init(canned: CannedFetcher, delay: Duration = .milliseconds(20)) {
            self.canned = canned
            self.delay = delay
        }

        var maximum: Int { counts.withLock { $0.highest } }
        /// The fetches in flight as each one started (itself included), in the order they started.
        var atStarts: [Int] { counts.withLock { $0.atStarts } }

        func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
            counts.withLock {
                $0.current += 1
                $0.highest = max($0.highest, $0.current)
                $0.atStarts.append($0.current)
            }
            defer { counts.withLock { $0.current -= 1 } }
            try? await Task.sleep(for: delay)
            return try await canned.fetch(request)
        }
    }

    @Test("with slow answers and quick commits, sources keep starting as far ahead as the answers take")
    func readAheadFollowsThePace() async throws {
        // Sixty-four sources on hosts of their own, each answer taking 400 ms, each commit a few
        // milliseconds (tens on a loaded machine): once a few reads and commits are measured,
        // sources still start far past the next one to commit (the lead is 2 × 0.4 s over the
        // commit's time), where the floor alone (one source past it) keeps one or two in flight.
        let sources = (0..<64).map { number in
            SourceSettings(id: "s\(number)", url: "https://host\(number).example/feed.xml", kind: .feed, title: "Source \(number)")
        }
        var rig = Rig(sources)
        rig.configuration.fetch.concurrency = 16
        let items = [F.quake, F.rates, F.football, F.quakeRewritten]
        for (number, source) in sources.enumerated() {
            await rig.fetcher.set(source.url, body: F.rss(title: "Source \(number)", items: [items[number % items.count]]))
        }
        let fetcher = InFlightFetcher(canned: rig.fetcher, delay: .milliseconds(400))
        let clock = rig.clock
        var aggregator = Aggregator(configuration: rig.configuration, store: rig.store, fetcher: fetcher, files: rig.files, clock: { clock.now })
        aggregator.closeBehind = 1
        let summary = try await aggregator.run()
        #expect(summary.succeeded == 64)
        // The first sixteen start together before anything is measured; the starts after the
        // first two rounds show the measured pace.
        let later = fetcher.atStarts.dropFirst(32).sorted()
        let median = later[later.count / 2]
        #expect(median >= 6, "requests in flight as later ones started: \(fetcher.atStarts)")
    }

    @Test("requests in flight are bounded by the bodies they are expected to bring: few for large answers, all for 304s")
    func inFlightFollowsExpectedBodies() async throws {
        // A hundred and twenty sources on hosts of their own, each answering 64 KB, with a budget
        // of four answers: a burst of every request at once would bring them all together.
        let sources = (0..<120).map { number in
            SourceSettings(id: "s\(number)", url: "https://host\(number).example/feed.xml", kind: .feed, title: "Source \(number)")
        }
        let rig = Rig(sources)
        let padding = String(repeating: "Words that fill the feed out to a large answer. ", count: 1_300)
        for (number, source) in sources.enumerated() {
            let item = PipelineFixtures.Item(
                id: "item-\(number)", title: "Item \(number)", link: "https://host\(number).example/\(number)", paragraphs: [padding])
            await rig.fetcher.set(source.url, body: F.rss(title: "Source \(number)", items: [item]), etag: "\"v1\"")
        }
        var maxima: [Int] = []
        for _ in 0..<2 {
            let fetcher = InFlightFetcher(canned: rig.fetcher)
            let clock = rig.clock
            var aggregator = Aggregator(configuration: rig.configuration, store: rig.store, fetcher: fetcher, files: rig.files, clock: { clock.now })
            aggregator.readAheadBudget = 256 << 10
            aggregator.closeBehind = 1
            let summary = try await aggregator.run(force: true)
            #expect(summary.failures.isEmpty)
            maxima.append(fetcher.maximum)
        }
        // Cold: the first guess (16 KB an answer) lets sixteen start, and answers of 64 KB keep
        // it there or below. Warm: every answer is a 304, which brings nothing; once a few have
        // come back, the rest start together.
        #expect(maxima[0] <= 17, "cold run: \(maxima[0]) requests in flight")
        #expect(maxima[1] >= 80, "warm run: \(maxima[1]) requests in flight")
        #expect(await rig.store.articleCount() == 120)
    }

    @Test("a failing source is reported with its reason, backs off, and loses nothing stored before")
    func failureKeepsStoredArticles() async throws {
        let rig = Rig([Self.sourceA, Self.sourceB])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake, F.rates]))
        await rig.fetcher.set(Self.sourceB.url, body: F.rss(title: "B", items: [F.football]))
        _ = try await rig.run()
        rig.clock.advance(3600)
        await rig.fetcher.set(
            Self.sourceB.url, .failure(FetchError(code: .httpStatus, message: "HTTP 500 Internal Server Error", url: Self.sourceB.url, status: 500)))
        let summary = try await rig.run()
        #expect(summary.failures.map(\.source) == ["b"])
        #expect(summary.failures.first?.reason == "HTTP 500 Internal Server Error")
        #expect(summary.failures.first?.retry == "failed once; next try in 30 min")
        #expect(summary.failedEntirely == false)
        #expect(summary.succeeded == 1)
        #expect(await rig.store.articleCount() == 3)
        let b = try #require(await rig.store.source(id: "b"))
        #expect(b.consecutiveFailures == 1)
        #expect(b.lastError == "HTTP 500 Internal Server Error")
        #expect(b.nextFetch == rig.clock.now.addingTimeInterval(1800))
        #expect(try rig.feed("all.atom").entries.count == 3)
    }

    @Test("a feed that is not XML at all fails with the reason; a truncated one still gives its entries")
    func brokenFeeds() async throws {
        let rig = Rig([Self.sourceA, Self.sourceB])
        await rig.fetcher.set(Self.sourceA.url, body: "this is not a feed, just words", contentType: "application/rss+xml")
        let whole = F.rss(title: "B", items: [F.quake, F.rates])
        let truncated = String(whole.prefix(whole.count - 120))
        await rig.fetcher.set(Self.sourceB.url, body: truncated)
        let summary = try await rig.run()
        #expect(summary.failures.map(\.source) == ["a"])
        #expect(summary.failures.first?.reason == "not a feed")
        #expect(summary.newArticles >= 1)
        #expect(summary.notes.contains { $0.hasPrefix("b: the feed is not well-formed XML") }, "\(summary.notes)")
    }

    @Test("every source failing fails the run; 410 Gone retires the source and it is not fetched again")
    func goneRetires() async throws {
        let rig = Rig([Self.sourceA])
        await rig.fetcher.set(
            Self.sourceA.url, .failure(FetchError(code: .gone, message: "gone (HTTP 410): source retired", url: Self.sourceA.url, status: 410)))
        let summary = try await rig.run()
        #expect(summary.failedEntirely)
        #expect(summary.retired == ["a"])
        #expect(await rig.store.source(id: "a")?.retired == true)
        rig.clock.advance(86400 * 3)
        let later = try await rig.run()
        #expect(later.attempted == 0)
        #expect(later.retired == ["a"])
        #expect(await rig.fetcher.requests.count == 1)
    }

    @Test("an HTML page where a feed is configured is a failure that names the page's own feed")
    func htmlInsteadOfFeed() async throws {
        let rig = Rig([Self.sourceA])
        let page = """
            <!DOCTYPE html><html><head><title>A News</title>
            <link rel="alternate" type="application/rss+xml" href="https://a.example/real-feed.xml"></head>
            <body><h1>Welcome</h1><p>Our news.</p></body></html>
            """
        await rig.fetcher.set(Self.sourceA.url, body: page, contentType: "text/html")
        let summary = try await rig.run()
        #expect(summary.failures.first?.reason == "an HTML page instead of a feed (the page links to the feed https://a.example/real-feed.xml)")
    }

    @Test("a dry run reads but stores and writes nothing")
    func dryRun() async throws {
        let rig = Rig([Self.sourceA])
        await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake, F.rates]))
        let summary = try await rig.run(dryRun: true)
        #expect(summary.newArticles == 2)
        #expect(await rig.store.articleCount() == 0)
        #expect(rig.files.contents.isEmpty)
    }

    @Test("the same inputs at the same times give byte-identical feeds")
    func deterministic() async throws {
        var outputs: [[String: [UInt8]]] = []
        for _ in 0..<2 {
            let rig = Rig([Self.sourceA, Self.sourceB])
            await rig.fetcher.set(Self.sourceA.url, body: F.rss(title: "A", items: [F.quake, F.rates, F.football]))
            await rig.fetcher.set(Self.sourceB.url, body: F.rss(title: "B", items: [F.quakeRewritten]))
            _ = try await rig.run()
            outputs.append(rig.files.contents)
        }
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        let differing = outputs[0].keys.filter { outputs[0][$0] != outputs[1][$0] }.sorted()
        #expect(differing.isEmpty, "files differ: \(differing)")
        #expect(outputs[0].count > 8)
    }

    @Test("an index page's article links are followed; pages stored before are not fetched again")
    func indexPage() async throws {
        let index = SourceSettings(id: "ledger", url: "https://ledger.example/latest/", kind: .index, title: "Ledger")
        let rig = Rig([index])
        var list = ""
        let stories = [F.quake, F.rates, F.football]
        for (number, item) in stories.enumerated() {
            let url = "https://ledger.example/2026/11/2\(number)/\(item.id)-story-of-the-day"
            list += "<li><a href=\"\(url)\">\(item.title)</a></li>"
            let article = """
                <!DOCTYPE html><html><head><title>\(item.title) | Ledger</title></head><body>
                <article><h1>\(item.title)</h1>\(item.paragraphs.map { "<p>\($0)</p>" }.joined())</article></body></html>
                """
            await rig.fetcher.set(url, body: article, contentType: "text/html")
        }
        await rig.fetcher.set(
            index.url, body: "<!DOCTYPE html><html><head><title>Latest</title></head><body><main><ul>\(list)</ul></main></body></html>",
            contentType: "text/html")
        let summary = try await rig.run()
        #expect(summary.newArticles == 3)
        #expect(Set(try rig.feed("all.atom").entries.compactMap { $0.title?.value }) == Set(stories.map(\.title)))
        rig.clock.advance(3600)
        _ = try await rig.run()
        let fetched = await rig.fetcher.requests.map(\.url)
        #expect(fetched.filter { $0.contains("story-of-the-day") }.count == 3)
        #expect(fetched.filter { $0 == index.url }.count == 2)
    }

    @Test("a feed of teasers with fullText gets each entry's page")
    func fullText() async throws {
        var source = Self.sourceA
        source.fullText = true
        let rig = Rig([source])
        var teaser = F.quake
        teaser.paragraphs = ["An earthquake struck southern Peru."]
        await rig.fetcher.set(source.url, body: F.rss(title: "A", items: [teaser]))
        let page = """
            <!DOCTYPE html><html><head><title>\(F.quake.title)</title></head><body>
            <article><h1>\(F.quake.title)</h1>\(F.quake.paragraphs.map { "<p>\($0)</p>" }.joined())</article></body></html>
            """
        await rig.fetcher.set(F.quake.link, body: page, contentType: "text/html")
        _ = try await rig.run()
        let article = try #require(await rig.store.articles(since: nil).first)
        #expect(article.text.contains("Rescue teams were searching collapsed buildings"))
    }

    @Test("an unknown --source id is an error naming it")
    func unknownSource() async throws {
        let rig = Rig([Self.sourceA])
        await #expect(throws: AggregationError(message: "no source with id 'zz' in the configuration (see `tributary sources list`)")) {
            _ = try await rig.run(only: ["zz"])
        }
    }
}
